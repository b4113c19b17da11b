import { useMemo } from 'react';
import type { InspectRecord } from '../../engine/session';
import type { TaskMetric } from '../../engine/tasks/task';
import type { CellKind, TruncMode } from '../../engine/types';
import type { Divergence } from '../../engine/trainer';
import type { PointRing, TrainingHistory } from '../../state/history';
import type { LabState } from '../../state/store';
import { formatStep } from '../chart/format';
import { formatMetric } from '../curve/curve-summary';
import { baselineVerdict, buildMiniCurve, COLUMN_MIN } from './compare-layout';
import type { SharedAxes } from './compare-layout';
import { FlowChart } from './FlowChart';
import { CELL_TITLES } from './flow-words';
import { formatFactor, SHAPE_WORDS } from './flow-shape';
import { MiniCurve } from './MiniCurve';
import { buildProfile } from './profile-model';

/** What one column shows of one lab. */
export interface ColumnData {
  cell: CellKind;
  activation: string;
  truncate: number;
  truncMode: TruncMode;
  record: InspectRecord | null;
  history: TrainingHistory;
  version: number;
  metrics: PointRing;
  metric: TaskMetric | null;
  step: number;
  divergence: Divergence | null;
  /** the lab's worker has handled every command it was sent and is not training: its step can no longer move */
  settled: boolean;
}

/** One lab's column data from its state (use with useShallow: a new object only when a field changed). */
export function selectColumn(s: LabState): ColumnData {
  return {
    cell: s.config.model.cell,
    activation: s.config.model.activation,
    truncate: s.config.truncate,
    truncMode: s.config.truncMode,
    record: s.frame?.record ?? null,
    history: s.history,
    version: s.historyVersion,
    metrics: s.metrics,
    metric: s.metric,
    step: s.step,
    divergence: s.divergence,
    settled: s.frame !== null && s.frame.handled === s.sent && !s.frame.playing,
  };
}

/** One cell's column: its name, step and metric, a mini training curve, and its gradient-flow profile on the shared log axis. */
export function CompareColumn({ data, own, axes, flowDomain, width }: { data: ColumnData; own: boolean; axes: SharedAxes; flowDomain: [number, number]; width: number }) {
  const { record, history, metrics, metric, version } = data;
  // history and metrics are mutated in place: this versioned handle is a new object exactly when they changed
  const series = useMemo(() => ({ history, metrics, metric, version }), [history, metrics, metric, version]);
  const curve = useMemo(() => buildMiniCurve(series, axes, width), [series, axes, width]);
  // exactly the column's width: a wider SVG would run out of its card
  const profile = useMemo(() => (record ? buildProfile(record, width, data.truncate, data.truncMode, { height: 200, yDomain: flowDomain, minWidth: COLUMN_MIN }) : null), [record, width, data.truncate, data.truncMode, flowDomain]);
  // judged on the mean of the last evaluations, so one noisy evaluation cannot flip it (metrics is mutated in place: version says when)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the in-place metrics ring
  const verdict = useMemo(() => (metric ? baselineVerdict(metrics, metric) : null), [metrics, metric, version]);
  const title = CELL_TITLES[data.cell] + (data.cell === 'rnn' ? ` (${data.activation})` : '');
  const fit = profile?.h.fit ?? null;
  return (
    <section className="compare-col" data-cell={data.cell} aria-label={`${title}${own ? ", this page's run" : ''}`}>
      <h3>
        {title} {own && <span className="own">· this page's run</span>}
      </h3>
      <p data-testid={`compare-step-${data.cell}`} data-settled={data.settled}>
        step {formatStep(data.step)}
        {data.divergence && <span className="bad"> · diverged at step {formatStep(data.divergence.step)}</span>}
      </p>
      <p>
        {metric && verdict ? (
          <span data-testid={`compare-verdict-${data.cell}`} data-verdict={verdict.verdict} data-value={verdict.value}>
            {metric.name} <strong>{formatMetric(metric.name, verdict.value)}</strong>
            {verdict.count > 1 ? ` (mean of last ${verdict.count})` : ''} vs {formatMetric(metric.name, metric.baseline)} for {metric.baselineName}:{' '}
            {verdict.verdict === 'better' ? '✓ better' : verdict.verdict === 'at' ? <span className="at">≈ at the baseline</span> : <span className="bad">✗ worse</span>}
          </span>
        ) : metric ? (
          `${metric.name}: no finite evaluation yet`
        ) : (
          'first evaluation pending'
        )}
      </p>
      <MiniCurve model={curve} metricName={axes.metricName} label={`${title}: loss and ${axes.metricName || 'task metric'} per training step`} />
      {profile && record ? (
        <>
          <p data-testid={`compare-factor-${data.cell}`} data-factor={fit?.factor ?? ''} data-shape={fit?.shape ?? ''}>
            gradient flow from τ = {record.tau}: {fit ? `×${formatFactor(fit.factor)} per step back (${SHAPE_WORDS[fit.shape]})` : 'no factor (zeros)'}
          </p>
          <FlowChart model={profile} flowH={record.flowH} flowC={record.flowC} label={`${title}: gradient flow from τ = ${record.tau} on the shared log axis`} compact />
        </>
      ) : (
        <p className="view-empty">Starting…</p>
      )}
    </section>
  );
}
