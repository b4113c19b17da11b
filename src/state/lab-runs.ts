import type { RunSnapshot } from '../engine/snapshot';
import type { SessionConfig } from '../engine/config';
import type { Frame } from '../worker/protocol';
import { makeRunFile } from './run-file';
import type { RunFile } from './run-file';
import type { LabStore } from './store';

/** An exportRun request: waiting for the worker's snapshot, then for the frame of its step (the history then reaches it). */
interface PendingExport {
  runId: number;
  /** the store's `sent` count once the request went: a frame that has handled as many has seen it */
  mark: number;
  snapshot: RunSnapshot | null;
  resolve: (f: RunFile) => void;
  reject: (e: Error) => void;
}

/**
 * A lab's runs saved to a file and opened from one: the exports waiting for their snapshot and frame, and the opened
 * file whose run the worker has yet to announce (its history goes into the store with that run's 'ready').
 */
export class SavedRuns {
  private readonly exports = new Map<number, PendingExport>();
  private exportIds = 1;
  private importing: { runId: number; file: RunFile } | null = null;

  constructor(private readonly store: LabStore) {}

  /** The id of the next exportRun request. */
  nextExportId(): number {
    return this.exportIds++;
  }

  /** An exportRun of run `runId` was just sent: settled once its snapshot came and a frame has shown its step. */
  awaitExport(requestId: number, x: Omit<PendingExport, 'snapshot'>): void {
    this.exports.set(requestId, { ...x, snapshot: null });
  }

  /** The worker's snapshot for a request (an answer of an older run is not this request's). */
  exported(runId: number, requestId: number, snapshot: RunSnapshot): void {
    const x = this.exports.get(requestId);
    if (x && x.runId === runId) x.snapshot = snapshot;
  }

  /** After a commit: an export whose step the frame shows is complete. */
  afterCommit(frame: Frame): void {
    const s = this.store.getState();
    this.exports.forEach((x, id) => {
      if (!x.snapshot || frame.handled < x.mark) return;
      this.exports.delete(id);
      if (frame.step === x.snapshot.trainer.step) x.resolve(makeRunFile(x.snapshot, s.history, s.metrics));
      else x.reject(new Error('The run moved on while it was being saved; pause it and save again.'));
    });
  }

  /** Every export waiting fails, with why. */
  failExports(why: string): void {
    this.exports.forEach((x) => x.reject(new Error(why)));
    this.exports.clear();
  }

  /** `file`'s run was sent as run `runId`: its history waits for that run's 'ready'. */
  opening(runId: number, file: RunFile): void {
    this.importing = { runId, file };
  }

  forgetOpening(): void {
    this.importing = null;
  }

  /** Run `runId` is live: if it is an opened file's, the page shows its history as it was saved. */
  ready(runId: number, step: number | undefined): void {
    if (this.importing?.runId !== runId) return;
    const { history, metrics } = this.importing.file;
    this.importing = null;
    const s = this.store.getState();
    s.history.load(history);
    s.metrics.load(metrics.step, metrics.value);
    this.store.setState({ step: step ?? 0, historyVersion: this.store.getState().historyVersion + 1 });
  }

  /** The worker refused run `runId`: an opened file's run is not coming. */
  refused(runId: number): void {
    if (this.importing?.runId === runId) this.importing = null;
  }
}

/**
 * Reads a run file's text: the file, or why this page cannot continue it; null if the lab was disposed meanwhile.
 * The reader checks the snapshot with the engine itself: loaded with the first run opened, not with the page.
 */
export async function readRun(text: string, precheck: (config: SessionConfig) => string | null, disposed: () => boolean): Promise<{ file: RunFile } | { problem: string } | null> {
  const reader = await import('./run-file-read').catch(() => null);
  if (disposed()) return null;
  if (!reader) return { problem: 'This run cannot be opened: the page could not load its file reader. Reload the page and try again.' };
  const read = reader.decodeRunFile(text);
  const problem = read.ok ? precheck(read.file.snapshot.config) : read.message;
  if (!read.ok || problem !== null) return { problem: problem ?? 'This run cannot be opened.' };
  return { file: read.file };
}
