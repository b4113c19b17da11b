import { createSession } from '../engine/create-session';
import type { AnySession } from '../engine/create-session';
import type { RunSnapshot } from '../engine/snapshot';
import type { Post } from './loop-options';
import { snapshotTransferables } from './protocol';
import type { RunInfo } from './protocol';

/** A session built from the snapshot's config and given its run; throws what the engine refuses (wrong sizes). */
export function sessionOfSnapshot(snapshot: RunSnapshot): AnySession {
  // createSession(undefined) would build the defaults: a snapshot without a config is refused by restore
  const session = createSession((snapshot as { config?: unknown }).config ?? null);
  session.restore(snapshot);
  return session;
}

/** What `ready` announces of a session live as run `runId`. */
export function runInfo(runId: number, session: AnySession): RunInfo {
  return { configRunId: runId, config: session.config, notes: session.notes, ...session.shape() };
}

/** Answers an `exportRun`: the session's snapshot, its buffers transferred. */
export function postExport(post: Post, runId: number, requestId: number, session: AnySession): void {
  // a snapshot between two slices is a whole step; the frame that follows carries the handled count
  const snapshot = session.snapshot();
  post({ type: 'exported', runId, requestId, snapshot }, snapshotTransferables(snapshot));
}
