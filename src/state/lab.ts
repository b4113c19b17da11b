import type { RunSnapshot } from '../engine/snapshot';
import { createClient } from '../worker/client';
import { MAX_TRAIN_TO } from '../worker/protocol';
import type { Command } from '../worker/protocol';
import { createFrameCommits } from './lab-commit';
import { createEventHandler } from './lab-events';
import { readRun, SavedRuns } from './lab-runs';
import type { Lab, LabActions, LabCommand, LabOptions } from './lab-types';
import { taskProblem } from './precheck';
import type { RunFile } from './run-file';
import { createLabStore } from './store';

export type { Lab, LabActions, LabCommand, LabOptions } from './lab-types';

let noticeIds = 1;

/**
 * Creates a lab and starts its first run: the actions, which send the worker commands. Frames are committed to the
 * store at most once per animation frame, then acknowledged (lab-commit.ts; the worker waits for the ack before
 * sending the next one); the worker's events are handled in lab-events.ts, saved and opened runs in lab-runs.ts.
 */
export function createLab(opts: LabOptions): Lab {
  const store = createLabStore(opts.config, opts.ui, opts.notices ?? []);
  const client = opts.client ?? createClient();
  const raf = opts.raf ?? ((cb: () => void) => requestAnimationFrame(cb));
  const precheck = opts.precheck ?? taskProblem;
  let disposed = false;
  /** the runId the latest surface request was sent with: its answer is kept even if a new run started meanwhile */
  let surfaceRunId = -1;
  /** `sent` just after the latest trainTo: a committed frame that has handled that many ends the jump (the worker sends none mid-jump) */
  let jumpMark = -1;
  const runs = new SavedRuns(store);
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
  const commits = createFrameCommits(store, client, raf, (frame) => {
    if (store.getState().jumping && frame.handled >= jumpMark) store.setState({ jumping: null });
    runs.afterCommit(frame);
  });

  /** Starts run `next` with the store's config (or a saved run's snapshot); the worker answers 'ready' then frames. */
  const startRun = (kind: 'configure' | 'reset' | { snapshot: RunSnapshot }, play: boolean) => {
    const s = store.getState();
    const next = s.runId + 1;
    s.history.clear();
    s.metrics.clear();
    commits.drop();
    runs.forgetOpening();
    runs.failExports('The run was replaced before it was saved.');
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
      store.setState({ surfaceRequest: request });
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
        const requestId = runs.nextExportId();
        sendRun({ type: 'exportRun', runId: runId(), requestId });
        runs.awaitExport(requestId, { runId: runId(), mark: store.getState().sent, resolve, reject });
      }),
    importRun: async (text) => {
      const read = await readRun(text, precheck, () => disposed);
      if (read === null) return false;
      if ('problem' in read) {
        actions.notify('error', read.problem);
        return false;
      }
      const { file } = read;
      const { config, trainer } = file.snapshot;
      store.setState({ config });
      startRun({ snapshot: file.snapshot }, false);
      runs.opening(runId(), file);
      actions.notify('info', `Opened a run saved at step ${trainer.step.toLocaleString('en-US')} on ${file.savedAt.slice(0, 10)}.`);
      // a lab that follows this one (the comparison) runs the same settings to the same step
      tell({ type: 'configure', config });
      tell({ type: 'trainTo', step: trainer.step });
      return true;
    },
  };

  const unsubscribe = client.subscribe(createEventHandler({ store, actions, commits, runs, surfaceRunId: () => surfaceRunId, disposed: () => disposed }));
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
      commits.dispose();
      listeners.clear();
      unsubscribe();
      client.dispose();
    },
  };
}
