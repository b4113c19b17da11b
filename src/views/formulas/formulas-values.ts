/**
 * The numbers the lecture's formulas take at one timestep t and hidden unit j, read from an InspectRecord.
 * The record streams activations (h, c, gates, y, p, ℓ, ∂L/∂h, ∂L/∂c, the flow profile) but not the weights,
 * so what can be recomputed exactly is recomputed (c_t, h_t of the gated cells, p_t, ℓ_t, L, ∂L/∂c_t), and a
 * pre-activation a = W_x x_t + W_h h_{t−1} + b is recovered only as a whole, by inverting its activation.
 */
import type { InspectRecord } from '../../engine/session';
import type { Activation, CellKind } from '../../engine/types';

/** σ(a) = 1 / (1 + e^{−a}). */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/** act(a) for a vanilla RNN's activation (or a gate's σ / tanh). */
export function activate(act: Activation, a: number): number {
  switch (act) {
    case 'tanh':
      return Math.tanh(a);
    case 'sigmoid':
      return sigmoid(a);
    case 'relu':
      return a > 0 ? a : 0;
    case 'linear':
      return a;
  }
}

/** act⁻¹(v): the pre-activation a with act(a) = v, or null where it is not recoverable (ReLU output 0, a saturated tanh/σ). */
export function invertActivation(act: Activation, v: number): number | null {
  let a: number;
  switch (act) {
    case 'tanh':
      a = Math.atanh(v);
      break;
    case 'sigmoid':
      a = Math.log(v / (1 - v));
      break;
    case 'relu':
      if (!(v > 0)) return null;
      a = v;
      break;
    case 'linear':
      a = v;
      break;
  }
  return Number.isFinite(a) ? a : null;
}

/** act′(a) written through the output v = act(a): tanh 1 − v², σ v(1 − v), ReLU [v > 0], linear 1. */
export function derivativeFromOutput(act: Activation, v: number): number {
  switch (act) {
    case 'tanh':
      return 1 - v * v;
    case 'sigmoid':
      return v * (1 - v);
    case 'relu':
      return v > 0 ? 1 : 0;
    case 'linear':
      return 1;
  }
}

/** The cell a record was made by, from its gate names (rnn: h; lstm: f i g o; gru: z r n). */
export function cellOf(rec: InspectRecord): CellKind {
  if (rec.gateNames.includes('f')) return 'lstm';
  if (rec.gateNames.includes('z')) return 'gru';
  return 'rnn';
}

/** v_t[j] of a T×W row-major array, with the zero initial state at t = −1. */
export function rowValue(arr: ArrayLike<number>, W: number, t: number, j: number): number {
  return t < 0 ? 0 : arr[t * W + j];
}

/** Gate `name`'s value at (t, j): gates[(t·G + g)·H + j]. */
export function gateValue(rec: InspectRecord, name: string, t: number, j: number): number {
  const g = rec.gateNames.indexOf(name);
  if (g < 0) throw new Error(`no gate ${name} in this record`);
  return rec.gates[(t * rec.gateNames.length + g) * rec.H + j];
}

/** x_t as a plain array, and the index of its single 1 when it is one-hot (−1 otherwise). */
export function inputAt(rec: InspectRecord, t: number): { x: number[]; hot: number } {
  const x = Array.from(rec.inputs.subarray(t * rec.I, (t + 1) * rec.I));
  const ones = x.filter((v) => v === 1).length;
  const zeros = x.filter((v) => v === 0).length;
  return { x, hot: ones === 1 && ones + zeros === x.length ? x.indexOf(1) : -1 };
}

/** Vanilla RNN at (t, j): h_t[j] = act(a_t[j]), a_t[j] = (W_xh x_t + W_hh h_{t−1} + b_h)[j] recovered as act⁻¹(h_t[j]). */
export interface RnnHiddenValues {
  hPrev: number;
  h: number;
  /** the recovered pre-activation, null where act is not invertible at h */
  a: number | null;
  /** act(a), the right-hand side recomputed from the recovered a */
  rhs: number | null;
}

/** Hidden-update values of a vanilla RNN record at (t, j). */
export function rnnHidden(rec: InspectRecord, act: Activation, t: number, j: number): RnnHiddenValues {
  const h = rowValue(rec.h, rec.H, t, j);
  const a = invertActivation(act, h);
  return { hPrev: rowValue(rec.h, rec.H, t - 1, j), h, a, rhs: a === null ? null : activate(act, a) };
}

/** LSTM at (t, j): the gates, their recovered pre-activations, and c_t, h_t recomputed from them. */
export interface LstmValues {
  f: number;
  i: number;
  g: number;
  o: number;
  aF: number | null;
  aI: number | null;
  aG: number | null;
  aO: number | null;
  cPrev: number;
  hPrev: number;
  /** the recorded c_t[j] and f·c_{t−1} + i·g */
  c: number;
  cRhs: number;
  /** tanh(c_t[j]), the recorded h_t[j] and o·tanh(c_t) */
  tanhC: number;
  h: number;
  hRhs: number;
}

