/**
 * Pure geometry of the training curve: the panel boxes, the scales from data to pixels, the ticks, and the
 * down-sampling of a long series to what the screen can show. No React, no DOM: tested on its own.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleContinuousNumeric } from 'd3-scale';
import type { Tick } from '../chart/Axis';
import { formatPercent, formatStep, formatValue } from '../chart/format';

/** Total height of the curve's SVG in pixels (fixed; the width follows the panel). */
export const CURVE_HEIGHT = 320;
/** Narrowest width laid out; a narrower panel scrolls rather than squeezing the ticks together. */
export const CURVE_MIN_WIDTH = 280;
/** Pixel columns of this width keep only their lowest and highest point (so ≤ 1 point per pixel on average). */
export const BUCKET_PX = 2;

/** Where the two stacked panels sit: loss above, the task metric beneath, sharing the step axis along the bottom. */
export interface CurveLayout {
  width: number;
  height: number;
  /** x of the plots' left and right edges */
  left: number;
  right: number;
  lossTop: number;
  lossBottom: number;
  metricTop: number;
  metricBottom: number;
}

/** The panel boxes for an SVG `width` pixels wide: margins leave room for 13 px tick labels and titles. */
export function curveLayout(width: number): CurveLayout {
  const w = Math.max(CURVE_MIN_WIDTH, Math.floor(width));
  return { width: w, height: CURVE_HEIGHT, left: 64, right: w - 16, lossTop: 28, lossBottom: 168, metricTop: 204, metricBottom: 272 };
}

/** A continuous scale from numbers to pixels (linear or log). */
export type NumScale = ScaleContinuousNumeric<number, number>;

/** The step axis: [0, last step seen in either series], at least [0, 1]. */
export function stepScale(lastStep: number, layout: CurveLayout): NumScale {
  // steps are whole numbers from 1: a last step below 1 (a subnormal) would leave the axis without ticks
  const hi = Number.isFinite(lastStep) && lastStep >= 1 ? lastStep : 1;
  return scaleLinear().domain([0, hi]).range([layout.left, layout.right]);
}

/**
 * The loss axis's domain over the first `n` values. Linear: [0, max], rounded to nice numbers.
 * Log: [smallest positive, max] widened to whole decades; non-positive and non-finite values are ignored
 * (log 0 is −∞), and a series with no positive value gets [0.1, 1].
 */
export function lossDomain(loss: ArrayLike<number>, n: number, log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = loss[i];
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (log) {
    if (!(hi > 0)) return [0.1, 1];
    // whole decades: 10^⌊log10 lo⌋ … 10^⌈log10 hi⌉, at least one decade apart
    const a = Math.floor(Math.log10(lo));
    const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
    // 10^−324 is 0 and 10^309 is ∞: a log domain reaching either has no ticks (lossTicks never ended on ∞),
    // so beyond the ends of the double range the domain ends at the smallest and the largest double
    return [a < -323 ? Number.MIN_VALUE : 10 ** a, b > 308 ? Number.MAX_VALUE : 10 ** b];
  }
  if (!(hi > 0)) return [0, 1];
  // d3 finds no ticks for a step below ~1e−308 (10^−exponent overflows), so the top is at least 1e−300:
  // a smaller loss then sits on the floor of an axis that is still labelled
  const nice = scaleLinear().domain([0, Math.max(hi, 1e-300)]).nice(4).domain();
  return [0, nice[1]];
}

/** The loss scale onto [bottom, top] pixels; values beyond the domain are pinned to its edge. */
export function lossScale(domain: [number, number], layout: CurveLayout, log: boolean): NumScale {
  const s = log ? scaleLog() : scaleLinear();
  return s.domain(domain).range([layout.lossBottom, layout.lossTop]).clamp(true);
}

/** y pixel of a loss value: NaN (a gap) when it is not finite; on a log scale, values ≤ 0 sit on the bottom edge. */
export function lossY(scale: NumScale, log: boolean): (v: number) => number {
  const floor = scale.domain()[0];
  return (v) => (!Number.isFinite(v) ? NaN : scale(log && v <= 0 ? floor : v));
}

/** Whether a metric is a fraction shown as a percentage (an accuracy, translation's exact match) rather than a loss-like number. */
export function isFractionMetric(name: string): boolean {
  return /accuracy|exact match/i.test(name);
}

/**
 * The metric axis's domain: [0, 1] for a fraction; otherwise [0, top] where top covers the baseline and the
 * values, but no more than 3× the baseline, so the baseline stays readable when early values are huge
 * (values above are pinned to the top edge; the latest value is printed as text anyway).
 */
