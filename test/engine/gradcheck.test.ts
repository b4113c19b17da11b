import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/engine/types';
import type { Activation, CellKind, HeadKind } from '../../src/engine/types';
import { centralDifference, headLoss, randomFixture, relErr, slice } from './fixtures';
import type { ModelOptions } from './fixtures';

// Central differences: (L(θ+ε) − L(θ−ε)) / 2ε has error O(ε²·L‴) + O(u/ε); ε = 1e-5 puts both near 1e-10.
const TOL = 1e-6;

type Combo = [CellKind, Activation, string, ModelOptions];
/** cell, activation, the model options in words (for the test names), the model options. */
const combos: Combo[] = [
  ...ACTIVATIONS.map((a): Combo => ['rnn', a, '', {}]),
  ['lstm', 'tanh', '', {}],
  ['gru', 'tanh', '', {}],
  // the lesson options: the LSTM's tanh forget gate, and recurrence off for every cell and activation
  ['lstm', 'tanh', ', tanh forget gate', { forgetGate: 'tanh' }],
  ...ACTIVATIONS.map((a): Combo => ['rnn', a, ', recurrence off', { recurrence: 'off' }]),
  ['lstm', 'tanh', ', recurrence off', { recurrence: 'off' }],
  ['lstm', 'tanh', ', recurrence off, tanh forget gate', { recurrence: 'off', forgetGate: 'tanh' }],
  ['gru', 'tanh', ', recurrence off', { recurrence: 'off' }],
];
const heads: HeadKind[] = ['softmax', 'linear'];

describe.each(combos)('BPTT of %s/%s%s agrees with central finite differences', (cell, act, _words, options) => {
  it.each(heads)('every parameter, h0 and c0, with null targets (%s head)', (head) => {
    const f = randomFixture(11, cell, act, head, { T: 7, ...options });
    const { net, seq, h0, c0 } = f;
    const loss = () => net.forward(seq, h0, c0);
    loss();
    net.grad.fill(0);
    net.backward(seq);
    const analytic = net.grad.slice();
    const dh0 = net.ws.dh0.slice();
    const dc0 = net.ws.dc0.slice();
    let worst = 0;
    for (let i = 0; i < net.theta.length; i++) worst = Math.max(worst, relErr(analytic[i], centralDifference(net.theta, i, loss)));
    for (let j = 0; j < h0.length; j++) worst = Math.max(worst, relErr(dh0[j], centralDifference(h0, j, loss)));
    if (cell === 'lstm') for (let j = 0; j < c0.length; j++) worst = Math.max(worst, relErr(dc0[j], centralDifference(c0, j, loss)));
    expect(worst).toBeLessThan(TOL);
    expect(seq.mask.includes(0)).toBe(true); // the fixture really has unscored steps
    if (options.recurrence === 'off') {
      // Nothing flows from a step to the one before: the frozen Wh· (and h0, c0) get a gradient of exactly 0,
      // as their central differences do (the loss does not depend on them at all).
      for (const b of net.layout.blocks.filter((x) => x.role === 'recurrent')) {
        for (let i = b.offset; i < b.offset + b.rows * b.cols; i++) {
          expect(analytic[i]).toBe(0);
          expect(centralDifference(net.theta, i, loss)).toBe(0);
        }
      }
      expect(Array.from(dh0).every((v) => v === 0) && Array.from(dc0).every((v) => v === 0)).toBe(true);
    }
  });

  it.each(heads)('one-hot inputs take the sparse path and give the same gradient (%s head)', (head) => {
    const f = randomFixture(5, cell, act, head, { oneHot: true, I: 4, ...options });
    const { net, seq } = f;
    expect(Array.from(seq.hot!).every((k) => k >= 0)).toBe(true);
    net.forward(seq);
    net.grad.fill(0);
    net.backward(seq);
    const sparse = net.grad.slice();
    const dense = { ...seq, hot: undefined };
    net.forward(dense);
    net.grad.fill(0);
    net.backward(dense);
    for (let i = 0; i < sparse.length; i++) expect(sparse[i]).toBeCloseTo(net.grad[i], 14);
  });

  it.each(heads)('recorded dh_t (and dc_t) are the total derivatives ∂L/∂h_t, ∂L/∂c_t (%s head)', (head) => {
    const f = randomFixture(23, cell, act, head, { T: 6, ...options });
    const { net, seq, h0, c0 } = f;
    const { inputSize: I, outputSize: O, hiddenSize: H } = net.shape;
    net.forward(seq, h0, c0);
    const N = net.scored;
    net.grad.fill(0);
    net.backward(seq, { record: true });
    const dh = net.ws.dhRec.slice();
    const dc = net.ws.dcRec.slice();
    const hs = net.ws.hs.slice();
    const cs = net.ws.cs.slice();
    const acts = net.ws.act.slice();
    const T = seq.length;
    // L as a function of (h_t, c_t): ℓ_t(h_t)/N + (Σ_{τ>t} ℓ_τ)/N, the later steps run from (h_t, c_t).
    for (let t = 0; t < T - 1; t++) {
      const suffix = slice(seq, t + 1, T - 1, I, O, head);
      const n = suffix.mask.reduce((a, b) => a + b, 0);
      const h = hs.slice((t + 1) * H, (t + 2) * H);
      const c = cs.length ? cs.slice((t + 1) * H, (t + 2) * H) : undefined;
      const L = () => headLoss(f, t, h) / N + (n > 0 ? (net.forward(suffix, h, c) * n) / N : 0);
      for (let j = 0; j < H; j++) expect(relErr(dh[t * H + j], centralDifference(h, j, L))).toBeLessThan(TOL);
      if (cell !== 'lstm' || !c) continue;
      // Perturbing c_t also moves h_t = o_t ⊙ tanh(c_t).
      const o = acts.slice(t * 4 * H + 3 * H, t * 4 * H + 4 * H);
      const Lc = () => {
        for (let j = 0; j < H; j++) h[j] = o[j] * Math.tanh(c[j]);
        return L();
      };
      for (let j = 0; j < H; j++) expect(relErr(dc[t * H + j], centralDifference(c, j, Lc))).toBeLessThan(TOL);
    }
  });
});
