import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/engine/types';
import type { Activation, CellKind, HeadKind } from '../../src/engine/types';
import { headLoss, randomFixture, relErr, slice } from './fixtures';
import type { Fixture } from './fixtures';

// Central differences: (L(θ+ε) − L(θ−ε)) / 2ε has error O(ε²·L‴) + O(u/ε); ε = 1e-5 puts both near 1e-10.
const EPS = 1e-5;
const TOL = 1e-6;

const combos: [CellKind, Activation][] = [
  ...ACTIVATIONS.map((a): [CellKind, Activation] => ['rnn', a]),
  ['lstm', 'tanh'],
  ['gru', 'tanh'],
];
const heads: HeadKind[] = ['softmax', 'linear'];

function fdLoss(_f: Fixture, x: Float64Array, i: number, loss: () => number): number {
  const v = x[i];
  x[i] = v + EPS;
  const lp = loss();
  x[i] = v - EPS;
  const lm = loss();
  x[i] = v;
  return (lp - lm) / (2 * EPS);
}

describe.each(combos)('BPTT of %s/%s agrees with central finite differences', (cell, act) => {
  it.each(heads)('every parameter, h0 and c0, with null targets (%s head)', (head) => {
    const f = randomFixture(11, cell, act, head, { T: 7 });
    const { net, seq, h0, c0 } = f;
    const loss = () => net.forward(seq, h0, c0);
    loss();
    net.grad.fill(0);
    net.backward(seq);
    const analytic = net.grad.slice();
    const dh0 = net.ws.dh0.slice();
    const dc0 = net.ws.dc0.slice();
    let worst = 0;
    for (let i = 0; i < net.theta.length; i++) worst = Math.max(worst, relErr(analytic[i], fdLoss(f, net.theta, i, loss)));
    for (let j = 0; j < h0.length; j++) worst = Math.max(worst, relErr(dh0[j], fdLoss(f, h0, j, loss)));
    if (cell === 'lstm') for (let j = 0; j < c0.length; j++) worst = Math.max(worst, relErr(dc0[j], fdLoss(f, c0, j, loss)));
    expect(worst).toBeLessThan(TOL);
    expect(seq.mask.includes(0)).toBe(true); // the fixture really has unscored steps
  });

  it.each(heads)('one-hot inputs take the sparse path and give the same gradient (%s head)', (head) => {
    const f = randomFixture(5, cell, act, head, { oneHot: true, I: 4 });
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
    const f = randomFixture(23, cell, act, head, { T: 6 });
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
      for (let j = 0; j < H; j++) expect(relErr(dh[t * H + j], fdLoss(f, h, j, L))).toBeLessThan(TOL);
      if (cell !== 'lstm' || !c) continue;
      // Perturbing c_t also moves h_t = o_t ⊙ tanh(c_t).
      const o = acts.slice(t * 4 * H + 3 * H, t * 4 * H + 4 * H);
      const Lc = () => {
        for (let j = 0; j < H; j++) h[j] = o[j] * Math.tanh(c[j]);
        return L();
      };
      for (let j = 0; j < H; j++) expect(relErr(dc[t * H + j], fdLoss(f, c, j, Lc))).toBeLessThan(TOL);
    }
  });
});
