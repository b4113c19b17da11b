/** The training curve in words: the latest values line and the SVG's accessible summary. */
import type { TaskMetric } from '../../engine/tasks/task';
import { formatPercent, formatStep, formatValue } from '../chart/format';
import { isFractionMetric } from './curve-layout';
import type { LossSeries } from './curve-model';

/** A metric value as shown: a percentage for a fraction (accuracy), else 3 significant digits. */
export function formatMetric(name: string, v: number): string {
  return isFractionMetric(name) ? formatPercent(v) : formatValue(v);
}

/** Whether the model beats the trivial predictor: value > baseline when higher is better, value < baseline otherwise. */
export function beatsBaseline(m: TaskMetric): boolean {
  return m.higherIsBetter ? m.value > m.baseline : m.value < m.baseline;
}

/** "accuracy 96% (chance (1/4): 25%)" */
export function metricText(m: TaskMetric): string {
  return `${m.name} ${formatMetric(m.name, m.value)} (${m.baselineName}: ${formatMetric(m.name, m.baseline)})`;
}

/** The newest loss point as text, "loss 0.412 at step 1,200", or null before the first step. */
export function lossText(h: LossSeries): string | null {
  const n = h.length;
  if (n === 0) return null;
  return `loss ${formatValue(h.loss[n - 1])} at step ${formatStep(h.step[n - 1])}`;
}

/** "better than chance (1/4)" or "not better than chance (1/4)". */
export function verdictText(m: TaskMetric): string {
  return `${beatsBaseline(m) ? 'better' : 'not better'} than ${m.baselineName}`;
}

/** One sentence or two for a screen reader: where the loss went, and the metric against its baseline. */
export function curveAriaLabel(h: LossSeries, m: TaskMetric | null): string {
  const n = h.length;
  if (n === 0) return 'Training curve: no training steps yet.';
  const first = h.loss[0];
  const last = h.loss[n - 1];
  // NaN compares false both ways: without the first test a loss that became NaN would have "stayed"
  const dir = Number.isNaN(first) || Number.isNaN(last) ? 'went' : last < first ? 'fell' : last > first ? 'rose' : 'stayed';
  let s = `Training curve: over ${formatStep(h.step[n - 1])} steps the loss ${dir} from ${formatValue(first)} to ${formatValue(last)}.`;
  if (m) s += ` ${m.name} ${formatMetric(m.name, m.value)}, ${verdictText(m)} (${formatMetric(m.name, m.baseline)}).`;
  return s;
}
