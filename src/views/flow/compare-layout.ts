/**
 * The side-by-side comparison's pure parts: which cells the extra labs run, their configs mirrored from the
 * page's, and the mini training curves on axes shared by the three columns.
 */
import { scaleLinear } from 'd3-scale';
import { normalizeConfig } from '../../engine/config';
import type { SessionConfig } from '../../engine/config';
import type { TaskMetric } from '../../engine/tasks/task';
import { CELLS } from '../../engine/types';
import type { CellKind } from '../../engine/types';
import type { Tick } from '../chart/Axis';
import { formatStep } from '../chart/format';
import { decimate, metricDomain, metricTicks } from '../curve/curve-layout';
import type { LossSeries, MetricSeries } from '../curve/curve-model';
import { metricArrays } from '../curve/curve-model';
import { logDomain, logScale, logTicks, logY } from './flow-layout';
import { pathOf } from './profile-model';
import type { CurveLayout } from '../curve/curve-layout';

/** The two cells the extra labs run: every cell but the page's, in the order rnn, lstm, gru. */
export function otherCells(page: CellKind): [CellKind, CellKind] {
  const rest = CELLS.filter((c) => c !== page);
  return [rest[0], rest[1]];
}

/** The page's config with only the cell changed (same task, seed, sizes, init, optimizer, clipping, truncation). */
export function mirrorConfig(config: SessionConfig, cell: CellKind): SessionConfig {
  return { ...config, model: { ...config.model, cell } };
}

/** A key equal for configs that run the same (normalized first: the worker's echo of a config compares equal to it). */
export function configKey(config: SessionConfig): string {
  return JSON.stringify(normalizeConfig(config).config);
}

/** Gap between the comparison's columns and each card's padding + border on the left and right together, in px (flow.css uses the same). */
export const COMPARE_GAP = 12;
export const CARD_CHROME = 18;
/** Narrowest column content laid out: below three of these (plus gaps and cards) the columns stack. */
export const COLUMN_MIN = 240;

/** How the comparison lays out in a view `width` wide: three columns side by side, or stacked, and each column's content width (what its SVGs get). */
export interface CompareColumns {
  stacked: boolean;
  /** content width of one card: every SVG in it is exactly this wide */
  colWidth: number;
}

/**
 * Three columns when each card's content gets at least COLUMN_MIN px, else one column per row. The cards
 * (content + CARD_CHROME) and the gaps add up to at most `width` (a width below one card scrolls).
 */
export function compareColumns(width: number): CompareColumns {
  const w = Number.isFinite(width) ? Math.max(0, Math.floor(width)) : 0;
  const three = Math.floor((w - 2 * COMPARE_GAP) / 3) - CARD_CHROME;
  if (three >= COLUMN_MIN) return { stacked: false, colWidth: three };
  return { stacked: true, colWidth: Math.max(COLUMN_MIN, w - CARD_CHROME) };
}

/** Mini-curve box: loss (log) above, the task metric against its baseline beneath, steps along the bottom (the training curve's layout, smaller). */
export type MiniBox = CurveLayout;

/** The mini curve's box for an SVG `width` wide (at least COLUMN_MIN). */
export function miniBox(width: number): MiniBox {
  const w = Math.max(COLUMN_MIN, Number.isFinite(width) ? Math.floor(width) : 0);
  return { width: w, height: 190, left: 52, right: w - 12, lossTop: 20, lossBottom: 76, metricTop: 100, metricBottom: 146 };
}

/** One column's training series. */
export interface MiniSeries {
  history: LossSeries;
  metrics: MetricSeries;
  metric: TaskMetric | null;
}

/** What one mini curve draws. */
export interface MiniCurve {
  box: MiniBox;
  lossPath: string;
  metricPath: string;
  baselineY: number | null;
  lossTicks: Tick[];
  metricTicks: Tick[];
  stepTicks: Tick[];
}

/** The axes the three mini curves share: last step, log-loss domain, metric domain. */
export interface SharedAxes {
  lastStep: number;
  loss: [number, number];
  metric: [number, number];
  metricName: string;
}

