/**
 * The audience window's half of a presentation: its lab owns the worker, and this relays to the speaker windows
 * everything the lab hears from it, generically — every worker event, whatever its type, as it arrives (posted at
 * once, so the clone is made before anything could detach the frame's arrays) — plus the runs it starts and the
 * commands it sends, and on a mirror's hello a snapshot to catch up from: what the page shows of the run, read from
 * its store (so whatever the lab does to its history — a run started over, a run file opened — the mirror gets). A mirror's requests come back as LabActions
 * calls by name, which the lab carries out as its own (so the run ids stay the owner's), and as presentation
 * controls (a lesson step, the blank screen) for the page.
 */
import type { Lab, LabActions } from '../state/lab';
import type { LabState } from '../state/store';
import type { Frame, HistoryChunk, WorkerEvent } from '../worker/protocol';
import { checkArgs } from './action-args';
import type { Control, OwnerMessage, PresentationState, RunPicture } from './channel-messages';
import { newId } from './channel';
import type { PresentChannel } from './channel';

/** The owner says it is alive this often (ms), running or not; a mirror that hears nothing for 3 beats reconnects. */
export const HEARTBEAT_MS = 2000;

export interface OwnerRelay {
  /** this owner's id (a reloaded owner has a new one) */
  readonly id: string;
  /** sends the presentation state now (the page calls it when the step or the blank screen changes) */
  announce(): void;
  dispose(): void;
}

export interface RelayOptions {
  /** the page's presentation state (lesson, step, blank screen); the relay adds the lab's speed */
  state: () => Omit<PresentationState, 'speed'>;
  /** a speaker window asked to move the step or blank the screen */
  onControl: (c: Control) => void;
  /** the actions a speaker window's calls run: the page's current ones (a lesson step's scenario may lock some); lab.actions by default */
  actions?: () => LabActions;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** milliseconds now (tests pass a fake clock) */
  now?: () => number;
}

/**
 * A speaker window not heard from for this long is gone (crashed, or closed without its bye): the relay stops
 * cloning frames for it. Three beats, as a mirror waits for its owner (mirror-client.ts SILENCE_MS).
 */
export const MIRROR_SILENCE_MS = 3 * HEARTBEAT_MS;

/** One chunk of the steps of several (the page's steps not drawn yet, handed on with the latest frame). */
function joined(chunks: HistoryChunk[]): HistoryChunk {
  const n = chunks.reduce((a, c) => a + c.step.length, 0);
  const out: HistoryChunk = { step: new Float64Array(n), loss: new Float64Array(n), gradNorm: new Float64Array(n), gradNormClipped: new Float64Array(n), clipped: new Uint8Array(n) };
  let at = 0;
  for (const c of chunks) {
    out.step.set(c.step, at);
    out.loss.set(c.loss, at);
    out.gradNorm.set(c.gradNorm, at);
    out.gradNormClipped.set(c.gradNormClipped, at);
    out.clipped.set(c.clipped, at);
    at += c.step.length;
  }
  return out;
}

/** What the page shows of its run besides frames, read from its store. */
function pictureOf(s: LabState): RunPicture {
  return { history: s.history.state(), metrics: s.metrics.points(), metric: s.metric, spectral: s.spectral, output: s.output };
}

