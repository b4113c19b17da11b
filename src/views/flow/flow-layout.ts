/**
 * Pure numbers behind the vanishing/exploding-gradient views: a log scale that survives zeros and NaN,
 * the per-step factor of a gradient-flow profile, spikes and clipping events in the norm history.
 * No React, no DOM: tested on its own.
 */
import { scaleLog } from 'd3-scale';
import type { ScaleLogarithmic } from 'd3-scale';
import type { TruncMode } from '../../engine/types';
import type { Tick } from '../chart/Axis';
import { formatValue } from '../chart/format';

/** Widest span a log axis shows, in decades: smaller values sit on its floor (a gradient of 1e-300 is "zero" to the eye). */
export const MAX_DECADES = 12;

/**
 * The domain [10^a, 10^b] of a log axis over the positive finite values of `series` (first `n` of each when
 * given) and of `extra` (e.g. a clipping threshold): whole decades, at least one apart, at most MAX_DECADES
 * (the top decades are kept). Zeros, negatives and NaN/±∞ are ignored — log 0 is −∞; with no positive
 * value at all the domain is [0.1, 1].
 */
export function logDomain(series: readonly ArrayLike<number>[], extra: readonly number[] = [], n?: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (v: number) => {
    if (!(v > 0) || !Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const s of series) {
    const m = n === undefined ? s.length : Math.min(n, s.length);
    for (let i = 0; i < m; i++) visit(s[i]);
  }
  extra.forEach(visit);
  if (!(hi > 0)) return [0.1, 1];
  const b = Math.ceil(Math.log10(hi));
  const a = Math.max(b - MAX_DECADES, Math.min(Math.floor(Math.log10(lo)), b - 1));
  return [decade(a), decade(b)];
}

/** 10^k exactly as the decimal literal reads (10 ** -3 and 1e-3 agree; Number('1e-7') avoids 10 ** -7 drift). */
export function decade(k: number): number {
  return Number(`1e${k}`);
}

/** A log10 scale from `domain` onto [bottom, top] pixels, clamped (values beyond the domain sit on its edge). */
export function logScale(domain: [number, number], bottom: number, top: number): ScaleLogarithmic<number, number> {
  return scaleLog().domain(domain).range([bottom, top]).clamp(true);
}

/** y pixel of a value on a log scale: NaN (a gap in the line) for 0, negatives, NaN and ±∞ — they have no place on it. */
export function logY(scale: ScaleLogarithmic<number, number>): (v: number) => number {
  return (v) => (v > 0 && Number.isFinite(v) ? scale(v) : NaN);
}

/** Ticks at the powers of ten of a log domain, at most `max` of them (every 2nd or 3rd decade when it is wide). */
export function logTicks(scale: ScaleLogarithmic<number, number>, max = 6): Tick[] {
  const [lo, hi] = scale.domain();
  const a = Math.round(Math.log10(lo));
  const b = Math.round(Math.log10(hi));
  const every = Math.max(1, Math.ceil((b - a + 1) / max));
  const ticks: Tick[] = [];
  for (let k = b; k >= a; k -= every) ticks.push({ value: decade(k), pos: scale(decade(k)), label: decadeLabel(k) });
  return ticks.reverse();
}

/** 10^k as a short label: "0.01" … "1000", and "1e-3", "1e4" beyond (at most 5 characters, so the axis margin stays narrow). */
export function decadeLabel(k: number): string {
  return k >= -2 && k <= 3 ? formatValue(decade(k)) : `1e${k}`;
}

/** The fitted per-step factor of a profile and how many step pairs it rests on. */
export interface StepFactor {
  /** geometric mean of v[k−1]/v[k]: what one step back multiplies the error by */
  factor: number;
  /** consecutive pairs used (both values positive and finite) */
  pairs: number;
}

/**
 * The per-step factor of a gradient-flow profile v[k] = ‖∂ℓ_τ/∂h_k‖ over k = from…to: the geometric mean of
 * the ratios v[k−1]/v[k] over consecutive pairs that are both positive and finite, exp(mean log(v[k−1]/v[k])).
 * Without gaps the product telescopes, so it equals (v[from]/v[to])^(1/(to−from)): the slope of the straight
 * line a geometric decay draws on a log axis. Null when no pair qualifies.
 */
export function stepFactor(v: ArrayLike<number>, from = 0, to = v.length - 1): StepFactor | null {
  let sum = 0;
  let pairs = 0;
  for (let k = Math.max(1, from + 1); k <= Math.min(to, v.length - 1); k++) {
    const a = v[k - 1];
    const b = v[k];
    if (a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)) {
      sum += Math.log(a / b);
      pairs++;
    }
  }
  return pairs > 0 ? { factor: Math.exp(sum / pairs), pairs } : null;
}

