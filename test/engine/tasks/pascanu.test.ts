import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/engine/rng';
import { descentPath, findCliff, gradNormGrid, lossGrid, pascanuGrad, pascanuLoss, pascanuTrajectory } from '../../../src/engine/tasks/pascanu';
import { randomRestarts, simulatedAnnealing } from '../../../src/engine/tasks/pascanu-search';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('the single-unit model', () => {
  it('iterates x_t = w σ(x_{t−1}) + b from x_0 = 0.5 for 50 steps, loss (σ(x_50) − 0.7)²', () => {
    const x = pascanuTrajectory(1.5, -0.4);
    expect(x.length).toBe(51);
    expect(x[0]).toBe(0.5);
    expect(x[1]).toBeCloseTo(1.5 * sigmoid(0.5) - 0.4, 15);
    let v = 0.5;
    for (let t = 0; t < 50; t++) v = 1.5 * sigmoid(v) - 0.4;
    expect(pascanuLoss(1.5, -0.4)).toBeCloseTo((sigmoid(v) - 0.7) ** 2, 15);
    expect(pascanuLoss(0, 0)).toBeCloseTo((0.5 - 0.7) ** 2, 15); // x_t = 0 → σ = 0.5
    expect(pascanuLoss(0, 3, { steps: 1, target: 0.2 })).toBeCloseTo((sigmoid(3) - 0.2) ** 2, 15);
  });
  it('validates its options', () => {
    expect(() => pascanuLoss(NaN, 0)).toThrow(/w: must be a finite number/);
    expect(() => pascanuLoss(0, 0, { steps: 0 })).toThrow(/steps: must be a whole number between 1 and 10000, got 0/);
    expect(() => pascanuLoss(0, 0, { x0: Infinity })).toThrow(/x0: must be a finite number/);
  });
});

describe('pascanuGrad (BPTT through the scalar recurrence)', () => {
  it('matches central finite differences to a relative error below 1e-6', () => {
    const points: [number, number][] = [[2, -1], [-3, 2], [5, -2.2], [0.5, 0.3], [8, -3], [-7, 1], [6, -3.2]];
    let worst = 0;
    for (const [w, b] of points) {
      const g = pascanuGrad(w, b);
      const h = 1e-5;
      const fw = (pascanuLoss(w + h, b) - pascanuLoss(w - h, b)) / (2 * h);
      const fb = (pascanuLoss(w, b + h) - pascanuLoss(w, b - h)) / (2 * h);
      const rel = Math.hypot(g.dw - fw, g.db - fb) / Math.max(Math.hypot(fw, fb), 1e-300);
      worst = Math.max(worst, rel);
      expect(g.loss).toBe(pascanuLoss(w, b));
      expect(g.norm).toBeCloseTo(Math.hypot(g.dw, g.db), 15);
    }
    expect(worst).toBeLessThan(1e-6);
  });
  it('equals the hand-derived gradient of a single step', () => {
    // T = 1: E = (σ(w σ(x0) + b) − y)²; ∂E/∂b = 2(σ−y)σ(1−σ), ∂E/∂w = ∂E/∂b · σ(x0)
    const [w, b, x0, y] = [1.3, -0.2, 0.4, 0.9];
    const s = sigmoid(w * sigmoid(x0) + b);
    const db = 2 * (s - y) * s * (1 - s);
    const g = pascanuGrad(w, b, { steps: 1, x0, target: y });
    expect(g.db).toBeCloseTo(db, 15);
    expect(g.dw).toBeCloseTo(db * sigmoid(x0), 15);
  });
});

