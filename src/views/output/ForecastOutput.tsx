import { useMemo, useRef } from 'react';
import { useLab } from '../../state/context';
import { AxisBottom, AxisLeft } from '../chart/Axis';
import { formatStep, formatValue } from '../chart/format';
import { Legend } from '../chart/Legend';
import type { LegendItem } from '../chart/Legend';
import { useElementWidth } from '../chart/use-width';
import type { ForecastData } from './forecast-layout';
import { forecastError, forecastModel } from './forecast-layout';
import { useYardsticks } from './use-seasonal';

/** Width laid out before the panel is measured (and in jsdom). */
export const FORECAST_FALLBACK_WIDTH = 640;

/**
 * A free-running forecast: the values the net read (context), then its own predictions fed back as inputs,
 * against the noiseless truth where the task knows it; a dotted line marks where the forecast starts. For a bundled
 * seasonal series (`csv=co2`) a second dashed line is the seasonal naive forecast with drift of the same months, the
 * yardstick, with its mean distance and that of the last value repeated in the caption.
 */
export function ForecastOutput({ step, data, question, truthName }: { step: number; data: ForecastData; question: string; truthName?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, FORECAST_FALLBACK_WIDTH);
  const task = useLab((s) => s.config.task);
  const sticks = useYardsticks(task);
  // the yardstick of the steps the chart shows (the output may still be the previous run's: then lengths differ)
  const seasonal = useMemo(() => (sticks && sticks.seasonal.length >= data.predicted.length && data.predicted.length > 0 ? sticks.seasonal.subarray(0, data.predicted.length) : null), [sticks, data]);
  const m = useMemo(() => forecastModel(data, width, seasonal ?? []), [data, width, seasonal]);
  const err = forecastError(data);
  const T = data.context.length;
  const H = data.predicted.length;
  const legend: LegendItem[] = [
    { label: 'what the net read', className: 'series-context' },
    { label: 'its forecast (fed its own output)', className: 'series-forecast' },
  ];
  if (m.truthPath !== null) legend.push({ label: truthName ?? 'truth without noise', className: 'series-truth', dashed: true });
  const seasonalName = sticks ? `the value ${sticks.season} steps before plus the mean rise (seasonal yardstick)` : '';
  if (m.baselinePath !== null) legend.push({ label: seasonalName, className: 'series-baseline', dashed: true });
  // the yardsticks' distances are over the whole held-out tail; the chart's over the steps it shows, the same when it shows all
  const sticksText = seasonal && sticks && data.truth.length === sticks.seasonal.length ? `; the seasonal yardstick ${formatValue(sticks.seasonalMae)}, the last value repeated ${formatValue(sticks.lastValueMae)}` : '';
  const errText = err === null ? '' : `; mean distance from ${truthName ?? 'the truth'} ${formatValue(err)}${sticksText}`;
  const label = `Forecast at step ${formatStep(step)}: the net read ${T} values, then predicted ${H} more on its own${errText}.`;
  return (
    <figure className="output-forecast">
      <figcaption>
        <strong>{question}</strong>
        <span className="output-meta">
          {' '}
          — forecast at step {formatStep(step)}: reads {T} values, then feeds back its own predictions for {H} steps{errText}
        </span>
      </figcaption>
      <Legend items={legend} label="Legend" />
      <div className="forecast-box" ref={box}>
        <svg className="chart forecast-chart" role="img" aria-label={label} width={m.width} height={m.height} viewBox={`0 0 ${m.width} ${m.height}`}>
          <AxisLeft ticks={m.yTicks} x={m.left} y0={m.top} y1={m.bottom} gridTo={m.right} />
          <AxisBottom ticks={m.xTicks} y={m.bottom} x0={m.left} x1={m.right} title="time step" />
          <line className="marker" data-marker="forecast-start" x1={m.splitX} x2={m.splitX} y1={m.top - 6} y2={m.bottom} />
          <text className="axis-label" x={m.splitX + 6} y={m.top - 8}>
            forecast →
          </text>
          <path className="series series-context" data-series="context" d={m.contextPath} />
          {m.truthPath !== null && <path className="series series-truth dashed" data-series="truth" d={m.truthPath} />}
          {m.baselinePath !== null && <path className="series series-baseline dashed" data-series="seasonal" d={m.baselinePath} />}
          <path className="series series-forecast" data-series="forecast" d={m.predictedPath} />
        </svg>
      </div>
    </figure>
  );
}
