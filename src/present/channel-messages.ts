/**
 * The messages between the audience window (the owner: it runs the worker) and a speaker window (a mirror) of one
 * presentation, over a BroadcastChannel. Anything on the channel is untrusted input — another tab of the same site,
 * an older build, a bug — so each message is parsed here into one of these types or refused (null); a worker event
 * inside one is checked as carefully as the worker's own commands are (protocol.ts parseCommand).
 */
import type { SpectralInfo } from '../engine/session';
import type { TaskMetric } from '../engine/tasks/task';
import type { HistoryState } from '../state/history';
import type { Frame, TaskOutput, WorkerEvent } from '../worker/protocol';
import { parseEvent, parseFrame, parseMetric, parseSpectral } from './parse-events';
import { parseOutput } from './parse-outputs';
import { count, f64, f64n, finite, isObj, list, own, runId, steps, str } from './parse-values';

// the worker events' parser lives in parse-events.ts (with parse-record, parse-outputs, parse-answers); the lab's tests and the mirror read it from here
export { parseEvent };

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
  /** a connected mirror is still there (every beat): an owner that stops hearing it stops relaying for it */
  | { kind: 'here'; from: string }
  /** a LabActions call by name, carried out by the owner's lab as its own */
  | { kind: 'call'; from: string; name: string; args: unknown[] }
  | { kind: 'control'; from: string; control: Control }
  /** the speaker window is going away: the owner stops relaying when no mirror is left */
  | { kind: 'bye'; from: string };

export type ChannelMessage = OwnerMessage | MirrorMessage;

/** A parsed message, or why it was refused (for the console warning). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };
const refuse = (why: string): { ok: false; why: string } => ({ ok: false, why });

/** ids we make are 6–32 letters and digits (see newId) */
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9]{6,32}$/.test(v);

export function parseState(v: unknown): PresentationState | null {
  if (!isObj(v)) return null;
  const [l, step, blackout, speed] = ['lesson', 'step', 'blackout', 'speed'].map((k) => own(v, k));
  const lesson = l === null ? null : str(l, 40) ? l : undefined;
  if (lesson === undefined || !count(step) || typeof blackout !== 'boolean' || !finite(speed) || speed < 0) return null;
  return { lesson, step, blackout, speed };
}

function parseControl(v: unknown): Control | null {
  if (!isObj(v)) return null;
  const [type, step, on] = [own(v, 'type'), own(v, 'step'), own(v, 'on')];
  if (type === 'goto' && count(step)) return { type: 'goto', step };
  if (type === 'blackout' && typeof on === 'boolean') return { type: 'blackout', on };
  return null;
}

/** The most points a history or the metric's ring may bring (the page's own hold 2,048 and 512). */
const MAX_POINTS = 4096;

function parseHistory(v: unknown): HistoryState | null {
  if (!isObj(v)) return null;
  const [stride, step, loss, gradNorm, gradNormClipped, clipped, p] = ['stride', 'step', 'loss', 'gradNorm', 'gradNormClipped', 'clipped', 'partial'].map((k) => own(v, k));
  if (!count(stride) || stride < 1 || !isObj(p) || !f64(step) || step.length > MAX_POINTS || !steps(step)) return null;
  const n = step.length;
  // a point's clipped figure counts the clipped steps it covers (a Float64Array here, unlike a chunk's flags)
  if (!f64n(loss, n) || !f64n(gradNorm, n) || !f64n(gradNormClipped, n) || !f64n(clipped, n)) return null;
  const [pn, ps, pl, pg, pgc, pc] = ['n', 'step', 'loss', 'gradNorm', 'gradNormClipped', 'clipped'].map((k) => own(p, k));
  if (!count(pn) || pn >= stride || !finite(ps) || !finite(pl) || !finite(pg) || !finite(pgc) || !finite(pc)) return null;
  return { stride, step, loss, gradNorm, gradNormClipped, clipped, partial: { n: pn, step: ps, loss: pl, gradNorm: pg, gradNormClipped: pgc, clipped: pc } };
}

