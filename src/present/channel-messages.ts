/**
 * The messages between the audience window (the owner: it runs the worker) and a speaker window (a mirror) of one
 * presentation, over a BroadcastChannel. Anything on the channel is untrusted input — another tab of the same site,
 * an older build, a bug — so each message is parsed here into one of these types or refused (null); a worker event
 * inside one is checked as carefully as the worker's own commands are (protocol.ts parseCommand).
 */
import { normalizeConfig } from '../engine/config';
import type { SpectralInfo } from '../engine/session';
import type { TaskMetric } from '../engine/tasks/task';
import type { HistoryState } from '../state/history';
import type { Frame, HistoryChunk, RunInfo, TaskOutput, WorkerEvent } from '../worker/protocol';

/** What both windows show besides the run: the lesson step, the blank screen, the speed. */
export interface PresentationState {
  /** the lesson's id, or null in the lab */
  lesson: string | null;
  /** the lesson step, 0-based (0 in the lab) */
  step: number;
  blackout: boolean;
  /** the owner's training speed (steps per second, 0 = max), for the mirror's speed menu */
  speed: number;
}

/** A speaker window's request about the presentation itself (the run's requests are LabActions calls). */
export type Control = { type: 'goto'; step: number } | { type: 'blackout'; on: boolean };

/**
 * What the owner's page shows of its run besides the latest frame: the training curve's whole memory (a
 * TrainingHistory's state, loaded as it is: the very same points), the task metric's points, and the latest metric,
 * spectra and output (a frame carries them only when they were recomputed).
 */
export interface RunPicture {
  history: HistoryState;
  metrics: { step: Float64Array; value: Float64Array };
  metric: TaskMetric | null;
  spectral: SpectralInfo[] | null;
  output: TaskOutput | null;
}

/** Owner → mirrors. `from` is the owner's id (a reloaded owner has a new one); `run` and `sent` are its lab's. */
export type OwnerMessage =
  /** an owner has (re)started: mirrors say hello to catch up */
  | { kind: 'owner'; from: string }
  /** the presentation state, sent on every change and every 2 s (the heartbeat) */
  | { kind: 'state'; from: string; state: PresentationState }
  /** the owner's lab started run `run` (a reset, a new config) */
  | { kind: 'run'; from: string; run: number; sent: number }
  /** the owner's lab sent a command (so its worker is behind by one more) */
  | { kind: 'sent'; from: string; run: number; sent: number }
  /** a worker event the owner's lab received, cloned, tagged with the owner's run and command count */
  | { kind: 'event'; from: string; run: number; sent: number; event: WorkerEvent }
  /** the catch-up for the mirror `to`: the run's latest 'ready', divergence or failure, what the page shows of it, and
   * its latest frame carrying the steps the page has not drawn yet */
  | { kind: 'snapshot'; from: string; to: string; run: number; sent: number; state: PresentationState; events: WorkerEvent[]; picture: RunPicture; frame: Frame | null }
  /** the page's picture of run `run` changed other than by frames (an opened run file brought its history) */
  | { kind: 'picture'; from: string; run: number; picture: RunPicture }
  /** the owner window is going away (closed or reloading) */
  | { kind: 'bye'; from: string };

/** Mirror → owner. */
export type MirrorMessage =
  /** a mirror (re)connected: the owner answers with a snapshot */
  | { kind: 'hello'; from: string }
  /** a LabActions call by name, carried out by the owner's lab as its own */
  | { kind: 'call'; from: string; name: string; args: unknown[] }
  | { kind: 'control'; from: string; control: Control }
  /** the speaker window is going away: the owner stops relaying when no mirror is left */
  | { kind: 'bye'; from: string };

export type ChannelMessage = OwnerMessage | MirrorMessage;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const runId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
/** ids we make are 6–32 letters and digits (see newId) */
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9]{6,32}$/.test(v);
// by tag, not instanceof: a clone may come from another realm's constructors (a test's, an iframe's)
const tag = (v: unknown): string => Object.prototype.toString.call(v);
const f64 = (v: unknown): v is Float64Array => tag(v) === '[object Float64Array]';
const u8 = (v: unknown): v is Uint8Array => tag(v) === '[object Uint8Array]';

