/**
 * The error surface of a single-unit recurrent network, after Pascanu, Mikolov & Bengio (2013),
 * "On the difficulty of training recurrent neural networks", ICML 2013, §2.3 "The geometrical
 * interpretation" and its Fig. 6. The model has no input:
 *
 *   x_t = w σ(x_{t−1}) + b,   x_0 = 0.5,   E = (σ(x_50) − 0.7)²,   σ the logistic sigmoid,
 *
 * exactly the setting the paper states ("Fig. 6 shows the error surface E_50 = (σ(x_50) − 0.7)²,
 * where x_0 = .5 and σ to be the sigmoid function"). For w > 4 the map has two stable fixed points;
 * where x_0 sits near the unstable one between them, a tiny change of (w, b) decides which attractor
 * x_50 reaches: the loss steps between two plateaus across a thin wall on which ‖∇E‖ explodes.
 */
import { hypot, sigmoid } from '../detmath';
import { EngineError } from '../errors';

/** The paper's setting; every field can be changed for experiments. */
export interface PascanuOptions {
  /** x_0, default 0.5 */
  x0?: number;
  /** T, the number of steps, default 50 */
  steps?: number;
  /** the target of σ(x_T), default 0.7 */
  target?: number;
}

/** A point of the (w, b) plane with its loss E and gradient norm ‖∇E‖. */
export interface PascanuPoint {
  w: number;
  b: number;
  loss: number;
  gradNorm: number;
}

/** E(w, b) with its exact gradient ∂E/∂w, ∂E/∂b. */
export interface PascanuGradient {
  loss: number;
  dw: number;
  db: number;
  /** ‖(∂E/∂w, ∂E/∂b)‖₂ */
  norm: number;
}

/** The paper's constants: x_0 = 0.5, T = 50, target 0.7. */
export const PASCANU_DEFAULTS: Required<PascanuOptions> = { x0: 0.5, steps: 50, target: 0.7 };

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError('non-finite', `must be a finite number, got ${String(v)}`, path);
  return v;
}

/** The options with defaults filled in; throws on a non-finite value or T outside 1…10,000. */
export function resolvePascanuOptions(opts: PascanuOptions = {}): Required<PascanuOptions> {
  const x0 = finite(opts.x0 ?? PASCANU_DEFAULTS.x0, 'x0');
  const target = finite(opts.target ?? PASCANU_DEFAULTS.target, 'target');
  const steps = opts.steps ?? PASCANU_DEFAULTS.steps;
  if (!Number.isInteger(steps) || steps < 1 || steps > 10_000) throw new EngineError('bad-config', `must be a whole number between 1 and 10000, got ${steps}`, 'steps');
  return { x0, steps, target };
}

/** x_0 … x_T of the recurrence x_t = w σ(x_{t−1}) + b. */
export function pascanuTrajectory(w: number, b: number, opts: PascanuOptions = {}): Float64Array {
  const o = resolvePascanuOptions(opts);
  finite(w, 'w');
  finite(b, 'b');
  const x = new Float64Array(o.steps + 1);
  x[0] = o.x0;
  for (let t = 1; t <= o.steps; t++) x[t] = w * sigmoid(x[t - 1]) + b;
  return x;
}

/** E(w, b) = (σ(x_T) − target)². */
export function pascanuLoss(w: number, b: number, opts: PascanuOptions = {}): number {
  const o = resolvePascanuOptions(opts);
  const x = pascanuTrajectory(w, b, o);
  return (sigmoid(x[o.steps]) - o.target) ** 2;
}

/**
 * ∇E by backpropagation through time along the scalar recurrence:
 * δ_T = ∂E/∂x_T = 2(σ(x_T) − target) σ'(x_T); for t = T…1: ∂E/∂w += δ_t σ(x_{t−1}), ∂E/∂b += δ_t,
 * δ_{t−1} = δ_t · w σ'(x_{t−1}) — the product of T Jacobians w σ'(x) that explodes or vanishes.
 */
export function pascanuGrad(w: number, b: number, opts: PascanuOptions = {}): PascanuGradient {
  const o = resolvePascanuOptions(opts);
  const x = pascanuTrajectory(w, b, o);
  const sT = sigmoid(x[o.steps]);
  let delta = 2 * (sT - o.target) * sT * (1 - sT);
  let dw = 0;
  let db = 0;
  for (let t = o.steps; t >= 1; t--) {
    const s = sigmoid(x[t - 1]);
    dw += delta * s;
    db += delta;
    delta *= w * s * (1 - s);
  }
  return { loss: (sT - o.target) ** 2, dw, db, norm: hypot(dw, db) };
}

/** E and ‖∇E‖ at (w, b) as a point. */
export function pascanuPoint(w: number, b: number, opts: PascanuOptions = {}): PascanuPoint {
  const g = pascanuGrad(w, b, opts);
  return { w, b, loss: g.loss, gradNorm: g.norm };
}

/** A sampled surface: values[j·nw + i] at w_i = w₀ + i(w₁ − w₀)/(nw − 1), b_j likewise (rows are b). */
export interface SurfaceGrid {
  values: Float64Array;
  nw: number;
  nb: number;
  wRange: readonly [number, number];
  bRange: readonly [number, number];
  min: number;
  max: number;
}