/** Shared axes over all columns: so a slower learner's curve is visibly higher, and a slower machine's shorter. */
export function sharedAxes(cols: readonly MiniSeries[]): SharedAxes {
  let lastStep = 1;
  const losses: Float64Array[] = [];
  const values: number[] = [];
  let metric: TaskMetric | null = null;
  for (const c of cols) {
    const n = c.history.length;
    if (n > 0) lastStep = Math.max(lastStep, c.history.step[n - 1]);
    losses.push(Float64Array.from({ length: n }, (_, i) => c.history.loss[i]));
    const m = metricArrays(c.metrics);
    if (m.steps.length > 0) lastStep = Math.max(lastStep, m.steps[m.steps.length - 1]);
    values.push(...m.values);
    metric = metric ?? c.metric;
  }
  const name = metric?.name ?? '';
  return { lastStep, loss: logDomain(losses), metric: metricDomain(name, metric?.baseline ?? NaN, values, values.length), metricName: name };
}

/** Lays out one column's mini curve on the shared axes. */
export function buildMiniCurve(s: MiniSeries, axes: SharedAxes, width: number): MiniCurve {
  const box = miniBox(width);
  const x = scaleLinear().domain([0, axes.lastStep]).range([box.left, box.right]);
  const ly = logScale(axes.loss, box.lossBottom, box.lossTop);
  const my = scaleLinear().domain(axes.metric).range([box.metricBottom, box.metricTop]).clamp(true);
  const lossPts = decimate(s.history.step, s.history.loss, s.history.length, x, logY(ly));
  const m = metricArrays(s.metrics);
  const metricPts = decimate(m.steps, m.values, m.values.length, x, (v) => (Number.isFinite(v) ? my(v) : NaN));
  const baseline = s.metric?.baseline;
  return {
    box,
    lossPath: pathOf(lossPts) ?? '',
    metricPath: pathOf(metricPts) ?? '',
    baselineY: baseline !== undefined && Number.isFinite(baseline) ? my(baseline) : null,
    lossTicks: logTicks(ly, 3),
    metricTicks: s.metric ? metricTicks(my, axes.metricName) : [],
    stepTicks: [0, axes.lastStep].map((v) => ({ value: v, pos: x(v), label: formatStep(v) })),
  };
}

/** Evaluations averaged for the comparison's verdict, and the tolerance around the baseline (a share of it) within which a metric is "at the baseline". */
export const VERDICT_EVALS = 5;
export const VERDICT_TOLERANCE = 0.1;

/** A column's metric against its trivial predictor, judged on the mean of its last evaluations. */
export interface BaselineVerdict {
  /** the mean of the last `count` finite evaluations */
  value: number;
  count: number;
  verdict: 'better' | 'at' | 'worse';
}

/**
 * The verdict on the mean of the last `n` finite evaluations in `metrics` (the latest `metric.value` alone
 * when the series is empty): within `tol` × |baseline| of the baseline it is "at" the baseline, else better
 * or worse by the metric's direction. So one noisy evaluation (0.145 then 0.165 against 0.148) cannot flip
 * it. Null when nothing finite was measured or the baseline is not a number.
 */
export function baselineVerdict(metrics: MetricSeries, metric: TaskMetric, n = VERDICT_EVALS, tol = VERDICT_TOLERANCE): BaselineVerdict | null {
  const b = metric.baseline;
  if (!Number.isFinite(b)) return null;
  const vs: number[] = [];
  for (let k = metrics.length - 1; k >= 0 && vs.length < n; k--) {
    const v = metrics.at(k).value;
    if (Number.isFinite(v)) vs.push(v);
  }
  if (vs.length === 0 && Number.isFinite(metric.value)) vs.push(metric.value);
  if (vs.length === 0) return null;
  const count = vs.length;
  // each term divided first, and the mean kept between the smallest and largest value: no overflow near ±1e308
  const mean = vs.reduce((acc, v) => acc + v / count, 0);
  const value = Math.min(Math.max(mean, Math.min(...vs)), Math.max(...vs));
  const band = tol * Math.abs(b);
  const verdict = Math.abs(value - b) <= band ? 'at' : (value > b) === metric.higherIsBetter ? 'better' : 'worse';
  return { value, count, verdict };
}

/** The verdict rule as the comparison states it. */
export const VERDICT_RULE = `The ✓/≈/✗ verdicts judge the mean of the last ${VERDICT_EVALS} evaluations; within ${Math.round(VERDICT_TOLERANCE * 100)}% of the trivial predictor's score counts as at the baseline.`;
