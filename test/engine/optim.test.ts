import { describe, expect, it } from 'vitest';
import { Optimizer, OPTIMIZER_DEFAULTS } from '../../src/engine/optim';

// θ₀ and a fixed gradient g used by every case; the expected values below are the doc comment's
// formulas written out by hand for each component (no call into optim.ts).
const THETA0 = [1, -2, 0.5];
const G = [0.5, -1, 2];
const LR = 0.1;
const EPS = 1e-8;

function run(opt: Optimizer, steps: number, grads: number[][] = [G]): number[][] {
  const theta = Float64Array.from(THETA0);
  const out: number[][] = [];
  for (let k = 0; k < steps; k++) {
    opt.step(theta, Float64Array.from(grads[Math.min(k, grads.length - 1)]));
    out.push(Array.from(theta));
  }
  return out;
}

function expectClose(got: number[], want: number[], digits = 13): void {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
}

describe('sgd: θ ← θ − η g', () => {
  it('takes two steps of exactly η g', () => {
    const [s1, s2] = run(new Optimizer({ kind: 'sgd', lr: LR }, 3), 2);
    expectClose(s1, [1 - 0.05, -2 + 0.1, 0.5 - 0.2]);
    expectClose(s2, [1 - 0.1, -2 + 0.2, 0.5 - 0.4]);
  });
});

describe('momentum: v ← μ v + g; θ ← θ − η v', () => {
  it('accumulates v = g, 1.9 g, 2.71 g with the default μ = 0.9', () => {
    expect(OPTIMIZER_DEFAULTS.beta1).toBe(0.9);
    const [s1, s2, s3] = run(new Optimizer({ kind: 'momentum', lr: LR }, 3), 3);
    // θ₁ = θ₀ − 0.1·g; θ₂ = θ₁ − 0.1·1.9g; θ₃ = θ₂ − 0.1·2.71g
    expectClose(s1, [0.95, -1.9, 0.3]);
    expectClose(s2, [0.95 - 0.095, -1.9 + 0.19, 0.3 - 0.38]);
    expectClose(s3, [0.855 - 0.1355, -1.71 + 0.271, -0.08 - 0.542]);
  });

  it('uses beta1 as μ when given (μ = 0.5: v = g, 1.5 g)', () => {
    const [, s2] = run(new Optimizer({ kind: 'momentum', lr: LR, beta1: 0.5 }, 3), 2);
    expectClose(s2, [1 - 0.05 - 0.075, -2 + 0.1 + 0.15, 0.5 - 0.2 - 0.3]);
  });
});

describe('rmsprop: s ← ρ s + (1−ρ) g²; θ ← θ − η g / (√s + ε)', () => {
  it('divides by √(0.1 g²) then √(0.19 g²) with the default ρ = 0.9', () => {
    expect(OPTIMIZER_DEFAULTS.rho).toBe(0.9);
    const [s1, s2] = run(new Optimizer({ kind: 'rmsprop', lr: LR }, 3), 2);
    // s₁ = 0.1 g², s₂ = 0.9·0.1 g² + 0.1 g² = 0.19 g²
    const step1 = G.map((g) => (LR * g) / (Math.sqrt(0.1 * g * g) + EPS));
    const step2 = G.map((g) => (LR * g) / (Math.sqrt(0.19 * g * g) + EPS));
    expectClose(s1, THETA0.map((t, i) => t - step1[i]));
    expectClose(s2, THETA0.map((t, i) => t - step1[i] - step2[i]));
    // the first step is η/√0.1 ≈ 0.316 in each coordinate's sign, whatever |g|
    expect(THETA0[0] - s1[0]).toBeCloseTo(0.1 / Math.sqrt(0.1), 7);
  });

  it('uses beta2 as ρ and eps as ε when given', () => {
    const [s1] = run(new Optimizer({ kind: 'rmsprop', lr: LR, beta2: 0.5, eps: 0.25 }, 3), 1);
    // s₁ = 0.5 g²: θ₁ = θ₀ − 0.1 g / (√0.5 |g| + 0.25)
    expectClose(s1, [1 - 0.05 / (Math.SQRT1_2 * 0.5 + 0.25), -2 + 0.1 / (Math.SQRT1_2 * 1 + 0.25), 0.5 - 0.2 / (Math.SQRT1_2 * 2 + 0.25)]);
  });
});

