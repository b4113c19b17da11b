import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { SurfaceResult } from '../../worker/protocol';
import { formatValue } from '../chart/format';
import type { ColorScale } from '../kit/colors';
import { pointIn } from '../kit/pointer';
import { backingScale, useBackingScaleKey } from '../kit/canvas-scale';
import { SurfaceBase } from './SurfaceBase';
import { SurfacePaths } from './SurfacePaths';
import { GRAD_FLOOR, gridImage, imagePlacement, LOSS_FLOOR, nearestGridPoint, pointAt, surfaceScales } from './surface-layout';
import { nearestCliffPoint } from './path-layout';
import type { SurfaceLayout } from './surface-layout';

/** What the map shades: the loss E or the gradient norm ‖∇E‖ (both on a log scale). */
export type SurfaceLayer = 'loss' | 'grad';

/** A click within this many pixels of a drawn wall point starts exactly on the wall (where ‖∇E‖ is largest) rather than at the pixel. */
export const CLIFF_SNAP_PX = 6;

/**
 * The error surface as a shaded canvas under an SVG of axes, contour lines of E, the cliff, the descent
 * paths and the searches' points. Hover (or arrow keys) reads (w, b, E, ‖∇E‖) at the nearest grid point;
 * a click (or Enter) starts the descents there.
 */
