import { THICK, THIN, wireColor } from './diagram-layout';

/** What a wire's look means: its colour the sign of the value it carries, its width the size (gates: how open). */
export function WireLegend() {
  const items = [
    { label: 'positive', color: wireColor('signed', 1), width: THICK - 2 },
    { label: 'negative', color: wireColor('signed', -1), width: THICK - 2 },
    { label: 'gate, half open', color: wireColor('gate', 0.5), width: (THIN + THICK) / 2 },
  ];
  return (
    <svg className="wire-legend" width={500} height={28} role="img" aria-label="Wires: colour shows the sign of the value, width its size; gate wires are grey, as wide as the gate is open">
      {items.map((it, k) => (
        <g key={it.label} transform={`translate(${8 + k * 150}, 14)`}>
          <line x1={0} x2={34} y1={0} y2={0} stroke={it.color} strokeWidth={it.width} />
          <text x={42} y={0} dominantBaseline="central">
            {it.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
