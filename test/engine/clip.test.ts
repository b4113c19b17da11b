import { describe, expect, it } from 'vitest';
import { blockNorms, clipGradient, globalNorm } from '../../src/engine/clip';
import type { ClipConfig, ClipResult } from '../../src/engine/clip';
import { ParamLayout } from '../../src/engine/params';
import { Rng } from '../../src/engine/rng';

/** The plain formula √Σ g_i², as globalNorm was before it was made overflow-safe. */
const naiveNorm = (g: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
};
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

const fresh = (): ClipResult => ({ normBefore: -1, normAfter: -1, clipped: true });

describe('globalNorm', () => {
  it('is the Euclidean norm of the whole vector', () => {
    expect(globalNorm(new Float64Array([3, 4]))).toBe(5);
    expect(globalNorm(new Float64Array([1, 2, 2]))).toBe(3);
    expect(globalNorm(new Float64Array(0))).toBe(0);
  });

  it('gives the plain formula\'s value on ordinary gradients (to 1e-15 relative)', () => {
    const rng = new Rng(7);
    for (const scale of [1e-100, 1e-8, 1, 1e3, 1e100, 1e150]) {
      const g = Float64Array.from({ length: 1000 }, () => rng.normal(0, scale));
      expect(rel(globalNorm(g), naiveNorm(g))).toBeLessThanOrEqual(1e-15);
    }
  });

  it('does not overflow when Σ g_i² would (entries near 1e200), nor underflow for tiny entries', () => {
    expect(naiveNorm([3e200, 4e200])).toBe(Infinity); // what the plain formula gave
    expect(rel(globalNorm(new Float64Array([3e200, 4e200])), 5e200)).toBeLessThan(1e-15);
    expect(rel(globalNorm(new Float64Array([3e300, -4e300, 0])), 5e300)).toBeLessThan(1e-15);
    expect(rel(globalNorm(new Float64Array([3e-200, 4e-200])), 5e-200)).toBeLessThan(1e-15);
    expect(rel(globalNorm(new Float64Array([3e-320, 4e-320])), 5e-320)).toBeLessThan(0.01); // subnormal: few digits exist
    expect(globalNorm(new Float64Array([0, 0]))).toBe(0);
  });

  it('reports a true ±∞ as Infinity and a NaN as NaN, however large the other entries', () => {
    expect(globalNorm(new Float64Array([1e200, -Infinity]))).toBe(Infinity);
    expect(globalNorm(new Float64Array([1, Infinity, 2]))).toBe(Infinity);
    expect(globalNorm(new Float64Array([1e200, NaN]))).toBeNaN();
    expect(globalNorm(new Float64Array([NaN, 1]))).toBeNaN();
    expect(globalNorm(new Float64Array([Infinity, NaN]))).toBeNaN();
  });
});

describe('norm clipping (Pascanu et al. 2013): g ← g·c/‖g‖ when ‖g‖ > c', () => {
  it('rescales to exactly the threshold and keeps the direction', () => {
    const g0 = [3, -4, 12]; // ‖g‖ = 13
    const g = Float64Array.from(g0);
    const r = clipGradient(g, { kind: 'norm', threshold: 2 }, fresh());
    expect(r.clipped).toBe(true);
    expect(r.normBefore).toBe(13);
    expect(r.normAfter).toBeCloseTo(2, 14);
    expect(globalNorm(g)).toBeCloseTo(2, 14);
    // same direction: g = (2/13)·g0 componentwise, so the cosine with g0 is 1
    g0.forEach((v, i) => expect(g[i]).toBeCloseTo((2 / 13) * v, 15));
    const cos = (g[0] * 3 + g[1] * -4 + g[2] * 12) / (globalNorm(g) * 13);
    expect(cos).toBeCloseTo(1, 14);
  });

  it('leaves a gradient below (or at) the threshold untouched, with clipped = false', () => {
    for (const threshold of [10, 5]) {
      const g = new Float64Array([3, 4]);
      const r = clipGradient(g, { kind: 'norm', threshold }, fresh());
      expect(Array.from(g)).toEqual([3, 4]);
      expect(r).toEqual({ normBefore: 5, normAfter: 5, clipped: false });
    }
  });

  it('clips finite gradients of 1e200 to exactly the threshold, keeping the direction', () => {
    const g0 = [1e200, -2e200, 2e200, 0, 1e-300]; // ‖g‖ = 3e200; Σ g_i² overflows
    const g = Float64Array.from(g0);
    const r = clipGradient(g, { kind: 'norm', threshold: 1.5 }, fresh());
    expect(r.clipped).toBe(true);
    expect(rel(r.normBefore, 3e200)).toBeLessThan(1e-15);
    expect(rel(r.normAfter, 1.5)).toBeLessThan(1e-12);
    expect(rel(naiveNorm(g), 1.5)).toBeLessThan(1e-12);
    g0.slice(0, 3).forEach((v, i) => expect(rel(g[i], v / 2e200)).toBeLessThan(1e-15));
  });

  it('value clipping of 1e200 entries reports a finite norm before and after', () => {
    const g = new Float64Array([1e200, -1e200]);
    const r = clipGradient(g, { kind: 'value', threshold: 1 }, fresh());
    expect(Array.from(g)).toEqual([1, -1]);
    expect(rel(r.normBefore, Math.SQRT2 * 1e200)).toBeLessThan(1e-15);
    expect(r.normAfter).toBeCloseTo(Math.SQRT2, 15);
  });

  it('does not rescale a non-finite gradient (its norm is reported as Infinity for the divergence check)', () => {
    const g = new Float64Array([1, Infinity]);
    const r = clipGradient(g, { kind: 'norm', threshold: 1 }, fresh());
    expect(r.normBefore).toBe(Infinity);
    expect(r.clipped).toBe(false);
    expect(g[0]).toBe(1);
    const n = new Float64Array([1e200, NaN]);
    const rn = clipGradient(n, { kind: 'norm', threshold: 1 }, fresh());
    expect(rn.normBefore).toBeNaN();
    expect(rn.clipped).toBe(false);
    expect(n[0]).toBe(1e200);
  });
});

