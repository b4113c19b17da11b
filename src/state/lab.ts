import { defaultConfig } from '../engine/config';
import type { SessionConfig } from '../engine/config';
import { createTask } from '../engine/tasks/create';
import { createClient } from '../worker/client';
import type { LabClient } from '../worker/client';
import type { Command, Frame, SurfaceRequest, WorkerEvent } from '../worker/protocol';
import { slowRunWarning } from './cost';
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
}

/** What a lab was asked to do to its run, as it happened (for labs that follow another, e.g. the comparison). */
export type LabCommand =
  | { type: 'play' | 'pause' | 'step' | 'reset' }
  | { type: 'configure'; config: SessionConfig }
  | { type: 'speed'; stepsPerSecond: number };

/** One widget: its store, its worker client and the actions that tie them. */
export interface Lab {
  store: LabStore;
  client: LabClient;
  actions: LabActions;
  /** hears every run command the actions carry out (play, pause, step, reset, an accepted configure, speed); returns the unsubscribe */
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

/** The default precheck: a task the engine cannot build (empty text, a CSV with letters) is refused here, so the running run goes on. */
function taskProblem(config: SessionConfig): string | null {
  try {
    createTask(config.task);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
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
  const listeners = new Set<(c: LabCommand) => void>();
  const tell = (c: LabCommand) => listeners.forEach((l) => l(c));
  const runId = () => store.getState().runId;
  /** sends a command of the current run, counted (Frame.handled says how many the worker has handled) */
  const sendRun = (cmd: Exclude<Command, { type: 'ack' | 'surface' }>) => {
    client.send(cmd);
    store.setState((s) => ({ sent: s.sent + 1 }));
  };
  const send = (type: 'play' | 'pause' | 'step') => {
    sendRun({ type, runId: runId() });
    tell({ type });
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
        break;
      case 'refused':
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
        else store.setState({ status: 'error', fatal: e.message, playing: false });
        break;
    }
  };

  /** Starts run `next` with the store's config; the worker answers 'ready' then frames. */
  const startRun = (kind: 'configure' | 'reset', play: boolean) => {
    const s = store.getState();
    const next = s.runId + 1;
    s.history.clear();
    s.metrics.clear();
    pending = null;
    chunks = [];
    store.setState({ runId: next, sent: 0, status: 'starting', divergence: null, fatal: null, frame: null, step: 0, metric: null, spectral: null, output: null, playing: play, historyVersion: s.historyVersion + 1 });
    if (kind === 'configure') sendRun({ type: 'configure', runId: next, config: s.config });
    else sendRun({ type: 'reset', runId: next });
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
