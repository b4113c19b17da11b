/**
 * Saved runs: the file "Save run" writes and "Open run…" reads (format 'unrolled-run', version 1; the fields are in
 * docs/engine.md, "Saved runs"). A run file holds the engine's RunSnapshot — config, θ, the optimizer's state, the
 * trainer's step, figures and divergence, the data stream's RNG — and the page's training history, so an opened run
 * goes on exactly where it was. Float64 arrays are base64 of their little-endian bytes (float64-base64.ts); the
 * other numbers are JSON numbers, which JavaScript writes and reads back exactly (finite doubles; −0 never occurs).
 *
 * Reading trusts nothing: a file is checked here (envelope, history) and by the engine itself (a Session built from
 * its config takes its snapshot: sizes, finiteness, consistency) before the page does anything with it, and every
 * refusal is one sentence that never quotes the file's own text at length.
 */
import { createSession } from '../engine/create-session';
import type { AnySession } from '../engine/create-session';
import type { RunSnapshot } from '../engine/snapshot';
import { decodeFloat64, encodeFloat64 } from './float64-base64';
import type { HistoryState, PointRing, TrainingHistory } from './history';

export const RUN_FILE_FORMAT = 'unrolled-run';
export const RUN_FILE_VERSION = 1;
/** package.json's version (test/state/run-file.test.ts checks they agree): the app that wrote a file */
export const APP_VERSION = '0.1.0';
/** The largest file "Open run…" reads (the largest network's θ and moments with a long text stay under 6 MB). */
export const MAX_RUN_FILE_BYTES = 20 * 1024 * 1024;
/** The page's history capacity (TrainingHistory, PointRing defaults): a file may not hold more. */
const HISTORY_POINTS = 2048;
const METRIC_POINTS = 512;

/** A saved run, decoded: what the engine continues from and what the page had drawn of it. */
export interface RunFile {
  appVersion: string;
  /** when it was saved (ISO 8601, UTC) */
  savedAt: string;
  snapshot: RunSnapshot;
  history: HistoryState;
  /** the task metric's points, oldest first */
  metrics: { step: Float64Array; value: Float64Array };
}

/** A RunFile of a run at its snapshot's step, with the page's history and metric points of the same run. */
export function makeRunFile(snapshot: RunSnapshot, history: TrainingHistory, metrics: PointRing, now = new Date()): RunFile {
  return { appVersion: APP_VERSION, savedAt: now.toISOString(), snapshot, history: history.state(), metrics: metrics.points() };
}

/** `unrolled-run-<task>-step<N>.json` */
export function runFileName(f: RunFile): string {
  return `unrolled-run-${f.snapshot.config.task.kind}-step${f.snapshot.trainer.step}.json`;
}

/** The file's text: JSON, the arrays as base64. */
export function encodeRunFile(f: RunFile): string {
  const { config, theta, optimizer, trainer, data } = f.snapshot;
  const h = f.history;
  const file = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    appVersion: f.appVersion,
    savedAt: f.savedAt,
    snapshot: {
      config,
      theta: encodeFloat64(theta),
      optimizer: { kind: optimizer.kind, t: optimizer.t, m: encodeFloat64(optimizer.m), v: encodeFloat64(optimizer.v) },
      trainer,
      data,
    },
    history: {
      stride: h.stride,
      step: encodeFloat64(h.step),
      loss: encodeFloat64(h.loss),
      gradNorm: encodeFloat64(h.gradNorm),
      gradNormClipped: encodeFloat64(h.gradNormClipped),
      clipped: encodeFloat64(h.clipped),
      partial: h.partial,
    },
    metrics: { step: encodeFloat64(f.metrics.step), value: encodeFloat64(f.metrics.value) },
  };
  return JSON.stringify(file, null, 2);
}

/** Why a file was refused: one sentence for people. */
class Refusal extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(o: Record<string, unknown>, key: string, path: string): Record<string, unknown> {
  const v = o[key];
  if (!Object.hasOwn(o, key) || !isObj(v)) throw new Refusal(`${path}${key} is missing or not an object.`);
  return v;
}

function doubles(o: Record<string, unknown>, key: string, path: string): Float64Array {
  const v = Object.hasOwn(o, key) ? decodeFloat64(o[key]) : null;
  if (!v) throw new Refusal(`${path}${key} is not base64 of doubles.`);
  return v;
}

function wholeNumber(v: unknown, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) throw new Refusal(`${what} must be a whole number from ${min} to ${max}.`);
  return v;
}

function finiteNumber(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Refusal(`${what} must be a finite number.`);
  return v;
}

const allFinite = (a: Float64Array) => a.every(Number.isFinite);

/** The envelope: format, version, app version, date. */
function checkEnvelope(raw: unknown): { appVersion: string; savedAt: string } {
  if (!isObj(raw) || raw.format !== RUN_FILE_FORMAT) throw new Refusal(`It is not an Unrolled run file (its "format" is not "${RUN_FILE_FORMAT}").`);
  const v = raw.version;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > RUN_FILE_VERSION) {
    throw new Refusal(`It was saved by a newer version of Unrolled (run file version ${v}); this version reads version ${RUN_FILE_VERSION}.`);
  }
  if (v !== RUN_FILE_VERSION) throw new Refusal(`Its "version" is not a run file version this page knows (${RUN_FILE_VERSION}).`);
  const { appVersion, savedAt } = raw;
  if (typeof appVersion !== 'string' || !/^[0-9A-Za-z.+-]{1,32}$/.test(appVersion)) throw new Refusal('Its "appVersion" is not a version number.');
  if (typeof savedAt !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/.test(savedAt)) throw new Refusal('Its "savedAt" is not a date.');
  return { appVersion, savedAt };
}

