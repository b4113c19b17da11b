import { interpolatePuOr, interpolateViridis } from 'd3-scale-chromatic';

/**
 * Colour scales that stay readable for colour-blind viewers and in greyscale print:
 * signed values on a diverging purple–orange scale (0 is near-white), values in [0, 1] (gates) on viridis.
 */
export type ColorScale = ((v: number) => string) & { domain: [number, number]; kind: 'diverging' | 'sequential' };

/** A diverging scale over [−m, m]: negative purple, positive orange, NaN grey. */
export function divergingScale(maxAbs: number): ColorScale {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  // d3's PuOr runs purple (0) → white (0.5) → orange (1), so v/m maps straight onto it.
  const f = ((v: number) => (Number.isFinite(v) ? interpolatePuOr(0.5 + Math.max(-1, Math.min(1, v / m)) / 2) : '#9e9e9e')) as ColorScale;
  f.domain = [-m, m];
  f.kind = 'diverging';
  return f;
}

/** A sequential scale over [lo, hi] (gates: [0, 1]), NaN grey. */
export function sequentialScale(lo = 0, hi = 1): ColorScale {
  // A domain end that is not a finite number made every colour viridis(NaN) = undefined: fall back to [0, 1].
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  // Halves (exact for normal doubles), so a span across the whole double range does not overflow to ∞/∞ = NaN.
  const span = hi / 2 - lo / 2 || 1;
  const f = ((v: number) => (Number.isFinite(v) ? interpolateViridis(Math.max(0, Math.min(1, (v / 2 - lo / 2) / span))) : '#9e9e9e')) as ColorScale;
  f.domain = [lo, hi];
  f.kind = 'sequential';
  return f;
}

/** max |v| over the finite entries of v[offset … offset+n) (1 when there are none). */
export function maxAbs(v: ArrayLike<number>, offset = 0, n = v.length - offset): number {
  let m = 0;
  for (let i = offset; i < offset + n; i++) {
    const a = Math.abs(v[i]);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m > 0 ? m : 1;
}

/** Okabe–Ito palette: categorical colours safe for the common colour-vision deficiencies. */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  orange: '#E69F00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;
