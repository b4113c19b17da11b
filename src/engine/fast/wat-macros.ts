/**
 * Text macros for the kernels' WebAssembly source: a few shapes that recur in every kernel, written once.
 * Each returns a piece of the text format (folded instructions).
 */

/** A v128 constant holding x in its four f32 lanes. */
export const splat = (x: number): string => `(v128.const f32x4 ${x} ${x} ${x} ${x})`;

/** The zero vector. */
export const ZERO = '(v128.const i32x4 0 0 0 0)';

/**
 * `idx = start; do { body; idx += step } while (idx < end)` (unsigned compare): for counts known to be ≥ 1, one
 * branch per pass instead of a test at the top and a jump at the bottom.
 */
export function doLoop(label: string, idx: string, start: string, end: string, step: number, body: string): string {
  return `(local.set ${idx} ${start})
    (loop ${label}
      ${body}
      (br_if ${label} (i32.lt_u (local.tee ${idx} (i32.add (local.get ${idx}) (i32.const ${step}))) ${end})))`;
}

/** `idx = start; while (idx < end) { body; idx += step }` (signed compare), for counts that may be 0. */
export function whileLoop(label: string, idx: string, start: string, end: string, step: number, body: string): string {
  return `(local.set ${idx} ${start})
    (block ${label}_done
      (loop ${label}
        (br_if ${label}_done (i32.ge_s (local.get ${idx}) ${end}))
        ${body}
        (local.set ${idx} (i32.add (local.get ${idx}) (i32.const ${step})))
        (br ${label})))`;
}

/** a + b for two i32 expressions. */
export const add = (a: string, b: string): string => `(i32.add ${a} ${b})`;
/** a · b for two i32 expressions. */
export const mul = (a: string, b: string): string => `(i32.mul ${a} ${b})`;
/** The i32 expression `a` times 4: a count of floats as bytes. */
export const bytes = (a: string): string => `(i32.shl ${a} (i32.const 2))`;
/** (local.get $x) */
export const get = (x: string): string => `(local.get ${x})`;
/** (global.get $x) */
export const g = (x: string): string => `(global.get ${x})`;