/** Read left to right from τ back to step 0: a vanishing error falls, an exploding one rises. */
export type Trend = 'falling' | 'rising' | 'level';

/** Factors within this relative distance of 1 count as level (2% a step is 1.5× over 20 steps). */
export const LEVEL_TOLERANCE = 0.02;

/** The trend of a per-step factor: below 1 − tol the error falls (vanishes) going back, above 1 + tol it rises (explodes). */
export function trendOf(factor: number, tol = LEVEL_TOLERANCE): Trend {
  if (factor < 1 - tol) return 'falling';
  if (factor > 1 + tol) return 'rising';
  return 'level';
}

/** A factor as printed: two decimals between 0.01 and 100 ("0.62", "1.50"), else two significant digits ("3.1e-3"). */
export function formatFactor(f: number): string {
  if (!Number.isFinite(f)) return '—';
  return f >= 0.01 && f < 100 ? f.toFixed(2) : f.toExponential(1);
}

/** One sentence saying what the profile does: its trend, the fitted factor, and what it compounds to over the profile. */
export function describeFlow(fit: StepFactor | null, what = 'error'): string {
  if (!fit) return `Too few nonzero values to fit a per-step factor of the ${what}.`;
  const { factor, pairs } = fit;
  const total = factor ** pairs;
  const f = formatFactor(factor);
  switch (trendOf(factor)) {
    case 'falling':
      return `Falling: each step back multiplies the ${what} by ${f}; after ${pairs} steps ${formatValue(total)} of it is left (vanishing gradient).`;
    case 'rising':
      return `Rising: each step back multiplies the ${what} by ${f}; after ${pairs} steps it is ${formatValue(total)}× larger (exploding gradient).`;
    default:
      return `Level: each step back multiplies the ${what} by ${f}; it reaches the earliest step about undiminished.`;
  }
}

/** Points of history before a spike can be called (the median of fewer says little). */
export const SPIKE_MIN_HISTORY = 5;

/** The index at which x would be inserted into the ascending array a to keep it sorted (first position ≥ x). */
function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Explosions in a norm history: the indices i < n where v[i] > ratio × the median of the (up to `window`)
 * finite values before it, once at least SPIKE_MIN_HISTORY of them exist. A point that is NaN or ∞ is a
 * spike too (the norm overflowed). The window is kept sorted as it slides: O(n · window) with a tiny constant.
 */
export function spikeIndices(v: ArrayLike<number>, n: number, ratio = 10, window = 25): number[] {
  const out: number[] = [];
  const sorted: number[] = [];
  const fifo: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const m = sorted.length;
    if (m >= SPIKE_MIN_HISTORY) {
      const median = m % 2 === 1 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
      if (!Number.isFinite(x) || x > ratio * median) out.push(i);
    }
    if (!Number.isFinite(x)) continue;
    sorted.splice(lowerBound(sorted, x), 0, x);
    fifo.push(x);
    if (fifo.length > window) sorted.splice(lowerBound(sorted, fifo.shift()!), 1);
  }
  return out;
}

/** Clipping events: the indices i < n whose point covers at least one clipped step (clipped[i] > 0). */
export function clipIndices(clipped: ArrayLike<number>, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (clipped[i] > 0) out.push(i);
  return out;
}

/**
 * The steps of the profile that ℓ_τ's error trains on under truncated BPTT with `truncate` steps (Williams & Peng
 * 1990): `chunk` (TBPTT(k, k)) from the start of τ's chunk, ⌊τ/k⌋·k, to τ; `window` (BPTT(h)) k = τ, τ−1, …,
 * τ−truncate+1. Null for full BPTT (0) or when the steps reach back to 0 (nothing of the profile is cut off).
 */
export function truncationWindow(tau: number, truncate: number, mode: TruncMode): { from: number; to: number } | null {
  if (!(truncate > 0)) return null;
  const from = mode === 'chunk' ? Math.floor(tau / truncate) * truncate : tau - truncate + 1;
  return from > 0 ? { from, to: tau } : null;
}
