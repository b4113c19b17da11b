/**
 * Reading a saved run (run-file.ts has the format). Reading trusts nothing: a file is checked here (envelope,
 * history) and by the engine itself (a Session built from its config takes its snapshot: sizes, finiteness,
 * consistency) before the page does anything with it, and every refusal is one sentence that never quotes the
 * file's own text at length. This module brings the whole engine into the page, so the lab loads it only when a run
 * is opened (state/lab.ts importRun).
 */
import { createSession } from '../engine/create-session';
import type { AnySession } from '../engine/create-session';
import type { RunSnapshot } from '../engine/snapshot';
import { decodeFloat64 } from './float64-base64';
import type { HistoryState } from './history';
import { HISTORY_POINTS, MAX_RUN_FILE_BYTES, METRIC_POINTS, RUN_FILE_FORMAT, RUN_FILE_VERSION } from './run-file';
import type { RunFile } from './run-file';

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
