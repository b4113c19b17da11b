import { describe, expect, it } from 'vitest';
import { largestSingularValue, orthogonal, spectralRadius } from '../../src/engine/linalg';
import { Network } from '../../src/engine/network';
import { Rng } from '../../src/engine/rng';
import type { Activation, CellKind, Sequence } from '../../src/engine/types';

function makeNet(cell: CellKind, activation: Activation, I: number, H: number, O: number): Network {
  return new Network({ cell, activation, inputSize: I, hiddenSize: H, outputSize: O, head: 'linear' });
}

/** T steps of N(0, σ²) inputs, linear targets N(0,1); only `scored` steps (default all) have a target. */
function randomSeq(rng: Rng, T: number, I: number, O: number, sigma = 1, scored?: number[]): Sequence {
  const inputs = Float64Array.from({ length: T * I }, () => rng.normal(0, sigma));
  const targets = Float64Array.from({ length: T * O }, () => rng.normal());
  const mask = new Uint8Array(T);
  if (scored) for (const t of scored) mask[t] = 1;
  else mask.fill(1);
  return { length: T, inputs, targets, mask };
}

function fillNormal(a: Float64Array, rng: Rng, sigma: number): void {
  for (let i = 0; i < a.length; i++) a[i] = rng.normal(0, sigma);
}

