import { describe, expect, it } from 'vitest';
import { INIT_DEFAULTS, initialize } from '../../src/engine/init';
import type { InitConfig, InitScheme } from '../../src/engine/init';
import { matMul, spectralRadius, transpose } from '../../src/engine/linalg';
import { Network } from '../../src/engine/network';
import { Rng } from '../../src/engine/rng';
import type { CellKind } from '../../src/engine/types';

function net(cell: CellKind, I: number, H: number, O: number): Network {
  return new Network({ cell, activation: 'tanh', inputSize: I, hiddenSize: H, outputSize: O, head: 'softmax' });
}

function init(n: Network, cfg: Partial<InitConfig>, seed = 7): Network {
  initialize(n, { ...INIT_DEFAULTS, ...cfg }, new Rng(seed));
  return n;
}

function stats(a: Float64Array): { mean: number; variance: number; min: number; max: number } {
  let s = 0;
  for (const v of a) s += v;
  const mean = s / a.length;
  let q = 0;
  for (const v of a) q += (v - mean) ** 2;
  return { mean, variance: q / a.length, min: Math.min(...a), max: Math.max(...a) };
}

// A 128×128 block has n = 16384 entries: the sample variance of U(−a, a) then has relative standard
// deviation √(0.8/n) ≈ 0.7 % and a normal's ≈ √(2/n) ≈ 1.1 %, so 5 % is a > 4σ margin.
const BIG = 128;

describe('xavier (Glorot & Bengio 2010): W_ij ~ U(−a, a), a = √(6/(rows+cols))', () => {
  it('every weight block respects its own bound, and a large block has variance a²/3', () => {
    const n = init(net('rnn', BIG, BIG, 10), { scheme: 'xavier' });
    for (const b of n.layout.blocks) {
      const w = n.layout.view(n.theta, b.name);
      if (b.vector) continue;
      const a = Math.sqrt(6 / (b.rows + b.cols));
      const s = stats(w);
      expect(s.max).toBeLessThan(a);
      expect(s.min).toBeGreaterThanOrEqual(-a);
      // the extremes come near the bound (a uniform sample of ≥ 1280 values reaches within 1 % of it)
      expect(s.max).toBeGreaterThan(0.99 * a);
      expect(s.min).toBeLessThan(-0.99 * a);
    }
    const a = Math.sqrt(6 / (BIG + BIG));
    const s = stats(n.layout.view(n.theta, 'Whh'));
    expect(Math.abs(s.variance / (a * a / 3) - 1)).toBeLessThan(0.05);
    expect(Math.abs(s.mean)).toBeLessThan((4 * a) / Math.sqrt(3 * BIG * BIG));
  });
});

describe('normal: W_ij ~ N(0, σ²)', () => {
  it('has standard deviation σ = scale and mean 0 on a large block', () => {
    const sigma = 0.3;
    const n = init(net('rnn', BIG, BIG, 2), { scheme: 'normal', scale: sigma });
    for (const name of ['Wxh', 'Whh']) {
      const s = stats(n.layout.view(n.theta, name));
      expect(Math.abs(Math.sqrt(s.variance) / sigma - 1)).toBeLessThan(0.03);
      expect(Math.abs(s.mean)).toBeLessThan((4 * sigma) / BIG);
      // Gaussian tails: some |w| > 3σ exist in 16384 draws (expected ≈ 44), none beyond 6σ
      expect(Math.max(s.max, -s.min)).toBeGreaterThan(3 * sigma);
      expect(Math.max(s.max, -s.min)).toBeLessThan(6 * sigma);
    }
  });
});

describe('uniform: W_ij ~ U(−s, s)', () => {
  it('stays inside ±s with variance s²/3', () => {
    const sc = 0.25;
    const n = init(net('gru', 16, 64, 4), { scheme: 'uniform', scale: sc });
    for (const b of n.layout.blocks) {
      if (b.vector) continue;
      const s = stats(n.layout.view(n.theta, b.name));
      expect(s.max).toBeLessThan(sc);
      expect(s.min).toBeGreaterThanOrEqual(-sc);
    }
    // Wh is 3 blocks of 64×64 = 12288 values
    const all = n.theta.subarray(n.layout.wh, n.layout.b);
    expect(Math.abs(stats(all).variance / ((sc * sc) / 3) - 1)).toBeLessThan(0.05);
  });
});