export function createOwnerRelay(lab: Lab, channel: PresentChannel, opts: RelayOptions): OwnerRelay {
  const id = newId();
  /** the current run's 'ready', and what stopped it (a divergence, a failure): what a mirror needs besides frames */
  let lasting: WorkerEvent[] = [];
  /** the latest frame of the run, and the steps of the frames the page has received but not drawn yet */
  let frame: Frame | null = null;
  let undrawn: HistoryChunk[] = [];
  let run = lab.store.getState().runId;
  /** the speaker windows that said hello and not yet bye, and when each was last heard: with none, the frames are
   * not cloned for nobody */
  const mirrors = new Map<string, number>();
  const now = opts.now ?? (() => Date.now());
  const post = (msg: OwnerMessage) => channel.post(msg);
  const state = (): PresentationState => ({ ...opts.state(), speed: lab.store.getState().ui.speed });
  const announce = () => post({ kind: 'state', from: id, state: state() });

  const newRun = (runId: number) => {
    run = runId;
    lasting = [];
    frame = null;
    undrawn = [];
  };

  const unsubscribeEvents = lab.client.subscribe((e) => {
    const s = lab.store.getState();
    if (s.runId !== run) newRun(s.runId);
    const current = e.runId === s.runId;
    if (current && e.type === 'frame') {
      frame = e.frame;
      undrawn.push(e.frame.history);
    } else if (current && e.type === 'ready') lasting = [e];
    else if (current && (e.type === 'diverged' || (e.type === 'error' && !e.recoverable))) lasting = [...lasting, e].slice(-4);
    if (mirrors.size === 0) return;
    post({ kind: 'event', from: id, run: s.runId, sent: s.sent, event: e });
    // a run whose 'ready' comes with a history already (an opened run file): the mirrors cannot make it up themselves
    if (current && e.type === 'ready' && s.history.length > 0) post({ kind: 'picture', from: id, run: s.runId, picture: pictureOf(s) });
  });

  const unsubscribeStore = lab.store.subscribe((s, prev) => {
    if (s.runId !== run) {
      newRun(s.runId);
      post({ kind: 'run', from: id, run: s.runId, sent: s.sent });
    } else if (s.sent !== prev.sent) post({ kind: 'sent', from: id, run: s.runId, sent: s.sent });
    // the page drew what it had (or dropped it, for a run started over): its history holds every step received
    if (s.historyVersion !== prev.historyVersion) undrawn = [];
    if (s.ui.speed !== prev.ui.speed) announce();
  });

  const snapshot = (to: string) => {
    const s = lab.store.getState();
    if (s.runId !== run) newRun(s.runId);
    // the latest frame carries the steps not drawn yet; drawn, its metric is in the picture already
    const latest = frame && { ...frame, history: joined(undrawn), metric: undrawn.length > 0 ? frame.metric : null };
    post({ kind: 'snapshot', from: id, to, run, sent: s.sent, state: state(), events: lasting, picture: pictureOf(s), frame: latest });
  };
  const unsubscribeChannel = channel.subscribe((msg) => {
    // any word from a known speaker window (its beat, a call, a control) says it is still there
    if (msg.kind !== 'bye' && mirrors.has(msg.from)) mirrors.set(msg.from, now());
    if (msg.kind === 'hello') {
      mirrors.set(msg.from, now());
      snapshot(msg.from);
    } else if (msg.kind === 'bye') mirrors.delete(msg.from);
    else if (msg.kind === 'control') opts.onControl(msg.control);
    else if (msg.kind === 'call') {
      const actions = (opts.actions?.() ?? lab.actions) as unknown as Record<string, unknown>;
      const fn = Object.hasOwn(actions, msg.name) ? actions[msg.name] : undefined;
      const args = typeof fn === 'function' ? checkArgs(msg.name, msg.args) : null;
      if (typeof fn !== 'function' || !args) {
        console.warn(`Presenter channel: ignored the call ${JSON.stringify(msg.name)} (${typeof fn === 'function' ? 'its arguments are not valid' : 'no such action'}).`);
        return;
      }
      (fn as (...a: unknown[]) => unknown)(...args);
    }
  });

  const setI = opts.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clearI = opts.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  const beat = setI(() => {
    const t = now();
    for (const [m, heard] of mirrors) if (t - heard > MIRROR_SILENCE_MS) mirrors.delete(m);
    announce();
  }, HEARTBEAT_MS);
  // a closing or reloading audience window tells the speaker windows, which then wait for the next owner
  const bye = () => post({ kind: 'bye', from: id });
  if (typeof window !== 'undefined') window.addEventListener('pagehide', bye);

  post({ kind: 'owner', from: id });
  announce();
  return {
    id,
    announce,
    dispose() {
      bye();
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', bye);
      clearI(beat);
      unsubscribeEvents();
      unsubscribeStore();
      unsubscribeChannel();
    },
  };
}
