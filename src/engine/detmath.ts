/**
 * Deterministic elementary functions: e^x, ln x, log₂ x, tanh, σ, sin 2πu, cos 2πu, b^n for integer n, hypot,
 * and exact power-of-two helpers.
 *
 * Why: ECMAScript leaves Math.exp, log, tanh, pow, sin, cos, log2, hypot, … "implementation-approximated", and the
 * engines' libraries differ in the last bit (measured: Node 20's V8 and Chromium 156 differ on exp, log, pow, sin,
 * cos and log2; Firefox and Safari use other libraries again). Training amplifies a last-bit difference step after
 * step, so the same seed would give a different run in another browser. These functions are built only from what
 * IEEE 754 and ECMAScript pin down exactly — + − × ÷, sqrt, Math.floor/abs/min/max, comparisons, int32 bit
 * operations and reads of a double's bits (a DataView, or typed-array views whose byte order is found at load time) —
 * so they return the same bits on every conforming engine.
 * src/engine calls no other elementary function (eslint.config.js enforces it).
 *
 * Accuracy (test/engine/detmath.test.ts, and docs/performance.md for the measurement against a 300-bit reference):
 * measured maxima 0.51 ulp for exp (0.7 for subnormal results), 0.74 for ln, 1.4 for log₂, 1.7 for tanh, sin 2πu and cos 2πu, 2.1
 * for σ, over the whole double range, with IEEE special values
 * (exp overflow → Infinity, underflow → 0, log 0 = −Infinity, log of a negative = NaN, tanh(±big) = ±1, −0 kept).
 *
 * Speed: exp, tanh and σ sit in the cells' innermost loops. Each is one small, monomorphic, allocation-free function
 * whose common case is straight-line arithmetic and three typed-array loads; the rare cases (overflow, subnormal
 * results, NaN) are in separate functions, so the common case inlines.
 *
 * Methods (the coefficients are Taylor coefficients, derived here; the table entries were computed once with 300-bit
 * arithmetic, and test/engine/detmath.test.ts checks each against exact BigInt arithmetic):
 * - e^x: Tang's table-driven method. x = (64m + j)·ln2/64 + r with k = 64m + j = round(64x/ln 2), r reduced with a
 *   two-part ln2/64 (Cody–Waite: k·LN2_64_HI is exact for |k| < 2¹⁷), |r| ≤ ln2/128; e^x = 2^m · 2^{j/64} · e^r with
 *   2^{j/64} from a table as a sum of two doubles and e^r − 1 by its Taylor polynomial to r⁶ (the next term, r⁷/7!,
 *   is < 3·10⁻²⁰).
 * - ln x: x = 2^e · m with m ∈ [√½, √2) (e read from the bits); ln m = 2 atanh s, s = (m−1)/(m+1), |s| ≤ 0.1716,
 *   with the atanh series' tail R fitted by a degree-6 polynomial in s² (Chebyshev nodes, 5·10⁻¹⁸ relative),
 *   arranged as f − (f²/2 − s(f²/2 + R)) so the large part f is exact; e·ln 2 is added with a two-part ln 2.
 * - tanh |x| = E/(E + 2), E = e^{2|x|} − 1 by the same table, carried as two doubles, with the quotient corrected to
 *   first order (an error in E is not amplified: ∂ln tanh/∂ln E = 2/(E + 2) ≤ 1); |x| ≥ 19.1 → ±1.
 * - sin 2πu, cos 2πu: u reduced exactly to w = u − q/4 ∈ [−⅛, ⅛] (q = round(4u), no rounding error: the Box–Muller
 *   angle and the sine task's phase are both given as fractions of a turn), θ = 2πw, Taylor series of sin to θ¹⁷
 *   and cos to θ¹⁸ on |θ| ≤ π/4, quadrant q mod 4.
 * - b^n: binary powering (repeated squaring) in double-double arithmetic (Dekker's exact product) on factors scaled
 *   to [1, 2) by exact powers of two, one rounding at the end.
 */

