import '../chart/chart.css';

/** One entry of the map's legend: a line swatch (class of its stroke, dashed or not) or a marker drawn as on the map. */
export type SurfaceLegendItem = { label: string; line: string; dashed?: boolean } | { label: string; marker: 'restart-start' | 'restart-end' | 'restart-best' | 'annealing-best' | 'start' };

const MARKERS = {
  start: <circle className="surface-start" cx={14} cy={8} r={5} />,
  'restart-start': <circle className="surface-restart-start" cx={14} cy={8} r={4} />,
  'restart-end': <circle className="surface-restart-end" cx={14} cy={8} r={4.5} />,
  'restart-best': <circle className="surface-restart-end surface-restart-best" cx={14} cy={8} r={6} />,
  'annealing-best': <path className="surface-best surface-annealing-best" transform="translate(14,8)" d="M0,-7L7,0L0,7L-7,0Z" />,
};

/** Width of a legend entry: swatch, gap and its label at 14 px (about 0.6 em a character, generous so the text is never cut). */
export function legendItemWidth(label: string): number {
  return 34 + Math.ceil(label.length * 8.4);
}

/**
 * The lines and markers drawn over the map. Each entry is a small SVG with its swatch and its label as SVG
 * text, so the exported figure (which keeps SVGs and canvases only) carries the legend's words too.
 */
export function SurfaceLegend({ items }: { items: readonly SurfaceLegendItem[] }) {
  return (
    <ul className="chart-legend surface-legend" aria-label="Lines and marks on the map">
      {items.map((it) => (
        <li key={it.label}>
          <svg className="chart" width={legendItemWidth(it.label)} height={18} aria-hidden="true">
            {'line' in it ? <line className={`series ${it.line}${it.dashed ? ' dashed' : ''}`} x1={2} x2={26} y1={9} y2={9} /> : <g transform="translate(0,1)">{MARKERS[it.marker]}</g>}
            <text className="surface-legend-label" x={34} y={9} dy="0.35em">
              {it.label}
            </text>
          </svg>
          <span className="visually-hidden">{it.label}</span>
        </li>
      ))}
    </ul>
  );
}
