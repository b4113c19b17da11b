import type { TaskMetric } from '../../engine/tasks/task';
import { AxisBottom, AxisLeft, GridX } from '../chart/Axis';
import type { CurveModel } from './curve-model';

/** The two stacked panels as one SVG image: loss above; the task metric and its dashed baseline beneath; steps along the bottom. */
export function CurveChart({ model, metric, log, label, hoverStep }: { model: CurveModel; metric: TaskMetric | null; log: boolean; label: string; hoverStep?: number | null }) {
  const L = model.layout;
  const by = model.baselineY;
  // the baseline's label goes above its line, or below it when the line hugs the panel's top
  const labelY = by === null ? 0 : by - L.metricTop < 18 ? by + 17 : by - 7;
  return (
    <svg className="chart curve-chart" role="img" aria-label={label} width={L.width} height={L.height} viewBox={`0 0 ${L.width} ${L.height}`}>
      <text className="panel-title" x={L.left} y={L.lossTop - 10}>
        {log ? 'loss (log scale)' : 'loss'}
      </text>
      <GridX ticks={model.stepTicks} y0={L.lossTop} y1={L.lossBottom} />
      <AxisLeft ticks={model.lossTicks} x={L.left} y0={L.lossTop} y1={L.lossBottom} gridTo={L.right} />
      <line className="axis-domain" x1={L.left} x2={L.right} y1={L.lossBottom} y2={L.lossBottom} aria-hidden="true" />
      <path className="series series-loss" data-series="loss" d={model.lossPath} />

      <text className="panel-title" x={L.left} y={L.metricTop - 10}>
        {metric ? metric.name : 'task metric'}
      </text>
      <GridX ticks={model.stepTicks} y0={L.metricTop} y1={L.metricBottom} />
      <AxisLeft ticks={model.metricTicks} x={L.left} y0={L.metricTop} y1={L.metricBottom} gridTo={L.right} />
      {metric && by !== null && (
        <g className="baseline">
          <line className="series series-baseline dashed" data-series="baseline" x1={L.left} x2={L.right} y1={by} y2={by} />
          <text className="baseline-label halo" x={L.right - 4} y={labelY} textAnchor="end">
            {metric.baselineName}
          </text>
        </g>
      )}
      <path className="series series-metric" data-series="metric" d={model.metricPath} />
      {model.lastMetric && <circle className="metric-dot" cx={model.lastMetric[0]} cy={model.lastMetric[1]} r={4.5} />}
      {!metric && (
        <text className="axis-label" x={(L.left + L.right) / 2} y={(L.metricTop + L.metricBottom) / 2} textAnchor="middle" dy="0.32em">
          first evaluation pending
        </text>
      )}
      <AxisBottom ticks={model.stepTicks} y={L.metricBottom} x0={L.left} x1={L.right} title="training step" />
      {hoverStep != null && <line className="curve-hover" data-step={hoverStep} x1={model.xOf(hoverStep)} x2={model.xOf(hoverStep)} y1={L.lossTop} y2={L.metricBottom} aria-hidden="true" />}
    </svg>
  );
}