/** Bits of a double, big-endian (DataView's default), so the code does not depend on the platform's byte order. */
const BITS = new DataView(new ArrayBuffer(8));
/**
 * The same through typed arrays, for `log` (one write of the double, one read of its high word): F64[0]'s high word is
 * U32[HI], HI found at load time from the bits of 1.0 (0x3ff00000 in the high word), so this too is byte-order free.
 */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
const HI = U32[1] === 0x3ff00000 ? 1 : 0;

/** 2^e for e = −1022 … 1023 at index e + 1022, by exact doubling. */
const P2 = new Float64Array(2046);
{
  let v = 2.2250738585072014e-308; // 2^−1022, the smallest normal double
  for (let i = 0; i < P2.length; i++, v *= 2) P2[i] = v;
}

/** 2^{j/64}, j = 0…63, rounded to double (TH) and the rest (TL): their sum is 2^{j/64} to about 2⁻¹⁰⁸ relative. */
const TH = Float64Array.of(
  1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284, 1.0442737824274138, 1.0556451783605572,
  1.0671404006768237, 1.0787607977571199, 1.0905077326652577, 1.102382583307841, 1.1143867425958924, 1.1265216186082418,
  1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812, 1.189207115002721, 1.202156731452703,
  1.215247359980469, 1.22848053610687, 1.241857812073484, 1.255380757024691, 1.2690509571917332, 1.2828700160787783,
  1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.339667524053303, 1.3542555469368927, 1.3690024229745905,
  1.383909881963832, 1.3989796725383112, 1.4142135623730951, 1.42961333839197, 1.4451808069770467, 1.460917794180647,
  1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384, 1.5422108254079407, 1.559004400237837,
  1.5759808451078865, 1.593142151342267, 1.6104903319492543, 1.6280274218573478, 1.645755478153965, 1.6636765803267364,
  1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062, 1.7562521603732995, 1.7753764925265212,
  1.7947090750031072, 1.8142521755003989, 1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656,
  1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
);
const TL = Float64Array.of(
  0.0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18, 8.551889705537965e-17,
  1.759325738772092e-18, -7.899853966841582e-17, -6.656660436056593e-17, -3.046782079812471e-17, 5.2660368715706944e-17,
  1.0410278456845571e-16, 5.165856758795457e-17, 8.912812676025408e-17, 3.250710218863827e-17, 3.8292048369240935e-17,
  5.554203254218079e-17, 3.982015231465646e-17, 6.644981499252301e-17, -7.712630692681488e-17, -1.89878163130253e-17,
  4.658027591836937e-17, -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17, 2.5382502794888315e-17,
  -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17, 7.70094837980299e-17, 9.593797919118849e-17,
  -6.770511658794786e-17, -9.614213209051323e-17, -9.667293313452913e-17, -1.2031642489053655e-17,
  -3.0237581349939873e-17, -5.600377186075216e-17, -3.483994556892796e-17, 1.4192920154284036e-17,
  -1.016455327754295e-16, -1.1024941712342561e-16, 7.949834809697621e-17, 3.7812070533575275e-17,
  -1.0136916471278304e-17, -1.0094406542311964e-16, 2.4707192569797888e-17, -6.712955084707084e-17,
  -1.0125679913674773e-16, 5.8909926967131e-17, 8.199010020581497e-17, -8.0237193703977e-18, -1.851380418263111e-17,
  3.164389299292957e-17, 2.960140695448873e-17, 6.429731796556572e-17, 1.8227458427912087e-17, -9.969531538920349e-17,
  3.283107224245627e-17, 9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17, -1.0619946056195963e-16,
  1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
);

/** For tests: the exp table (2^{j/64} = TH[j] + TL[j]). */
export const EXP_TABLE: { readonly hi: Float64Array; readonly lo: Float64Array } = { hi: TH, lo: TL };

