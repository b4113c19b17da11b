import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { formatFixed } from '../chart/format';
import type { ColorScale } from './colors';
import { paintRaster } from './raster';
import { pointIn } from './pointer';
import { backingScale, useBackingScaleKey } from './canvas-scale';

/** Where heatmap cell (t, u) reads its value: values[offset + t·stride + u]. */
export interface HeatmapData {
  values: Float64Array;
  T: number;
  units: number;
  offset: number;
  stride: number;
}

/** The cell under pixel (x, y) of a heatmap with the given cell size, or null outside. */
export function cellAt(x: number, y: number, cellW: number, cellH: number, T: number, units: number): { t: number; u: number } | null {
  const t = Math.floor(x / cellW);
  const u = Math.floor(y / cellH);
  return t >= 0 && t < T && u >= 0 && u < units ? { t, u } : null;
}

/**
 * Units × time as a canvas (dense: hundreds of cells redrawn every frame), time along x, unit along y.
 * Hover shows the exact value, click or Enter selects (t, unit); the selected step and unit are outlined.
 * The canvas has role="img" and a label; ViewShell offers the same numbers as a table.
 */
export function Heatmap(props: {
  data: HeatmapData;
  scale: ColorScale;
  label: string;
  cellW: number;
  cellH: number;
  selected: { t: number | null; unit: number };
  onSelect?: (t: number, unit: number) => void;
  format?: (v: number) => string;
  /** paint through one ImageData (one pixel a cell, scaled up) instead of a fillRect a cell: for maps of thousands of cells */
  raster?: boolean;
  /** how the tooltip names cell (t, u); default "t = 3, unit 5" (a picture's map says "x = 3, y = 5") */
  cellName?: (t: number, u: number) => string;
}) {
  const { data, scale, cellW, cellH, selected } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const scaleKey = useBackingScaleKey();
  const [hover, setHover] = useState<{ t: number; u: number; x: number; y: number } | null>(null);
  const width = data.T * cellW;
  const height = data.units * cellH;
  const fmt = props.format ?? ((v: number) => formatFixed(v, 3));
  const value = (t: number, u: number) => data.values[data.offset + t * data.stride + u];
  const { t: selT, unit: selU } = selected;

  // Paints only when the pixels change: new data, scale, size or selection — never for a hover (its tooltip is HTML).
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return; // jsdom has no 2-D canvas
    const dpr = backingScale(c);
    c.width = Math.max(1, Math.round(width * dpr));
    c.height = Math.max(1, Math.round(height * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (props.raster) paintRaster(ctx, data, scale, cellW, cellH);
    else {
      for (let t = 0; t < data.T; t++) {
        for (let u = 0; u < data.units; u++) {
          ctx.fillStyle = scale(value(t, u));
          ctx.fillRect(t * cellW, u * cellH, cellW, cellH);
        }
      }
    }
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#000';
    if (selT !== null && selT < data.T) ctx.strokeRect(selT * cellW + 1, 1, cellW - 2, height - 2);
    if (selU < data.units) {
      ctx.strokeStyle = '#fff';
      ctx.strokeRect(1, selU * cellH + 1, width - 2, cellH - 2);
    }
  }, [data, scale, cellW, cellH, width, height, selT, selU, props.raster, scaleKey]); // eslint-disable-line react-hooks/exhaustive-deps -- value() reads only `data`

  const locate = (e: MouseEvent<HTMLCanvasElement>) => {
    const { x, y } = pointIn(e, e.currentTarget);
    const cell = cellAt(x, y, cellW, cellH, data.T, data.units);
    return cell ? { ...cell, x, y } : null;
  };
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!props.onSelect) return;
    const t = selected.t ?? 0;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    e.stopPropagation(); // arrows move the selection here, they do not step training
    props.onSelect(Math.max(0, Math.min(data.T - 1, t + m[0])), Math.max(0, Math.min(data.units - 1, selected.unit + m[1])));
  };

  return (
    <div className="heatmap" style={{ position: 'relative', width, height }}>
      <canvas
        ref={ref}
        style={{ width, height, display: 'block', cursor: props.onSelect ? 'crosshair' : 'default' }}
        role="img"
        aria-label={props.label}
        tabIndex={props.onSelect ? 0 : undefined}
        onMouseMove={(e) => setHover(locate(e))}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const cell = locate(e);
          if (cell && props.onSelect) props.onSelect(cell.t, cell.u);
        }}
        onKeyDown={onKey}
      />
      {hover && (
        <div className="tooltip" role="status" style={{ left: Math.min(hover.x + 12, width - 10), top: hover.y + 12 }}>
          {props.cellName ? props.cellName(hover.t, hover.u) : `t = ${hover.t}, unit ${hover.u}`}: <strong>{fmt(value(hover.t, hover.u))}</strong>
        </div>
      )}
    </div>
  );
}
