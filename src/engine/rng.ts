import { cos2pi, log, sin2pi } from './detmath';

/**
 * The whole state of an Rng, to save a run and continue it: sfc32's four 32-bit words (as signed integers) and the
 * Box–Muller value kept for the next `normal()` call (null when there is none).
 */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
  spare: number | null;
}

/**
 * Seeded pseudo-random numbers: the same seed gives the same stream on every machine.
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting RNG), which uses only 32-bit
 * integer operations, so its output does not depend on the platform's floating point.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  /** A stream determined by `seed` (any finite number; its integer part and sign are used). */
  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four words of state.
    let s = (Math.trunc(seed) | 0) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform integer in [0, 2³²). */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** u ~ U[0, 1), with 53 random bits. */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** u ~ U[lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** k ~ uniform on {0, …, n−1}. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** z ~ N(mean, σ²), by the Box–Muller transform (the second value is kept for the next call). */
  normal(mean = 0, sigma = 1): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = NaN;
      return mean + sigma * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * log(u));
    this.spare = r * sin2pi(v);
    return mean + sigma * r * cos2pi(v);
  }

  /** Its state: a generator given it by `fromState` continues the same stream, the kept normal value included. */
  state(): RngState {
    return { a: this.a, b: this.b, c: this.c, d: this.d, spare: Number.isNaN(this.spare) ? null : this.spare };
  }

  /**
   * A generator that continues from `s` (as returned by `state()`; checkSnapshot checks one from a file). Each word
   * is taken mod 2³² (| 0): sfc32 uses only 32-bit operations, so the signed and unsigned readings give one stream.
   */
  static fromState(s: RngState): Rng {
    const r = new Rng(0);
    r.a = s.a | 0;
    r.b = s.b | 0;
    r.c = s.c | 0;
    r.d = s.d | 0;
    r.spare = s.spare === null ? NaN : s.spare;
    return r;
  }

  /** A new independent stream derived from this one (for a task or an initializer). */
  fork(): Rng {
    return new Rng(this.uint32());
  }
}