/** LSTM values at (t, j). */
export function lstmStep(rec: InspectRecord, t: number, j: number): LstmValues {
  const f = gateValue(rec, 'f', t, j);
  const i = gateValue(rec, 'i', t, j);
  const g = gateValue(rec, 'g', t, j);
  const o = gateValue(rec, 'o', t, j);
  const cPrev = rowValue(rec.c, rec.H, t - 1, j);
  const c = rowValue(rec.c, rec.H, t, j);
  const tanhC = Math.tanh(c);
  return {
    f, i, g, o,
    aF: invertActivation('sigmoid', f), aI: invertActivation('sigmoid', i), aG: invertActivation('tanh', g), aO: invertActivation('sigmoid', o),
    cPrev, hPrev: rowValue(rec.h, rec.H, t - 1, j),
    c, cRhs: f * cPrev + i * g,
    tanhC, h: rowValue(rec.h, rec.H, t, j), hRhs: o * tanhC,
  };
}

/** GRU at (t, j): the gates, r ⊙ h_{t−1}, and h_t recomputed as (1 − z)·n + z·h_{t−1}. */
export interface GruValues {
  z: number;
  r: number;
  n: number;
  aZ: number | null;
  aR: number | null;
  aN: number | null;
  hPrev: number;
  /** r_t[j]·h_{t−1}[j], the reset hidden state entering W_hn */
  rh: number;
  h: number;
  hRhs: number;
}

/** GRU values at (t, j). */
export function gruStep(rec: InspectRecord, t: number, j: number): GruValues {
  const z = gateValue(rec, 'z', t, j);
  const r = gateValue(rec, 'r', t, j);
  const n = gateValue(rec, 'n', t, j);
  const hPrev = rowValue(rec.h, rec.H, t - 1, j);
  return {
    z, r, n,
    aZ: invertActivation('sigmoid', z), aR: invertActivation('sigmoid', r), aN: invertActivation('tanh', n),
    hPrev, rh: r * hPrev,
    h: rowValue(rec.h, rec.H, t, j), hRhs: (1 - z) * n + z * hPrev,
  };
}

/** The output head at step t: y_t, and for softmax p_t = softmax(y_t) recomputed, at the shown class k. */
export interface OutputValues {
  /** the output index shown: the target class when scored, else the most probable class (softmax); 0 for a linear head */
  k: number;
  y: number[];
  /** softmax: the recorded p_t[k] and e^{y_k} / Σ_m e^{y_m} (computed with the max subtracted); linear: null */
  p: number | null;
  pRhs: number | null;
}

/** Output values at step t. */
export function outputStep(rec: InspectRecord, t: number): OutputValues {
  const O = rec.O;
  const y = Array.from(rec.y.subarray(t * O, (t + 1) * O));
  if (rec.p.length === 0) return { k: 0, y, p: null, pRhs: null };
  let k = rec.mask[t] === 1 ? rec.targets[t] : 0;
  if (rec.mask[t] !== 1) for (let m = 1; m < O; m++) if (rec.p[t * O + m] > rec.p[t * O + k]) k = m;
  const top = Math.max(...y);
  let sum = 0;
  for (const v of y) sum += Math.exp(v - top);
  return { k, y, p: rec.p[t * O + k], pRhs: Math.exp(y[k] - top) / sum };
}

/** ℓ_t: softmax −log p_t[target], linear ½Σ_m (y_t[m] − target_t[m])²; null terms when step t is not scored. */
export interface StepLossValues {
  scored: boolean;
  /** softmax: the target class and p_t[target]; linear: the target vector and the residuals y − target */
  target: number[];
  pTarget: number | null;
  residuals: number[] | null;
  /** the recorded ℓ_t (null when not scored) and the right-hand side recomputed */
  loss: number | null;
  rhs: number | null;
}

/** Step-loss values at t. */
export function stepLoss(rec: InspectRecord, t: number): StepLossValues {
  const O = rec.O;
  const scored = rec.mask[t] === 1;
  const softmax = rec.p.length > 0;
  const target = softmax ? [rec.targets[t]] : Array.from(rec.targets.subarray(t * O, (t + 1) * O));
  if (!scored) return { scored, target, pTarget: null, residuals: null, loss: null, rhs: null };
  if (softmax) {
    const pTarget = rec.p[t * O + target[0]];
    return { scored, target, pTarget, residuals: null, loss: rec.losses[t], rhs: -Math.log(pTarget) };
  }
  const residuals = target.map((v, m) => rec.y[t * O + m] - v);
  return { scored, target, pTarget: null, residuals, loss: rec.losses[t], rhs: 0.5 * residuals.reduce((s, d) => s + d * d, 0) };
}

/** L = (1/N) Σ_{scored t} ℓ_t: the scored steps with their ℓ_t, N, the recomputed mean and the recorded L. */
export interface LossValues {
  terms: { t: number; loss: number }[];
  N: number;
  mean: number;
  loss: number;
}

/** Sequence-loss values of a record. */
export function meanLoss(rec: InspectRecord): LossValues {
  const terms: { t: number; loss: number }[] = [];
  for (let t = 0; t < rec.T; t++) if (rec.mask[t] === 1) terms.push({ t, loss: rec.losses[t] });
  const N = terms.length;
  const mean = N === 0 ? 0 : terms.reduce((s, x) => s + x.loss, 0) / N;
  return { terms, N, mean, loss: rec.loss };
}
