/**
 * The worker's answers to requests (an error surface, an exported run, a benchmark) from presenter-channel data:
 * apart from the run's own events (parse-events.ts) because each mirrors the shape of a request and its engine type.
 */
import { normalizeConfig } from '../engine/config';
import { OPTIMIZERS } from '../engine/optim-config';
import type { RunSnapshot } from '../engine/snapshot';
import type { TrainerState } from '../engine/trainer';
import { CELLS } from '../engine/types';
import type { BenchmarkResult, SurfacePoints, SurfaceResult, WorkerEvent } from '../worker/protocol';
import { SURFACE_LIMITS, parseSurfaceRequest } from '../worker/surface-request';
import { anyNumber, count, f64, f64max, f64n, finite, intIn, isObj, LIMITS, list, oneOf, own, parseDivergence, runId } from './parse-values';
import type { Obj } from './parse-values';

/** w, b, E and ‖∇E‖ of at most `max` points (at least one), one Float64Array each of the same length. */
function parsePoints(v: unknown, max: number): SurfacePoints | null {
  if (!isObj(v)) return null;
  const [w, b, loss, gradNorm] = ['w', 'b', 'loss', 'gradNorm'].map((k) => own(v, k));
  if (!f64max(w, max) || w.length === 0) return null;
  return f64n(b, w.length) && f64n(loss, w.length) && f64n(gradNorm, w.length) ? { w, b, loss, gradNorm } : null;
}

/** null stays null; anything else must parse (undefined: it did not). */
const nullable = <T>(v: unknown, parse: (v: unknown) => T | null): T | null | undefined => (v === null ? null : (parse(v) ?? undefined));

export function parseSurfaceResult(v: unknown): SurfaceResult | null {
  if (!isObj(v)) return null;
  // the request as the worker computed it: already within SURFACE_LIMITS, so parsing it again changes nothing
  const request = parseSurfaceRequest(own(v, 'request'));
  if (!request) return null;
  const { nw, nb } = request;
  const [loss, gradNorm, lossMin, lossMax, gradNormMin, gradNormMax, c] = ['loss', 'gradNorm', 'lossMin', 'lossMax', 'gradNormMin', 'gradNormMax', 'cliff'].map((k) => own(v, k));
  // E lies in [0, 1); ‖∇E‖ may overflow to +∞ at the cliff of a steep box
  if (!f64n(loss, nw * nb) || !f64n(gradNorm, nw * nb) || !finite(lossMin) || !finite(lossMax) || !anyNumber(gradNormMin) || !anyNumber(gradNormMax)) return null;
  if (!isObj(c)) return null;
  const [cw, cb, cg] = ['w', 'b', 'gradNorm'].map((k) => own(c, k));
  if (!f64max(cw, nw) || !f64n(cb, cw.length) || !f64n(cg, cw.length)) return null;
  const path = (x: unknown) => parsePoints(x, request.steps + 1);
  const descent = nullable(own(v, 'descent'), path);
  const clipped = nullable(own(v, 'clipped'), path);
  const restarts = nullable(own(v, 'restarts'), (r) => {
    if (!isObj(r)) return null;
    const starts = parsePoints(own(r, 'starts'), SURFACE_LIMITS.restartsMax);
    const ends = parsePoints(own(r, 'ends'), SURFACE_LIMITS.restartsMax);
    const best = own(r, 'best');
    return starts && ends && ends.w.length === starts.w.length && intIn(best, 0, ends.w.length - 1) ? { starts, ends, best } : null;
  });
  const annealing = nullable(own(v, 'annealing'), (a) => {
    if (!isObj(a)) return null;
    const p = parsePoints(own(a, 'path'), SURFACE_LIMITS.annealingStepsMax + 1);
    const best = own(a, 'best');
    const acceptance = own(a, 'acceptance');
    return p && intIn(best, 0, p.w.length - 1) && finite(acceptance) && acceptance >= 0 && acceptance <= 1 ? { path: p, best, acceptance } : null;
  });
  if (descent === undefined || clipped === undefined || restarts === undefined || annealing === undefined) return null;
  return { request, loss, lossMin, lossMax, gradNorm, gradNormMin, gradNormMax, cliff: { w: cw, b: cb, gradNorm: cg }, descent, clipped, restarts, annealing };
}

