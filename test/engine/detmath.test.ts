/**
 * The deterministic elementary functions (src/engine/detmath.ts): bit-identical golden values (what catches an
 * engine-dependent or accidental change), IEEE special values, the exp table against exact BigInt arithmetic, b^n
 * against exact rationals, and accuracy against the host's Math on 10⁶ points per function (Math is itself only
 * within ~1–2 ulp of the truth, so the bounds are on the distance between the two; docs/performance.md gives the
 * distance to a 300-bit reference).
 */
import { describe, expect, it } from 'vitest';
import { cos2pi, exp, EXP_TABLE, exponent, hypot, ldexp, log, log2, pow2, powInt, sigmoid, sin2pi, tanh } from '../../src/engine/detmath';
import { GOLDEN_BINARY, GOLDEN_UNARY } from './detmath-golden';

const buf = new DataView(new ArrayBuffer(8));
/** the double's bits, big-endian hex */
function hex(x: number): string {
  buf.setFloat64(0, x);
  return buf.getUint32(0).toString(16).padStart(8, '0') + buf.getUint32(4).toString(16).padStart(8, '0');
}
/** sign, high 31 bits and low 32 bits of a double */
function words(x: number): [number, number, number] {
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  return [hi >>> 31, hi & 0x7fffffff, buf.getUint32(4)];
}
/** distance in units in the last place, exact below 2⁵³ (NaN = NaN counts as 0, NaN against a number as Infinity) */
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  const [sa, ha, la] = words(a);
  const [sb, hb, lb] = words(b);
  if (sa === sb) return Math.abs((ha - hb) * 4294967296 + (la - lb));
  return ha * 4294967296 + la + hb * 4294967296 + lb; // across zero
}

/** a fixed stream of doubles in [0, 1) (an LCG: the test must not depend on anything but itself) */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const a = s >>> 5;
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (a * 67108864 + (s >>> 6)) / 9007199254740992;
  };
}

const N = 1_000_000;

/** the largest ulp distance of f from g over N points drawn by gen */
function worstUlps(f: (x: number) => number, g: (x: number) => number, gen: () => number, n = N): { worst: number; at: number } {
  let worst = 0;
  let at = NaN;
  for (let i = 0; i < n; i++) {
    const x = gen();
    const u = ulps(f(x), g(x));
    if (u > worst) {
      worst = u;
      at = x;
    }
  }
  return { worst, at };
}

const FNS = { exp, log, log2, tanh, sigmoid, sin2pi, cos2pi };

describe('detmath: golden values, bit for bit', () => {
  for (const [name, table] of Object.entries(GOLDEN_UNARY)) {
    it(`${name} returns the golden bits`, () => {
      const f = FNS[name as keyof typeof FNS];
      expect(table.map(([x]) => [x, hex(f(x))])).toEqual(table);
    });
  }
  it('powInt and hypot return the golden bits', () => {
    expect(GOLDEN_BINARY.powInt.map(([b, n]) => [b, n, hex(powInt(b, n))])).toEqual(GOLDEN_BINARY.powInt);
    expect(GOLDEN_BINARY.hypot.map(([a, b]) => [a, b, hex(hypot(a, b))])).toEqual(GOLDEN_BINARY.hypot);
  });
});

