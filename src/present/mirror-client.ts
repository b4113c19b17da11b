/**
 * A speaker window's LabClient: no worker of its own, but the owner's (the audience window's) events, arriving over
 * the presentation's channel. The mirror's lab (mirror-lab.ts) is an ordinary createLab on this client, so it draws
 * the owner's frames exactly as the owner does; its own commands only keep its books (which run it is on, how many
 * commands it sent) and never leave this window — what the speaker asks for goes to the owner as a LabActions call
 * (`call`), and comes back as the owner's events.
 *
 * Two numberings meet here. The owner's events carry the owner's run ids; the mirror's lab drops any run but its own.
 * So when the owner starts a run (or a new owner appears) the mirror's lab starts one too (`onNewRun`), and each event
 * of the owner's current run is re-addressed to the mirror's current run; any other run's events go to run −1, which
 * the lab drops as stale. Likewise a frame's `handled` (commands the worker had handled) is counted against the
 * owner's commands: re-expressed against the mirror's, it says the same thing — the worker is behind by
 * (owner's sent − handled) — so the mirror's "synced" is true exactly when the owner's is.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { LabClient } from '../worker/client';
import type { Command, Frame, WorkerEvent } from '../worker/protocol';
import type { Control, OwnerMessage, PresentationState, RunPicture } from './channel-messages';
import { newId } from './channel';
import type { PresentChannel } from './channel';
import { HEARTBEAT_MS } from './owner-relay';

/** waiting: no owner heard yet; connected: following one; reconnecting: the owner left or fell silent. */
export type Connection = 'waiting' | 'connected' | 'reconnecting';

export interface MirrorStatus {
  connection: Connection;
  /** the owner's presentation state, as last heard */
  state: PresentationState | null;
}

export interface MirrorClient extends LabClient {
  /** this mirror's id */
  readonly id: string;
  readonly status: StoreApi<MirrorStatus>;
  /** asks the owner's lab to run one of its LabActions */
  call(name: string, args: unknown[]): void;
  /** asks the owner's page to move the step or blank the screen */
  control(c: Control): void;
  /** set by the mirror's lab: start a new local run (the owner started one) */
  onNewRun: (() => void) | null;
  /** set by the mirror's lab: show this picture of the run (history, metric points, latest metric, spectra, output) */
  onPicture: ((p: RunPicture) => void) | null;
  /** says hello to the owner: call once the lab listens (the owner answers with a snapshot) */
  connect(): void;
}