describe('gate ranges', () => {
  // With weights N(0, 1²) every pre-activation stays well below 18, so σ and tanh stay strictly inside
  // their open ranges in double precision; with N(0, 3²) some saturate and round to exactly 0, ±1
  // (tanh(a) = 1 for a > 19.06 in binary64): then only the closed ranges can hold, and they must.
  it.each<[CellKind, number, boolean]>([['lstm', 1, true], ['gru', 1, true], ['lstm', 3, false], ['gru', 3, false]])('%s with weights N(0, %d²): σ gates in (0,1), tanh candidates in (−1,1), |h| < 1 (open ranges: %s)', (cell, sigma, open) => {
    const rng = new Rng(cell === 'lstm' ? 1 : 2);
    const I = 5, H = 8, T = 60;
    const net = makeNet(cell, 'tanh', I, H, 2);
    fillNormal(net.theta, rng, sigma);
    const seq = randomSeq(rng, T, I, 2);
    net.forward(seq);
    const G = cell === 'lstm' ? 4 : 3;
    const candidate = 2; // g of [f,i,g,o], n of [z,r,n]
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < G; k++) {
        for (let j = 0; j < H; j++) {
          const v = net.ws.act[t * G * H + k * H + j];
          if (k === candidate) {
            if (open) expect(Math.abs(v)).toBeLessThan(1);
            else expect(Math.abs(v)).toBeLessThanOrEqual(1);
          } else {
            if (open) {
              expect(v).toBeGreaterThan(0);
              expect(v).toBeLessThan(1);
            } else {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      // LSTM: h = o ⊙ tanh(c); GRU (h0 = 0): a convex combination of values in (−1,1)
      for (let j = 0; j < H; j++) {
        const h = Math.abs(net.ws.hs[(t + 1) * H + j]);
        if (open) expect(h).toBeLessThan(1);
        else expect(h).toBeLessThanOrEqual(1);
      }
    }
    // the inputs really exercised the gates over most of their range (so the test could fail)
    expect(lo).toBeLessThan(0.1);
    expect(hi).toBeGreaterThan(0.9);
  });
});

describe('an LSTM whose forget gate is 1 and input gate 0 keeps its cell state exactly', () => {
  it('c_t = c0 for every t (bf = +40, bi = −40, other weights < 0.02)', () => {
    const rng = new Rng(5);
    const I = 3, H = 4, T = 50;
    const net = makeNet('lstm', 'tanh', I, H, 2);
    fillNormal(net.theta, rng, 0.003);
    // |w| < 0.02 and |x| < 5 give |pre-activation − bias| < 0.02·(3·5 + 4·1) < 0.5, so f = σ(> 39.5)
    expect(Math.max(...net.theta.map(Math.abs))).toBeLessThan(0.02);
    net.layout.view(net.theta, 'bf').fill(40);
    net.layout.view(net.theta, 'bi').fill(-40);
    const c0 = [0.7, -0.4, 1.3, -2.1];
    const seq = randomSeq(rng, T, I, 2);
    expect(Math.max(...seq.inputs.map(Math.abs))).toBeLessThan(5);
    net.forward(seq, [0.1, 0.2, -0.3, 0.4], c0);
    for (let t = 0; t < T; t++) {
      // σ(≥ 39.5) rounds to exactly 1 in double precision; i·g ≈ e^{−40} ≈ 4e−18 is below half an ulp of |c0|
      for (let j = 0; j < H; j++) {
        expect(net.ws.act[t * 4 * H + j]).toBe(1);
        expect(net.ws.cs[(t + 1) * H + j]).toBe(c0[j]);
      }
    }
    // the other gates are not frozen: h_t = o ⊙ tanh(c0) with o ≈ σ(small) ≈ 0.5
    for (let j = 0; j < H; j++) expect(Math.abs(net.ws.hs[T * H + j] / Math.tanh(c0[j]) - 0.5)).toBeLessThan(0.05);
  });
});

describe('gradient flow ‖∂ℓ_τ/∂h_k‖ (Network.flow)', () => {
  it('tanh RNN with ‖Whh‖₂ = 0.5: each step back shrinks it by at most 0.5·max_j tanh′ at that step', () => {
    // ∂ℓ/∂h_{k−1} = Whhᵀ diag(1 − h_k²) ∂ℓ/∂h_k, so ‖∂ℓ/∂h_{k−1}‖ ≤ ‖Whh‖₂ · max_j (1 − h_{k,j}²) · ‖∂ℓ/∂h_k‖
    const rng = new Rng(9);
    const I = 3, H = 6, T = 30;
    const net = makeNet('rnn', 'tanh', I, H, 2);
    fillNormal(net.theta, rng, 0.5);
    const whh = net.layout.view(net.theta, 'Whh');
    const q = orthogonal(H, rng);
    for (let i = 0; i < H * H; i++) whh[i] = 0.5 * q[i];
    expect(largestSingularValue(whh.slice(), H, H)).toBeCloseTo(0.5, 12);
    expect(spectralRadius(whh.slice(), H)).toBeCloseTo(0.5, 12);
    const tau = T - 1;
    const seq = randomSeq(rng, T, I, 2, 1, [tau]);
    net.forward(seq);
    const flow = new Float64Array(tau + 1);
    net.flow(seq, tau, flow);
    const logs: number[] = [];
    for (let k = tau; k >= 1; k--) {
      let maxD = 0;
      for (let j = 0; j < H; j++) maxD = Math.max(maxD, 1 - net.ws.hs[(k + 1) * H + j] ** 2);
      const ratio = flow[k - 1] / flow[k];
      expect(ratio).toBeGreaterThan(0);
      expect(ratio).toBeLessThanOrEqual(0.5 * maxD * (1 + 1e-12));
      logs.push(Math.log(flow[k - 1]));
    }
    // hence log‖∂ℓ_τ/∂h_k‖ lies under the line of slope log 0.5 through k = τ
    for (let k = 0; k <= tau; k++) expect(Math.log(flow[k])).toBeLessThanOrEqual(Math.log(flow[tau]) + (tau - k) * Math.log(0.5) + 1e-9);
    expect(flow[0] / flow[tau]).toBeLessThan(0.5 ** tau);
    expect(logs.length).toBe(tau);
  });

  it.each([0.5, 1.5])('linear RNN with Whh = %s·I: neighbouring k differ by exactly that factor', (s) => {
    const rng = new Rng(11);
    const I = 2, H = 5, T = 25;
    const net = makeNet('rnn', 'linear', I, H, 3);
    fillNormal(net.theta, rng, 0.3);
    const whh = net.layout.view(net.theta, 'Whh');
    whh.fill(0);
    for (let j = 0; j < H; j++) whh[j * H + j] = s;
    // score several steps: flow still counts ℓ_τ alone
    const seq = randomSeq(rng, T, I, 3, 1, [3, 10, 20]);
    net.forward(seq);
    const tau = 20;
    const flow = new Float64Array(tau + 1);
    net.flow(seq, tau, flow);
    for (let k = 1; k <= tau; k++) expect(flow[k - 1] / flow[k]).toBeCloseTo(s, 13);
    expect(flow[0] / flow[tau]).toBeCloseTo(s ** tau, s < 1 ? 13 : 2);
    expect(flow[tau]).toBeGreaterThan(0);
  });

  it('LSTM: ‖∂ℓ_τ/∂c_k‖ is reported too, and with f = 1, i = 0 the cell path carries it undiminished', () => {
    const rng = new Rng(13);
    const I = 2, H = 3, T = 12;
    const net = makeNet('lstm', 'tanh', I, H, 1);
    fillNormal(net.theta, rng, 0.003);
    expect(Math.max(...net.theta.map(Math.abs))).toBeLessThan(0.02);
    net.layout.view(net.theta, 'bf').fill(40);
    net.layout.view(net.theta, 'bi').fill(-40);
    const tau = T - 1;
    const seq = randomSeq(rng, T, I, 1, 1, [tau]);
    net.forward(seq, undefined, [0.5, -0.5, 1]);
    const fh = new Float64Array(tau + 1);
    const fc = new Float64Array(tau + 1);
    net.flow(seq, tau, fh, fc);
    // ∂ℓ/∂c_{k−1} = f ⊙ ∂ℓ/∂c_k + (terms through h_{k−1}, scaled by weights < 0.02): nearly constant
    for (let k = 1; k <= tau; k++) expect(Math.abs(fc[k - 1] / fc[k] - 1)).toBeLessThan(0.05);
    expect(fc[0]).toBeGreaterThan(0);
    expect(fh[tau]).toBeGreaterThan(0);
  });
});
