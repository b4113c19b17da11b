/** Number formats shared by the charts: fixed locale, so the page and the tests read the same digits. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A training step with thousands separators: 1200 → "1,200"; "—" when it is not a finite number. */
export function formatStep(step: number): string {
  // Intl prints NaN and ∞ as "NaN" and "∞", and beyond 2⁵³ every digit of 1e21 ("1,000,000,000,000,000,000,000"),
  // digits a double does not hold: there 3 significant digits in exponent form, as formatValue prints large values
  if (!Number.isFinite(step)) return '—';
  return Math.abs(step) > Number.MAX_SAFE_INTEGER ? step.toExponential(2) : integer.format(step);
}

/**
 * A value to 3 significant digits (or `digits`, for ticks closer than 3 digits tell apart), or "—" when it is not a
 * finite number: 0.41234 → "0.412", 1234.5 → "1,230", 1000.5 with 5 digits → "1,000.5".
 */
export function formatValue(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** A fraction as a whole percentage: 0.9634 → "96%"; beyond 10⁶ % in exponent form, 3 significant digits. */
export function formatPercent(v: number): string {
  if (!Number.isFinite(v)) return '—';
  // Math.round(v·100) alone prints 1e12 as "100000000000000%" and overflows Number.MAX_VALUE to "Infinity%":
  // write v's own exponent form with the exponent raised by 2 (|v| ≥ 10⁴, so it is positive)
  if (Math.abs(v) >= 1e4) {
    const [m, e] = v.toExponential(2).split('e');
    return `${m}e+${Number(e) + 2}%`;
  }
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
