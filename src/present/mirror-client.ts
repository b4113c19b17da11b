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
import type { Control, OwnerMessage, PresentationState } from './channel-messages';
import { newId } from './channel';
import type { PresentChannel } from './channel';
import { expandSnapshot } from './history-copy';
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
  let lastHeard = now();
  let disposed = false;

  const hello = () => channel.post({ kind: 'hello', from: id });

  const startRun = (from: string, run: number, sent: number) => {
    owner = from;
    ownerRun = run;
    ownerSent = sent;
    lastFrame = null;
    client.onNewRun?.();
  };

  /** the owner's frame, re-addressed: its `handled` counted against the mirror's commands */
  const localFrame = (f: Frame): Frame => ({ ...f, handled: Math.max(0, mySent - Math.max(0, ownerSent - f.handled)) });

  const deliver = (e: WorkerEvent, run: number) => {
    const current = e.runId === run;
    if (e.type === 'frame' && current) {
      lastFrame = e.frame;
      emit({ ...e, runId: myRun, frame: localFrame(e.frame) });
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
      const chunk = expandSnapshot(msg.history);
      if (msg.frame) deliver({ type: 'frame', runId: msg.run, frame: { ...msg.frame, history: chunk } }, msg.run);
      else if (chunk.step.length > 0) console.warn('Presenter channel: a snapshot with history but no frame; the history waits for the next frame.');
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
      case 'sent':
        if (msg.run !== ownerRun) break;
        ownerSent = msg.sent;
        // the owner's worker is now one command further behind: say so with the same frame, adding nothing
        if (lastFrame) emit({ type: 'frame', runId: myRun, frame: localFrame({ ...lastFrame, history: emptyHistory(), metric: null, spectral: null, output: null }) });
        break;
      case 'event':
        if (msg.run !== ownerRun) startRun(msg.from, msg.run, msg.sent);
        ownerSent = msg.sent;
        deliver(msg.event, msg.run);
        break;
    }
  };

  const unsubscribe = channel.subscribe((msg) => {
    if (disposed || msg.kind === 'hello' || msg.kind === 'call' || msg.kind === 'control') return;
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
  }, HEARTBEAT_MS);

  const client: MirrorClient = {
    id,
    mode: 'in-process',
    status,
    onNewRun: null,
    send(cmd: Command) {
      // the mirror lab's own commands keep its books; the owner's lab does the work
      if (cmd.type === 'configure' || cmd.type === 'reset') {
        myRun = cmd.runId;
        mySent = 0;
      }
      if (cmd.type !== 'ack' && cmd.type !== 'surface' && cmd.runId === myRun) mySent++;
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
      disposed = true;
      clearI(watch);
      unsubscribe();
      listeners.clear();
    },
  };
  return client;
}

const emptyHistory = (): Frame['history'] => ({ step: new Float64Array(0), loss: new Float64Array(0), gradNorm: new Float64Array(0), gradNormClipped: new Float64Array(0), clipped: new Uint8Array(0) });
