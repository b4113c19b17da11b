import './chart.css';

/** One legend entry: a line swatch styled like the series it names (class `series-…`, optionally dashed). */
export interface LegendItem {
  label: string;
  /** the series' colour class, e.g. 'series-loss' */
  className: string;
  dashed?: boolean;
}

/** A legend of line swatches: each entry shows the stroke, colour and dash of its series; its words travel with an exported figure (figureToSvg). */
export function Legend({ items, label }: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((it) => (
        <li key={it.label}>
          <svg width={28} height={12} aria-hidden="true">
            <line className={`series ${it.className}${it.dashed ? ' dashed' : ''}`} x1={2} x2={26} y1={6} y2={6} />
          </svg>
          <span className="export-text">{it.label}</span>
        </li>
      ))}
    </ul>
  );
}
