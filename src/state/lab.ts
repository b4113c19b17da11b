import { defaultConfig } from '../engine/config';
import type { SessionConfig } from '../engine/config';
import type { RunSnapshot } from '../engine/snapshot';
import { createClient } from '../worker/client';
import type { LabClient } from '../worker/client';
import { MAX_TRAIN_TO } from '../worker/protocol';
import type { Command, Frame, SurfaceRequest, WorkerEvent } from '../worker/protocol';
import { slowRunWarning } from './cost';
import { makeRunFile } from './run-file';
import type { RunFile } from './run-file';
import { taskProblem } from './precheck';
import { createLabStore } from './store';
import type { LabStore, Notice, Selection, UiSettings } from './store';

/** What the controls can ask of a lab. */
export interface LabActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  reset(): void;
  setSpeed(stepsPerSecond: number): void;
  /** a new run with this config (keeps playing if it was); false, with a notice, if the engine refuses it */
  configure(config: SessionConfig): boolean;
  select(patch: Partial<Selection>): void;
  setUi(patch: Partial<UiSettings>): void;
  dismissNotice(id: number): void;
  notify(kind: Notice['kind'], text: string): void;
  /** replaces a crashed worker and starts the current config again */
  restartWorker(): void;
  /** asks the worker for the error surface; its answer lands in `surface` */
  requestSurface(request: SurfaceRequest): void;
  /**
   * trains at full speed, drawing nothing, to exactly step `step` (0…MAX_TRAIN_TO), then shows it paused; behind
   * the current step the run starts again from its seed. `jumping` says how far it got. false, with a notice, if
   * `step` is not such a number. Play, pause, step, reset or a new config end it.
   */
  trainTo(step: number): boolean;
  /** the run as it stands (paused first), with the page's history of it, ready to save */
  exportRun(): Promise<RunFile>;
  /**
   * continues a saved run (a run file's text) where it was, paused, its history in the store; false, with a notice
   * saying why, for a file that is not a run this page can continue — the current run then goes on untouched.
   * Resolves once the file is read: its reader (which brings the engine, to check the snapshot) loads on first use
   */
  importRun(text: string): Promise<boolean>;
}

/** What a lab was asked to do to its run, as it happened (for labs that follow another, e.g. the comparison). */
export type LabCommand =
  | { type: 'play' | 'pause' | 'step' | 'reset' }
  | { type: 'configure'; config: SessionConfig }
  | { type: 'speed'; stepsPerSecond: number }
  | { type: 'trainTo'; step: number };

/** One widget: its store, its worker client and the actions that tie them. */
export interface Lab {
  store: LabStore;
  client: LabClient;
  actions: LabActions;
  /** hears every run command the actions carry out (play, pause, step, reset, an accepted configure, speed, trainTo;
   * an opened run is told as its configure then a trainTo to its step); returns the unsubscribe */
  onCommand(listener: (c: LabCommand) => void): () => void;
  dispose(): void;
}

export interface LabOptions {
  config: SessionConfig;
  ui: UiSettings;
  notices?: Notice[];
  /** defaults to a worker client (in-process where Worker is absent) */
  client?: LabClient;
  /** frame scheduler, requestAnimationFrame by default */
  raf?: (cb: () => void) => unknown;
  /** why a config cannot run, checked before it is sent (default: the task cannot be built); null = send it */
  precheck?: (config: SessionConfig) => string | null;
}

let noticeIds = 1;

/**
 * Creates a lab and starts its first run. Frames are committed to the store at most once per
 * animation frame, then acknowledged (the worker waits for the ack before sending the next one).
 */
