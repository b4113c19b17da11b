import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../src/engine/types';
import { randomFixture, relErr, slice } from './fixtures';

const EPS = 1e-5;

/**
 * Truncated BPTT with window k (Williams & Peng 1990, BPTT(h)) is the exact gradient of
 * (1/N) Σ_τ ℓ_τ(θ; h_{τ−k}, c_{τ−k} held constant): each scored step τ is re-run from the stored
 * state k steps back with θ perturbed, and only ℓ_τ is counted.
 */
describe.each<CellKind>(['rnn', 'lstm', 'gru'])('truncated BPTT of %s', (cell) => {
  it.each([1, 2, 3])('equals finite differences of the windowed objective, k = %i', (k) => {
    const f = randomFixture(31 + k, cell, 'tanh', 'softmax', { T: 7, nullEvery: 3 });
    const { net, seq, h0, c0 } = f;
    const { inputSize: I, outputSize: O, hiddenSize: H } = net.shape;
    net.forward(seq, h0, c0);
    const N = net.scored;
    const hs = net.ws.hs.slice();
    const cs = net.ws.cs.slice();
    net.grad.fill(0);
    net.backward(seq, { truncate: k });
    const analytic = net.grad.slice();
    const windowed = () => {
      let sum = 0;
      for (let tau = 0; tau < seq.length; tau++) {
        if (seq.mask[tau] !== 1) continue;
        const a = Math.max(0, tau - k + 1);
        const start = a === 0 ? h0 : hs.slice(a * H, (a + 1) * H);
        const cStart = a === 0 ? c0 : cs.length ? cs.slice(a * H, (a + 1) * H) : undefined;
        sum += net.forward(slice(seq, a, tau, I, O, 'softmax', (t) => t === tau), start, cStart);
      }
      return sum / N;
    };
    let worst = 0;
    for (let i = 0; i < net.theta.length; i++) {
      const v = net.theta[i];
      net.theta[i] = v + EPS;
      const lp = windowed();
      net.theta[i] = v - EPS;
      const lm = windowed();
      net.theta[i] = v;
      worst = Math.max(worst, relErr(analytic[i], (lp - lm) / (2 * EPS)));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('differs from full BPTT when k < T and equals it when k ≥ T', () => {
    const f = randomFixture(8, cell, 'tanh', 'linear', { T: 6 });
    const { net, seq } = f;
    const grads = (k: number) => {
      net.forward(seq);
      net.grad.fill(0);
      net.backward(seq, { truncate: k });
      return net.grad.slice();
    };
    const full = grads(0);
    expect(Array.from(grads(6))).toEqual(Array.from(full));
    expect(Array.from(grads(50))).toEqual(Array.from(full));
    const whBlock = net.layout.find(cell === 'rnn' ? 'Whh' : cell === 'lstm' ? 'Whf' : 'Whz')!;
    const g2 = grads(2);
    let diff = 0;
    for (let i = whBlock.offset; i < whBlock.offset + whBlock.rows * whBlock.cols; i++) diff = Math.max(diff, Math.abs(g2[i] - full[i]));
    expect(diff).toBeGreaterThan(1e-6);
  });
});