describe('orthogonal (Saxe et al. 2014)', () => {
  it.each<CellKind>(['rnn', 'lstm', 'gru'])('%s: every recurrent block satisfies WᵀW = I; input blocks are xavier', (cell) => {
    const H = 12;
    const n = init(net(cell, 5, H, 3), { scheme: 'orthogonal' });
    const seen: number[][] = [];
    for (const b of n.layout.blocks) {
      const w = n.layout.view(n.theta, b.name).slice();
      if (b.role === 'recurrent') {
        const wtw = matMul(transpose(w, H, H), w, H, H, H);
        for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) expect(wtw[i * H + j]).toBeCloseTo(i === j ? 1 : 0, 13);
        seen.push(Array.from(w));
      } else if (!b.vector) {
        const a = Math.sqrt(6 / (b.rows + b.cols));
        expect(Math.max(...w.map(Math.abs))).toBeLessThan(a);
      }
    }
    // each gate gets its own random rotation
    for (let k = 1; k < seen.length; k++) expect(seen[k]).not.toEqual(seen[0]);
  });
});

describe('identity (IRNN, Le, Jaitly & Hinton 2015)', () => {
  it('makes each recurrent block exactly I and the other weights N(0, 0.001²)', () => {
    const H = 64;
    const n = init(net('lstm', 64, H, 8), { scheme: 'identity' });
    for (const b of n.layout.blocks) {
      const w = n.layout.view(n.theta, b.name);
      if (b.role === 'recurrent') {
        for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) expect(w[i * H + j]).toBe(i === j ? 1 : 0);
      }
    }
    const s = stats(n.theta.subarray(n.layout.wx, n.layout.wh)); // 4·64·64 input weights
    expect(Math.abs(Math.sqrt(s.variance) / 0.001 - 1)).toBeLessThan(0.03);
  });
});

describe('recurrentScale', () => {
  it.each<InitScheme>(['xavier', 'normal', 'uniform', 'orthogonal', 'identity'])('%s: multiplies every Wh· (and so its spectral radius) by the factor and leaves the rest alone', (scheme) => {
    const H = 10;
    const base = init(net('gru', 3, H, 4), { scheme, scale: 0.2 });
    const scaled = init(net('gru', 3, H, 4), { scheme, scale: 0.2, recurrentScale: 1.7 });
    for (const b of base.layout.blocks) {
      const w0 = base.layout.view(base.theta, b.name);
      const w1 = scaled.layout.view(scaled.theta, b.name);
      if (b.role !== 'recurrent') {
        expect(Array.from(w1)).toEqual(Array.from(w0));
        continue;
      }
      expect(Array.from(w1)).toEqual(Array.from(w0, (v) => v * 1.7));
      const r0 = spectralRadius(w0.slice(), H);
      expect(r0).toBeGreaterThan(0.1);
      expect(spectralRadius(w1.slice(), H) / r0).toBeCloseTo(1.7, 12);
    }
  });

  it('orthogonal with recurrentScale s has spectral radius exactly s', () => {
    const n = init(net('rnn', 2, 16, 2), { scheme: 'orthogonal', recurrentScale: 0.6 });
    expect(spectralRadius(n.layout.view(n.theta, 'Whh').slice(), 16)).toBeCloseTo(0.6, 12);
  });
});

describe('biases', () => {
  it('an LSTM gets bf = forgetBias and every other bias 0', () => {
    const n = init(net('lstm', 3, 6, 4), { forgetBias: 2.5 });
    for (const name of ['bf', 'bi', 'bg', 'bo', 'by']) {
      expect(Array.from(n.layout.view(n.theta, name))).toEqual(new Array(name === 'by' ? 4 : 6).fill(name === 'bf' ? 2.5 : 0));
    }
  });

  it.each<CellKind>(['rnn', 'gru'])('%s: every bias is 0 whatever forgetBias says', (cell) => {
    const n = init(net(cell, 3, 6, 4), { forgetBias: 3 });
    for (const b of n.layout.blocks) if (b.vector) expect(Array.from(n.layout.view(n.theta, b.name)).every((v) => v === 0)).toBe(true);
  });

  it('overwrites whatever θ held before', () => {
    const n = net('rnn', 2, 3, 2);
    n.theta.fill(9);
    init(n, { scheme: 'uniform', scale: 0.1 });
    expect(n.theta.every((v) => Math.abs(v) <= 0.1)).toBe(true);
  });
});

describe('seeding', () => {
  it.each<InitScheme>(['xavier', 'normal', 'uniform', 'orthogonal', 'identity'])('%s: the same seed gives identical θ, another seed a different θ', (scheme) => {
    const a = init(net('lstm', 4, 8, 3), { scheme }, 123);
    const b = init(net('lstm', 4, 8, 3), { scheme }, 123);
    const c = init(net('lstm', 4, 8, 3), { scheme }, 124);
    expect(Array.from(b.theta)).toEqual(Array.from(a.theta));
    expect(Array.from(c.theta)).not.toEqual(Array.from(a.theta));
    // and they differ in the random blocks, not only somewhere
    const wx = (n: Network) => Array.from(n.theta.subarray(n.layout.wx, n.layout.wh));
    expect(wx(c)).not.toEqual(wx(a));
  });
});