export function createLab(opts: LabOptions): Lab {
  const store = createLabStore(opts.config, opts.ui, opts.notices ?? []);
  const client = opts.client ?? createClient();
  const raf = opts.raf ?? ((cb: () => void) => requestAnimationFrame(cb));
  const precheck = opts.precheck ?? taskProblem;
  let pending: Frame | null = null;
  /** the history of every frame since the last commit (a frame replaced before it is drawn still adds its steps) */
  let chunks: Frame['history'][] = [];
  let scheduled = false;
  let disposed = false;
  /** the runId the latest surface request was sent with: its answer is kept even if a new run started meanwhile */
  let surfaceRunId = -1;
  /** the configure whose normalization notes were shown: a reset re-announces the same session without them */
  let notesShownFor = -1;
  /** `sent` just after the latest trainTo: a committed frame that has handled that many ends the jump (the worker sends none mid-jump) */
  let jumpMark = -1;
  /** exportRun requests: waiting for the worker's snapshot, then for the frame of its step (the history then reaches it) */
  const exports = new Map<number, { runId: number; mark: number; snapshot: RunSnapshot | null; resolve: (f: RunFile) => void; reject: (e: Error) => void }>();
  let exportIds = 1;
  /** an opened file whose run the worker has yet to announce: its history goes into the store with that 'ready' */
  let importing: { runId: number; file: RunFile } | null = null;
  const failExports = (why: string) => {
    exports.forEach((x) => x.reject(new Error(why)));
    exports.clear();
  };
  const listeners = new Set<(c: LabCommand) => void>();
  const tell = (c: LabCommand) => listeners.forEach((l) => l(c));
  const runId = () => store.getState().runId;
  /** sends a command of the current run, counted (Frame.handled says how many the worker has handled) */
  const sendRun = (cmd: Exclude<Command, { type: 'ack' | 'surface' }>) => {
    client.send(cmd);
    store.setState((s) => ({ sent: s.sent + 1 }));
  };
  const send = (type: 'play' | 'pause' | 'step') => {
    if (store.getState().jumping) store.setState({ jumping: null }); // each of them ends a jump
    sendRun({ type, runId: runId() });
    tell({ type });
  };

  /** After a commit: a jump the frame has seen to its end is over; an export whose step the frame shows is complete. */
  const afterCommit = (frame: Frame) => {
    const s = store.getState();
    if (s.jumping && frame.handled >= jumpMark) store.setState({ jumping: null });
    exports.forEach((x, id) => {
      if (!x.snapshot || frame.handled < x.mark) return;
      exports.delete(id);
      if (frame.step === x.snapshot.trainer.step) x.resolve(makeRunFile(x.snapshot, s.history, s.metrics));
      else x.reject(new Error('The run moved on while it was being saved; pause it and save again.'));
    });
  };

  const commit = () => {
    scheduled = false;
    const frame = pending;
    pending = null;
    if (!frame || disposed) return;
    const s = store.getState();
    chunks.forEach((c) => s.history.append(c));
    chunks = [];
    if (frame.metric) s.metrics.push(frame.metric.step, frame.metric.value.value);
    store.setState({
      frame,
      step: frame.step,
      playing: frame.playing,
      stepsPerSecond: frame.stepsPerSecond,
      historyVersion: s.historyVersion + 1,
      metric: frame.metric ? frame.metric.value : s.metric,
      spectral: frame.spectral ?? s.spectral,
      output: frame.output ?? s.output,
    });
    client.send({ type: 'ack', runId: runId(), frameId: frame.frameId });
    afterCommit(frame);
  };

  const onEvent = (e: WorkerEvent) => {
    if (disposed) return;
    const s = store.getState();
    if (e.type === 'surface') {
      // the worker answers in order, so the last answer kept is the latest request's
      if (e.runId === surfaceRunId || e.runId === s.runId) store.setState({ surface: e.result });
      return;
    }
    if (e.runId !== s.runId) {
      if (e.type === 'frame') store.setState({ staleFramesDropped: s.staleFramesDropped + 1 });
      else if (e.type === 'error') actions.notify('error', e.message);
      return;
    }
    switch (e.type) {
      case 'ready':
        store.setState({ info: e.info, status: s.status === 'starting' ? 'ready' : s.status, config: e.info.config });
        if (e.info.configRunId !== notesShownFor) {
          notesShownFor = e.info.configRunId;
          e.info.notes.forEach((n) => actions.notify('warning', n));
          const slow = slowRunWarning(e.info);
          if (slow) actions.notify('warning', slow);
        }
        if (importing?.runId === e.runId) {
          // the opened run is live: the page shows its history as it was saved
          const { history, metrics } = importing.file;
          importing = null;
          s.history.load(history);
          s.metrics.load(metrics.step, metrics.value);
          store.setState({ step: e.step ?? 0, historyVersion: store.getState().historyVersion + 1 });
        }
        break;
      case 'refused':
        if (importing?.runId === e.runId) importing = null;
        if (s.info) {
          // the worker goes on with the previous session as this run; its 'ready' brings the config back
          actions.notify('error', `${e.message} The previous settings run again.`);
        } else if (configKeyOf(s.config) !== configKeyOf(defaultConfig())) {
          // nothing ran before: fall back to the defaults rather than leave the page without a run
          actions.notify('error', `${e.message} The default settings run instead.`);
          actions.configure(defaultConfig());
        } else {
          store.setState({ status: 'error', fatal: e.message, playing: false });
        }
        break;
      case 'frame':
        chunks.push(e.frame.history);
        pending = e.frame;
        if (!scheduled) {
          scheduled = true;
          raf(commit);
        }
        break;
      case 'diverged':
        store.setState({ status: 'diverged', divergence: e.divergence, playing: false });
        break;
      case 'error':
        if (e.recoverable) actions.notify('error', e.message);
        else {
          store.setState({ status: 'error', fatal: e.message, playing: false, jumping: null });
          failExports(`The run could not be saved: ${e.message}`);
        }
        break;
      case 'progress':
        if (s.jumping) store.setState({ jumping: { to: s.jumping.to, step: e.step } });
        break;
      case 'restarted':
        // a trainTo behind the worker's step: the run went back to its seed, so what was drawn of it is gone. A frame
        // not yet drawn is dropped, but acked, or the worker would wait for it
        if (pending) client.send({ type: 'ack', runId: s.runId, frameId: pending.frameId });
        pending = null;
        chunks = [];
        s.history.clear();
        s.metrics.clear();
        store.setState({ historyVersion: s.historyVersion + 1, status: s.status === 'diverged' ? 'ready' : s.status, divergence: null });
        break;
      case 'exported': {
        const x = exports.get(e.requestId);
        if (x && x.runId === e.runId) x.snapshot = e.snapshot;
        break;
      }
    }
  };

  /** Starts run `next` with the store's config (or a saved run's snapshot); the worker answers 'ready' then frames. */
  const startRun = (kind: 'configure' | 'reset' | { snapshot: RunSnapshot }, play: boolean) => {
    const s = store.getState();
    const next = s.runId + 1;
    s.history.clear();
    s.metrics.clear();
    pending = null;
    chunks = [];
    importing = null;
    failExports('The run was replaced before it was saved.');
    store.setState({ runId: next, sent: 0, status: 'starting', divergence: null, fatal: null, frame: null, step: 0, metric: null, spectral: null, output: null, playing: play, jumping: null, historyVersion: s.historyVersion + 1 });
    if (kind === 'configure') sendRun({ type: 'configure', runId: next, config: s.config });
    else if (kind === 'reset') sendRun({ type: 'reset', runId: next });
    else sendRun({ type: 'importRun', runId: next, snapshot: kind.snapshot });
    sendRun({ type: 'speed', runId: next, stepsPerSecond: s.ui.speed });
    sendRun({ type: 'inspect', runId: next, sample: s.selection.sample, tau: s.selection.tau });
    if (play) sendRun({ type: 'play', runId: next });
  };

  const actions: LabActions = {
    play: () => {
      store.setState({ playing: true });
      send('play');
    },
    pause: () => {
      store.setState({ playing: false });
      send('pause');
    },
    togglePlay: () => (store.getState().playing ? actions.pause() : actions.play()),
    step: () => send('step'),
    reset: () => {
      startRun('reset', false);
      tell({ type: 'reset' });
    },
    setSpeed: (stepsPerSecond) => {
      store.setState((s) => ({ ui: { ...s.ui, speed: stepsPerSecond } }));
      sendRun({ type: 'speed', runId: runId(), stepsPerSecond });
      tell({ type: 'speed', stepsPerSecond });
    },
    configure: (config) => {
      const problem = precheck(config);
      if (problem !== null) {
        actions.notify('error', problem);
        return false;
      }
      const wasPlaying = store.getState().playing;
      store.setState({ config });
      startRun('configure', wasPlaying);
      tell({ type: 'configure', config });
      return true;
    },
    select: (patch) => {
      const before = store.getState().selection;
      const selection = { ...before, ...patch };
      store.setState({ selection });
      if (selection.sample !== before.sample || selection.tau !== before.tau) sendRun({ type: 'inspect', runId: runId(), sample: selection.sample, tau: selection.tau });
    },
    setUi: (patch) => store.setState((s) => ({ ui: { ...s.ui, ...patch } })),
    dismissNotice: (id) => store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    notify: (kind, text) => store.setState((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: noticeIds++, kind, text }].slice(-6) })),
    restartWorker: () => {
      client.restart();
      startRun('configure', false);
    },
    requestSurface: (request) => {
      surfaceRunId = runId();
      client.send({ type: 'surface', runId: surfaceRunId, request });
    },
    trainTo: (step) => {
      if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0 || step > MAX_TRAIN_TO) {
        const got = typeof step === 'number' ? String(step) : `a ${typeof step}`;
        actions.notify('error', `Train to step needs a whole number from 0 to ${MAX_TRAIN_TO.toLocaleString('en-US')}; got ${got}.`);
        return false;
      }
      if (store.getState().status === 'error') {
        actions.notify('error', 'The training worker stopped: restart it, then train to a step.');
        return false;
      }
      store.setState((s) => ({ playing: false, jumping: { to: step, step: s.step } }));
      sendRun({ type: 'trainTo', runId: runId(), step });
      jumpMark = store.getState().sent;
      tell({ type: 'trainTo', step });
      return true;
    },
    exportRun: () =>
      new Promise<RunFile>((resolve, reject) => {
        const s = store.getState();
        if (s.status === 'error') return reject(new Error('The run could not be saved: the training worker stopped.'));
        if (s.playing || s.jumping) actions.pause(); // a run saved where it stands, not a moving target
        const requestId = exportIds++;
        sendRun({ type: 'exportRun', runId: runId(), requestId });
        exports.set(requestId, { runId: runId(), mark: store.getState().sent, snapshot: null, resolve, reject });
      }),
    importRun: async (text) => {
      // the reader checks the snapshot with the engine itself: loaded with the first run opened, not with the page
      const reader = await import('./run-file-read').catch(() => null);
      if (disposed) return false;
      if (!reader) {
        actions.notify('error', 'This run cannot be opened: the page could not load its file reader. Reload the page and try again.');
        return false;
      }
      const read = reader.decodeRunFile(text);
      const problem = read.ok ? precheck(read.file.snapshot.config) : read.message;
      if (!read.ok || problem !== null) {
        actions.notify('error', problem ?? 'This run cannot be opened.');
        return false;
      }
      const { file } = read;
      const { config, trainer } = file.snapshot;
      store.setState({ config });
      startRun({ snapshot: file.snapshot }, false);
      importing = { runId: runId(), file };
      actions.notify('info', `Opened a run saved at step ${trainer.step.toLocaleString('en-US')} on ${file.savedAt.slice(0, 10)}.`);
      // a lab that follows this one (the comparison) runs the same settings to the same step
      tell({ type: 'configure', config });
      tell({ type: 'trainTo', step: trainer.step });
      return true;
    },
  };

  const unsubscribe = client.subscribe(onEvent);
  startRun('configure', opts.ui.autoplay);
  return {
    store,
    client,
    actions,
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      listeners.clear();
      unsubscribe();
      client.dispose();
    },
  };
}

const configKeyOf = (c: SessionConfig) => JSON.stringify(c);