describe('value clipping: g_i ← min(c, max(−c, g_i))', () => {
  it('clamps each component separately (the direction may change)', () => {
    const g = new Float64Array([3, -0.5, -2, 1]);
    const r = clipGradient(g, { kind: 'value', threshold: 1 }, fresh());
    expect(Array.from(g)).toEqual([1, -0.5, -1, 1]);
    expect(r.clipped).toBe(true);
    expect(r.normBefore).toBeCloseTo(Math.sqrt(9 + 0.25 + 4 + 1), 14);
    expect(r.normAfter).toBeCloseTo(Math.sqrt(1 + 0.25 + 1 + 1), 14);
  });

  it('changes nothing when every |g_i| ≤ c', () => {
    const g = new Float64Array([0.5, -1, 0]);
    const r = clipGradient(g, { kind: 'value', threshold: 1 }, fresh());
    expect(Array.from(g)).toEqual([0.5, -1, 0]);
    expect(r.clipped).toBe(false);
    expect(r.normAfter).toBe(r.normBefore);
  });
});

describe('no clipping', () => {
  it('never changes g, however large', () => {
    const g = new Float64Array([1e10, -1e12]);
    const cfg: ClipConfig = { kind: 'none' };
    const r = clipGradient(g, cfg, fresh());
    expect(Array.from(g)).toEqual([1e10, -1e12]);
    expect(r.clipped).toBe(false);
    expect(r.normAfter).toBe(r.normBefore);
  });
});

describe('blockNorms', () => {
  it('gives ‖g_block‖₂ of every named block in layout order', () => {
    // rnn, I = 2, H = 3, O = 2: Wxh 3×2, Whh 3×3, bh 3, Why 2×3, by 2
    const layout = new ParamLayout({ cell: 'rnn', activation: 'tanh', inputSize: 2, hiddenSize: 3, outputSize: 2, head: 'linear' });
    expect(layout.blocks.map((b) => b.name)).toEqual(['Wxh', 'Whh', 'bh', 'Why', 'by']);
    expect(layout.size).toBe(6 + 9 + 3 + 6 + 2);
    const g = new Float64Array(layout.size);
    // block k holds the constant k+1, so its norm is (k+1)·√(its size)
    layout.blocks.forEach((b, k) => g.fill(k + 1, b.offset, b.offset + b.rows * b.cols));
    const out = blockNorms(layout, g, new Float64Array(5));
    const want = [1 * Math.sqrt(6), 2 * Math.sqrt(9), 3 * Math.sqrt(3), 4 * Math.sqrt(6), 5 * Math.sqrt(2)];
    want.forEach((w, k) => expect(out[k]).toBeCloseTo(w, 13));
    // and they add up (in squares) to the global norm
    expect(Math.hypot(...out)).toBeCloseTo(globalNorm(g), 12);
    // the same with entries whose squares overflow (1e200) or underflow (1e-200)
    for (const s of [1e200, 1e-200]) {
      const big = g.map((v) => v * s);
      const outBig = blockNorms(layout, big, new Float64Array(5));
      want.forEach((w, k) => expect(rel(outBig[k], w * s)).toBeLessThan(1e-15));
    }
  });

  it('covers the gate blocks of an LSTM separately', () => {
    const layout = new ParamLayout({ cell: 'lstm', activation: 'tanh', inputSize: 1, hiddenSize: 2, outputSize: 1, head: 'linear' });
    const g = new Float64Array(layout.size);
    const whg = layout.find('Whg')!;
    g[whg.offset + 3] = -7; // one entry of Whg only
    const out = blockNorms(layout, g, new Float64Array(layout.blocks.length));
    layout.blocks.forEach((b, k) => expect(out[k]).toBe(b.name === 'Whg' ? 7 : 0));
  });
});
