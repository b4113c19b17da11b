import type { LabClient } from '../worker/client';
import type { Frame } from '../worker/protocol';
import type { LabStore } from './store';

/** The frames of the live run on their way to the store: at most one commit per animation frame. */
export interface FrameCommits {
  /** a frame of the live run: drawn at the next animation frame; one that arrives first replaces it, its steps kept */
  receive(frame: Frame): void;
  /** forgets the frame not yet drawn and the steps queued (a new run); `ack`: acks it first, as the worker waits for that */
  drop(ack?: boolean): void;
  dispose(): void;
}

/**
 * Keeps the latest frame in `pending` and queues each frame's history chunk; the commit appends every queued chunk
 * to the store's history (mutated in place; historyVersion bumps so selectors notice), writes the frame's numbers in
 * one setState, then acks the frame (the worker sends no other until then) and calls `afterCommit`.
 */
export function createFrameCommits(store: LabStore, client: LabClient, raf: (cb: () => void) => unknown, afterCommit: (frame: Frame) => void): FrameCommits {
  let pending: Frame | null = null;
  /** the history of every frame since the last commit (a frame replaced before it is drawn still adds its steps) */
  let chunks: Frame['history'][] = [];
  let scheduled = false;
  let disposed = false;

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
    client.send({ type: 'ack', runId: store.getState().runId, frameId: frame.frameId });
    afterCommit(frame);
  };

  return {
    receive(frame) {
      chunks.push(frame.history);
      pending = frame;
      if (!scheduled) {
        scheduled = true;
        raf(commit);
      }
    },
    drop(ack = false) {
      if (ack && pending) client.send({ type: 'ack', runId: store.getState().runId, frameId: pending.frameId });
      pending = null;
      chunks = [];
    },
    dispose() {
      disposed = true;
    },
  };
}