/** 64/ln 2, rounded */
const INV_LN2_64 = 92.33248261689366;
/** ln2/64 rounded to 36 significant bits (so k·LN2_64_HI is exact for |k| < 2¹⁷), and the rest */
const LN2_64_HI = 0.010830424696223417;
const LN2_64_LO = 2.572804622327669e-14;
/** 1.5·2⁵²: (v + SHIFT) − SHIFT rounds v to the nearest integer (ties to even) for |v| < 2⁵¹, by IEEE addition */
const SHIFT = 6755399441055744;
/** Taylor coefficients of e^r − 1 after r: 1/2!, …, 1/6! */
const E2 = 1 / 2;
const E3 = 1 / 6;
const E4 = 1 / 24;
const E5 = 1 / 120;
const E6 = 1 / 720;

/** ln 2 rounded to 42 significant bits (so e·LN2_HI is exact for |e| < 2¹¹), and the rest */
const LN2_HI = 0.6931471805598903;
const LN2_LO = 5.497923018708371e-14;
/** 1/ln 2 = log₂ e, rounded */
const LOG2E = 1.4426950408889634;
/** 2⁵⁴, and the smallest normal double 2⁻¹⁰²² */
const TWO54 = 18014398509481984;
const MIN_NORMAL = 2.2250738585072014e-308;
/** 2⁻⁶⁴ */
const TWO_M64 = P2[-64 + 1022];
/** 2⁻²⁸: below it tanh x rounds to x */
const TANH_TINY = 3.725290298461914e-9;

/**
 * e^x. Within ~0.51 ulp for every double (subnormal results ~1 ulp of the subnormal); overflow (x > 709.78) gives
 * Infinity, underflow (x < −745.14) 0, exp(±0) = 1, NaN stays NaN.
 */
export function exp(x: number): number {
  if (!(x > -708.3 && x < 709.7)) return expEdge(x);
  const k = x * INV_LN2_64 + SHIFT - SHIFT;
  const r = x - k * LN2_64_HI - k * LN2_64_LO;
  const j = k & 63;
  const p = r + r * r * (E2 + r * (E3 + r * (E4 + r * (E5 + r * E6))));
  const t = TH[j];
  return P2[(k >> 6) + 1022] * (t + (TL[j] + t * p));
}

/** e^x where 2^m is outside the normal range, or x is not finite. */
function expEdge(x: number): number {
  if (x !== x) return x;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const k = x * INV_LN2_64 + SHIFT - SHIFT;
  const r = x - k * LN2_64_HI - k * LN2_64_LO;
  const j = k & 63;
  const p = r + r * r * (E2 + r * (E3 + r * (E4 + r * (E5 + r * E6))));
  const t = TH[j];
  const y = t + (TL[j] + t * p);
  const m = k >> 6;
  // 2^m in two exact factors: the first product stays normal, the second rounds once (to Infinity or a subnormal)
  return m > 0 ? y * P2[m - 1 + 1022] * 2 : y * P2[m + 64 + 1022] * TWO_M64;
}

/** σ(x) = 1/(1 + e^{−x}): within ~1.5 ulp; σ(−∞) = 0, σ(∞) = 1. */
export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

/**
 * tanh x = E/(E + 2) with E = e^{2|x|} − 1, sign restored: within ~1.7 ulp; |x| < 2⁻²⁸ returns x (so tanh(−0) = −0),
 * |x| ≥ 19.1 returns ±1 (tanh 19.1 rounds to 1), NaN stays NaN.
 */
