import { splat } from './wat-macros';

/** e^r ≈ Σ_{k≤7} r^k/k!, Horner form, for |r| ≤ ln2/2: the first term left out, r⁸/8!, is < 6e−9 relative. */
function expPoly(r: string): string {
  const coeffs = [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040];
  let p = splat(coeffs[coeffs.length - 1]);
  for (let k = coeffs.length - 2; k >= 0; k--) p = `(f32x4.add (f32x4.mul ${p} ${r}) ${splat(coeffs[k])})`;
  return p;
}

/** tanh x ≈ x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 (Taylor), in Horner form on s = x². */
function tanhSeries(x: string, s: string): string {
  const coeffs = [1, -1 / 3, 2 / 15, -17 / 315, 62 / 2835];
  let p = splat(coeffs[coeffs.length - 1]);
  for (let k = coeffs.length - 2; k >= 0; k--) p = `(f32x4.add (f32x4.mul ${p} ${s}) ${splat(coeffs[k])})`;
  return `(f32x4.mul ${x} ${p})`;
}

const ONE = splat(1);
const SIGN = '(v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)';

/**
 * Four lanes at a time: e^x, σ(x) and tanh(x) in float32 (WebAssembly has no transcendental functions).
 * Accuracy, checked against Math.exp/tanh in test/engine/fast/math.test.ts: a few units in the last place of a
 * float32 for e^x and σ, and for tanh at most a few ulp of 1 in absolute terms (relative near 0).
 */
export const MATH_WAT = `
  (func $exp4 (param $x v128) (result v128) (local $n v128)
    ;; e^x = 2^n · e^r, n = round(x·log₂e), r = x − n·ln 2 ∈ [−ln2/2, ln2/2]. ln 2 is split into a short head
    ;; (n·0.693359375 is exact for |n| ≤ 128) and its tail, so r keeps its precision (Cody & Waite).
    ;; x is clamped to [−87.3, 88.3], where 2^n stays a normal float; NaN stays NaN.
    (local.set $x (f32x4.min (f32x4.max (local.get $x) ${splat(-87.3)}) ${splat(88.3)}))
    (local.set $n (f32x4.nearest (f32x4.mul (local.get $x) ${splat(1.4426950408889634)})))
    (local.set $x (f32x4.sub (f32x4.sub (local.get $x) (f32x4.mul (local.get $n) ${splat(0.693359375)}))
      (f32x4.mul (local.get $n) ${splat(-2.1219444005469057e-4)})))
    ;; 2^n: the biased exponent n + 127 shifted into the exponent field
    (f32x4.mul ${expPoly('(local.get $x)')}
      (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (v128.const i32x4 127 127 127 127)) (i32.const 23))))

  (func $sig4 (param $x v128) (result v128)
    ;; σ(x) = 1 / (1 + e^{−x})
    (f32x4.div ${ONE} (f32x4.add ${ONE} (call $exp4 (f32x4.neg (local.get $x))))))

  (func $tanh4 (param $x v128) (result v128) (local $a v128) (local $big v128) (local $s v128)
    ;; |x| ≥ 1/8: tanh|x| = 1 − 2/(e^{2|x|} + 1), then x's sign (the result is ≥ 0, so or-ing the sign bit sets it).
    ;; |x| < 1/8: the odd Taylor series (next term < 2e−12 relative), where 1 − 2/(…) would lose the low bits.
    (local.set $a (f32x4.abs (local.get $x)))
    (local.set $big (f32x4.sub ${ONE} (f32x4.div ${splat(2)} (f32x4.add (call $exp4 (f32x4.add (local.get $a) (local.get $a))) ${ONE}))))
    (local.set $big (v128.or (local.get $big) (v128.and (local.get $x) ${SIGN})))
    (local.set $s (f32x4.mul (local.get $x) (local.get $x)))
    (v128.bitselect ${tanhSeries('(local.get $x)', '(local.get $s)')} (local.get $big) (f32x4.lt (local.get $a) ${splat(0.125)})))
`;
