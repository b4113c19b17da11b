import { formatFixed } from '../chart/format';
import { divergingScale } from '../kit/colors';
import { barWidthFor, meaningStrip } from './meaning-layout';

/**
 * One vector as bars from a zero line (meaning-layout.ts), coloured by sign and size on the diverging scale the
 * heatmaps use. Each bar carries its unit and value (data attributes and a title); the svg is one labelled image.
 */
export function MeaningBars({ values, name, label }: { values: Float64Array; name: string; label: string }) {
  const strip = meaningStrip(values, 72, barWidthFor(values.length));
  const colour = divergingScale(strip.limit);
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of strip.bars) {
    lo = Math.min(lo, b.value);
    hi = Math.max(hi, b.value);
  }
  const range = strip.bars.length > 0 ? `, from ${formatFixed(lo, 2)} to ${formatFixed(hi, 2)}` : '';
  return (
    <svg className="meaning-bars" width={strip.width} height={strip.height} viewBox={`0 0 ${strip.width} ${strip.height}`} role="img" aria-label={`${label}: ${values.length} numbers${range}`} data-name={name}>
      <line className="meaning-zero" x1={0} x2={strip.width} y1={strip.zero} y2={strip.zero} />
      {strip.bars.map((b) => (
        <rect key={b.unit} className="meaning-bar" x={b.x} y={b.y} width={b.width} height={Math.max(0.5, b.height)} fill={colour(b.value)} data-unit={b.unit} data-value={b.value}>
          <title>{`${name}[${b.unit}] = ${formatFixed(b.value, 3)}`}</title>
        </rect>
      ))}
    </svg>
  );
}