/** A parsed message, or why it was refused (for the console warning). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };
const refuse = (why: string): { ok: false; why: string } => ({ ok: false, why });

export function parseState(v: unknown): PresentationState | null {
  if (!isObj(v)) return null;
  const lesson = v.lesson === null ? null : typeof v.lesson === 'string' && v.lesson.length <= 40 ? v.lesson : undefined;
  if (lesson === undefined || !count(v.step) || typeof v.blackout !== 'boolean' || !finite(v.speed) || v.speed < 0) return null;
  return { lesson, step: v.step, blackout: v.blackout, speed: v.speed };
}

function parseControl(v: unknown): Control | null {
  if (!isObj(v)) return null;
  if (v.type === 'goto' && count(v.step)) return { type: 'goto', step: v.step };
  if (v.type === 'blackout' && typeof v.on === 'boolean') return { type: 'blackout', on: v.on };
  return null;
}

function parseChunk(v: unknown): HistoryChunk | null {
  if (!isObj(v)) return null;
  const { step, loss, gradNorm, gradNormClipped, clipped } = v;
  if (!f64(step) || !f64(loss) || !f64(gradNorm) || !f64(gradNormClipped) || !u8(clipped)) return null;
  const n = step.length;
  return loss.length === n && gradNorm.length === n && gradNormClipped.length === n && clipped.length === n ? { step, loss, gradNorm, gradNormClipped, clipped } : null;
}

/** The arrays of an InspectRecord and their types (mask is bytes; the rest Float64). */
const RECORD_F64 = ['inputs', 'targets', 'h', 'c', 'gates', 'preX', 'preH', 'preB', 'y', 'p', 'losses', 'dh', 'dc', 'flowH', 'flowC', 'blockGradNorms'] as const;

function recordOk(r: unknown): boolean {
  if (!isObj(r)) return false;
  if (![r.T, r.H, r.I, r.O].every(count) || typeof r.cell !== 'string' || !Array.isArray(r.gateNames)) return false;
  if (!u8(r.mask) || !RECORD_F64.every((k) => f64(r[k]))) return false;
  const T = r.T as number;
  const H = r.H as number;
  // the per-step arrays the views index by (t, unit): the wrong size would read past the data
  return (r.h as Float64Array).length === T * H && (r.mask as Uint8Array).length === T && (r.losses as Float64Array).length === T && (r.gates as Float64Array).length % Math.max(1, T * H) === 0;
}

function parseFrame(v: unknown): Frame | null {
  if (!isObj(v)) return null;
  if (!finite(v.frameId) || !count(v.step) || !count(v.handled) || !finite(v.stepsPerSecond) || typeof v.playing !== 'boolean') return null;
  const history = parseChunk(v.history);
  if (!history || !recordOk(v.record)) return null;
  const metric = v.metric;
  if (metric !== null && !(isObj(metric) && finite(metric.step) && isObj(metric.value) && typeof metric.value.name === 'string' && typeof metric.value.value === 'number')) return null;
  if (v.spectral !== null && !Array.isArray(v.spectral)) return null;
  if (v.output !== null && !(isObj(v.output) && typeof v.output.kind === 'string')) return null;
  return { ...(v as unknown as Frame), history };
}

function parseInfo(v: unknown): RunInfo | null {
  if (!isObj(v) || !runId(v.configRunId) || !isObj(v.task) || !isObj(v.model) || !Array.isArray(v.model.blocks)) return null;
  if (!Array.isArray(v.notes) || !v.notes.every((n) => typeof n === 'string')) return null;
  if (!isObj(v.config)) return null;
  // the owner sends a config its worker normalized; normalizing again makes anything else a valid config too
  const { config } = normalizeConfig(v.config);
  return { ...(v as unknown as RunInfo), config, notes: v.notes.slice(0, 20).map((n) => n.slice(0, 500)) };
}

/**
 * A worker event from channel data. The known types are checked field by field; a type this build does not know
 * (a newer protocol) passes as it is with its run id, for the lab to ignore or handle — the mirror forwards events
 * generically, so the protocol may grow without this list.
 */
export function parseEvent(v: unknown): WorkerEvent | null {
  if (!isObj(v) || typeof v.type !== 'string' || !runId(v.runId)) return null;
  const r = v.runId;
  switch (v.type) {
    case 'ready': {
      const info = parseInfo(v.info);
      // a run opened from a saved file starts at its step, not at 0
      if (info && v.step !== undefined && !count(v.step)) return null;
      return info && (v.step === undefined ? { type: 'ready', runId: r, info } : { type: 'ready', runId: r, info, step: v.step as number });
    }
    case 'frame': {
      const frame = parseFrame(v.frame);
      return frame && { type: 'frame', runId: r, frame };
    }
    case 'refused':
      return typeof v.message === 'string' ? { type: 'refused', runId: r, message: v.message.slice(0, 500) } : null;
    case 'error':
      return typeof v.message === 'string' && typeof v.recoverable === 'boolean' ? { type: 'error', runId: r, message: v.message.slice(0, 500), recoverable: v.recoverable } : null;
    case 'diverged':
      return isObj(v.divergence) && count(v.divergence.step) && typeof v.divergence.quantity === 'string' && typeof v.divergence.message === 'string' ? (v as unknown as WorkerEvent) : null;
    case 'surface':
      return isObj(v.result) && isObj(v.result.request) && f64(v.result.loss) && f64(v.result.gradNorm) ? (v as unknown as WorkerEvent) : null;
    default:
      return v as unknown as WorkerEvent;
  }
}