describe('detmath: special values', () => {
  it('exp: overflow, underflow, ±0, ±∞, NaN', () => {
    expect(exp(709.78)).toBeLessThan(Infinity);
    expect(exp(709.79)).toBe(Infinity);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-745.13)).toBe(5e-324); // the smallest subnormal
    expect(exp(-745.14)).toBe(0);
    expect(exp(-1000)).toBe(0);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(NaN)).toBeNaN();
  });
  it('log and log2: 0, negatives, ∞, NaN, subnormals, exact powers of two', () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(-Infinity)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(NaN)).toBeNaN();
    expect(log(1)).toBe(0);
    expect(ulps(log(5e-324), -744.4400719213812)).toBeLessThanOrEqual(1);
    expect(log2(0)).toBe(-Infinity);
    expect(log2(-2)).toBeNaN();
    for (let e = -1074; e <= 1023; e++) expect(log2(pow2(e))).toBe(e);
  });
  it('tanh: ±0 keeps its sign, tiny x gives x, big |x| gives ±1, NaN stays NaN', () => {
    expect(Object.is(tanh(0), 0)).toBe(true);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(1e-300)).toBe(1e-300);
    expect(tanh(-5e-324)).toBe(-5e-324);
    expect(tanh(19.1)).toBe(1);
    expect(tanh(-40)).toBe(-1);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(NaN)).toBeNaN();
    // odd, exactly
    const next = stream(7);
    for (let i = 0; i < 10_000; i++) {
      const x = (next() - 0.5) * 40;
      expect(tanh(-x)).toBe(-tanh(x));
    }
  });
  it('sigmoid: saturates to 0 and 1, σ(0) = ½', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(NaN)).toBeNaN();
  });
  it('sin2pi and cos2pi: exact at the quarter turns, periodic and odd/even exactly, NaN outside the finite numbers', () => {
    expect([sin2pi(0), sin2pi(0.25), sin2pi(0.5), sin2pi(0.75), sin2pi(1)]).toEqual([0, 1, 0, -1, 0]);
    expect([cos2pi(0), cos2pi(0.25), cos2pi(0.5), cos2pi(0.75), cos2pi(1)]).toEqual([1, 0, -1, 0, 1]);
    expect(sin2pi(2 ** 60 + 0)).toBe(0);
    expect(cos2pi(2 ** 60)).toBe(1);
    const next = stream(11);
    for (let i = 0; i < 10_000; i++) {
      const v = next();
      // v + 3 and v − 7 are exact only when v has few enough bits; take such v
      const w = Math.round(v * 2 ** 40) / 2 ** 40;
      expect(sin2pi(w + 3)).toBe(sin2pi(w));
      expect(cos2pi(w - 7)).toBe(cos2pi(w));
      expect(sin2pi(-w) === -sin2pi(w) && cos2pi(-w) === cos2pi(w)).toBe(true);
    }
    for (const f of [sin2pi, cos2pi]) for (const x of [Infinity, -Infinity, NaN]) expect(f(x)).toBeNaN();
  });
  it('powInt: b⁰ = 1, negative exponents, over- and underflow, non-integers', () => {
    expect(powInt(0.5, 0)).toBe(1);
    expect(powInt(NaN, 0)).toBe(1);
    expect(powInt(2, 10)).toBe(1024);
    expect(powInt(2, -3)).toBe(0.125);
    expect(powInt(-3, 3)).toBe(-27);
    expect(powInt(10, 400)).toBe(Infinity);
    expect(powInt(0.5, 1074)).toBe(5e-324);
    expect(powInt(0.5, 1076)).toBe(0);
    expect(powInt(0.999, 10_000_000)).toBe(0);
    expect(powInt(2, 0.5)).toBeNaN();
  });
  it('exponent and pow2 are exact over the whole range, subnormals included', () => {
    for (let e = -1074; e <= 1023; e++) {
      const p = pow2(e);
      expect(p).toBe(2 ** e);
      expect(exponent(p)).toBe(e);
      if (e >= -1022) expect(exponent(-p * 1.75)).toBe(e);
    }
    expect(pow2(1024)).toBe(Infinity);
    expect(pow2(-1075)).toBe(0);
    expect(exponent(0)).toBe(-Infinity);
    expect(exponent(-Infinity)).toBe(Infinity);
    expect(exponent(NaN)).toBeNaN();
  });
  it('hypot: no overflow or underflow, ∞ before NaN', () => {
    expect(hypot(3e300, 4e300)).toBe(5e300);
    expect(hypot(3e-310, 4e-310)).toBe(5e-310);
    expect(hypot(0, -0)).toBe(0);
    expect(hypot(NaN, Infinity)).toBe(Infinity);
    expect(hypot(NaN, 1)).toBeNaN();
  });
});

describe('detmath: the constants, against exact arithmetic', () => {
  /** a positive double as an exact fraction num / 2^scale */
  function fraction(x: number, scale: number): bigint {
    const e = exponent(x);
    const mant = BigInt(ldexp(x, 52 - e)); // 53-bit integer
    return mant << BigInt(scale - 52 + e);
  }
  it('2^{j/64}: the table\'s hi part is the correctly rounded value, and hi + lo is within 2⁻¹⁰⁰ relative', () => {
    for (let j = 0; j < 64; j++) {
      const hi = EXP_TABLE.hi[j];
      const lo = EXP_TABLE.lo[j];
      // hi = M·2⁻⁵², M < 2⁵³; correctly rounded iff (M − ½)⁶⁴ < 2^{j+52·64} < (M + ½)⁶⁴, i.e. with 2M ± 1 and 2^{j+53·64}
      const M = BigInt(hi * 2 ** 52);
      const target = 1n << BigInt(j + 53 * 64);
      expect((2n * M - 1n) ** 64n < target && target < (2n * M + 1n) ** 64n).toBe(true);
      // S = hi + lo as an exact fraction N/2^S; |S⁶⁴ − 2^j| ≤ 64·2⁻¹⁰⁰·2^j
      const SCALE = 180;
      const Nn = fraction(hi, SCALE) + (lo === 0 ? 0n : lo > 0 ? fraction(lo, SCALE) : -fraction(-lo, SCALE));
      const diff = Nn ** 64n - (1n << BigInt(j + SCALE * 64));
      const bound = 64n << BigInt(j + SCALE * 64 - 100);
      expect(diff < bound && -diff < bound).toBe(true);
    }
  });
  it('b^n by powInt is b^n rounded once (within 0.501 ulp), by exact rationals', () => {
    for (const b of [0.9, 0.99, 0.999, 0.9999, 1.0001, 0.5 + 2 ** -30]) {
      const e = exponent(b);
      const M = BigInt(ldexp(b, 52 - e)); // b = M·2^{e−52}
      for (const n of [1, 2, 3, 7, 10, 33, 100, 257, 1000, 4097]) {
        const r = powInt(b, n);
        if (b < 0.6 && n > 1000) continue; // (½ + 2⁻³⁰)^4097 underflows
        // r = R·2^{er−52}; the exact b^n = Mⁿ·2^{n(e−52)}; compare 2Mⁿ·2^{…} with (2R ± 1.002)… in integers scaled by 1000
        const er = exponent(r);
        const R = BigInt(ldexp(r, 52 - er));
        const shift = BigInt(n * (e - 52) - (er - 52)); // b^n / 2^{er−52} = Mⁿ·2^shift
        const exact1000 = shift >= 0n ? (M ** BigInt(n) * 1000n) << shift : (M ** BigInt(n) * 1000n) >> -shift;
        const err = exact1000 - R * 1000n;
        expect(err <= 501n && err >= -501n).toBe(true);
      }
    }
  });
});