export function tanh(x: number): number {
  const a = Math.abs(x);
  if (!(a > TANH_TINY && a < 19.1)) return a < 19.1 || x !== x ? x : x > 0 ? 1 : -1;
  const y = 2 * a;
  const k = y * INV_LN2_64 + SHIFT - SHIFT;
  const r = y - k * LN2_64_HI - k * LN2_64_LO;
  const j = k & 63;
  const p = r + r * r * (E2 + r * (E3 + r * (E4 + r * (E5 + r * E6))));
  const s = P2[(k >> 6) + 1022];
  const t = TH[j];
  // E = e^y − 1 = A + B, A = 2^m·TH − 1 (exact while 2^m·TH ≤ 2, i.e. for y < ln 2), B = 2^m(TL + TH·p), |B| ≤ |A|
  // unless A = 0; E is carried as eh + el (Fast2Sum) and E + 2 as d + dl (2Sum), so the quotient is formed from the
  // rounded eh/d plus the first-order correction (el − q·dl)/d, with 1/d = (1 − q)/2.
  const A = s * t - 1;
  const B = s * (TL[j] + t * p);
  const eh = A + B;
  const el = B - (eh - A);
  const d = eh + 2;
  const bb = d - eh;
  const dl = eh - (d - bb) + (2 - bb) + el;
  const q = eh / d;
  const th = q + (el - q * dl) * (1 - q) * 0.5;
  return x < 0 ? -th : th;
}

/**
 * R(z)/z ≈ 2/3 + 2z/5 + 2z²/7 + … where 2 atanh s = 2s + s·R(s²): a degree-6 polynomial fitted at the Chebyshev
 * nodes of z ∈ [0, 0.0295] (|s| ≤ (√2 − 1)/(√2 + 1)), with 200-bit arithmetic; the ln it gives is within 5·10⁻¹⁸
 * relative (the atanh series itself would need ten terms for that).
 */
const L0 = 0.666666666666667;
const L1 = 0.3999999999989889;
const L2 = 0.28571428626253836;
const L3 = 0.22222211089379496;
const L4 = 0.1818289243253687;
const L5 = 0.15331611722055008;
const L6 = 0.14617807153417325;

/**
 * ln x. Within ~1 ulp for every positive double (subnormals included); log 0 = −Infinity, log ∞ = ∞, log of a
 * negative number or NaN = NaN.
 */
export function log(x: number): number {
  if (!(x > 0 && x < Infinity)) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  let e = 0;
  if (x < MIN_NORMAL) {
    x *= TWO54;
    e = -54;
  }
  // x = 2^e·m, e from the exponent field, m = x·2^−e ∈ [1, 2) (an exact product)
  F64[0] = x;
  const b = (U32[HI] >>> 20) - 1023;
  let m = b < 1023 ? x * P2[1022 - b] : x * 0.5 * P2[0];
  e += b;
  if (m > Math.SQRT2) {
    m *= 0.5;
    e += 1;
  }
  return e * LN2_HI + log1pReduced(m - 1, e * LN2_LO);
}

/** ln(1 + f) + c for f = m − 1 ∈ [√½ − 1, √2 − 1] (exact), with a small term c folded in before the last rounding. */
function log1pReduced(f: number, c: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  // Estrin's scheme: three independent pairs, so the multiply–adds overlap
  const R = z * (L0 + z * L1 + w * (L2 + z * L3 + w * (L4 + z * L5 + w * L6)));
  const hf = 0.5 * f * f;
  // ln(1+f) = 2s + sR = f − (f²/2 − s(f²/2 + R)), since f − 2s = sf and f²/2 − s·f²/2 = sf
  return f - (hf - (s * (hf + R) + c));
}

/** log₂ x = e + ln(m)·log₂e for x = 2^e·m: exact for powers of two, within ~1 ulp otherwise; specials as `log`. */
export function log2(x: number): number {
  if (!(x > 0 && x < Infinity)) return log(x);
  let e = exponent(x);
  let m = ldexp(x, -e); // [1, 2), exact
  if (m > Math.SQRT2) {
    m *= 0.5;
    e += 1;
  }
  return e + log1pReduced(m - 1, 0) * LOG2E;
}

/**
 * ⌊log₂|x|⌋ for a finite non-zero x, exactly, from its bits (subnormals included): the e of |x| = 2^e·m, m ∈ [1, 2).
 * ±0 gives −Infinity, ±Infinity Infinity, NaN NaN.
 */
