import { useState } from 'react';
import type { MouseEvent } from 'react';
import { AxisBottom, AxisLeft } from '../chart/Axis';
import { formatStep } from '../chart/format';
import { pointIn } from '../kit/pointer';
import { formatNorm } from './FlowChart';
import type { HistoryModel, NormSeries } from './history-model';
import { nearestPoint } from './history-model';
import { EXPLOSION_NORM } from './flow-layout';
import { SvgLabel } from './FlowChart';

/** "‖∇θ‖ 12 → 1 (clipped)" for one history point, naming the steps it covers when points were merged. */
export function historyPointText(h: NormSeries, i: number): string {
  const span = h.stride > 1 ? ` (max over ${h.stride} steps)` : '';
  const before = formatNorm(h.gradNorm[i]);
  const clipped = h.clipped[i] > 0;
  const after = clipped ? ` → ${formatNorm(h.gradNormClipped[i])} after clipping${h.stride > 1 ? ` (${h.clipped[i]} clipped)` : ''}` : '';
  return `step ${formatStep(h.step[i])}: ‖∇θ‖ = ${before}${span}${after}`;
}

/**
 * The history strip: the global gradient norm ‖∇θ‖ per training step on a log axis, before clipping (solid)
 * and after (dashed), explosions (above EXPLOSION_NORM, drawn as a line when the axis reaches it) marked ▼ above
 * them, clipping events ticked in a band beneath, and the norm-clipping threshold as a line the clipped norm never rises above.
 */
export function NormHistory({ model, h, label }: { model: HistoryModel; h: NormSeries; label: string }) {
  const { box } = model;
  const [hover, setHover] = useState<number | null>(null);
  const locate = (e: MouseEvent<SVGRectElement>) => {
    return nearestPoint(h, model, pointIn(e, e.currentTarget).x + box.left);
  };
  const hx = hover !== null && hover >= 0 && hover < h.length ? model.x(h.step[hover]) : null;
  return (
    <div className="flow-chart-box" style={{ position: 'relative', width: box.width }}>
      <svg className="chart norm-history" role="img" aria-label={label} width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`}>
        <AxisLeft ticks={model.yTicks} x={box.left} y0={box.top} y1={box.bottom} gridTo={box.right} />
        <text className="axis-title" transform={`translate(13,${(box.top + box.bottom) / 2}) rotate(-90)`} textAnchor="middle">
          ‖∇θ‖ (log)
        </text>
        {model.explosionY !== null && (
          <g className="flow-explosion-line" data-threshold={EXPLOSION_NORM}>
            <line x1={box.left} x2={box.right} y1={model.explosionY} y2={model.explosionY} />
            {model.explosionLabel && <SvgLabel label={model.explosionLabel} />}
          </g>
        )}
        {model.thresholdY !== null && (
          <g className="flow-threshold" data-threshold={model.threshold ?? ''}>
            <line x1={box.left} x2={box.right} y1={model.thresholdY} y2={model.thresholdY} />
            {model.thresholdLabel && <SvgLabel label={model.thresholdLabel} />}
          </g>
        )}
        {/* after below before: where nothing was clipped they coincide and the solid line shows; where clipped, the dashed one stays on the threshold */}
        {model.afterPath && <path className="series flow-after dashed" data-series="after" d={model.afterPath} />}
        <path className="series flow-before" data-series="before" d={model.beforePath} />
        <path className="flow-spikes" data-count={model.spikes.length} d={model.spikePath} />
        <text className="axis-label" x={box.left - 6} y={(box.clipTop + box.clipBottom) / 2} dy="0.32em" textAnchor="end">
          clipped
        </text>
        <path className="flow-clips" data-count={model.clipped.length} d={model.clipPath} />
        <AxisBottom ticks={model.xTicks} y={box.clipBottom + 2} x0={box.left} x1={box.right} title="training step" />
        {hx !== null && <line className="flow-hover" x1={hx} x2={hx} y1={box.top} y2={box.clipBottom} />}
        <rect
          className="flow-overlay"
          x={box.left}
          y={box.top}
          width={box.right - box.left}
          height={box.clipBottom - box.top}
          fill="transparent"
          onMouseMove={(e) => setHover(locate(e))}
          onMouseLeave={() => setHover(null)}
        />
      </svg>
      {hover !== null && hx !== null && (
        <div className="tooltip" role="status" style={{ left: Math.max(0, Math.min(hx + 12, box.width - 300)), top: box.top + 4 }}>
          {historyPointText(h, hover)}
        </div>
      )}
    </div>
  );
}
