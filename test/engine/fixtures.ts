import { Network } from '../../src/engine/network';
import { Rng } from '../../src/engine/rng';
import type { Activation, CellKind, ForgetGate, HeadKind, Recurrence, Sequence } from '../../src/engine/types';
import { oneHotIndices } from '../../src/engine/validate';

export interface Fixture {
  net: Network;
  seq: Sequence;
  h0: Float64Array;
  c0: Float64Array;
}

/** The model options a fixture may set (absent: recurrence on, sigmoid forget gate). */
export interface ModelOptions {
  recurrence?: Recurrence;
  forgetGate?: ForgetGate;
}

/**
 * A small random network and sequence: weights N(0, σ²), inputs N(0,1) or one-hot, some targets null.
 * With recurrence off the Wh· are then set to 0, as a session holds them.
 */
export function randomFixture(seed: number, cell: CellKind, activation: Activation, head: HeadKind,
  o: { I?: number; H?: number; O?: number; T?: number; sigma?: number; oneHot?: boolean; nullEvery?: number } & ModelOptions = {}): Fixture {
  const rng = new Rng(seed);
  const I = o.I ?? 3, H = o.H ?? 4, O = o.O ?? 3, T = o.T ?? 6, sigma = o.sigma ?? 0.6;
  const net = new Network({ cell, activation, inputSize: I, hiddenSize: H, outputSize: O, head, recurrence: o.recurrence, forgetGate: o.forgetGate });
  for (let i = 0; i < net.theta.length; i++) net.theta[i] = rng.normal(0, sigma);
  if (o.recurrence === 'off') for (const b of net.layout.blocks) if (b.role === 'recurrent') net.theta.fill(0, b.offset, b.offset + b.rows * b.cols);
  const inputs = new Float64Array(T * I);
  for (let t = 0; t < T; t++) {
    if (o.oneHot) inputs[t * I + rng.int(I)] = 1;
    else for (let j = 0; j < I; j++) inputs[t * I + j] = rng.normal();
  }
  const mask = new Uint8Array(T);
  const targets = new Float64Array(head === 'softmax' ? T : T * O);
  const every = o.nullEvery ?? 3;
  for (let t = 0; t < T; t++) {
    mask[t] = every > 0 && t % every === 1 && t !== T - 1 ? 0 : 1;
    if (head === 'softmax') targets[t] = rng.int(O);
    else for (let r = 0; r < O; r++) targets[t * O + r] = rng.normal();
  }
  const h0 = new Float64Array(H).map(() => rng.normal(0, 0.5));
  const c0 = new Float64Array(H).map(() => rng.normal(0, 0.5));
  return { net, seq: { length: T, inputs, targets, mask, hot: oneHotIndices(inputs, T, I) }, h0, c0 };
}

/** Steps [a, b] of a sequence, scoring only the steps in `keep` (absolute indices). */
export function slice(seq: Sequence, a: number, b: number, I: number, O: number, head: HeadKind, keep?: (t: number) => boolean): Sequence {
  const T = b - a + 1;
  const per = head === 'softmax' ? 1 : O;
  const mask = new Uint8Array(T);
  for (let t = 0; t < T; t++) mask[t] = seq.mask[a + t] === 1 && (!keep || keep(a + t)) ? 1 : 0;
  return {
    length: T,
    inputs: seq.inputs.slice(a * I, (b + 1) * I),
    targets: seq.targets.slice(a * per, (b + 1) * per),
    mask,
    hot: seq.hot ? seq.hot.slice(a, b + 1) : undefined,
  };
}

/** |a − b| / max(|a|, |b|, floor): relative error, with a floor so that gradients near 0 are compared absolutely. */
export function relErr(a: number, b: number, floor = 1e-3): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** ℓ_t as a function of h_t alone (0 if step t is not scored), from the head's formula written out again. */
export function headLoss(f: Fixture, t: number, h: Float64Array): number {
  const { net, seq } = f;
  if (seq.mask[t] !== 1) return 0;
  const { hiddenSize: H, outputSize: O, head } = net.shape;
  const L = net.layout;
  const y = new Float64Array(O);
  for (let r = 0; r < O; r++) {
    let s = net.theta[L.by + r];
    for (let c = 0; c < H; c++) s += net.theta[L.why + r * H + c] * h[c];
    y[r] = s;
  }
  if (head === 'linear') return y.reduce((a, v, r) => a + 0.5 * (v - seq.targets[t * O + r]) ** 2, 0);
  const m = Math.max(...y);
  return m + Math.log(y.reduce((a, v) => a + Math.exp(v - m), 0)) - y[seq.targets[t]];
}

/** Central difference (loss(x + ε e_i) − loss(x − ε e_i)) / 2ε in x[i]; x[i] is restored. */
export function centralDifference(x: Float64Array, i: number, loss: () => number, eps = 1e-5): number {
  const v = x[i];
  x[i] = v + eps;
  const lp = loss();
  x[i] = v - eps;
  const lm = loss();
  x[i] = v;
  return (lp - lm) / (2 * eps);
}
