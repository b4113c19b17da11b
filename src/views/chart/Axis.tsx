import './chart.css';

/** One tick of an axis: its data value, its pixel position along the axis, and its label ('' = unlabelled). */
export interface Tick {
  value: number;
  pos: number;
  label: string;
}

/** A horizontal axis along y = `y` from x = `x0` to `x1`, with labels below and an optional title. */
export function AxisBottom({ ticks, y, x0, x1, title }: { ticks: readonly Tick[]; y: number; x0: number; x1: number; title?: string }) {
  return (
    <g className="axis axis-bottom" aria-hidden="true">
      <line className="axis-domain" x1={x0} x2={x1} y1={y} y2={y} />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${t.pos},${y})`}>
          <line className="axis-tick" y2={6} />
          <text className="axis-label" y={20} textAnchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      {title && (
        <text className="axis-title" x={(x0 + x1) / 2} y={y + 40} textAnchor="middle">
          {title}
        </text>
      )}
    </g>
  );
}

/** A vertical axis along x = `x` from y = `y0` (top) to `y1` (bottom), labels to its left; `gridTo` draws grid lines to that x. */
export function AxisLeft({ ticks, x, y0, y1, gridTo }: { ticks: readonly Tick[]; x: number; y0: number; y1: number; gridTo?: number }) {
  return (
    <g className="axis axis-left" aria-hidden="true">
      {gridTo !== undefined && ticks.map((t) => <line key={`g${t.value}`} className="axis-grid" x1={x} x2={gridTo} y1={t.pos} y2={t.pos} />)}
      <line className="axis-domain" x1={x} x2={x} y1={y0} y2={y1} />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${x},${t.pos})`}>
          <line className="axis-tick" x2={-6} />
          <text className="axis-label" x={-9} dy="0.32em" textAnchor="end">
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Vertical grid lines at the ticks' positions, from y = `y0` to `y1` (to line up stacked panels). */
export function GridX({ ticks, y0, y1 }: { ticks: readonly Tick[]; y0: number; y1: number }) {
  return (
    <g className="axis" aria-hidden="true">
      {ticks.map((t) => (
        <line key={t.value} className="axis-grid" x1={t.pos} x2={t.pos} y1={y0} y2={y1} />
      ))}
    </g>
  );
}