/** The snapshot's arrays decoded; its other fields are left for the engine to check. */
function readSnapshot(raw: Record<string, unknown>): RunSnapshot {
  const s = object(raw, 'snapshot', '');
  const optimizer = object(s, 'optimizer', 'snapshot.');
  return {
    ...s,
    theta: doubles(s, 'theta', 'snapshot.'),
    optimizer: { ...optimizer, m: doubles(optimizer, 'm', 'snapshot.optimizer.'), v: doubles(optimizer, 'v', 'snapshot.optimizer.') },
  } as RunSnapshot;
}

/** The page's history: consistent in itself and ending at the snapshot's step. */
function readHistory(raw: Record<string, unknown>, step: number): HistoryState {
  const h = object(raw, 'history', '');
  const stride = wholeNumber(h.stride, 1, 2 ** 40, 'history.stride');
  if (!Number.isInteger(Math.log2(stride))) throw new Refusal('history.stride must be a power of 2.');
  const arrays = (['step', 'loss', 'gradNorm', 'gradNormClipped', 'clipped'] as const).map((k) => doubles(h, k, 'history.'));
  const [steps, loss, gradNorm, gradNormClipped, clipped] = arrays;
  const n = steps.length;
  if (n > HISTORY_POINTS || arrays.some((a) => a.length !== n)) throw new Refusal(`history must hold at most ${HISTORY_POINTS} points, the same number in each array.`);
  if (![loss, gradNorm, gradNormClipped].every(allFinite)) throw new Refusal('history holds a value that is not a finite number.');
  for (let i = 0; i < n; i++) {
    if (!Number.isSafeInteger(steps[i]) || steps[i] < 1 || (i > 0 && steps[i] <= steps[i - 1])) throw new Refusal('history.step must count up in whole steps from 1.');
    if (!Number.isInteger(clipped[i]) || clipped[i] < 0 || clipped[i] > stride) throw new Refusal('history.clipped must count clipped steps.');
  }
  const p = object(h, 'partial', 'history.');
  const partial = {
    n: wholeNumber(p.n, 0, stride - 1, 'history.partial.n'),
    step: wholeNumber(p.step, 0, Number.MAX_SAFE_INTEGER, 'history.partial.step'),
    loss: finiteNumber(p.loss, 'history.partial.loss'),
    gradNorm: finiteNumber(p.gradNorm, 'history.partial.gradNorm'),
    gradNormClipped: finiteNumber(p.gradNormClipped, 'history.partial.gradNormClipped'),
    clipped: wholeNumber(p.clipped, 0, stride, 'history.partial.clipped'),
  };
  const last = partial.n > 0 ? partial.step : n > 0 ? steps[n - 1] : 0;
  if (partial.n > 0 && n > 0 && partial.step <= steps[n - 1]) throw new Refusal('history.partial must come after the last point.');
  if (last !== step) throw new Refusal(`The history ends at step ${last} but the run is at step ${step}.`);
  return { stride, step: steps, loss, gradNorm, gradNormClipped, clipped, partial };
}

function readMetrics(raw: Record<string, unknown>, step: number): RunFile['metrics'] {
  const m = object(raw, 'metrics', '');
  const steps = doubles(m, 'step', 'metrics.');
  const value = doubles(m, 'value', 'metrics.');
  if (steps.length !== value.length || steps.length > METRIC_POINTS) throw new Refusal(`metrics must hold at most ${METRIC_POINTS} points, a value for each step.`);
  if (!allFinite(value)) throw new Refusal('metrics holds a value that is not a finite number.');
  for (let i = 0; i < steps.length; i++) {
    if (!Number.isSafeInteger(steps[i]) || steps[i] < 0 || steps[i] > step || (i > 0 && steps[i] < steps[i - 1])) throw new Refusal('metrics.step must count up in whole steps, none after the run’s.');
  }
  return { step: steps, value };
}

/**
 * A run file read from its text, or why not — never an exception. Beyond the shape, the engine itself takes the
 * snapshot (a session built from its config: createSession), so a file that opens here is one the worker will run.
 */
export function decodeRunFile(text: string): { ok: true; file: RunFile } | { ok: false; message: string } {
  const refuse = (why: string) => ({ ok: false as const, message: `This run cannot be opened: ${why}` });
  if (text.length > MAX_RUN_FILE_BYTES) return refuse(`the file is larger than ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('the file is not JSON.');
  }
  try {
    const { appVersion, savedAt } = checkEnvelope(raw);
    const r = raw as Record<string, unknown>;
    const snapshot = readSnapshot(r);
    let session: AnySession;
    try {
      // the engine checks the rest: a config it refuses, arrays of the wrong size, NaN, an edited step…
      session = createSession(snapshot.config ?? null);
      session.restore(snapshot);
    } catch (e) {
      throw new Refusal(`${e instanceof Error ? e.message : String(e)}.`);
    }
    const step = session.step;
    return { ok: true, file: { appVersion, savedAt, snapshot: session.snapshot(), history: readHistory(r, step), metrics: readMetrics(r, step) } };
  } catch (e) {
    if (e instanceof Refusal) return refuse(e.message.charAt(0).toLowerCase() + e.message.slice(1));
    return refuse('the file could not be read.');
  }
}
