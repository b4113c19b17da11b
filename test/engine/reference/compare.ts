/**
 * Element-by-element comparison of two traces (or any nested number arrays), producing messages
 * that name the field path, the index, and both values.
 */

/** |a − b| ≤ abs + rel·|b|: a combined tolerance, b being the reference value. */
export interface Tolerance {
  abs: number;
  rel: number;
}

type Nested = number | null | undefined | Nested[] | { [k: string]: Nested };

/** True when a and b agree within `tol` (b is the reference). */
export function close(a: number, b: number, tol: Tolerance): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= tol.abs + tol.rel * Math.abs(b);
}

/**
 * Every place where `actual` ("got") and `expected` differ: a number outside tolerance, a length or key
 * mismatch, a value present on one side only. `path` prefixes each message (e.g. "spec 7 (lstm)").
 */
export function differences(actual: unknown, expected: unknown, tol: Tolerance, path: string, out: string[] = []): string[] {
  const a = actual as Nested;
  const b = expected as Nested;
  if (typeof b === 'number' || typeof a === 'number') {
    if (typeof a !== 'number' || typeof b !== 'number') out.push(`${path}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
    else if (!close(a, b, tol)) out.push(`${path}: got ${a}, expected ${b} (|Δ| = ${Math.abs(a - b).toExponential(2)})`);
  } else if (b === null || b === undefined || a === null || a === undefined) {
    if ((a ?? null) !== (b ?? null)) out.push(`${path}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
  } else if (Array.isArray(b) || Array.isArray(a)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      out.push(`${path}: got length ${Array.isArray(a) ? a.length : typeof a}, expected length ${Array.isArray(b) ? b.length : typeof b}`);
    } else {
      for (let i = 0; i < b.length; i++) differences(a[i], b[i], tol, `${path}[${i}]`, out);
    }
  } else {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences(a[k], b[k], tol, `${path}.${k}`, out);
  }
  return out;
}
