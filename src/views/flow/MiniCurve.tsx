import { AxisBottom, AxisLeft } from '../chart/Axis';
import type { MiniCurve as MiniCurveModel } from './compare-layout';

/** A small training curve: loss (log) above, the task metric and its dashed trivial-predictor baseline beneath. */
export function MiniCurve({ model, label, metricName }: { model: MiniCurveModel; label: string; metricName: string }) {
  const b = model.box;
  return (
    <svg className="chart mini-curve" role="img" aria-label={label} width={b.width} height={b.height} viewBox={`0 0 ${b.width} ${b.height}`}>
      <text className="panel-title" x={b.left} y={b.lossTop - 7}>
        loss (log)
      </text>
      <AxisLeft ticks={model.lossTicks} x={b.left} y0={b.lossTop} y1={b.lossBottom} gridTo={b.right} />
      <path className="series series-loss" data-series="loss" d={model.lossPath} />
      <text className="panel-title" x={b.left} y={b.metricTop - 7}>
        {metricName || 'task metric'}
      </text>
      <AxisLeft ticks={model.metricTicks} x={b.left} y0={b.metricTop} y1={b.metricBottom} gridTo={b.right} />
      {model.baselineY !== null && <line className="mini-baseline" data-series="baseline" x1={b.left} x2={b.right} y1={model.baselineY} y2={model.baselineY} />}
      <path className="series series-metric" data-series="metric" d={model.metricPath} />
      <AxisBottom ticks={model.stepTicks} y={b.metricBottom} x0={b.left} x1={b.right} title="training step" />
    </svg>
  );
}