export interface MirrorOptions {
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** Silence (ms) after which a connected mirror says "reconnecting…" and starts asking again: three missed beats. */
export const SILENCE_MS = 3 * HEARTBEAT_MS;

export function createMirrorClient(channel: PresentChannel, opts: MirrorOptions = {}): MirrorClient {
  const id = newId();
  const now = opts.now ?? (() => Date.now());
  const status = createStore<MirrorStatus>(() => ({ connection: 'waiting', state: null }));
  const listeners = new Set<(e: WorkerEvent) => void>();
  const emit = (e: WorkerEvent) => listeners.forEach((l) => l(e));
  /** the owner followed, and its current run */
  let owner: string | null = null;
  let ownerRun: number | null = null;
  let ownerSent = 0;
  /** the mirror lab's current run and the commands it sent in it (as its store counts them) */
  let myRun = -1;
  let mySent = 0;
  /** the latest frame of the current run, as the owner sent it */
  let lastFrame: Frame | null = null;
  /**
   * The owner's frames wait here until the mirror's lab has drawn (acked) the one before, as the worker waits for
   * the owner's ack: a lab draws only the newest of the frames that arrive between two animation frames, so without
   * this a slower speaker window would drop the metric points of the others and its curve would differ.
   */
  let queue: Frame[] = [];
  let inFlight = false;
  let lastHeard = now();
  let disposed = false;

  const hello = () => channel.post({ kind: 'hello', from: id });

  const startRun = (from: string, run: number, sent: number) => {
    owner = from;
    ownerRun = run;
    ownerSent = sent;
    lastFrame = null;
    // the lab drops its undrawn frame with its run, unacked
    queue = [];
    inFlight = false;
    client.onNewRun?.();
  };

  /** the owner's frame, re-addressed: its `handled` counted against the mirror's commands */
  const localFrame = (f: Frame): Frame => ({ ...f, handled: Math.max(0, mySent - Math.max(0, ownerSent - f.handled)) });

  const pump = () => {
    if (inFlight || queue.length === 0) return;
    inFlight = true;
    emit({ type: 'frame', runId: myRun, frame: localFrame(queue.shift()!) });
  };
  const queueFrame = (f: Frame) => {
    // a window that cannot keep up at all (hidden, busy) gets its oldest frames merged: every step, fewer pictures
    if (queue.length >= MAX_QUEUE) queue.splice(0, 2, merged(queue[0], queue[1]));
    queue.push(f);
    pump();
  };

  const deliver = (e: WorkerEvent, run: number) => {
    const current = e.runId === run;
    if (e.type === 'frame' && current) {
      lastFrame = e.frame;
      queueFrame(e.frame);
    } else emit({ ...e, runId: current ? myRun : -1 } as WorkerEvent);
  };

  const onMessage = (msg: OwnerMessage) => {
    if (msg.kind === 'owner') {
      // a new (or reloaded) owner: follow it from its snapshot
      if (msg.from !== owner && status.getState().connection === 'connected') status.setState({ connection: 'reconnecting' });
      hello();
      return;
    }
    if (msg.kind === 'bye') {
      if (msg.from === owner) status.setState({ connection: 'reconnecting' });
      return;
    }
    if (msg.kind === 'snapshot') {
      if (msg.to !== id) return;
      startRun(msg.from, msg.run, msg.sent);
      status.setState({ connection: 'connected', state: msg.state });
      msg.events.forEach((e) => deliver(e, msg.run));
      client.onPicture?.(msg.picture);
      if (msg.frame) deliver({ type: 'frame', runId: msg.run, frame: msg.frame }, msg.run);
      return;
    }
    // everything else comes from the owner followed; a second owner's traffic (a duplicated tab) is not mixed in
    if (msg.from !== owner) {
      if (status.getState().connection !== 'connected') hello();
      return;
    }
    status.setState({ connection: 'connected' });
    switch (msg.kind) {
      case 'state':
        status.setState({ state: msg.state });
        break;
      case 'run':
        startRun(msg.from, msg.run, msg.sent);
        break;
      case 'picture':
        if (msg.run === ownerRun) client.onPicture?.(msg.picture);
        break;
      case 'sent':
        if (msg.run !== ownerRun) break;
        ownerSent = msg.sent;
        // the owner's worker is now one command further behind: say so with the same frame, adding nothing (a frame
        // still queued will say it when it is drawn)
        if (lastFrame && queue.length === 0) queueFrame({ ...lastFrame, history: emptyHistory(), metric: null, spectral: null, output: null });
        break;
      case 'event':
        if (msg.run !== ownerRun) startRun(msg.from, msg.run, msg.sent);
        ownerSent = msg.sent;
        deliver(msg.event, msg.run);
        break;
    }
  };

  const unsubscribe = channel.subscribe((msg) => {
    // another speaker window's requests, and its bye (an owner's bye comes from the owner followed)
    if (disposed || msg.kind === 'hello' || msg.kind === 'here' || msg.kind === 'call' || msg.kind === 'control' || (msg.kind === 'bye' && msg.from !== owner)) return;
    lastHeard = now();
    onMessage(msg);
  });

  // while not connected, ask again every beat; once connected, notice an owner that went silent (closed without a bye)
  const setI = opts.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clearI = opts.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  const watch = setI(() => {
    const c = status.getState().connection;
    if (c === 'connected' && now() - lastHeard > SILENCE_MS) status.setState({ connection: 'reconnecting' });
    if (status.getState().connection !== 'connected') hello();
    // connected: tell the owner this window is still here (one that stops saying so is dropped: owner-relay.ts)
    else channel.post({ kind: 'here', from: id });
  }, HEARTBEAT_MS);

  // a speaker window closing or reloading tells the owner, which stops relaying when none is left
  const bye = () => channel.post({ kind: 'bye', from: id });
  if (typeof window !== 'undefined') window.addEventListener('pagehide', bye);

  const client: MirrorClient = {
    id,
    mode: 'in-process',
    status,
    onNewRun: null,
    onPicture: null,
    send(cmd: Command) {
      // the mirror lab's own commands keep its books; the owner's lab does the work
      if (cmd.type === 'ack') {
        inFlight = false;
        pump();
        return;
      }
      // the commands that start a run (as the lab's startRun sends them), then every command of it but a surface request
      if (cmd.type === 'configure' || cmd.type === 'reset' || cmd.type === 'importRun') {
        myRun = cmd.runId;
        mySent = 0;
      }
      if (cmd.type !== 'surface' && cmd.runId === myRun) mySent++;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart: hello,
    connect: hello,
    call: (name, args) => channel.post({ kind: 'call', from: id, name, args }),
    control: (c) => channel.post({ kind: 'control', from: id, control: c }),
    dispose() {
      bye();
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', bye);
      disposed = true;
      clearI(watch);
      unsubscribe();
      listeners.clear();
    },
  };
  return client;
}

/** Frames queued for a window that does not draw them (hidden, busy) beyond which the oldest two merge. */
const MAX_QUEUE = 32;

/** Two frames as one: both frames' steps, the later one's state (and the earlier one's costly parts it lacks). */
function merged(a: Frame, b: Frame): Frame {
  const join = <T extends Float64Array | Uint8Array>(x: T, y: T): T => {
    const out = new (x.constructor as new (n: number) => T)(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  const h = { step: join(a.history.step, b.history.step), loss: join(a.history.loss, b.history.loss), gradNorm: join(a.history.gradNorm, b.history.gradNorm), gradNormClipped: join(a.history.gradNormClipped, b.history.gradNormClipped), clipped: join(a.history.clipped, b.history.clipped) };
  return { ...b, history: h, metric: b.metric ?? a.metric, spectral: b.spectral ?? a.spectral, output: b.output ?? a.output };
}

const emptyHistory = (): Frame['history'] => ({ step: new Float64Array(0), loss: new Float64Array(0), gradNorm: new Float64Array(0), gradNormClipped: new Float64Array(0), clipped: new Uint8Array(0) });