/** A 32-bit word of the RNG's state, read signed or unsigned (as checkSnapshot reads one). */
const word = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 32;

/**
 * A run snapshot's shape: θ and the moments sized alike, the optimizer one the engine knows, the figures finite as
 * checkSnapshot requires them. Whether it fits a network is the engine's to say (Session.restore) when it is used.
 */
export function parseRunSnapshot(v: unknown): RunSnapshot | null {
  if (!isObj(v)) return null;
  const [rawConfig, theta, o, t, d] = ['config', 'theta', 'optimizer', 'trainer', 'data'].map((k) => own(v, k));
  if (!isObj(rawConfig) || !f64(theta) || theta.length < 1 || theta.length > LIMITS.params || !isObj(o) || !isObj(t) || !isObj(d)) return null;
  for (let i = 0; i < theta.length; i++) if (!Number.isFinite(theta[i])) return null;
  const { config } = normalizeConfig(rawConfig);
  const [step, loss, gradNorm, gradNormClipped, clipped, rawDivergence] = ['step', 'loss', 'gradNorm', 'gradNormClipped', 'clipped', 'divergence'].map((k) => own(t, k));
  if (!count(step) || !finite(loss) || !finite(gradNorm) || !finite(gradNormClipped) || typeof clipped !== 'boolean') return null;
  const divergence = nullable(rawDivergence, parseDivergence);
  if (divergence === undefined) return null;
  const trainer: TrainerState = { step, loss, gradNorm, gradNormClipped, clipped, divergence };
  const [kind, ot, m, mv] = ['kind', 't', 'm', 'v'].map((k) => own(o, k));
  const moments = (a: unknown): a is Float64Array => f64(a) && (a.length === 0 || a.length === theta.length);
  if (!oneOf(kind, OPTIMIZERS) || !count(ot) || !moments(m) || !moments(mv)) return null;
  const [a, b, c, dd, spare] = ['a', 'b', 'c', 'd', 'spare'].map((k) => own(d, k));
  if (!word(a) || !word(b) || !word(c) || !word(dd) || !(spare === null || finite(spare))) return null;
  return { config, theta, optimizer: { kind, t: ot, m, v: mv }, trainer, data: { a, b, c, d: dd, spare } };
}

function parseBenchmarkResults(v: unknown): BenchmarkResult[] | null {
  if (!list(v, CELLS.length)) return null;
  const out: BenchmarkResult[] = [];
  for (const r of v) {
    if (!isObj(r)) return null;
    const [cell, paramCount, steps, msPerStep] = ['cell', 'paramCount', 'steps', 'msPerStep'].map((k) => own(r, k));
    if (!oneOf(cell, CELLS) || !intIn(paramCount, 1, LIMITS.params) || !count(steps) || !finite(msPerStep) || msPerStep < 0) return null;
    out.push({ cell, paramCount, steps, msPerStep });
  }
  return out;
}

type Answer = Extract<WorkerEvent, { type: 'surface' | 'exported' | 'benchmark' }>;

/** The answer events, their run id checked by the caller. */
export const ANSWER_PARSERS: { [K in Answer['type']]: (v: Obj, runId: number) => Extract<Answer, { type: K }> | null } = {
  surface: (v, r) => {
    const result = parseSurfaceResult(own(v, 'result'));
    return result && { type: 'surface', runId: r, result };
  },
  exported: (v, r) => {
    const requestId = own(v, 'requestId');
    const snapshot = parseRunSnapshot(own(v, 'snapshot'));
    return runId(requestId) && snapshot ? { type: 'exported', runId: r, requestId, snapshot } : null;
  },
  benchmark: (v, r) => {
    const requestId = own(v, 'requestId');
    const results = parseBenchmarkResults(own(v, 'results'));
    const error = own(v, 'error');
    if (!runId(requestId) || !results || !(error === null || typeof error === 'string')) return null;
    return { type: 'benchmark', runId: r, requestId, results, error: error === null ? null : error.slice(0, 500) };
  },
};