/** The most points a history or the metric's ring may bring (the page's own hold 2,048 and 512). */
const MAX_POINTS = 4096;

function parseHistory(v: unknown): HistoryState | null {
  if (!isObj(v) || !count(v.stride) || v.stride < 1 || !isObj(v.partial)) return null;
  const arrays = [v.step, v.loss, v.gradNorm, v.gradNormClipped, v.clipped];
  if (!arrays.every(f64)) return null;
  const n = (v.step as Float64Array).length;
  if (n > MAX_POINTS || !arrays.every((a) => (a as Float64Array).length === n)) return null;
  const p = v.partial;
  if (!count(p.n) || p.n >= v.stride || ![p.step, p.loss, p.gradNorm, p.gradNormClipped, p.clipped].every(finite)) return null;
  return v as unknown as HistoryState;
}

function parseMetric(v: unknown): TaskMetric | null | undefined {
  if (v === null) return null;
  if (!isObj(v) || typeof v.name !== 'string' || typeof v.value !== 'number' || typeof v.baseline !== 'number' || typeof v.baselineName !== 'string' || typeof v.higherIsBetter !== 'boolean') return undefined;
  return v as unknown as TaskMetric;
}

function parsePicture(v: unknown): RunPicture | null {
  if (!isObj(v)) return null;
  const history = parseHistory(v.history);
  const m = v.metrics;
  const metric = parseMetric(v.metric);
  if (!history || metric === undefined || !isObj(m) || !f64(m.step) || !f64(m.value) || m.step.length !== m.value.length || m.step.length > MAX_POINTS) return null;
  if (v.spectral !== null && !Array.isArray(v.spectral)) return null;
  if (v.output !== null && !(isObj(v.output) && typeof v.output.kind === 'string')) return null;
  return { history, metrics: { step: m.step, value: m.value }, metric, spectral: v.spectral as SpectralInfo[] | null, output: v.output as TaskOutput | null };
}

/** A message from the channel, or why it was refused. */
export function parseMessage(data: unknown): Parsed<ChannelMessage> {
  if (!isObj(data)) return refuse('not an object');
  if (typeof data.kind !== 'string') return refuse('no kind');
  if (!isId(data.from)) return refuse(`${data.kind}: no valid sender id`);
  const from = data.from;
  const ok = <T extends ChannelMessage>(value: T): Parsed<ChannelMessage> => ({ ok: true, value });
  switch (data.kind) {
    case 'owner':
    case 'hello':
    case 'bye':
      return ok({ kind: data.kind, from });
    case 'state': {
      const state = parseState(data.state);
      return state ? ok({ kind: 'state', from, state }) : refuse('state: malformed state');
    }
    case 'run':
    case 'sent':
      return runId(data.run) && count(data.sent) ? ok({ kind: data.kind, from, run: data.run, sent: data.sent }) : refuse(`${data.kind}: malformed run or count`);
    case 'event': {
      if (!runId(data.run) || !count(data.sent)) return refuse('event: malformed run or count');
      const event = parseEvent(data.event);
      return event ? ok({ kind: 'event', from, run: data.run, sent: data.sent, event }) : refuse('event: malformed worker event');
    }
    case 'snapshot': {
      if (!isId(data.to) || !runId(data.run) || !count(data.sent)) return refuse('snapshot: malformed address, run or count');
      const state = parseState(data.state);
      const picture = parsePicture(data.picture);
      const frame = data.frame === null ? null : parseFrame(data.frame);
      const events = Array.isArray(data.events) ? data.events.slice(0, 8).map(parseEvent) : [null];
      if (!state || !picture || (data.frame !== null && !frame) || events.some((e) => e === null)) return refuse('snapshot: malformed part');
      return ok({ kind: 'snapshot', from, to: data.to, run: data.run, sent: data.sent, state, events: events as WorkerEvent[], picture, frame });
    }
    case 'picture': {
      const picture = parsePicture(data.picture);
      return runId(data.run) && picture ? ok({ kind: 'picture', from, run: data.run, picture }) : refuse('picture: malformed run or picture');
    }
    case 'call': {
      if (typeof data.name !== 'string' || !/^[a-zA-Z]{1,40}$/.test(data.name)) return refuse('call: not an action name');
      if (!Array.isArray(data.args) || data.args.length > 4) return refuse(`call ${data.name}: arguments are not a short list`);
      return ok({ kind: 'call', from, name: data.name, args: data.args });
    }
    case 'control': {
      const control = parseControl(data.control);
      return control ? ok({ kind: 'control', from, control }) : refuse('control: malformed');
    }
    default:
      return refuse(`unknown kind ${JSON.stringify(data.kind.slice(0, 20))}`);
  }
}
