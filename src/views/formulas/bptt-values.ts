/**
 * The numbers of backpropagation through time at one step and unit, from an InspectRecord: the flow profile
 * ‖∂ℓ_τ/∂h_k‖ (exact, streamed), the per-step Jacobian's activation factor, the gated cells' direct paths, and
 * the LSTM's ∂L/∂c_t recursion (recomputable exactly from the record when training does not truncate).
 */
import type { InspectRecord } from '../../engine/session';
import type { Activation } from '../../engine/types';
import { derivativeFromOutput, gateValue, rowValue } from './formulas-values';

/** The chain rule from step τ back to step k: ∂ℓ_τ/∂h_k = ∂ℓ_τ/∂h_τ ∏_{j=k+1}^{τ} ∂h_j/∂h_{j−1}, in norms. */
export interface FlowValues {
  tau: number;
  k: number;
  /** k ≤ τ: the error of step τ reaches step k only then */
  valid: boolean;
  /** τ − k, the number of Jacobians in the product */
  steps: number;
  /** ∂ℓ_τ/∂y_τ: softmax p_τ − e_target, linear y_τ − target_τ (the error entering the network at τ) */
  dy: number[];
  /** ‖∂ℓ_τ/∂h_τ‖ and ‖∂ℓ_τ/∂h_k‖ (flowH) */
  gradTau: number;
  gradK: number;
  /** ‖∂ℓ_τ/∂h_k‖ / ‖∂ℓ_τ/∂h_τ‖: what the product of Jacobians did to the error's size */
  ratio: number;
  /** ratio^{1/(τ−k)}: the mean factor per step (null when k = τ) */
  perStep: number | null;
  /** LSTM: ‖∂ℓ_τ/∂c_k‖ (flowC), else null */
  cellK: number | null;
}

/** Flow values for the record's τ and the step k (clamped into 0…τ when later than τ, with valid = false). */
export function flowValues(rec: InspectRecord, k: number): FlowValues {
  const tau = rec.tau;
  const valid = k <= tau;
  const kk = Math.max(0, Math.min(k, tau));
  const O = rec.O;
  const y = rec.y.subarray(tau * O, (tau + 1) * O);
  const dy = rec.p.length > 0
    ? Array.from(rec.p.subarray(tau * O, (tau + 1) * O), (p, m) => p - (m === rec.targets[tau] ? 1 : 0))
    : Array.from(y, (v, m) => v - rec.targets[tau * O + m]);
  const gradTau = rec.flowH[tau];
  const gradK = rec.flowH[kk];
  const steps = tau - kk;
  const ratio = gradK / gradTau;
  return {
    tau, k: kk, valid, steps, dy, gradTau, gradK, ratio,
    perStep: steps > 0 && ratio > 0 && Number.isFinite(ratio) ? ratio ** (1 / steps) : null,
    cellK: rec.flowC.length > kk ? rec.flowC[kk] : null,
  };
}

/**
 * The vanilla RNN's Jacobian ∂h_t/∂h_{t−1} = diag(act′(a_t)) W_hh at (t, j), and the rule of thumb
 * ‖∏_{j=k+1}^{τ} ∂h_j/∂h_{j−1}‖ ≈ (ρ(W_hh) · ⟨act′⟩)^{τ−k}.
 */
export interface JacobianValues {
  /** h_t[j] and act′(a_t[j]) computed from it: row j of the Jacobian is act′(a_t[j]) times row j of W_hh */
  h: number;
  actPrime: number;
  /** ⟨act′⟩: the geometric mean over steps k+1…τ of the mean over units of act′(a_j) (null when k = τ) */
  meanActPrime: number | null;
  /** ρ(W_hh) as last streamed (null before the first spectrum) */
  rho: number | null;
  /** ρ·⟨act′⟩ and (ρ·⟨act′⟩)^{τ−k}, the rule of thumb's per-step factor and product (null when unknown) */
  ruleStep: number | null;
  ruleProduct: number | null;
}

/** Jacobian values of a vanilla RNN record at step t, unit j, for the product from k to τ. */
export function rnnJacobian(rec: InspectRecord, act: Activation, t: number, j: number, k: number, rho: number | null): JacobianValues {
  const H = rec.H;
  const h = rowValue(rec.h, H, t, j);
  const tau = rec.tau;
  let logSum = 0;
  let n = 0;
  for (let s = k + 1; s <= tau; s++) {
    let m = 0;
    for (let u = 0; u < H; u++) m += Math.abs(derivativeFromOutput(act, rec.h[s * H + u]));
    logSum += Math.log(m / H);
    n++;
  }
  const meanActPrime = n > 0 ? Math.exp(logSum / n) : null;
  const ruleStep = rho !== null && meanActPrime !== null ? rho * meanActPrime : null;
  return { h, actPrime: derivativeFromOutput(act, h), meanActPrime, rho, ruleStep, ruleProduct: ruleStep === null ? null : ruleStep ** n };
}

/** ∏_{s=k+1}^{τ} gate_s[j]: the direct path of the error through the forget gates (LSTM, along c) or update gates (GRU, along h). */
export function gateProduct(rec: InspectRecord, gate: string, k: number, tau: number, j: number): number {
  let p = 1;
  for (let s = k + 1; s <= tau; s++) p *= gateValue(rec, gate, s, j);
  return p;
}

/**
 * ∂L/∂h_t and, for the LSTM, ∂L/∂c_t = ∂L/∂h_t · o_t · (1 − tanh² c_t) + ∂L/∂c_{t+1} · f_{t+1} at (t, j)
 * (the engine's backward step; after the last step the future terms are 0).
 */
export interface BackwardValues {
  dh: number;
  /** ∂L/∂h_{t+1}[j], null at the last step */
  dhNext: number | null;
  /** LSTM only (else null): the recorded ∂L/∂c_t[j], the terms of its recursion and their sum */
  dc: number | null;
  dcNext: number;
  fNext: number;
  o: number;
  tanhC: number;
  dcRhs: number | null;
}

/** Backward values at (t, j). */
export function backwardStep(rec: InspectRecord, t: number, j: number): BackwardValues {
  const H = rec.H;
  const last = t === rec.T - 1;
  const base = { dh: rec.dh[t * H + j], dhNext: last ? null : rec.dh[(t + 1) * H + j] };
  if (rec.dc.length === 0) return { ...base, dc: null, dcNext: 0, fNext: 0, o: 0, tanhC: 0, dcRhs: null };
  const o = gateValue(rec, 'o', t, j);
  const tanhC = Math.tanh(rec.c[t * H + j]);
  const dcNext = last ? 0 : rec.dc[(t + 1) * H + j];
  const fNext = last ? 0 : gateValue(rec, 'f', t + 1, j);
  return { ...base, dc: rec.dc[t * H + j], dcNext, fNext, o, tanhC, dcRhs: base.dh * o * (1 - tanhC * tanhC) + dcNext * fNext };
}