describe('adam: bias-corrected moments (Kingma & Ba 2015)', () => {
  it('with a fixed g, m̂ = g and v̂ = g² at every step, so each step is η g/(|g| + ε)', () => {
    const [s1, s2, s3] = run(new Optimizer({ kind: 'adam', lr: LR }, 3), 3);
    // t=1: m = 0.1g, v = 0.001g², m̂ = 0.1g/0.1, v̂ = 0.001g²/0.001
    // t=2: m = 0.19g, v = 0.001999g², corrections 1−0.81 = 0.19 and 1−0.998001 = 0.001999
    const step = G.map((g) => (LR * g) / (Math.abs(g) + EPS));
    expectClose(s1, THETA0.map((t, i) => t - step[i]), 12);
    expectClose(s2, THETA0.map((t, i) => t - 2 * step[i]), 12);
    expectClose(s3, THETA0.map((t, i) => t - 3 * step[i]), 12);
  });

  it('bias correction: the first step is ≈ η even for a tiny gradient (uncorrected it would be η·0.1/√0.001 ≈ 3.16η)', () => {
    const opt = new Optimizer({ kind: 'adam', lr: LR }, 1);
    const theta = new Float64Array([0]);
    opt.step(theta, new Float64Array([1e-3]));
    expect(theta[0]).toBeCloseTo(-0.1 * (1e-3 / (1e-3 + EPS)), 14);
    expect(Math.abs(theta[0])).toBeLessThan(0.1);
    expect(Math.abs(theta[0])).toBeGreaterThan(0.0999);
  });

  it('follows the formulas for a changing gradient (g₁ then g₂)', () => {
    const g2 = [1, 1, -1];
    const [, s2] = run(new Optimizer({ kind: 'adam', lr: LR }, 3), 2, [G, g2]);
    const want = THETA0.map((t, i) => {
      const a = G[i];
      const b = g2[i];
      const step1 = (LR * ((0.1 * a) / 0.1)) / (Math.sqrt((0.001 * a * a) / 0.001) + EPS);
      const m2 = 0.9 * 0.1 * a + 0.1 * b; // β₁m₁ + (1−β₁)g₂
      const v2 = 0.999 * 0.001 * a * a + 0.001 * b * b; // β₂v₁ + (1−β₂)g₂²
      const step2 = (LR * (m2 / 0.19)) / (Math.sqrt(v2 / 0.001999) + EPS);
      return t - step1 - step2;
    });
    expectClose(s2, want, 12);
  });
});

describe('reset()', () => {
  it.each(['momentum', 'rmsprop', 'adam'] as const)('%s: forgets its moments and t, so the next step equals a first step', (kind) => {
    const fresh = run(new Optimizer({ kind, lr: LR }, 3), 1)[0];
    const opt = new Optimizer({ kind, lr: LR }, 3);
    const theta = Float64Array.from(THETA0);
    // two steps with another gradient fill the moments with something a first step must not see
    const other = new Float64Array([5, -3, -7]);
    opt.step(theta, other);
    opt.step(theta, other);
    expect(opt.t).toBe(2);
    const stale = Float64Array.from(THETA0);
    opt.step(stale, Float64Array.from(G)); // what a step with the old state gives
    expect(Array.from(stale)).not.toEqual(fresh);
    opt.reset();
    expect(opt.t).toBe(0);
    const again = Float64Array.from(THETA0);
    opt.step(again, Float64Array.from(G));
    expect(Array.from(again)).toEqual(fresh);
  });
});