describe(`detmath: accuracy against the host's Math on ${N.toLocaleString('en')} points each`, () => {
  const U = (next: () => number, a: number, b: number) => () => a + (b - a) * next();
  it('exp within 1 ulp of Math.exp over [−746, 710] and [−1, 1]', () => {
    expect(worstUlps(exp, Math.exp, U(stream(1), -746, 710)).worst).toBeLessThanOrEqual(1);
    expect(worstUlps(exp, Math.exp, U(stream(2), -1, 1)).worst).toBeLessThanOrEqual(1);
  });
  it('log within 1 ulp of Math.log, from subnormals to the largest double', () => {
    const next = stream(3);
    expect(worstUlps(log, Math.log, () => Math.exp(-744 + 1453 * next())).worst).toBeLessThanOrEqual(1);
    expect(worstUlps(log, Math.log, U(stream(4), 0.5, 2)).worst).toBeLessThanOrEqual(1);
  });
  it('log2 within 2 ulp of Math.log2', () => {
    const next = stream(5);
    expect(worstUlps(log2, Math.log2, () => Math.exp(-744 + 1453 * next())).worst).toBeLessThanOrEqual(2);
  });
  it('tanh within 3 ulp of Math.tanh (each is within ~2 of the truth) over [−25, 25], [−1, 1] and near 0', () => {
    expect(worstUlps(tanh, Math.tanh, U(stream(6), -25, 25)).worst).toBeLessThanOrEqual(3);
    expect(worstUlps(tanh, Math.tanh, U(stream(7), -1, 1)).worst).toBeLessThanOrEqual(3);
    expect(worstUlps(tanh, Math.tanh, U(stream(8), -0.01, 0.01), N / 10).worst).toBeLessThanOrEqual(3);
  });
  it('sigmoid within 4 ulp of 1/(1 + Math.exp(−x)) over [−40, 40] (each is within ~2 of the truth)', () => {
    expect(worstUlps(sigmoid, (x) => 1 / (1 + Math.exp(-x)), U(stream(9), -40, 40)).worst).toBeLessThanOrEqual(4);
  });
  it('sin2pi and cos2pi within 10⁻¹⁵ of Math.sin/cos(2πv) on [0, 1) (Math\'s own argument 2πv is off by up to 4.4·10⁻¹⁶)', () => {
    for (const [f, g] of [[sin2pi, Math.sin], [cos2pi, Math.cos]] as const) {
      const next = stream(10);
      let worst = 0;
      for (let i = 0; i < N; i++) {
        const v = next();
        worst = Math.max(worst, Math.abs(f(v) - g(2 * Math.PI * v)));
      }
      expect(worst).toBeLessThan(1e-15);
    }
  });
  it('powInt within 1 ulp of Math.pow for Adam\'s β₁ = 0.9 and β₂ = 0.999, t up to 10⁵', () => {
    for (let t = 1; t <= 100_000; t++) {
      expect(ulps(powInt(0.9, t), Math.pow(0.9, t))).toBeLessThanOrEqual(1);
      expect(ulps(powInt(0.999, t), Math.pow(0.999, t))).toBeLessThanOrEqual(1);
    }
  });
  it('hypot within 1 ulp of Math.hypot', () => {
    const next = stream(12);
    let worst = 0;
    for (let i = 0; i < N; i++) {
      const a = (next() - 0.5) * 10;
      const b = (next() - 0.5) * 10;
      worst = Math.max(worst, ulps(hypot(a, b), Math.hypot(a, b)));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });
});