function checkRange(r: readonly [number, number], path: string): void {
  if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[0] < r[1])) {
    throw new EngineError('bad-config', `must be [lo, hi] with finite lo < hi, got ${JSON.stringify(r)}`, path);
  }
}

function grid(wRange: readonly [number, number], bRange: readonly [number, number], nw: number, nb: number, f: (w: number, b: number) => number): SurfaceGrid {
  checkRange(wRange, 'wRange');
  checkRange(bRange, 'bRange');
  for (const [n, path] of [[nw, 'nw'], [nb, 'nb']] as const) {
    if (!Number.isInteger(n) || n < 2 || n > 2048) throw new EngineError('bad-config', `must be a whole number between 2 and 2048, got ${n}`, path);
  }
  const values = new Float64Array(nw * nb);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < nb; j++) {
    const b = bRange[0] + ((bRange[1] - bRange[0]) * j) / (nb - 1);
    for (let i = 0; i < nw; i++) {
      const v = f(wRange[0] + ((wRange[1] - wRange[0]) * i) / (nw - 1), b);
      values[j * nw + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { values, nw, nb, wRange, bRange, min, max };
}

/** E(w, b) on an nw × nb grid over wRange × bRange, row-major with rows indexed by b. */
export function lossGrid(wRange: readonly [number, number], bRange: readonly [number, number], nw: number, nb: number, opts: PascanuOptions = {}): SurfaceGrid {
  const o = resolvePascanuOptions(opts);
  return grid(wRange, bRange, nw, nb, (w, b) => pascanuLoss(w, b, o));
}

/** ‖∇E(w, b)‖ on the same grid layout as lossGrid (for a log-scaled picture of the cliff). */
export function gradNormGrid(wRange: readonly [number, number], bRange: readonly [number, number], nw: number, nb: number, opts: PascanuOptions = {}): SurfaceGrid {
  const o = resolvePascanuOptions(opts);
  return grid(wRange, bRange, nw, nb, (w, b) => pascanuGrad(w, b, o).norm);
}

/** Gradient descent settings: step θ ← θ − lr·g, with g rescaled to norm `clip` when ‖g‖ > clip. */
export interface DescentOptions {
  lr: number;
  /** how many updates (the path has steps + 1 points, fewer if a step overflows) */
  steps: number;
  /** the norm threshold of Pascanu et al.'s clipping, ĝ = clip·g/‖g‖ when ‖g‖ > clip */
  clip?: number;
  /** the model's x_0, T and target (the paper's by default) */
  model?: PascanuOptions;
}

/** The points (w, b, E, ‖∇E‖ before clipping) visited by gradient descent from `start`. */
export function descentPath(start: { w: number; b: number }, opts: DescentOptions): PascanuPoint[] {
  const o = resolvePascanuOptions(opts.model);
  const lr = finite(opts.lr, 'lr');
  if (!(lr > 0)) throw new EngineError('bad-config', `must be > 0, got ${lr}`, 'lr');
  if (!Number.isInteger(opts.steps) || opts.steps < 0 || opts.steps > 100_000) {
    throw new EngineError('bad-config', `must be a whole number between 0 and 100000, got ${opts.steps}`, 'steps');
  }
  if (opts.clip !== undefined && !(finite(opts.clip, 'clip') > 0)) throw new EngineError('bad-config', `must be > 0, got ${opts.clip}`, 'clip');
  let w = finite(start.w, 'start.w');
  let b = finite(start.b, 'start.b');
  const path: PascanuPoint[] = [];
  for (let k = 0; ; k++) {
    const g = pascanuGrad(w, b, o);
    path.push({ w, b, loss: g.loss, gradNorm: g.norm });
    if (k === opts.steps || !Number.isFinite(g.norm)) break;
    const scale = opts.clip !== undefined && g.norm > opts.clip ? opts.clip / g.norm : 1;
    const nw = w - lr * scale * g.dw;
    const nb = b - lr * scale * g.db;
    if (!Number.isFinite(nw) || !Number.isFinite(nb)) break; // an overflowing step ends the path rather than yield NaN
    w = nw;
    b = nb;
  }
  return path;
}

/**
 * The b in [bLo, bHi] where E jumps between its plateaus at fixed w, found by bisection on
 * E > (E(bLo) + E(bHi))/2 — the foot of the wall, where ‖∇E‖ is largest. Throws if E(bLo), E(bHi)
 * do not differ (no wall in between).
 */
export function findCliff(w: number, bLo: number, bHi: number, opts: PascanuOptions = {}): number {
  const o = resolvePascanuOptions(opts);
  checkRange([bLo, bHi], 'bRange');
  const eLo = pascanuLoss(w, bLo, o);
  const eHi = pascanuLoss(w, bHi, o);
  if (Math.abs(eLo - eHi) < 1e-9) throw new EngineError('bad-config', `E is the same at b = ${bLo} and b = ${bHi}; no wall in between`, 'bRange');
  const mid = (eLo + eHi) / 2;
  const loSide = eLo > mid;
  let lo = bLo;
  let hi = bHi;
  for (let k = 0; k < 200 && hi - lo > 0; k++) {
    const m = (lo + hi) / 2;
    if (m === lo || m === hi) break;
    if (pascanuLoss(w, m, o) > mid === loSide) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}
