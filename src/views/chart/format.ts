/** Number formats shared by the charts: fixed locale, so the page and the tests read the same digits. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A training step with thousands separators: 1200 → "1,200". */
export function formatStep(step: number): string {
  return integer.format(step);
}

/** A value to 3 significant digits, or "—" when it is not a finite number: 0.41234 → "0.412", 1234.5 → "1,230". */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(2);
  return Number(v.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 8 });
}

/** A fraction as a whole percentage: 0.9634 → "96%". */
export function formatPercent(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return `${Math.round(v * 100)}%`;
}

/**
 * A value with `digits` decimals while that reads well (|v| < 10⁶), else 3 significant digits in exponent form:
 * toFixed alone prints 1.5465736937803773e+129 for a value that overflowed its way up. "—" for NaN and ±∞.
 */
export function formatFixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 1e6 ? v.toExponential(2) : v.toFixed(digits);
}
