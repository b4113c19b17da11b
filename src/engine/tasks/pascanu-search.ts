/**
 * Two meta-heuristics for the observation that recurrent error surfaces have many local optima
 * and flat regions where plain gradient descent stalls: random restarts of descent, and simulated
 * annealing (Kirkpatrick, Gelatt & Vecchi 1983), which needs no gradient and may accept uphill moves.
 */
import { exp, log } from '../detmath';
import { EngineError } from '../errors';
import type { Rng } from '../rng';
import { descentPath, pascanuPoint, resolvePascanuOptions, type PascanuOptions, type PascanuPoint } from './pascanu';

/** A box of the (w, b) plane. */
export interface Region {
  wRange: readonly [number, number];
  bRange: readonly [number, number];
}

function checkRegion(r: Region): void {
  for (const [range, path] of [[r.wRange, 'wRange'], [r.bRange, 'bRange']] as const) {
    if (!Array.isArray(range) || range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[0] < range[1])) {
      throw new EngineError('bad-config', `must be [lo, hi] with finite lo < hi, got ${JSON.stringify(range)}`, path);
    }
  }
}

function checkCount(n: number, max: number, path: string): void {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new EngineError('bad-config', `must be a whole number between 1 and ${max}, got ${n}`, path);
}

/** Settings of random restarts: n descents of `steps` updates from uniform random starts in the region. */
export interface RestartOptions extends Region {
  lr: number;
  steps: number;
  clip?: number;
  model?: PascanuOptions;
}

/** The outcome of random restarts: each run's start and end, and the lowest end. */
export interface RestartResult {
  runs: { start: PascanuPoint; end: PascanuPoint }[];
  best: PascanuPoint;
}

/** Runs gradient descent from n starts drawn uniformly in the region and keeps the run that ends lowest. */
export function randomRestarts(n: number, rng: Rng, opts: RestartOptions): RestartResult {
  checkCount(n, 10_000, 'n');
  checkRegion(opts);
  const runs: RestartResult['runs'] = [];
  let best: PascanuPoint | null = null;
  for (let k = 0; k < n; k++) {
    const w = rng.uniform(opts.wRange[0], opts.wRange[1]);
    const b = rng.uniform(opts.bRange[0], opts.bRange[1]);
    const path = descentPath({ w, b }, { lr: opts.lr, steps: opts.steps, clip: opts.clip, model: opts.model });
    const end = path[path.length - 1];
    runs.push({ start: path[0], end });
    if (best === null || end.loss < best.loss) best = end;
  }
  return { runs, best: best as PascanuPoint };
}

/** Settings of simulated annealing. */
export interface AnnealingOptions {
  /** number of proposals */
  steps: number;
  /** σ of the Gaussian proposal (w', b') = (w, b) + σ·(z₁, z₂) */
  stepSize: number;
  /** the temperature of the first proposal */
  t0: number;
  /** the temperature of the last proposal (geometric cooling T_k = t0·(t1/t0)^{k/(steps−1)}) */
  t1: number;
  /** proposals outside this box are rejected */
  region?: Region;
  model?: PascanuOptions;
}

/** The states of an annealing run (one per proposal, the current state after it) and the best state seen. */
export interface AnnealingResult {
  path: PascanuPoint[];
  best: PascanuPoint;
  /** the fraction of proposals accepted */
  acceptance: number;
}

/**
 * Simulated annealing on E(w, b): propose a Gaussian move; accept it when E falls, or with the
 * Metropolis probability exp(−ΔE/T_k) when it rises, while T_k cools geometrically from t0 to t1.
 */
export function simulatedAnnealing(start: { w: number; b: number }, rng: Rng, opts: AnnealingOptions): AnnealingResult {
  checkCount(opts.steps, 1_000_000, 'steps');
  for (const [v, path] of [[opts.stepSize, 'stepSize'], [opts.t0, 't0'], [opts.t1, 't1']] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) throw new EngineError('bad-config', `must be a finite number > 0, got ${v}`, path);
  }
  if (opts.region) checkRegion(opts.region);
  const model = resolvePascanuOptions(opts.model);
  let cur = pascanuPoint(start.w, start.b, model);
  let best = cur;
  let accepted = 0;
  const path: PascanuPoint[] = [];
  const ratio = opts.t1 / opts.t0;
  for (let k = 0; k < opts.steps; k++) {
    const temp = opts.t0 * exp((opts.steps === 1 ? 0 : k / (opts.steps - 1)) * log(ratio)); // (t1/t0)^{k/(K−1)}
    const w = cur.w + opts.stepSize * rng.normal();
    const b = cur.b + opts.stepSize * rng.normal();
    const u = rng.next(); // drawn every step so the stream does not depend on the region test
    const r = opts.region;
    const inside = !r || (w >= r.wRange[0] && w <= r.wRange[1] && b >= r.bRange[0] && b <= r.bRange[1]);
    if (inside) {
      const cand = pascanuPoint(w, b, model);
      const dE = cand.loss - cur.loss;
      if (dE <= 0 || u < exp(-dE / temp)) {
        cur = cand;
        accepted++;
        if (cur.loss < best.loss) best = cur;
      }
    }
    path.push(cur);
  }
  return { path, best, acceptance: accepted / opts.steps };
}
