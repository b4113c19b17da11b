import { formatValue } from '../chart/format';
import { arrowHead, arrowWidth, legendNorms } from './unroll-layout';
import { arrowColor } from './unroll-model';

/** Width (px) of a weight chip labelled `label`: arrow, 8.4 px a character at 13 px, padding. */
const chipWidth = (label: string) => Math.round(label.length * 8.4 + 48);

/** One weight chip of the key: a short arrow and the matrix's name; hovering or focusing it lights every copy. */
function Chip({ name, label, lit, onHighlight }: { name: string; label: string; lit: boolean; onHighlight: (name: string | null) => void }) {
  const w = chipWidth(label);
  return (
    <svg width={w + 4} height={30}>
      <g
        className={`w-arrow w-chip${lit ? ' is-lit' : ''}`}
        data-w={name}
        transform="translate(2,0)"
        tabIndex={0}
        role="button"
        aria-label={`${label}: light every copy`}
        onFocus={() => onHighlight(name)}
        onBlur={() => onHighlight(null)}
      >
        <rect className="chip-box" x={0} y={2} width={w} height={26} rx={13} />
        <line className="shaft" x1={10} x2={24} y1={15} y2={15} />
        <path className="head" d={arrowHead(30, 15, 1, 0, 2)} />
        <text x={36} y={15} dominantBaseline="central">
          {label}
        </text>
      </g>
    </svg>
  );
}

/**
 * The weight key: W_xh, the recurrent matrix (one shared object) and W_hy, as chips that light their copies
 * (one small svg each, so they wrap on a phone). `recurrent` names the recurrent matrix as the cell has it
 * (W_hh for the vanilla RNN, W_h· for the gated cells).
 */
export function WeightKey({ recurrent, lit, onHighlight }: { recurrent: string; lit: { Wxh: boolean; Whh: boolean; Why: boolean }; onHighlight: (name: string | null) => void }) {
  return (
    <span className="weight-key" role="group" aria-label="Weights (hover or focus one to light all its copies)">
      <Chip name="Wxh" label="W_xh" lit={lit.Wxh} onHighlight={onHighlight} />
      <Chip name="Whh" label={`${recurrent} (shared)`} lit={lit.Whh} onHighlight={onHighlight} />
      <Chip name="Why" label="W_hy" lit={lit.Why} onHighlight={onHighlight} />
    </span>
  );
}

/** The backward-arrow legend: sample arrows at the smallest, middle and largest ‖dh_t‖ of this sample, with their values. */
export function NormLegend({ range, hasZero }: { range: { lo: number; hi: number } | null; hasZero: boolean }) {
  if (range === null) {
    return (
      <svg className="norm-legend" width={290} height={42} role="img" aria-label="No error signal reaches any step of this sample">
        <text x={8} y={24} className="legend-title">
          ‖∂L/∂h_t‖: no error reaches any step
        </text>
      </svg>
    );
  }
  const samples = legendNorms(range);
  const step = 74;
  const width = Math.max(250, 16 + samples.length * step + (hasZero ? step : 0));
  return (
    <svg className="norm-legend" width={width} height={46} role="img" aria-label={`Backward arrows: width and colour are ‖∂L/∂h_t‖ on a log scale, from ${formatValue(range.lo)} to ${formatValue(range.hi)}`}>
      <text x={8} y={11} className="legend-title">
        backward arrow = ‖∂L/∂h_t‖ (log)
      </text>
      {samples.map((n, k) => {
        const w = arrowWidth(n, range);
        const x0 = 8 + k * step;
        return (
          <g key={k} className="norm-sample" data-norm={n} data-width={w.toFixed(3)} style={{ color: arrowColor(n, range) }}>
            <line className="shaft" x1={x0 + 56} x2={x0 + 10 + w} y1={24} y2={24} strokeWidth={w} />
            <path className="head" d={arrowHead(x0 + 6, 24, -1, 0, w)} />
            <text x={x0 + 30} y={43} textAnchor="middle" className="legend-tick">
              {formatValue(n)}
            </text>
          </g>
        );
      })}
      {hasZero && (
        <g transform={`translate(${8 + samples.length * step},0)`}>
          <line className="dh-zero" x1={6} x2={56} y1={24} y2={24} />
          <text x={30} y={43} textAnchor="middle" className="legend-tick">
            0
          </text>
        </g>
      )}
    </svg>
  );
}
