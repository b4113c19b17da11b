import { useState } from 'react';
import type { MouseEvent } from 'react';
import { AxisBottom, AxisLeft } from '../chart/Axis';
import { pointIn } from '../kit/pointer';
import type { TextLabel } from './flow-layout';
import type { ProfileLine, ProfileModel } from './profile-model';
import { nearestK } from './profile-model';

/** A norm to four significant digits ("1.234e-7" when tiny or huge), "0" for zero, "—" for NaN/∞. */
export function formatNorm(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
}

/** A label the model placed (inside the SVG). */
export function SvgLabel({ label, className = 'halo' }: { label: TextLabel; className?: string }) {
  return (
    <text className={className} x={label.x} y={label.y} textAnchor={label.anchor}>
      {label.text}
    </text>
  );
}

/** Crosses on the floor where a line has no place on the log axis (0, NaN, below the floor), and on the top edge where it lies above a forced top. */
function ZeroMarks({ line, model, cls }: { line: ProfileLine; model: ProfileModel; cls: string }) {
  const cross = (k: number, y: number) => `M${model.x(k) - 4},${y - 8}L${model.x(k) + 4},${y}M${model.x(k) + 4},${y - 8}L${model.x(k) - 4},${y}`;
  return (
    <g className={`flow-zeros ${cls}`} data-zeros={line.zeros.join(',')} data-over={line.over.join(',')}>
      {line.zeros.map((k) => (
        <path key={k} d={cross(k, model.box.bottom)} />
      ))}
      {line.over.map((k) => (
        <path key={`o${k}`} d={cross(k, model.box.top + 8)} />
      ))}
    </g>
  );
}

/**
 * The gradient-flow profile as an SVG: ‖∂ℓ_τ/∂h_k‖ (and ‖∂ℓ_τ/∂c_k‖ for LSTM) against k on a log axis, τ at the
 * left; the measured per-step factor as a dashed straight line between the ends; the steps truncated BPTT trains on shaded;
 * values with no place on the log axis (0, NaN, below its floor) crossed on the floor. Hover gives exact values; click selects the step.
 */
export function FlowChart(props: {
  model: ProfileModel;
  flowH: Float64Array;
  flowC: Float64Array;
  label: string;
  compact?: boolean;
  selectedT?: number | null;
  highlight?: string | null;
  onHighlight?: (name: string | null) => void;
  onSelect?: (k: number) => void;
}) {
  const { model, flowH, flowC, compact } = props;
  const { box, tau } = model;
  const [hover, setHover] = useState<number | null>(null);
  const locate = (e: MouseEvent<SVGRectElement>) => {
    return nearestK(model, pointIn(e, e.currentTarget).x + box.left);
  };
  const lit = (name: string) => (props.highlight === name ? ' lit' : '');
  const dots = !compact && tau <= 80;
  const w = model.window;
  const sel = props.selectedT ?? null;
  return (
    <div className="flow-chart-box" style={{ position: 'relative', width: box.width }}>
      <svg className="chart flow-chart" role="img" aria-label={props.label} width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`}>
        {w && (
          <g className="flow-window" data-from={w.from} data-to={w.to}>
            <rect x={w.x0} y={box.top} width={Math.max(0, w.x1 - w.x0)} height={box.bottom - box.top} />
            <line className="flow-window-edge" x1={w.x1} x2={w.x1} y1={box.top} y2={box.bottom} />
            {model.windowLabel && <SvgLabel label={model.windowLabel} className="flow-window-label halo" />}
          </g>
        )}
        <AxisLeft ticks={model.yTicks} x={box.left} y0={box.top} y1={box.bottom} gridTo={box.right} />
        <AxisBottom ticks={model.xTicks} y={box.bottom} x0={box.left} x1={box.right} title={compact ? 'step k (back in time →)' : `timestep k (back in time from τ = ${tau} →)`} />
        {!compact && (
          <text className="axis-title" transform={`translate(13,${(box.top + box.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            gradient norm (log)
          </text>
        )}
        {sel !== null && sel <= tau && <line className="flow-selected" data-k={sel} x1={model.x(sel)} x2={model.x(sel)} y1={box.top} y2={box.bottom} />}
        {model.h.fitLine && (
          <line className="flow-fit" data-series="fit" x1={model.h.fitLine[0][0]} y1={model.h.fitLine[0][1]} x2={model.h.fitLine[1][0]} y2={model.h.fitLine[1][1]} />
        )}
        {model.c && (
          <path
            className={`series flow-c dashed${lit('dc')}`}
            data-series="c"
            d={model.c.path}
            onMouseEnter={() => props.onHighlight?.('dc')}
            onMouseLeave={() => props.onHighlight?.(null)}
          />
        )}
        <path className={`series flow-h${lit('dh')}`} data-series="h" d={model.h.path} onMouseEnter={() => props.onHighlight?.('dh')} onMouseLeave={() => props.onHighlight?.(null)} />
        {dots && (
          <g className="flow-dots">
            {model.h.points.map(([x, y], k) => (Number.isFinite(y) ? <circle key={k} cx={x} cy={y} r={3} /> : null))}
          </g>
        )}
        {model.endLabels.h && <SvgLabel label={model.endLabels.h} className="flow-end-label halo flow-end-h" />}
        {model.endLabels.c && <SvgLabel label={model.endLabels.c} className="flow-end-label halo flow-end-c" />}
        <ZeroMarks line={model.h} model={model} cls="flow-h-zeros" />
        {model.c && <ZeroMarks line={model.c} model={model} cls="flow-c-zeros" />}
        {hover !== null && <line className="flow-hover" x1={model.x(hover)} x2={model.x(hover)} y1={box.top} y2={box.bottom} />}
        <rect
          className="flow-overlay"
          x={box.left}
          y={box.top}
          width={box.right - box.left}
          height={box.bottom - box.top}
          fill="transparent"
          onMouseMove={(e) => setHover(locate(e))}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => props.onSelect?.(locate(e))}
        />
      </svg>
      {hover !== null && (
        <div className="tooltip" role="status" style={{ left: Math.min(model.x(hover) + 12, box.width - 180), top: box.top + 8 }}>
          k = {hover} ({tau - hover} {tau - hover === 1 ? 'step' : 'steps'} back from τ = {tau})<br />
          ‖∂ℓ<sub>τ</sub>/∂h<sub>k</sub>‖ = <strong>{formatNorm(flowH[hover])}</strong>
          {flowC.length > 0 && (
            <>
              <br />‖∂ℓ<sub>τ</sub>/∂c<sub>k</sub>‖ = <strong>{formatNorm(flowC[hover])}</strong>
            </>
          )}
        </div>
      )}
    </div>
  );
}