export function exponent(x: number): number {
  let a = Math.abs(x);
  if (!(a > 0 && a < Infinity)) return a === 0 ? -Infinity : a;
  let e = 0;
  if (a < MIN_NORMAL) {
    a *= TWO54;
    e = -54;
  }
  BITS.setFloat64(0, a);
  return e + (BITS.getUint32(0) >>> 20) - 1023;
}

/** 2^n for an integer n, exactly (subnormal for n < −1022, 0 below −1074, Infinity above 1023). */
export function pow2(n: number): number {
  if (n >= -1022 && n <= 1023) return P2[n + 1022];
  if (n > 1023) return Infinity;
  if (n < -1074) return 0;
  return P2[n + 1022 + 64] * TWO_M64; // exact: the result is a subnormal power of two
}

/** Dekker's split constant 2²⁷ + 1, and the low part of the last exact product (kept here so nothing allocates). */
const SPLIT = 134217729;
let prodLo = 0;

/** The rounded product a·b; a·b − (that) is left in prodLo, exactly (Dekker / Veltkamp; for |a|, |b| ∈ [1, 4) here). */
function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  prodLo = al * bl - (p - ah * bh - al * bh - ah * bl);
  return p;
}

/** x·2^k, exactly while the result is a normal double (subnormal results round once, large ones overflow to ±∞). */
export function ldexp(x: number, k: number): number {
  if (k > 2100) return x * Infinity; // 2^k·x overflows for every non-zero finite x (and 0·∞ = NaN, as for NaN·2^k)
  if (k < -2200) return x * 0;
  while (k > 1023) {
    x *= P2[2045];
    k -= 1023;
  }
  while (k < -1022) {
    x *= P2[0];
    k += 1022;
  }
  return x * P2[k + 1022];
}

/**
 * b^n for an integer n (Adam's β^t): binary powering (repeated squaring) in double-double arithmetic, each factor kept
 * as (hi + lo)·2^e with hi ∈ [1, 2) so nothing overflows or underflows on the way; one rounding at the end (within
 * ~0.5 ulp; subnormal results may round twice). n < 0 gives 1/b^|n| (the reciprocal taken before the scaling);
 * b^0 = 1; b = ±0, ±∞ or NaN use plain products, which are exact there.
 */
export function powInt(b: number, n: number): number {
  if (!Number.isInteger(n)) return NaN;
  let e = Math.abs(n);
  if (!(Math.abs(b) > 0 && Math.abs(b) < Infinity)) {
    let r = 1;
    let p = b;
    while (e > 0) {
      if (e % 2 === 1) r *= p;
      p *= p;
      e = Math.floor(e / 2);
    }
    return n < 0 ? 1 / r : r;
  }
  let pe = exponent(b);
  let ph = ldexp(b, -pe);
  let pl = 0;
  let rh = 1;
  let rl = 0;
  let re = 0;
  while (e > 0) {
    const odd = e % 2 === 1;
    e = Math.floor(e / 2);
    if (odd) {
      const h = twoProd(rh, ph);
      const l = prodLo + (rh * pl + rl * ph);
      rh = h + l;
      rl = l - (rh - h);
      re += pe;
      if (Math.abs(rh) >= 2) {
        rh *= 0.5;
        rl *= 0.5;
        re += 1;
      }
    }
    if (e === 0) break;
    const h = twoProd(ph, ph);
    const l = prodLo + 2 * (ph * pl);
    ph = h + l;
    pl = l - (ph - h);
    pe *= 2;
    if (ph >= 2) {
      ph *= 0.5;
      pl *= 0.5;
      pe += 1;
    }
  }
  return n < 0 ? ldexp(1 / (rh + rl), -re) : ldexp(rh + rl, re);
}

