import { interpolateInferno } from 'd3-scale-chromatic';
import type { InspectRecord } from '../../engine/session';
import type { TruncMode } from '../../engine/types';
import { divergingScale, maxAbs } from '../kit/colors';
import type { ColorScale } from '../kit/colors';
import { logPosition, normRange } from './unroll-layout';

/** What the unrolled view reads off one inspected sequence, computed once per record. */
export interface UnrollStats {
  /** ‖h_t‖ and ‖dh_t‖ = ‖∂L/∂h_t‖ for t = 0…T−1 */
  hNorms: Float64Array;
  dhNorms: Float64Array;
  /** the log-scale span of the positive ‖dh_t‖, or null when no error reaches any step */
  dhRange: { lo: number; hi: number } | null;
  /** per step: true/false = the predicted class is/is not the target; null = not scored or not a class */
  verdicts: (boolean | null)[];
  /** diverging colour scale of the hidden values, symmetric about 0 over a rounded-up max |h| */
  hScale: ColorScale;
  /** the longest input, target or output label (for the column width) */
  maxChars: number;
}

/** Euclidean norm of each of the T rows of a T × H row-major matrix: ‖v[t·H … t·H+H)‖₂. */
export function rowNorms(v: Float64Array, T: number, H: number): Float64Array {
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    // Scaled by the row's largest |v|, as Math.hypot is: plain squares of 1e-200 underflow to 0 (the tooltip then said
    // "no error reaches" a step an error of 1e-200 reached) and of 1e200 overflow to ∞. Math.max keeps a NaN.
    let m = 0;
    for (let u = 0; u < H; u++) m = Math.max(m, Math.abs(v[t * H + u]));
    if (!(m > 0) || m === Infinity) {
      out[t] = m;
      continue;
    }
    let s = 0;
    for (let u = 0; u < H; u++) s += (v[t * H + u] / m) ** 2;
    out[t] = m * Math.sqrt(s);
  }
  return out;
}

/** The smallest 1-significant-digit number ≥ v (0.734 → 0.8, 1 → 1, 2.3 → 3), so the legend does not flicker each frame. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const mag = 10 ** Math.floor(Math.log10(v));
  const q = v / mag;
  // tolerate rounding in v/mag: 0.3/0.1 = 2.9999999999999996 must stay 3
  const d = Math.abs(q - Math.round(q)) < 1e-9 ? Math.round(q) : Math.ceil(q);
  const out = Number((d * mag).toPrecision(1));
  // past the ends of the double range there is no rounder number (10^−324 is 0, so a subnormal v gave NaN; 2e308 is ∞):
  // v itself, not the ±1 that divergingScale would fall back to while the values reach 1e308
  return Number.isFinite(out) && out > 0 ? out : v;
}

/** The step τ whose error the truncation window is drawn for: t if step t is scored, else the last scored step (−1: none). */
export function tauFor(mask: ArrayLike<number>, t: number): number {
  if (t >= 0 && t < mask.length && mask[t] === 1) return t;
  for (let k = mask.length - 1; k >= 0; k--) if (mask[k] === 1) return k;
  return -1;
}

/**
 * The steps that receive ℓ_τ's error under truncated BPTT with k steps (Williams & Peng 1990): chunks of k, from
 * the start of τ's chunk ⌊τ/k⌋·k to τ; a window of k, τ−k+1 … τ. Null for full BPTT (k = 0) or no τ. `cut` says
 * whether earlier steps exist that the error does not reach.
 */
export function truncationSpan(tau: number, k: number, mode: TruncMode): { from: number; to: number; cut: boolean } | null {
  if (!(k > 0) || tau < 0) return null;
  const from = mode === 'chunk' ? Math.floor(tau / k) * k : Math.max(0, tau - k + 1);
  return { from, to: tau, cut: from > 0 };
}

/**
 * Colour of a backward arrow carrying ‖dh_t‖ = n: inferno from light orange (small) to dark purple (large),
 * inferno(0.82 − 0.62·logPosition) — perceptually ordered, colour-blind safe, and darker means larger in greyscale.
 */
export function arrowColor(n: number, range: { lo: number; hi: number } | null): string {
  if (range === null || !(n > 0)) return '#9e9e9e';
  return interpolateInferno(0.82 - 0.62 * logPosition(n, range));
}

/** Everything UnrollStats holds, from a record. */
export function unrollStats(r: InspectRecord): UnrollStats {
  const { T, H } = r;
  const hNorms = rowNorms(r.h, T, H);
  const dhNorms = rowNorms(r.dh, T, H);
  const classes = r.p.length > 0;
  const verdicts = Array.from({ length: T }, (_, t) => (classes && r.mask[t] === 1 ? r.outputLabels[t] === r.targetLabels[t] : null));
  let maxChars = 1;
  for (const labels of [r.inputLabels, r.targetLabels, r.outputLabels]) for (const s of labels) maxChars = Math.max(maxChars, [...s].length);
  return { hNorms, dhNorms, dhRange: normRange(dhNorms), verdicts, hScale: divergingScale(niceCeil(maxAbs(r.h))), maxChars };
}

/** Which of the figure's named elements a shared highlight name lights: W_h· / W_x· of any gate, W_hy, x, h, y, dh. */
export function litFor(name: string | null): { Wxh: boolean; Whh: boolean; Why: boolean; x: boolean; h: boolean; y: boolean; dh: boolean } {
  const n = name ?? '';
  return {
    Wxh: /^Wx[a-z]$/.test(n),
    Whh: /^Wh[a-z]$/.test(n) && n !== 'Why',
    Why: n === 'Why',
    x: n === 'x',
    h: n === 'h',
    y: n === 'y' || n === 'p',
    dh: n === 'dh',
  };
}

/** The recurrent matrix as the cell names it: W_hh for the vanilla RNN, W_h· (Whf, Whi, …) for the gated cells. */
export function recurrentName(gateNames: readonly string[]): string {
  return gateNames.length === 1 && gateNames[0] === 'h' ? 'W_hh' : 'W_h·';
}
