import { useId } from 'react';
import type { ColorScale } from './colors';

/** A horizontal colour bar with its end and middle values, naming what the colour means. */
export function ColorLegend({ scale, label, width = 180, format = (v: number) => v.toPrecision(2) }: { scale: ColorScale; label: string; width?: number; format?: (v: number) => string }) {
  const id = useId().replace(/:/g, '');
  const [lo, hi] = scale.domain;
  const stops = Array.from({ length: 11 }, (_, k) => lo + ((hi - lo) * k) / 10);
  const mid = (lo + hi) / 2;
  return (
    <svg className="color-legend" width={width + 16} height={42} role="img" aria-label={`${label}: colour from ${format(lo)} to ${format(hi)}`}>
      <defs>
        <linearGradient id={`g${id}`}>
          {stops.map((v, k) => (
            <stop key={k} offset={`${k * 10}%`} stopColor={scale(v)} />
          ))}
        </linearGradient>
      </defs>
      <text x={8} y={11} className="legend-title">
        {label}
      </text>
      <rect x={8} y={15} width={width} height={10} fill={`url(#g${id})`} stroke="#888" strokeWidth={0.5} />
      {[lo, mid, hi].map((v, k) => (
        <text key={k} x={8 + (width * k) / 2} y={38} textAnchor={k === 0 ? 'start' : k === 1 ? 'middle' : 'end'} className="legend-tick">
          {format(v)}
        </text>
      ))}
    </svg>
  );
}
