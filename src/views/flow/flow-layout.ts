/**
 * Pure numbers behind the vanishing/exploding-gradient views: a log scale that survives zeros, NaN and the
 * ends of the double range, explosions and clipping events in the norm history, the truncation window, and the
 * size of chart labels. The measured shape of a profile and its words are in flow-shape.ts.
 * No React, no DOM: tested on its own.
 */
import { scaleLog } from 'd3-scale';
import type { ScaleLogarithmic } from 'd3-scale';
import type { TruncMode } from '../../engine/types';
import type { Tick } from '../chart/Axis';
import { formatValue } from '../chart/format';

/** Widest span the profile's log axis shows, in decades: smaller values sit below its floor and are crossed there (a gradient of 1e-300 is "zero" to the eye). */
export const MAX_DECADES = 12;

/** The smallest and largest powers of ten a double holds as a positive finite number (1e-323 is subnormal; 1e309 is ∞). */
export const MIN_EXPONENT = -323;
export const MAX_EXPONENT = 308;

/**
 * The domain of a log axis over the positive finite values of `series` (first `n` of each when given) and of
 * `extra` (e.g. a clipping threshold): whole decades [10^a, 10^b], at least one apart, at most `maxDecades`
 * (the top decades are kept; Infinity covers every value). Zeros, negatives and NaN/±∞ are ignored — log 0 is
 * −∞; with no positive value at all the domain is [0.1, 1]. Ends beyond what a double holds become the
 * smallest positive and the largest finite double, so the domain is always finite, positive and increasing.
 */
export function logDomain(series: readonly ArrayLike<number>[], extra: readonly number[] = [], n?: number, maxDecades = MAX_DECADES): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (v: number) => {
    if (!(v > 0) || !Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const s of series) {
    const m = n === undefined || !(n >= 0) ? s.length : Math.min(n, s.length);
    for (let i = 0; i < m; i++) visit(s[i]);
  }
  extra.forEach(visit);
  if (!(hi > 0)) return [0.1, 1];
  const b = Math.ceil(Math.log10(hi));
  const span = maxDecades >= 1 ? maxDecades : 1;
  const a = Math.max(b - span, Math.min(Math.floor(Math.log10(lo)), b - 1));
  return [a < MIN_EXPONENT ? Number.MIN_VALUE : decade(a), b > MAX_EXPONENT ? Number.MAX_VALUE : decade(b)];
}

/** 10^k exactly as the decimal literal reads (10 ** -3 and 1e-3 agree; Number('1e-7') avoids 10 ** -7 drift). */
export function decade(k: number): number {
  return Number(`1e${k}`);
}

/** A log10 scale from `domain` onto [bottom, top] pixels, clamped (values beyond the domain sit on its edge); an unusable domain becomes [0.1, 1]. */
export function logScale(domain: [number, number], bottom: number, top: number): ScaleLogarithmic<number, number> {
  const [lo, hi] = domain;
  const ok = lo > 0 && hi > lo && Number.isFinite(hi);
  return scaleLog()
    .domain(ok ? domain : [0.1, 1])
    .range([bottom, top])
    .clamp(true);
}

/** y pixel of a value on a log scale: NaN (a gap in the line) for 0, negatives, NaN and ±∞ — they have no place on it. */
export function logY(scale: ScaleLogarithmic<number, number>): (v: number) => number {
  return (v) => (v > 0 && Number.isFinite(v) ? scale(v) : NaN);
}

/** Decades between labelled ticks: 1–5, then 10, 20, 25, 50, 100, … (ticks sit on multiples of it, so labels read 1e-200, 1, 1e200). */
export function tickEvery(decades: number, max: number): number {
  const need = Math.ceil(decades / Math.max(1, max || 1));
  if (!(need > 1)) return 1;
  if (need <= 5) return need;
  // a double spans at most 632 decades: this ends by 1,000 for any finite need
  for (let p = 10; p <= 1e4; p *= 10) for (const m of [1, 2, 2.5, 5]) if (m * p >= need) return m * p;
  return 1e4;
}

/**
 * Ticks at the powers of ten inside a log domain, at most `max` of them: every decade when it is narrow, else
 * every 2nd, 3rd, … or 10th, 20th, 50th, … (on multiples of it). At least one tick; always finite positions.
 */