function parsePicture(v: unknown): RunPicture | null {
  if (!isObj(v)) return null;
  const [h, m, rawMetric, s, o] = ['history', 'metrics', 'metric', 'spectral', 'output'].map((k) => own(v, k));
  const history = parseHistory(h);
  if (!history || !isObj(m)) return null;
  const [step, value] = [own(m, 'step'), own(m, 'value')];
  if (!f64(step) || step.length > MAX_POINTS || !steps(step) || !f64n(value, step.length)) return null;
  const metric = rawMetric === null ? null : parseMetric(rawMetric);
  const spectral = s === null ? null : parseSpectral(s);
  const output = o === null ? null : parseOutput(o);
  if ((rawMetric !== null && !metric) || (s !== null && !spectral) || (o !== null && !output)) return null;
  return { history, metrics: { step, value }, metric, spectral, output };
}

/**
 * A message from the channel, or why it was refused. Never throws: every part is checked before it is read, and should
 * a check itself fail on data no test foresaw, the message is refused like any other rather than break the channel.
 */
export function parseMessage(data: unknown): Parsed<ChannelMessage> {
  try {
    return parseChecked(data);
  } catch (e) {
    return refuse(`unreadable (${(e instanceof Error ? e.message : String(e)).slice(0, 80)})`);
  }
}

function parseChecked(data: unknown): Parsed<ChannelMessage> {
  if (!isObj(data)) return refuse('not an object');
  const get = (k: string) => own(data, k);
  const kind = get('kind');
  if (typeof kind !== 'string') return refuse('no kind');
  // the kind is quoted in warnings: never more of it than a kind's length
  const k = kind.slice(0, 20);
  const from = get('from');
  if (!isId(from)) return refuse(`${k}: no valid sender id`);
  const ok = <T extends ChannelMessage>(value: T): Parsed<ChannelMessage> => ({ ok: true, value });
  const [run, sent] = [get('run'), get('sent')];
  switch (kind) {
    case 'owner':
    case 'hello':
    case 'here':
    case 'bye':
      return ok({ kind, from });
    case 'state': {
      const state = parseState(get('state'));
      return state ? ok({ kind: 'state', from, state }) : refuse('state: malformed state');
    }
    case 'run':
    case 'sent':
      return runId(run) && count(sent) ? ok({ kind, from, run, sent }) : refuse(`${kind}: malformed run or count`);
    case 'event': {
      if (!runId(run) || !count(sent)) return refuse('event: malformed run or count');
      const event = parseEvent(get('event'));
      return event ? ok({ kind: 'event', from, run, sent, event }) : refuse('event: malformed worker event');
    }
    case 'snapshot': {
      const to = get('to');
      if (!isId(to) || !runId(run) || !count(sent)) return refuse('snapshot: malformed address, run or count');
      const state = parseState(get('state'));
      const picture = parsePicture(get('picture'));
      const rawFrame = get('frame');
      const frame = rawFrame === null ? null : parseFrame(rawFrame);
      const rawEvents = get('events');
      // the owner sends the run's ready and what stopped it: a handful
      const events = list(rawEvents, 8) ? rawEvents.map(parseEvent) : [null];
      if (!state || !picture || (rawFrame !== null && !frame) || events.some((e) => e === null)) return refuse('snapshot: malformed part');
      return ok({ kind: 'snapshot', from, to, run, sent, state, events: events as WorkerEvent[], picture, frame });
    }
    case 'picture': {
      const picture = parsePicture(get('picture'));
      return runId(run) && picture ? ok({ kind: 'picture', from, run, picture }) : refuse('picture: malformed run or picture');
    }
    case 'call': {
      const [name, args] = [get('name'), get('args')];
      if (typeof name !== 'string' || !/^[a-zA-Z]{1,40}$/.test(name)) return refuse('call: not an action name');
      // each argument is checked against the action it is for (action-args.ts) by the owner that runs it
      if (!list(args, 4)) return refuse(`call ${name}: arguments are not a short list`);
      return ok({ kind: 'call', from, name, args });
    }
    case 'control': {
      const control = parseControl(get('control'));
      return control ? ok({ kind: 'control', from, control }) : refuse('control: malformed');
    }
    default:
      return refuse(`unknown kind ${JSON.stringify(k)}`);
  }
}
