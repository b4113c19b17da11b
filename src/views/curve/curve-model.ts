/**
 * Everything the training-curve SVG draws, computed at once from the store's series (pure; the component
 * memoizes it on historyVersion, width and scale, so a frame costs one pass over the typed arrays).
 */
import { line } from 'd3-shape';
import type { TaskMetric } from '../../engine/tasks/task';
import type { Tick } from '../chart/Axis';
import type { CurveLayout, Pt } from './curve-layout';
import { curveLayout, decimate, lossDomain, lossScale, lossTicks, lossY, metricDomain, metricScale, metricTicks, stepScale, stepTicks } from './curve-layout';

/** The loss series as the store keeps it: step[i], loss[i] for i < length (TrainingHistory satisfies it). */
export interface LossSeries {
  length: number;
  step: ArrayLike<number>;
  loss: ArrayLike<number>;
}

/** The metric series as the store keeps it: the k-th oldest point (PointRing satisfies it). */
export interface MetricSeries {
  length: number;
  at(k: number): { step: number; value: number };
}

/** What the curve draws: panel boxes, ticks, path strings, the baseline's height and the latest points. */
export interface CurveModel {
  layout: CurveLayout;
  stepTicks: Tick[];
  lossTicks: Tick[];
  metricTicks: Tick[];
  /** SVG path of the loss line ('' when there are no points) */
  lossPath: string;
  metricPath: string;
  /** the drawn (down-sampled) pixel points, for tests and markers */
  lossPoints: Pt[];
  metricPoints: Pt[];
  /** y pixel of the metric's trivial-predictor baseline, or null without a metric */
  baselineY: number | null;
  /** pixel position of the newest metric point, for its dot */
  lastMetric: Pt | null;
  /** the training step at pixel x (the inverse of the step axis), for the hover readout */
  stepAt: (x: number) => number;
  /** pixel x of a training step */
  xOf: (step: number) => number;
}

/** What the hover readout says at one step: the nearest loss point and the latest evaluation at or before it. */
export interface CurveReadout {
  step: number;
  loss: number;
  /** the task metric evaluated at or before `step`, with the step it was evaluated at; null before the first */
  metric: { step: number; value: number } | null;
}

/** The readout for the pointer at training step `at`: the loss point nearest it, and the evaluation last before it. */
export function readoutAt(history: LossSeries, metrics: MetricSeries, at: number): CurveReadout | null {
  const n = history.length;
  if (n === 0 || !Number.isFinite(at)) return null;
  // steps are increasing: binary search for the first point at or after `at`, then take the nearer neighbour
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history.step[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  const i = lo > 0 && Math.abs(history.step[lo - 1] - at) <= Math.abs(history.step[lo] - at) ? lo - 1 : lo;
  const step = history.step[i];
  const m = metricArrays(metrics);
  let metric: CurveReadout['metric'] = null;
  for (let k = 0; k < m.steps.length && m.steps[k] <= step; k++) metric = { step: m.steps[k], value: m.values[k] };
  return { step, loss: history.loss[i], metric };
}

const path = line<Pt>()
  .x((p) => p[0])
  .y((p) => p[1])
  .defined((p) => Number.isFinite(p[1]));

/** The metric ring copied oldest-first into arrays (≤ its capacity, 512 points). */
export function metricArrays(metrics: MetricSeries): { steps: Float64Array; values: Float64Array } {
  const steps = new Float64Array(metrics.length);
  const values = new Float64Array(metrics.length);
  for (let k = 0; k < metrics.length; k++) {
    const p = metrics.at(k);
    steps[k] = p.step;
    values[k] = p.value;
  }
  return { steps, values };
}

/** Lays out the curve for an SVG `width` pixels wide; `log` puts the loss on a log10 scale. */
export function buildCurve(history: LossSeries, metrics: MetricSeries, metric: TaskMetric | null, width: number, log: boolean): CurveModel {
  const layout = curveLayout(width);
  const n = history.length;
  const m = metricArrays(metrics);
  const lastStep = Math.max(n > 0 ? history.step[n - 1] : 0, m.steps.length > 0 ? m.steps[m.steps.length - 1] : 0);
  const x = stepScale(lastStep, layout);

  const ly = lossScale(lossDomain(history.loss, n, log), layout, log);
  const lossPoints = decimate(history.step, history.loss, n, x, lossY(ly, log));

  const name = metric?.name ?? '';
  const baseline = metric?.baseline ?? NaN;
  const my = metricScale(metricDomain(name, baseline, m.values, m.values.length), layout);
  const metricY = (v: number) => (Number.isFinite(v) ? my(v) : NaN);
  const metricPoints = decimate(m.steps, m.values, m.values.length, x, metricY);
  const lastMetric = metricPoints.length > 0 ? metricPoints[metricPoints.length - 1] : null;

  return {
    layout,
    stepTicks: stepTicks(x),
    lossTicks: lossTicks(ly, log),
    metricTicks: metric ? metricTicks(my, name) : [],
    lossPath: path(lossPoints) ?? '',
    metricPath: path(metricPoints) ?? '',
    lossPoints,
    metricPoints,
    baselineY: metric && Number.isFinite(baseline) ? my(baseline) : null,
    lastMetric: lastMetric && Number.isFinite(lastMetric[1]) ? lastMetric : null,
    stepAt: (px: number) => x.invert(px),
    xOf: (step: number) => x(step),
  };
}