/** 2π rounded, and the Taylor coefficients of sin θ/θ and cos θ in θ²: (−1)^k/(2k+1)! and (−1)^k/(2k)! */
const TWO_PI = 6.283185307179586;
const S1 = -1 / 6;
const S2 = 1 / 120;
const S3 = -1 / 5040;
const S4 = 1 / 362880;
const S5 = -1 / 39916800;
const S6 = 1 / 6227020800;
const S7 = -1 / 1307674368000;
const S8 = 1 / 355687428096000;
const C1 = -1 / 2;
const C2 = 1 / 24;
const C3 = -1 / 720;
const C4 = 1 / 40320;
const C5 = -1 / 3628800;
const C6 = 1 / 479001600;
const C7 = -1 / 87178291200;
const C8 = 1 / 20922789888000;
const C9 = -1 / 6402373705728000;

/** sin θ for |θ| ≤ π/4 (the next term, θ¹⁹/19!, is < 10⁻¹⁹ of sin θ). */
function sinPoly(t: number): number {
  const z = t * t;
  return t + t * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * (S7 + z * S8)))))));
}

/** cos θ for |θ| ≤ π/4 (the next term, θ²⁰/20!, is < 10⁻²⁰). */
function cosPoly(t: number): number {
  const z = t * t;
  return 1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * (C8 + z * C9))))))));
}

/** The quadrant q mod 4 of the last `turnReduce`. */
let quadrant = 0;

/**
 * q = 4u rounded to the nearest integer (ties to even, so q(−u) = −q(u) and sin2pi is exactly odd), quadrant = q mod 4,
 * returns w = u − q/4 ∈ [−⅛, ⅛]; all exact.
 */
function turnReduce(u: number): number {
  if (Math.abs(u) >= 4503599627370496) {
    // |u| ≥ 2⁵²: u is a whole number of turns
    quadrant = 0;
    return 0;
  }
  const v = 4 * u;
  let q = Math.floor(v);
  const frac = v - q; // exact
  if (frac > 0.5 || (frac === 0.5 && q - 2 * Math.floor(q / 2) === 1)) q += 1;
  quadrant = q - 4 * Math.floor(q / 4);
  return u - q * 0.25;
}

/** sin(2πu), u in turns: within ~1.5 ulp, for every finite u (the reduction mod 1 is exact); ±Infinity and NaN give NaN. */
export function sin2pi(u: number): number {
  if (!(Math.abs(u) < Infinity)) return NaN;
  const w = turnReduce(u);
  const t = TWO_PI * w;
  const q = quadrant;
  return q === 0 ? sinPoly(t) : q === 1 ? cosPoly(t) : q === 2 ? 0 - sinPoly(t) : 0 - cosPoly(t); // 0 − p: sin 2π·n = +0
}

/** cos(2πu), u in turns: within ~1.5 ulp, for every finite u; ±Infinity and NaN give NaN. */
export function cos2pi(u: number): number {
  if (!(Math.abs(u) < Infinity)) return NaN;
  const w = turnReduce(u);
  const t = TWO_PI * w;
  const q = quadrant;
  return q === 0 ? cosPoly(t) : q === 1 ? 0 - sinPoly(t) : q === 2 ? 0 - cosPoly(t) : sinPoly(t);
}

/** 2⁶⁰⁰ and 2⁻⁶⁰⁰ (exact), and the thresholds 2^±500 beyond which hypot rescales */
const BIG_SCALE = P2[600 + 1022];
const SMALL_SCALE = P2[-600 + 1022];
const HYPOT_HI = P2[500 + 1022];
const HYPOT_LO = P2[-500 + 1022];

/** √(a² + b²) without overflow or underflow: within ~1 ulp; Infinity if either is infinite, else NaN if either is NaN. */
export function hypot(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  if (x === Infinity || y === Infinity) return Infinity;
  if (x !== x || y !== y) return NaN;
  if (y > x) {
    const t = x;
    x = y;
    y = t;
  }
  if (x === 0) return 0;
  let scale = 1;
  if (x > HYPOT_HI) {
    x *= SMALL_SCALE;
    y *= SMALL_SCALE;
    scale = BIG_SCALE;
  } else if (x < HYPOT_LO) {
    x *= BIG_SCALE;
    y *= BIG_SCALE;
    scale = SMALL_SCALE;
  }
  return Math.sqrt(x * x + y * y) * scale;
}
