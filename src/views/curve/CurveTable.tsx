import type { TaskMetric } from '../../engine/tasks/task';
import { formatStep, formatValue } from '../chart/format';
import type { LossSeries, MetricSeries } from './curve-model';
import { formatMetric } from './curve-summary';

/** How many of the newest points the table lists. */
export const TABLE_ROWS = 20;

/** The indices of the newest `rows` of `n` points, oldest first. */
export function lastIndices(n: number, rows: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, n - rows); i < n; i++) out.push(i);
  return out;
}

/** The curve as numbers: the newest loss points and metric evaluations, for screen readers and for reading off values. */
export function CurveTable({ id, history, stride, metrics, metric }: { id?: string; history: LossSeries; stride: number; metrics: MetricSeries; metric: TaskMetric | null }) {
  const name = metric?.name ?? 'metric';
  return (
    <div className="curve-tables" id={id}>
      <table className="data-table" data-table="loss">
        <caption>
          Loss, newest {Math.min(TABLE_ROWS, history.length)} points{stride > 1 ? ` (each the mean of ${formatStep(stride)} steps)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            <th scope="col">loss</th>
          </tr>
        </thead>
        <tbody>
          {lastIndices(history.length, TABLE_ROWS).map((i) => (
            <tr key={i}>
              <td>{formatStep(history.step[i])}</td>
              <td>{formatValue(history.loss[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-table="metric">
        <caption>
          {name}, newest {Math.min(TABLE_ROWS, metrics.length)} evaluations
          {metric ? ` (${metric.baselineName}: ${formatMetric(name, metric.baseline)})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            <th scope="col">{name}</th>
          </tr>
        </thead>
        <tbody>
          {lastIndices(metrics.length, TABLE_ROWS).map((k) => {
            const p = metrics.at(k);
            return (
              <tr key={k}>
                <td>{formatStep(p.step)}</td>
                <td>{formatMetric(name, p.value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
