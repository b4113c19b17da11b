import { useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { formatStep, formatValue } from '../chart/format';
import { useLab, useLabActions } from '../../state/context';
import { Legend } from '../chart/Legend';
import type { LegendItem } from '../chart/Legend';
import { useElementWidth } from '../chart/use-width';
import { ViewShell } from '../kit/ViewShell';
import { pointIn } from '../kit/pointer';
import { CurveChart } from './CurveChart';
import { CurveTable } from './CurveTable';
import { buildCurve, readoutAt } from './curve-model';
import type { CurveReadout } from './curve-model';
import { beatsBaseline, curveAriaLabel, formatMetric, lossText, metricText, verdictText } from './curve-summary';
import './curve.css';

/** Width laid out before the panel is measured (and in jsdom, which has no layout). */
export const CURVE_FALLBACK_WIDTH = 640;

/** Why the loss of a numeric task sits near half its MSE. */
export const LINEAR_LOSS_NOTE =
  'The loss is ½·(y − target)² per scored step, averaged over the training batch (the ½ makes its gradient simply y − target); the MSE is the plain mean of (y − target)² on the evaluation set. So a loss near half the MSE is the same error.';

/**
 * The training curve: loss per step above, the task metric against its trivial predictor's baseline beneath,
 * the latest values as text, a log-scale switch, and (ViewShell) a table alternative and PNG/SVG export.
 * Re-renders on every committed frame; the geometry is recomputed only when the history, the width or the scale changes.
 */
export function TrainingCurve() {
  const version = useLab((s) => s.historyVersion);
  const history = useLab((s) => s.history);
  const metrics = useLab((s) => s.metrics);
  const metric = useLab((s) => s.metric);
  const logScale = useLab((s) => s.ui.logScale);
  const head = useLab((s) => s.info?.task.head ?? null);
  const { setUi } = useLabActions();
  // measured on the view's own box, which stays mounted while ViewShell swaps the figure for its table
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, CURVE_FALLBACK_WIDTH);

  // history and metrics are mutated in place: this versioned handle is a new object exactly when they changed
  const series = useMemo(() => ({ history, metrics, version }), [history, metrics, version]);
  const model = useMemo(() => buildCurve(series.history, series.metrics, metric, width, logScale), [series, metric, width, logScale]);

  const [hover, setHover] = useState<CurveReadout | null>(null);
  const onMove = (e: MouseEvent<HTMLDivElement>) => {
    const svg = e.currentTarget.querySelector('svg');
    if (!svg) return;
    const px = pointIn(e, svg).x;
    const L = model.layout;
    setHover(px >= L.left && px <= L.right ? readoutAt(history, metrics, model.stepAt(px)) : null);
  };

  const empty = history.length === 0 && metrics.length === 0;
  // the curve's newest point: the step its numbers reach
  const lastStep = history.length > 0 ? history.step[history.length - 1] : 0;
  const loss = lossText(history);
  const legend: LegendItem[] = [
    { label: 'loss (training batches)', className: 'series-loss' },
    { label: metric ? `${metric.name} (evaluation set)` : 'task metric', className: 'series-metric' },
    { label: metric ? metric.baselineName : 'trivial predictor', className: 'series-baseline', dashed: true },
  ];

  const toolbar = (
    <>
      <p className="curve-latest" data-testid="curve-latest">
        {loss ?? 'No training steps yet.'}
        {metric && (
          <>
            {' · '}
            {metricText(metric)}{' '}
            <span className={beatsBaseline(metric) ? 'verdict verdict-good' : 'verdict verdict-bad'}>
              {beatsBaseline(metric) ? '✓ ' : ''}
              {verdictText(metric)}
            </span>
          </>
        )}
      </p>
      <label className="curve-option">
        <input type="checkbox" checked={logScale} onChange={(e) => setUi({ logScale: e.target.checked })} /> log scale
      </label>
    </>
  );

  // a numeric answer's loss and its MSE differ by a factor ½ and by the data they are measured on: say so once
  const caption = head === 'linear' ? LINEAR_LOSS_NOTE : undefined;

  return (
    <div className="training-curve" ref={box}>
      <ViewShell name="training-curve" step={empty ? null : lastStep} toolbar={toolbar} caption={caption} table={() => <CurveTable history={history} stride={history.stride} metrics={metrics} metric={metric} />}>
        <Legend items={legend} label="Legend" />
        <div className="curve-box" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
          {empty ? (
            <p className="view-empty">Training starts… the curve appears after the first step.</p>
          ) : (
            <CurveChart model={model} metric={metric} log={logScale} label={curveAriaLabel(history, metric)} hoverStep={hover?.step ?? null} />
          )}
          {/* always there (no shift when the pointer arrives); screen readers have the table */}
          {!empty && (
            <p className="curve-readout" data-testid="curve-readout">
              {hover ? (
                <>
                  step {formatStep(hover.step)}: loss {formatValue(hover.loss)}
                  {history.stride > 1 ? ` (mean of ${history.stride} steps)` : ''}
                  {metric && hover.metric ? ` · ${metric.name} ${formatMetric(metric.name, hover.metric.value)} at step ${formatStep(hover.metric.step)}` : ''}
                </>
              ) : (
                'Point at the curve to read its numbers.'
              )}
            </p>
          )}
        </div>
      </ViewShell>
    </div>
  );
}
