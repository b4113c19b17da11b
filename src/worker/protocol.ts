/**
 * The one protocol between the lab (main thread) and the training worker. Every message carries the
 * run id of the run it belongs to; the main thread drops frames of any run but the current one.
 * Commands go down, events come up; frames carry typed arrays in the transfer list.
 */
import type { SessionConfig } from '../engine/config';
import type { InspectRecord, SpectralInfo } from '../engine/session';
import type { TaskKind, TaskMetric } from '../engine/tasks/task';
import type { Divergence } from '../engine/trainer';
import type { CellKind, HeadKind } from '../engine/types';

/** Main thread → worker. */
export type Command =
  /** build a new session from any config (the worker normalizes it) and start run `runId`, paused at step 0 */
  | { type: 'configure'; runId: number; config: unknown }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  /** exactly one training step (pauses first) */
  | { type: 'step'; runId: number }
  /** back to step 0 and the seed's initial weights, as run `runId` */
  | { type: 'reset'; runId: number }
  /** target training steps per second; 0 = as fast as the machine allows */
  | { type: 'speed'; runId: number; stepsPerSecond: number }
  /** which evaluation sequence the frames show, and the step τ of the gradient-flow profile (null = last scored) */
  | { type: 'inspect'; runId: number; sample: number; tau: number | null }
  /** the main thread has drawn frame `frameId`; the worker may send the next one */
  | { type: 'ack'; runId: number; frameId: number };

export type CommandType = Command['type'];

/** Every training step since the previous frame (so a throttled display still plots every step). */
export interface HistoryChunk {
  step: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  gradNormClipped: Float64Array;
  clipped: Uint8Array;
}

/** What the task's own output view shows, refreshed now and then. */
export type TaskOutput =
  | { kind: 'text'; step: number; temperature: number; text: string }
  | { kind: 'forecast'; step: number; context: Float64Array; predicted: Float64Array; truth: Float64Array }
  | { kind: 'answers'; step: number; items: { input: string; target: string; output: string; correct: boolean | null; error: number | null }[] };

/** One frame: the state of the run as of training step `step`. */
export interface Frame {
  frameId: number;
  step: number;
  playing: boolean;
  /** measured training speed over the last second */
  stepsPerSecond: number;
  history: HistoryChunk;
  /** the task metric on its evaluation set, when recomputed since the previous frame */
  metric: { step: number; value: TaskMetric } | null;
  /** the inspected evaluation sequence, per timestep */
  record: InspectRecord;
  /** recurrent matrices' spectra, when recomputed */
  spectral: SpectralInfo[] | null;
  output: TaskOutput | null;
}

/** What the worker built from a configure command. */
export interface RunInfo {
  config: SessionConfig;
  /** what normalizing the requested config changed */
  notes: string[];
  task: { kind: TaskKind; inputSize: number; outputSize: number; head: HeadKind; length: number; evalSize: number };
  model: { cell: CellKind; paramCount: number; blocks: { name: string; rows: number; cols: number }[] };
}

/** Worker → main thread. */
export type WorkerEvent =
  | { type: 'ready'; runId: number; info: RunInfo }
  | { type: 'frame'; runId: number; frame: Frame }
  | { type: 'diverged'; runId: number; divergence: Divergence }
  /** `recoverable`: the worker still runs (e.g. a bad config was refused); otherwise restart it */
  | { type: 'error'; runId: number; message: string; recoverable: boolean };

const COMMAND_TYPES: readonly CommandType[] = ['configure', 'play', 'pause', 'step', 'reset', 'speed', 'inspect', 'ack'];

/** A Command from untrusted message data, or null if it is not one (wrong type, missing or non-finite fields). */
export function parseCommand(data: unknown): Command | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (!(COMMAND_TYPES as readonly unknown[]).includes(d.type)) return null;
  const runId = d.runId;
  if (typeof runId !== 'number' || !Number.isSafeInteger(runId)) return null;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  switch (d.type as CommandType) {
    case 'configure':
      return { type: 'configure', runId, config: d.config };
    case 'speed':
      return finite(d.stepsPerSecond) && d.stepsPerSecond >= 0 ? { type: 'speed', runId, stepsPerSecond: d.stepsPerSecond } : null;
    case 'inspect':
      if (!finite(d.sample) || !(d.tau === null || finite(d.tau))) return null;
      return { type: 'inspect', runId, sample: Math.trunc(d.sample), tau: d.tau === null ? null : Math.trunc(d.tau as number) };
    case 'ack':
      return finite(d.frameId) ? { type: 'ack', runId, frameId: d.frameId } : null;
    default:
      return { type: d.type as 'play' | 'pause' | 'step' | 'reset', runId };
  }
}

/** The ArrayBuffers of a frame, for postMessage's transfer list. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: ArrayBufferView) => {
    if (a.byteLength > 0 && !out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
  };
  Object.values(frame.history).forEach(add);
  const r = frame.record;
  [r.inputs, r.targets, r.mask, r.h, r.c, r.gates, r.y, r.p, r.losses, r.dh, r.dc, r.flowH, r.flowC, r.blockGradNorms].forEach(add);
  if (frame.output?.kind === 'forecast') [frame.output.context, frame.output.predicted, frame.output.truth].forEach(add);
  return out;
}
