/**
 * Validation of an error-surface request arriving from untrusted message data: sizes are clamped so one
 * request costs the worker at most a few hundred milliseconds; a missing, non-finite or inverted field
 * makes the whole request invalid (null), since no sensible default says what the sender meant.
 */
import type { SurfaceRequest } from './protocol';

/** The bounds parseSurfaceRequest clamps to. */
export const SURFACE_LIMITS = {
  /** grid points per axis: 2…240 (240² evaluations of a 50-step BPTT ≈ 0.2 s) */
  gridMin: 2,
  gridMax: 240,
  /** |w|, |b| of the box and of the start point */
  coordMax: 10_000,
  /** updates per descent */
  stepsMax: 2000,
  lrMax: 100,
  clipMin: 1e-6,
  clipMax: 1e6,
  restartsMax: 50,
  annealingStepsMax: 5000,
  /** σ of the annealing's proposals, and its temperatures */
  stepSizeMax: 1000,
  tempMin: 1e-12,
  tempMax: 1e6,
} as const;

const L = SURFACE_LIMITS;

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A whole number clamped to [lo, hi], or null when v is not a finite number. */
function count(v: unknown, lo: number, hi: number): number | null {
  return finite(v) ? clamp(Math.round(v), lo, hi) : null;
}

/** A positive finite number clamped to [lo, hi], or null. */
function positive(v: unknown, lo: number, hi: number): number | null {
  return finite(v) && v > 0 ? clamp(v, lo, hi) : null;
}

/** [lo, hi] with finite lo < hi inside ±coordMax, or null. */
function range(v: unknown): [number, number] | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [lo, hi] = v as unknown[];
  if (!finite(lo) || !finite(hi) || !(lo < hi) || Math.abs(lo) > L.coordMax || Math.abs(hi) > L.coordMax) return null;
  return [lo, hi];
}

/** A SurfaceRequest from untrusted data, with its sizes clamped to SURFACE_LIMITS, or null if any field is missing or invalid. */
export function parseSurfaceRequest(data: unknown): SurfaceRequest | null {
  if (!isObject(data)) return null;
  const wRange = range(data.wRange);
  const bRange = range(data.bRange);
  const nw = count(data.nw, L.gridMin, L.gridMax);
  const nb = count(data.nb, L.gridMin, L.gridMax);
  const lr = positive(data.lr, 0, L.lrMax);
  const steps = count(data.steps, 0, L.stepsMax);
  const clip = positive(data.clip, L.clipMin, L.clipMax);
  const seed = finite(data.seed) ? Math.trunc(data.seed) : null;
  if (!wRange || !bRange || nw === null || nb === null || lr === null || steps === null || clip === null || seed === null) return null;

  let start: SurfaceRequest['start'] = null;
  if (data.start !== null && data.start !== undefined) {
    const s = data.start;
    if (!isObject(s) || !finite(s.w) || !finite(s.b) || Math.abs(s.w) > L.coordMax || Math.abs(s.b) > L.coordMax) return null;
    start = { w: s.w, b: s.b };
  }

  let restarts: SurfaceRequest['restarts'] = null;
  if (data.restarts !== null && data.restarts !== undefined) {
    const n = isObject(data.restarts) ? count(data.restarts.n, 1, L.restartsMax) : null;
    if (n === null) return null;
    restarts = { n };
  }

  let annealing: SurfaceRequest['annealing'] = null;
  if (data.annealing !== null && data.annealing !== undefined) {
    const a = data.annealing;
    if (!isObject(a)) return null;
    const aSteps = count(a.steps, 1, L.annealingStepsMax);
    const stepSize = positive(a.stepSize, 0, L.stepSizeMax);
    const t0 = positive(a.t0, L.tempMin, L.tempMax);
    const t1 = positive(a.t1, L.tempMin, L.tempMax);
    if (aSteps === null || stepSize === null || t0 === null || t1 === null) return null;
    annealing = { steps: aSteps, stepSize, t0, t1 };
  }

  return { wRange, bRange, nw, nb, start, lr, steps, clip, restarts, annealing, seed };
}

/** Whether two requests ask for the same surface, field by field (a request and its answer's copy, key order aside). */
export function sameSurfaceRequest(a: SurfaceRequest, b: SurfaceRequest): boolean {
  const pair = <T>(x: T | null, y: T | null, same: (x: T, y: T) => boolean) => (x === null || y === null ? x === y : same(x, y));
  return (
    a.wRange[0] === b.wRange[0] &&
    a.wRange[1] === b.wRange[1] &&
    a.bRange[0] === b.bRange[0] &&
    a.bRange[1] === b.bRange[1] &&
    a.nw === b.nw &&
    a.nb === b.nb &&
    pair(a.start, b.start, (x, y) => x.w === y.w && x.b === y.b) &&
    a.lr === b.lr &&
    a.steps === b.steps &&
    a.clip === b.clip &&
    pair(a.restarts, b.restarts, (x, y) => x.n === y.n) &&
    pair(a.annealing, b.annealing, (x, y) => x.steps === y.steps && x.stepSize === y.stepSize && x.t0 === y.t0 && x.t1 === y.t1) &&
    a.seed === b.seed
  );
}