export function SurfaceMap(props: {
  result: SurfaceResult;
  layer: SurfaceLayer;
  scale: ColorScale;
  contours: boolean;
  layout: SurfaceLayout;
  shown: number;
  highlight: string | null;
  onStart: (w: number, b: number) => void;
  onHighlight: (name: string | null) => void;
  label: string;
}) {
  const { result: r, layout: L, scale, layer } = props;
  const q = r.request;
  const clipId = `surface-clip-${useId().replace(/:/g, '')}`;
  const canvas = useRef<HTMLCanvasElement>(null);
  const scaleKey = useBackingScaleKey();
  const [cursor, setCursor] = useState<{ i: number; j: number; cliff: number } | null>(null);
  const s = useMemo(() => surfaceScales(q, L), [q, L]);
  const values = layer === 'loss' ? r.loss : r.gradNorm;
  const floor = layer === 'loss' ? LOSS_FLOOR : GRAD_FLOOR;
  const image = useMemo(() => gridImage(values, q.nw, q.nb, scale, floor), [values, q.nw, q.nb, scale, floor]);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return; // jsdom has no 2-D canvas
    const dpr = backingScale(c);
    c.width = Math.round(L.plotW * dpr);
    c.height = Math.round(L.plotH * dpr);
    const grid = document.createElement('canvas');
    grid.width = q.nw;
    grid.height = q.nb;
    grid.getContext('2d')?.putImageData(new ImageData(image as Uint8ClampedArray<ArrayBuffer>, q.nw, q.nb), 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false; // one flat cell per sample: a smoothed wall would look gentler than it is
    const p = imagePlacement(L, q.nw, q.nb);
    ctx.drawImage(grid, p.x, p.y, p.w, p.h);
  }, [image, L, q.nw, q.nb, scaleKey]);

  const locate = (e: MouseEvent<SVGRectElement>) => {
    const { x: px, y: py } = pointIn(e, e.currentTarget.ownerSVGElement!);
    const pt = pointAt(px, py, s, L);
    return pt && { ...pt, cliff: nearestCliffPoint(r.cliff, px, py, s, CLIFF_SNAP_PX) };
  };
  const start = (w: number, b: number, cliffK: number) => {
    if (cliffK >= 0) props.onStart(r.cliff.w[cliffK], r.cliff.b[cliffK]);
    else props.onStart(w, b);
  };
  const onKey = (e: KeyboardEvent<SVGRectElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const c = cursor ?? nearestGridPoint(q.start?.w ?? (q.wRange[0] + q.wRange[1]) / 2, q.start?.b ?? (q.bRange[0] + q.bRange[1]) / 2, q);
    const m = moves[e.key];
    if (m) {
      const step = e.shiftKey ? 10 : 1;
      setCursor({ i: Math.max(0, Math.min(q.nw - 1, c.i + m[0] * step)), j: Math.max(0, Math.min(q.nb - 1, c.j + m[1] * step)), cliff: -1 });
    } else if (e.key === 'Enter' || e.key === ' ') {
      start(gridW(c.i), gridB(c.j), -1);
    } else return;
    e.preventDefault(); // the lab's lecture keys (→ steps training, Space plays) stay out of the map
  };
  const gridW = (i: number) => q.wRange[0] + ((q.wRange[1] - q.wRange[0]) * i) / (q.nw - 1);
  const gridB = (j: number) => q.bRange[0] + ((q.bRange[1] - q.bRange[0]) * j) / (q.nb - 1);
  const hx = cursor && s.x(gridW(cursor.i));
  const hy = cursor && s.y(gridB(cursor.j));

  return (
    <div className="surface-map" style={{ width: L.width, height: L.height }}>
      <canvas ref={canvas} className="surface-canvas" data-layer={layer} style={{ left: L.left, top: L.top, width: L.plotW, height: L.plotH }} aria-hidden="true" />
      <SurfaceBase result={r} layer={layer} scale={scale} contours={props.contours} layout={L} scales={s} highlight={props.highlight} onHighlight={props.onHighlight} label={props.label} />
      {/* the moving parts in an SVG of their own on top: an animation frame repaints only this layer */}
      <svg className="chart surface-overlay" width={L.width} height={L.height} viewBox={`0 0 ${L.width} ${L.height}`}>
        <defs>
          <clipPath id={clipId}>
            <rect x={L.left} y={L.top} width={L.plotW} height={L.plotH} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`} aria-hidden="true">
          <SurfacePaths result={r} scales={s} layout={L} shown={props.shown} />
          {cursor && hx !== null && hy !== null && (
            <g className="surface-cursor">
              <line x1={hx} x2={hx} y1={L.top} y2={L.top + L.plotH} />
              <line x1={L.left} x2={L.left + L.plotW} y1={hy} y2={hy} />
            </g>
          )}
        </g>
        <rect
          className="surface-hit"
          data-testid="surface-hit"
          x={L.left}
          y={L.top}
          width={L.plotW}
          height={L.plotH}
          tabIndex={0}
          role="button"
          aria-label="Start gradient descent here: click a point, or move with the arrow keys and press Enter"
          onMouseMove={(e) => {
            const pt = locate(e);
            setCursor(pt && { ...nearestGridPoint(pt.w, pt.b, q), cliff: pt.cliff });
          }}
          onMouseLeave={() => setCursor(null)}
          onClick={(e) => {
            const pt = locate(e);
            if (pt) start(pt.w, pt.b, pt.cliff);
          }}
          onKeyDown={onKey}
        />
      </svg>
      {cursor && hx !== null && hy !== null && (
        <div className="tooltip surface-tooltip" role="status" style={{ left: Math.max(0, Math.min(hx + 12, L.width - 270)), top: hy + 12 }}>
          w = {formatValue(gridW(cursor.i))}, b = {formatValue(gridB(cursor.j))}: E = <strong>{formatValue(r.loss[cursor.j * q.nw + cursor.i])}</strong>, ‖∇E‖ = <strong>{formatValue(r.gradNorm[cursor.j * q.nw + cursor.i])}</strong>
          {cursor.cliff >= 0 && (
            <span className="tooltip-note">
              {' '}
              · the wall at b = {r.cliff.b[cursor.cliff].toPrecision(6)}, ‖∇E‖ = {formatValue(r.cliff.gradNorm[cursor.cliff])} there: click to start on it
            </span>
          )}
        </div>
      )}
    </div>
  );
}
