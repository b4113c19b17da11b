import type { WorkerEvent } from './protocol';

/** Where the loop sends events (postMessage in a worker, a callback in-process). */
export type Post = (event: WorkerEvent, transfer: ArrayBuffer[]) => void;

/** Time and scheduling, injected so the same loop runs in a worker, on the main thread, or under test. */
export interface Clock {
  now(): number;
  /** runs fn soon, after pending messages have been handled */
  schedule(fn: () => void): void;
}

/** How the loop shares the thread: a worker may train for most of each slice, the main thread for little. */
export interface LoopOptions {
  /** ms of training per slice before yielding to messages */
  sliceMs: number;
  /** refresh intervals (ms) of the costlier frame parts while playing */
  metricEveryMs: number;
  spectralEveryMs: number;
  outputEveryMs: number;
}

export const WORKER_LOOP: LoopOptions = { sliceMs: 12, metricEveryMs: 400, spectralEveryMs: 1000, outputEveryMs: 1500 };
export const MAIN_THREAD_LOOP: LoopOptions = { sliceMs: 4, metricEveryMs: 800, spectralEveryMs: 2000, outputEveryMs: 3000 };
