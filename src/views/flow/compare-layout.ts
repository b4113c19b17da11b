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

/** Mini-curve box: loss (log) above, the task metric against its baseline beneath, steps along the bottom (the training curve's layout, smaller). */
export type MiniBox = CurveLayout;

/** The mini curve's box for an SVG `width` wide (at least 240). */
export function miniBox(width: number): MiniBox {
  const w = Math.max(240, Math.floor(width));
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
