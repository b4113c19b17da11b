/**
 * Pure geometry of the forecast chart: time on x (the context at t = 0…T−1, the forecast and the truth at
 * t = T…), values on y, and the path of each series. No React, no DOM: tested on its own.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Tick } from '../chart/Axis';
import { formatValue } from '../chart/format';

/** Height of the forecast SVG in pixels; the width follows the panel. */
export const FORECAST_HEIGHT = 220;

/** The series of one forecast: the inputs the net read, its free-running predictions, the noiseless truth (may be empty). */
export interface ForecastData {
  context: ArrayLike<number>;
  predicted: ArrayLike<number>;
  truth: ArrayLike<number>;
}

/** Plot box and everything drawn in it. */
export interface ForecastModel {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  xTicks: Tick[];
  yTicks: Tick[];
  contextPath: string;
  predictedPath: string;
  /** null when there is no truth to draw (a user series) */
  truthPath: string | null;
  /** a yardstick's forecast of the same steps (the seasonal naive forecast of a bundled series), or null */
  baselinePath: string | null;
  /** x pixel of the boundary between what the net read and what it predicted (t = T − ½) */
  splitX: number;
}

type P = [number, number];
const path = line<P>()
  .x((p) => p[0])
  .y((p) => p[1])
  .defined((p) => Number.isFinite(p[1]));

/** Mean |predicted_n − truth_n| over the steps both cover, or null without truth. */
export function forecastError(d: ForecastData): number | null {
  const n = Math.min(d.predicted.length, d.truth.length);
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(d.predicted[i] - d.truth[i]);
  if (s !== Infinity) return s / n;
  // errors near 1e308 overflow their sum (printed "—") but not their mean: then each is divided before adding
  s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(d.predicted[i] - d.truth[i]) / n;
  return s;
}

/**
 * The y domain: the range of the context and the truth, widened to include the forecast but by no more than
 * that range again on each side, so a forecast that runs away does not flatten the signal it should follow
 * (points beyond are pinned to the edge). A flat signal gets ±1 around it.
 */
export function forecastDomain(d: ForecastData, baseline: ArrayLike<number> = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (a: ArrayLike<number>, bounds: [number, number]) => {
    for (let i = 0; i < a.length; i++) {
      const v = Math.min(bounds[1], Math.max(bounds[0], a[i]));
      if (!Number.isFinite(a[i])) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  // d3 finds no ticks for a span past the largest double (1e308 − (−1e308) is ∞): values beyond ±1e307 are pinned
  // to the edge, so the widened domain below stays within ±4e307
  take(d.context, [-1e307, 1e307]);
  take(d.truth, [-1e307, 1e307]);
  if (!(hi >= lo)) [lo, hi] = [-1, 1];
  const span = hi - lo;
  // ±1, or ±10 % where 1 is below the signal's precision (1e100 ± 1 is 1e100, an empty domain)
  const pad = Math.max(1, Math.abs(lo) / 10);
  const widest: [number, number] = span > 0 ? [lo - span, hi + span] : [lo - pad, hi + pad];
  take(d.predicted, widest);
  take(baseline, widest);
  if (hi - lo < 1e-12) [lo, hi] = [lo - pad, hi + pad];
  const nice = scaleLinear().domain([lo, hi]).nice(4).domain();
  return [nice[0], nice[1]];
}

/**
 * The ticks' labels: 3 significant digits, or as many more as tell neighbouring ticks apart — a signal between 1000
 * and 1001 has ticks 1000, 1000.2, … that 3 digits all print "1,000".
 */
function tickLabels(values: number[]): [number, string][] {
  let labels = values.map((v) => formatValue(v));
  for (let digits = 4; digits <= 15 && new Set(labels).size < labels.length; digits++) labels = values.map((v) => formatValue(v, digits));
  return values.map((v, i) => [v, labels[i]]);
}

/** Lays out a forecast in an SVG `width` pixels wide (at least 240), with a yardstick's forecast of the same steps if given. */
export function forecastModel(d: ForecastData, width: number, baseline: ArrayLike<number> = []): ForecastModel {
  const w = Math.max(240, Math.floor(width));
  const box = { width: w, height: FORECAST_HEIGHT, left: 56, right: w - 16, top: 24, bottom: FORECAST_HEIGHT - 48 };
  const T = d.context.length;
  const last = Math.max(1, T + Math.max(d.predicted.length, d.truth.length) - 1);
  const x = scaleLinear().domain([0, last]).range([box.left, box.right]);
  const y = scaleLinear().domain(forecastDomain(d, baseline)).range([box.bottom, box.top]).clamp(true);
  const pts = (a: ArrayLike<number>, t0: number): P[] => Array.from({ length: a.length }, (_, i) => [x(t0 + i), Number.isFinite(a[i]) ? y(a[i]) : NaN]);
  const xCount = Math.max(2, Math.floor((box.right - box.left) / 90));
  return {
    ...box,
    xTicks: x
      .ticks(xCount)
      .filter((v) => Number.isInteger(v))
      .map((v) => ({ value: v, pos: x(v), label: String(v) })),
    yTicks: tickLabels(y.ticks(4)).map(([v, label]) => ({ value: v, pos: y(v), label })),
    contextPath: path(pts(d.context, 0)) ?? '',
    predictedPath: path(pts(d.predicted, T)) ?? '',
    truthPath: d.truth.length > 0 ? (path(pts(d.truth, T)) ?? '') : null,
    baselinePath: baseline.length > 0 ? (path(pts(baseline, T)) ?? '') : null,
    splitX: x(T - 0.5),
  };
}