describe('the cliff', () => {
  it('shows two plateaus and a gradient norm that jumps by orders of magnitude between neighbouring grid points', () => {
    const loss = lossGrid([-10, 20], [-15, 10], 61, 51);
    expect(loss.values.length).toBe(61 * 51);
    expect(loss.max).toBeGreaterThan(0.489); // σ(x_50) → 0: (0 − 0.7)²
    expect(loss.min).toBeLessThan(1e-3);
    expect(loss.values[0]).toBeCloseTo(pascanuLoss(-10, -15), 15); // row-major, rows are b
    expect(loss.values[2 * 61 + 3]).toBeCloseTo(pascanuLoss(-10 + 3 * 0.5, -15 + 2 * 0.5), 15);
    const g = gradNormGrid([4, 12], [-7, -1], 201, 201);
    let ratio = 0;
    for (let j = 0; j < g.nb; j++) {
      for (let i = 0; i + 1 < g.nw; i++) {
        const a = g.values[j * g.nw + i];
        const c = g.values[j * g.nw + i + 1];
        ratio = Math.max(ratio, Math.max(a, c) / Math.min(a, c));
      }
    }
    expect(ratio).toBeGreaterThan(100);
    expect(g.max / g.min).toBeGreaterThan(1e6);
  });
  it('has a wall at fixed w = 6 where ‖∇E‖ exceeds 10⁶ while 10⁻³ away it is below 1', () => {
    const bc = findCliff(6, -4, -2);
    expect(bc).toBeGreaterThan(-3.3);
    expect(bc).toBeLessThan(-3.2);
    expect(pascanuGrad(6, bc).norm).toBeGreaterThan(1e6);
    expect(pascanuGrad(6, bc + 1e-3).norm).toBeLessThan(1);
    expect(pascanuGrad(6, bc - 1e-3).norm).toBeLessThan(1);
    expect(pascanuLoss(6, bc - 1e-3)).toBeGreaterThan(0.4);
    expect(pascanuLoss(6, bc + 1e-3)).toBeLessThan(0.04);
    expect(() => findCliff(0, -1, 1, { target: 0.5 })).toThrow(/no wall in between/); // E(−1) = E(1) when the target is ½
  });
  it('throws the unclipped path far away from a point near the wall; clipping keeps the step at lr·clip', () => {
    const start = { w: 6, b: findCliff(6, -4, -2) + 1e-6 };
    const raw = descentPath(start, { lr: 0.1, steps: 20 });
    const clipped = descentPath(start, { lr: 0.1, steps: 20, clip: 1 });
    expect(raw).toHaveLength(21);
    expect(raw[0].gradNorm).toBeGreaterThan(100);
    const jump = Math.hypot(raw[1].w - raw[0].w, raw[1].b - raw[0].b);
    const step = Math.hypot(clipped[1].w - clipped[0].w, clipped[1].b - clipped[0].b);
    expect(jump).toBeGreaterThan(10);
    expect(step).toBeCloseTo(0.1, 12);
    // thrown onto the far plateau, the unclipped run never moves again; the clipped one stays near the wall
    expect(raw[20].loss).toBeGreaterThan(0.489);
    expect(raw[20].gradNorm).toBeLessThan(1e-8);
    expect(Math.hypot(clipped[20].w - 6, clipped[20].b - start.b)).toBeLessThan(2);
    for (let k = 1; k <= 20; k++) expect(Math.hypot(clipped[k].w - clipped[k - 1].w, clipped[k].b - clipped[k - 1].b)).toBeLessThanOrEqual(0.1 + 1e-12);
  });
  it('validates descent options', () => {
    expect(() => descentPath({ w: 0, b: 0 }, { lr: 0, steps: 1 })).toThrow(/lr: must be > 0/);
    expect(() => descentPath({ w: 0, b: 0 }, { lr: 0.1, steps: -1 })).toThrow(/steps: must be a whole number/);
    expect(() => descentPath({ w: 0, b: 0 }, { lr: 0.1, steps: 1, clip: 0 })).toThrow(/clip: must be > 0/);
    expect(() => lossGrid([1, 1], [0, 1], 10, 10)).toThrow(/wRange: must be \[lo, hi\] with finite lo < hi/);
    expect(() => lossGrid([0, 1], [0, 1], 1, 10)).toThrow(/nw: must be a whole number between 2 and 2048/);
  });
});

describe('meta-heuristics against plain descent on a plateau', () => {
  const region = { wRange: [-10, 20] as const, bRange: [-15, 10] as const };
  it('descent from (12, −2) stays at E ≈ 0.09 while restarts and annealing find E ≈ 0', () => {
    const start = { w: 12, b: -2 };
    const path = descentPath(start, { lr: 1, steps: 500 });
    const end = path[path.length - 1];
    expect(path[0].loss).toBeGreaterThan(0.0899);
    expect(end.loss).toBeGreaterThan(0.0899); // the gradient there is ~1e-4: it barely moves
    expect(Math.hypot(end.w - 12, end.b + 2)).toBeLessThan(0.1);

    const restarts = randomRestarts(20, new Rng(1), { ...region, lr: 1, steps: 200 });
    expect(restarts.runs).toHaveLength(20);
    expect(restarts.best.loss).toBeLessThan(1e-6);
    expect(restarts.best.loss).toBe(Math.min(...restarts.runs.map((r) => r.end.loss)));
    // most restarts also stall: the plateaus cover most of the box
    expect(restarts.runs.filter((r) => r.end.loss > 0.05).length).toBeGreaterThan(5);

    const annealing = simulatedAnnealing(start, new Rng(1), { steps: 2000, stepSize: 0.5, t0: 0.05, t1: 1e-4, region });
    expect(annealing.path).toHaveLength(2000);
    expect(annealing.best.loss).toBeLessThan(1e-3);
    expect(annealing.acceptance).toBeGreaterThan(0.05);
    expect(annealing.acceptance).toBeLessThan(1);
    for (const p of annealing.path) expect(p.w >= -10 && p.w <= 20 && p.b >= -15 && p.b <= 10).toBe(true);
  });
  it('is deterministic for a seed', () => {
    const opts = { steps: 200, stepSize: 0.3, t0: 0.02, t1: 1e-3 };
    expect(simulatedAnnealing({ w: 1, b: 1 }, new Rng(3), opts)).toEqual(simulatedAnnealing({ w: 1, b: 1 }, new Rng(3), opts));
    expect(() => simulatedAnnealing({ w: 1, b: 1 }, new Rng(3), { ...opts, t1: 0 })).toThrow(/t1: must be a finite number > 0/);
    expect(() => randomRestarts(0, new Rng(3), { ...region, lr: 1, steps: 1 })).toThrow(/n: must be a whole number between 1 and 10000/);
  });
});