export function logTicks(scale: ScaleLogarithmic<number, number>, max = 6): Tick[] {
  const [lo, hi] = scale.domain();
  const a = Math.max(MIN_EXPONENT, Math.ceil(Math.log10(lo) - 1e-9));
  const b = Math.min(MAX_EXPONENT, Math.floor(Math.log10(hi) + 1e-9));
  if (!(b >= a)) return [{ value: hi, pos: scale(hi), label: decadeLabel(Math.round(Math.log10(hi))) }];
  const every = tickEvery(b - a + 1, max);
  const ticks: Tick[] = [];
  for (let k = Math.ceil(a / every) * every; k <= b; k += every) ticks.push({ value: decade(k), pos: scale(decade(k)), label: decadeLabel(k) });
  if (ticks.length === 0) ticks.push({ value: decade(b), pos: scale(decade(b)), label: decadeLabel(b) });
  return ticks;
}

/** 10^k as a short label: "0.01" … "1000", and "1e-3", "1e4", "1e-300" beyond (at most 6 characters, so the axis margin stays narrow). */
export function decadeLabel(k: number): string {
  return k >= -2 && k <= 3 ? formatValue(decade(k)) : `1e${k}`;
}

/**
 * A positive number given by its log10, as text: 3 significant digits ("0.0512", "86.5", "3.77e-25") even
 * where the number itself is beyond a double (log10 = 600 → "1.00e600"); "—" when the log is not finite.
 */
export function formatLog10(l: number): string {
  if (!Number.isFinite(l)) return '—';
  if (Math.abs(l) < 300) return formatValue(10 ** l);
  let e = Math.floor(l);
  let m = Number((10 ** (l - e)).toFixed(2));
  if (m >= 10) {
    m /= 10;
    e += 1;
  }
  return `${m.toFixed(2)}e${e >= 0 ? '+' : ''}${e}`;
}

/**
 * The norm above which a training step counts as an explosion: 1,000, a thousand times the default clipping
 * threshold and far above the norms of steady training in this lab (≈ 0.01–50). A fixed, stated rule: a mark
 * means the norm really was that large, whatever came before it.
 */
export const EXPLOSION_NORM = 1000;

/** The rule as the views state it. */
export const EXPLOSION_RULE = `‖∇θ‖ above ${EXPLOSION_NORM.toLocaleString('en-US')}, or overflowed to ∞/NaN`;

/**
 * Explosions in a norm history: the indices i < n where v[i] > `threshold` (EXPLOSION_NORM), or v[i] is NaN or
 * ±∞ (the norm overflowed). A norm of 1e-8 that jumps tenfold is not one; a 1e25 at the second step is.
 */
export function explosionIndices(v: ArrayLike<number>, n: number, threshold = EXPLOSION_NORM): number[] {
  const out: number[] = [];
  const m = Math.min(v.length, n >= 0 ? n : 0);
  for (let i = 0; i < m; i++) {
    const x = v[i];
    if (!Number.isFinite(x) || x > threshold) out.push(i);
  }
  return out;
}

/** Clipping events: the indices i < n whose point covers at least one clipped step (clipped[i] > 0). */
export function clipIndices(clipped: ArrayLike<number>, n: number): number[] {
  const out: number[] = [];
  const m = Math.min(clipped.length, n >= 0 ? n : 0);
  for (let i = 0; i < m; i++) if (clipped[i] > 0) out.push(i);
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

/** A text label placed in an SVG: its anchor point and alignment. */
export interface TextLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/** Chart text size in px (chart.css): every label of these charts is at least this big. */
export const CHART_FONT_PX = 13;

/**
 * An upper estimate of a label's width in px at `font` px: 0.62 em a character (DejaVu Sans and Arial average
 * ≈ 0.55 em; bold and wide glyphs stay under 0.62), so a label placed with it never runs past an edge.
 */
export function textWidth(text: string, font = CHART_FONT_PX): number {
  return [...text].length * font * 0.62;
}

/** The horizontal extent [left, right] of a label. */
export function labelExtent(l: TextLabel, font = CHART_FONT_PX): [number, number] {
  const w = textWidth(l.text, font);
  return l.anchor === 'start' ? [l.x, l.x + w] : l.anchor === 'end' ? [l.x - w, l.x] : [l.x - w / 2, l.x + w / 2];
}
