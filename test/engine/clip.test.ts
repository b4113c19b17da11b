import { describe, expect, it } from 'vitest';
import { blockNorms, clipGradient, globalNorm } from '../../src/engine/clip';
import type { ClipConfig, ClipResult } from '../../src/engine/clip';
import { ParamLayout } from '../../src/engine/params';

const fresh = (): ClipResult => ({ normBefore: -1, normAfter: -1, clipped: true });

describe('globalNorm', () => {
  it('is the Euclidean norm of the whole vector', () => {
    expect(globalNorm(new Float64Array([3, 4]))).toBe(5);
    expect(globalNorm(new Float64Array([1, 2, 2]))).toBe(3);
    expect(globalNorm(new Float64Array(0))).toBe(0);
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

  it('does not rescale a non-finite gradient (its norm is reported as Infinity for the divergence check)', () => {
    const g = new Float64Array([1, Infinity]);
    const r = clipGradient(g, { kind: 'norm', threshold: 1 }, fresh());
    expect(r.normBefore).toBe(Infinity);
    expect(r.clipped).toBe(false);
    expect(g[0]).toBe(1);
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