export function metricDomain(name: string, baseline: number, values: ArrayLike<number>, n: number): [number, number] {
  if (isFractionMetric(name)) return [0, 1];
  let hi = Number.isFinite(baseline) && baseline > 0 ? baseline : 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v > hi) hi = v;
    if (v < lo) lo = v;
  }
  // 12 significant digits: 3 × 0.1 is 0.30000000000000004, which nice() would round up to 0.4
  if (baseline > 0) hi = Number(Math.min(hi, 3 * baseline).toPrecision(12));
  // d3 finds no ticks for a step below ~1e−308, nor for a span past the largest double (1e308 − (−1e308) is ∞):
  // non-zero ends are at least 1e−300 from 0 and at most 1e307 (values beyond are pinned to the edge, as above)
  if (hi > 0) hi = Math.min(1e307, Math.max(hi, 1e-300));
  if (lo < 0) lo = Math.max(-1e307, Math.min(lo, -1e-300));
  if (!(hi > lo)) hi = lo + 1;
  const nice = scaleLinear().domain([lo, hi]).nice(3).domain();
  return [nice[0], nice[1]];
}

/** The metric scale onto its panel's [bottom, top] pixels, pinned at the edges. */
export function metricScale(domain: [number, number], layout: CurveLayout): NumScale {
  return scaleLinear().domain(domain).range([layout.metricBottom, layout.metricTop]).clamp(true);
}

/** Ticks of the step axis: whole steps only, about one per 100 px. */
export function stepTicks(scale: NumScale): Tick[] {
  const [a, b] = scale.range();
  const count = Math.max(2, Math.floor(Math.abs(b - a) / 100));
  return scale
    .ticks(count)
    .filter((v) => Number.isInteger(v))
    .map((v) => ({ value: v, pos: scale(v), label: formatStep(v) }));
}

/** Ticks of the loss axis: about 4 on a linear scale; on a log scale the powers of ten (at most 6 of them). */
export function lossTicks(scale: NumScale, log: boolean): Tick[] {
  if (log) {
    const [lo, hi] = scale.domain();
    const a = Math.round(Math.log10(lo));
    const b = Math.round(Math.log10(hi));
    const every = Math.max(1, Math.ceil((b - a + 1) / 6));
    const ticks: Tick[] = [];
    // 10^k as "0.001" … "10000", and as "1e-6" beyond, which stays short
    for (let k = a; k <= b; k += every) ticks.push({ value: 10 ** k, pos: scale(10 ** k), label: k >= -3 && k <= 4 ? formatValue(10 ** k) : `1e${k}` });
    return ticks;
  }
  return scale.ticks(4).map((v) => ({ value: v, pos: scale(v), label: formatValue(v) }));
}

/** Ticks of the metric axis: 3 or so, as percentages for a fraction. */
export function metricTicks(scale: NumScale, name: string): Tick[] {
  const fraction = isFractionMetric(name);
  const values = fraction ? [0, 0.5, 1] : scale.ticks(3);
  return values.map((v) => ({ value: v, pos: scale(v), label: fraction ? formatPercent(v) : formatValue(v) }));
}

/** A pixel point [x, y]; y is NaN where the series has a gap. */
export type Pt = [number, number];

/**
 * The first `n` points (xs[i], ys[i]) mapped to pixels, down-sampled for drawing: within each column BUCKET_PX
 * wide only the lowest and the highest point are kept (in their order), plus the very first and last point.
 * The drawn envelope is the full series' (a one-step loss spike survives), with at most about one point per
 * pixel. A non-finite y becomes a [x, NaN] gap marker. xs must be non-decreasing.
 */
export function decimate(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number, x: (v: number) => number, y: (v: number) => number): Pt[] {
  const out: Pt[] = [];
  let col = NaN;
  let iMin = -1;
  let iMax = -1;
  let yMin = Infinity;
  let yMax = -Infinity;
  let pxMin = 0;
  let pxMax = 0;
  const flush = () => {
    if (iMin < 0) return;
    if (iMin === iMax) out.push([pxMin, yMin]);
    else if (iMin < iMax) out.push([pxMin, yMin], [pxMax, yMax]);
    else out.push([pxMax, yMax], [pxMin, yMin]);
    iMin = iMax = -1;
    yMin = Infinity;
    yMax = -Infinity;
  };
  for (let i = 0; i < n; i++) {
    const px = x(xs[i]);
    const py = y(ys[i]);
    const last = i === n - 1;
    if (!Number.isFinite(py)) {
      flush();
      out.push([px, NaN]);
      col = NaN;
      continue;
    }
    const c = Math.floor(px / BUCKET_PX);
    // the first and the last point are kept exactly, each in a bucket of its own
    if (c !== col || i === 0 || last) {
      flush();
      col = i === 0 || last ? NaN : c;
    }
    if (py < yMin) [yMin, iMin, pxMin] = [py, i, px];
    if (py > yMax) [yMax, iMax, pxMax] = [py, i, px];
  }
  flush();
  return out;
}
