import { defaultConfig } from '../engine/config';
import type { SessionConfig } from '../engine/config';
import type { WorkerEvent } from '../worker/protocol';
import { slowRunWarning } from './cost';
import type { FrameCommits } from './lab-commit';
import type { SavedRuns } from './lab-runs';
import type { LabActions } from './lab-types';
import type { LabStore } from './store';

interface EventDeps {
  store: LabStore;
  actions: LabActions;
  commits: FrameCommits;
  runs: SavedRuns;
  /** the runId the latest surface request was sent with: its answer is kept even if a new run started meanwhile */
  surfaceRunId: () => number;
  disposed: () => boolean;
}

/**
 * What the page does with the worker's events: drops those of other runs (counting stale frames; an old run's error
 * still becomes a notice), queues frames for the next commit, and keeps status, notices, jumps and saved runs up to date.
 */
export function createEventHandler({ store, actions, commits, runs, surfaceRunId, disposed }: EventDeps): (e: WorkerEvent) => void {
  /** the configure whose normalization notes were shown: a reset re-announces the same session without them */
  let notesShownFor = -1;
  return (e) => {
    if (disposed()) return;
    const s = store.getState();
    if (e.type === 'surface') {
      // the worker answers in order, so the last answer kept is the latest request's
      if (e.runId === surfaceRunId() || e.runId === s.runId) store.setState({ surface: e.result });
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
        runs.ready(e.runId, e.step);
        break;
      case 'refused':
        runs.refused(e.runId);
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
        commits.receive(e.frame);
        break;
      case 'diverged':
        store.setState({ status: 'diverged', divergence: e.divergence, playing: false });
        break;
      case 'error':
        if (e.recoverable) actions.notify('error', e.message);
        else {
          store.setState({ status: 'error', fatal: e.message, playing: false, jumping: null });
          runs.failExports(`The run could not be saved: ${e.message}`);
        }
        break;
      case 'progress':
        if (s.jumping) store.setState({ jumping: { to: s.jumping.to, step: e.step } });
        break;
      case 'restarted':
        // a trainTo behind the worker's step: the run went back to its seed, so what was drawn of it is gone. A frame
        // not yet drawn is dropped, but acked, or the worker would wait for it
        commits.drop(true);
        s.history.clear();
        s.metrics.clear();
        store.setState({ historyVersion: s.historyVersion + 1, status: s.status === 'diverged' ? 'ready' : s.status, divergence: null });
        break;
      case 'exported':
        runs.exported(e.runId, e.requestId, e.snapshot);
        break;
    }
  };
}

const configKeyOf = (c: SessionConfig) => JSON.stringify(c);
