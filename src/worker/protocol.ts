/**
 * The one protocol between the lab (main thread) and the training worker. Every message carries the
 * run id of the run it belongs to; the main thread drops frames of any run but the current one.
 * Commands go down, events come up; frames carry typed arrays in the transfer list.
 */
import type { SessionConfig } from '../engine/config';
import type { InspectRecord, SpectralInfo } from '../engine/session';
import type { RunSnapshot } from '../engine/snapshot';
import type { TaskMetric } from '../engine/tasks/task';
import type { Divergence } from '../engine/trainer';
import type { SessionShape } from '../engine/training-session';
import { CELLS } from '../engine/types';
import type { CellKind } from '../engine/types';
import { parseSurfaceRequest } from './surface-request';

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
  | { type: 'ack'; runId: number; frameId: number }
  /** compute the error surface of the single-unit network (needs no session); answered by a 'surface' event with the same runId */
  | { type: 'surface'; runId: number; request: SurfaceRequest }
  /**
   * train at full speed, sending no frame, until the run reaches `step` (0…MAX_TRAIN_TO), then one frame, paused.
   * Behind the current step the run first goes back to its seed's step 0 ('restarted'). It trains in slices, so a
   * play, pause, step, reset, configure or import arriving meanwhile ends it; a divergence on the way stops it there
   */
  | { type: 'trainTo'; runId: number; step: number }
  /** a snapshot of the run as it stands, answered by 'exported' with the same requestId */
  | { type: 'exportRun'; runId: number; requestId: number }
  /** build a session from the snapshot's config, continue the snapshot's run as run `runId` (paused at its step),
   * announced with 'ready'; a snapshot the engine refuses is answered as a refused configure is */
  | { type: 'importRun'; runId: number; snapshot: RunSnapshot }
  /**
   * time training steps of the live run's config with each cell in `cells` (the hidden size, batch and task kept), on
   * throwaway sessions: a warm-up step, then steps until `budgetMs` have passed (at least MIN_BENCHMARK_STEPS). One
   * cell per slice, between the live run's slices; answered by a 'benchmark' event with the same runId and requestId.
   * Not counted in Frame.handled (it changes nothing of the run)
   */
  | { type: 'benchmark'; runId: number; requestId: number; cells: CellKind[]; budgetMs: number };

export type CommandType = Command['type'];

/** The furthest step a trainTo may ask for (≈ 10 minutes of the default lab at full speed). */
export const MAX_TRAIN_TO = 1_000_000;

/** A benchmark's time budget per cell is clamped to this range (ms), and it times at least this many steps. */
export const BENCHMARK_BUDGET_MS = { min: 20, max: 3000 } as const;
export const MIN_BENCHMARK_STEPS = 2;

/** One cell's measured cost on the live run's task: its parameter count and the mean wall time of a training step. */
export interface BenchmarkResult {
  cell: CellKind;
  paramCount: number;
  /** steps timed (after the warm-up) */
  steps: number;
  msPerStep: number;
}

/** Every training step since the previous frame (so a throttled display still plots every step). */
export interface HistoryChunk {
  step: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  gradNormClipped: Float64Array;
  clipped: Uint8Array;
}

/** One held-out number: its words, the digits it should become, the encoder–decoder's greedy answer. */
export interface TranslationItem {
  source: string;
  reference: string;
  output: string;
  correct: boolean;
}

/** One held-out picture (RGBA, size × size, row-major, as ImageData holds it), its caption and the captioner's. */
export interface CaptionItem {
  image: Uint8ClampedArray;
  size: number;
  reference: string;
  output: string;
  correct: boolean;
}

/** What the task's own output view shows, refreshed now and then. */
export type TaskOutput =
  | { kind: 'text'; step: number; temperature: number; text: string }
  /** truthName: what the truth is, when not a sine's noiseless curve (a series' held-out tail) */
  | { kind: 'forecast'; step: number; context: Float64Array; predicted: Float64Array; truth: Float64Array; truthName?: string }
  | { kind: 'answers'; step: number; items: { input: string; target: string; output: string; correct: boolean | null; error: number | null }[] }
  /**
   * the first held-out numbers translated greedily, and the meaning vector — the encoder's final state, the decoder's
   * start — of the inspected one: h (and c for the LSTM, else empty)
   */
  | { kind: 'translations'; step: number; evalSize: number; items: TranslationItem[]; meaning: { source: string; output: string; h: Float64Array; c: Float64Array } }
  /**
   * the first held-out pictures captioned greedily, and for the inspected picture the convolution's feature maps after
   * ReLU (channels × size × size, channel-major) that the captioner reads it through
   */
  | { kind: 'captions'; step: number; evalSize: number; items: CaptionItem[]; features: { image: Uint8ClampedArray; caption: string; channels: number; size: number; maps: Float64Array } };

/** One frame: the state of the run as of training step `step`. */
export interface Frame {
  frameId: number;
  step: number;
  playing: boolean;
  /** how many commands of this run the worker had handled when it sent the frame, counting the configure, reset or
   * importRun that started it (acks and surface requests not counted; trainTo and exportRun are): the page compares
   * it with what it sent to know the worker has caught up */
  handled: number;
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

/**
 * A request for the error surface E(w, b) = (σ(x_T) − 0.7)² of x_t = w σ(x_{t−1}) + b, x_0 = 0.5, T = 50
 * (Pascanu, Mikolov & Bengio 2013), sampled on a grid, with descent paths and searches on it.
 * parseCommand clamps the sizes to SURFACE_LIMITS (surface-request.ts) and refuses non-finite numbers.
 */
export interface SurfaceRequest {
  /** the box of the (w, b) plane: [lo, hi] with lo < hi */
  wRange: [number, number];
  bRange: [number, number];
  /** grid points along w and along b (2…240 each) */
  nw: number;
  nb: number;
  /** where both gradient descents and the annealing start; null = no paths */
  start: { w: number; b: number } | null;
  /** learning rate of the descents: θ ← θ − lr·g */
  lr: number;
  /** updates per descent (0…2000) */
  steps: number;
  /** norm threshold of the clipped descent: g ← clip·g/‖g‖ when ‖g‖ > clip (the restarts use it too) */
  clip: number;
  /** n clipped descents from uniform random starts in the box (n ≤ 50), or null */
  restarts: { n: number } | null;
  /** simulated annealing from `start` inside the box: Gaussian proposals of σ = stepSize, temperature cooling geometrically t0 → t1; or null */
  annealing: { steps: number; stepSize: number; t0: number; t1: number } | null;
  /** seed of the restarts' starts and the annealing's proposals */
  seed: number;
}

/** Points of the (w, b) plane with their loss E and gradient norm ‖∇E‖ (before clipping), one array per field. */
export interface SurfacePoints {
  w: Float64Array;
  b: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
}

/** The answer to a SurfaceRequest; the grids are row-major with rows indexed by b: v[j·nw + i] at (w_i, b_j), w_i = w₀ + i(w₁ − w₀)/(nw − 1). */
export interface SurfaceResult {
  /** the request as computed (sizes clamped) */
  request: SurfaceRequest;
  /** E(w_i, b_j) */
  loss: Float64Array;
  lossMin: number;
  lossMax: number;
  /** ‖∇E(w_i, b_j)‖ */
  gradNorm: Float64Array;
  gradNormMin: number;
  gradNormMax: number;
  /** the wall: for each grid column, the b where E jumps between plateaus between two neighbouring rows (located by bisection, findCliff), and ‖∇E‖ there */
  cliff: { w: Float64Array; b: Float64Array; gradNorm: Float64Array };
  /** plain gradient descent from start, and the same with norm clipping (steps + 1 points, fewer if a step overflows) */
  descent: SurfacePoints | null;
  clipped: SurfacePoints | null;
  /** each restart's start and end point; `best` indexes the lowest end */
  restarts: { starts: SurfacePoints; ends: SurfacePoints; best: number } | null;
  /** the annealing's states (start first, then one per proposal), the best state seen, and the fraction of proposals accepted */
  annealing: { path: SurfacePoints; best: number; acceptance: number } | null;
}

/** What the worker built from a configure command; announced again (same session) at the start of every run. */
export interface RunInfo extends SessionShape {
  /** the run id of the configure command that built this session: the page shows `notes` once per configuration */
  configRunId: number;
  config: SessionConfig;
  /** what normalizing the requested config changed */
  notes: string[];
}

/** Worker → main thread. */
export type WorkerEvent =
  /** run `runId` starts at step `step` with this session (after every configure and every reset, so a reset that
   * overtakes a configure's answer still leaves the page knowing what runs). `step` is 0 but after an importRun;
   * absent = 0 */
  | { type: 'ready'; runId: number; info: RunInfo; step?: number }
  /** the config of run `runId` was refused; the worker's previous session (if any) goes on as run `runId`
   * from step 0 and announces itself with 'ready' — so page and worker agree on the live run */
  | { type: 'refused'; runId: number; message: string }
  | { type: 'frame'; runId: number; frame: Frame }
  | { type: 'diverged'; runId: number; divergence: Divergence }
  /** `recoverable`: the worker still runs (e.g. a bad config was refused); otherwise restart it */
  | { type: 'error'; runId: number; message: string; recoverable: boolean }
  /** the answer to a 'surface' command, with its runId */
  | { type: 'surface'; runId: number; result: SurfaceResult }
  /** the answer to an 'exportRun' (its arrays in the transfer list) */
  | { type: 'exported'; runId: number; requestId: number; snapshot: RunSnapshot }
  /** a trainTo under way has reached `step` of `to` (now and then: no frame is sent until it lands) */
  | { type: 'progress'; runId: number; step: number; to: number }
  /** a trainTo behind the current step sent run `runId` back to its seed's step 0: the steps shown so far are gone */
  | { type: 'restarted'; runId: number }
  /** the answer to a 'benchmark' command, with its runId and requestId: one result per cell asked, in its order;
   * `error` when there was no run to time (the results are then empty) */
  | { type: 'benchmark'; runId: number; requestId: number; results: BenchmarkResult[]; error: string | null };

const COMMAND_TYPES: readonly CommandType[] = ['configure', 'play', 'pause', 'step', 'reset', 'speed', 'inspect', 'ack', 'surface', 'trainTo', 'exportRun', 'importRun', 'benchmark'];

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
    case 'surface': {
      const request = parseSurfaceRequest(d.request);
      return request ? { type: 'surface', runId, request } : null;
    }
    case 'trainTo':
      return typeof d.step === 'number' && Number.isSafeInteger(d.step) && d.step >= 0 && d.step <= MAX_TRAIN_TO ? { type: 'trainTo', runId, step: d.step } : null;
    case 'exportRun':
      return typeof d.requestId === 'number' && Number.isSafeInteger(d.requestId) ? { type: 'exportRun', runId, requestId: d.requestId } : null;
    case 'importRun':
      // only its shape here: Session.restore checks every field (checkSnapshot) and a bad one is answered 'refused'
      return typeof d.snapshot === 'object' && d.snapshot !== null ? { type: 'importRun', runId, snapshot: d.snapshot as RunSnapshot } : null;
    case 'benchmark': {
      // a cell list of known cells without repeats, at most one of each; a budget clamped into BENCHMARK_BUDGET_MS
      const cells = d.cells;
      if (!Array.isArray(cells) || cells.length === 0 || cells.length > CELLS.length) return null;
      if (!cells.every((c, i) => (CELLS as readonly unknown[]).includes(c) && cells.indexOf(c) === i)) return null;
      if (typeof d.requestId !== 'number' || !Number.isSafeInteger(d.requestId) || !finite(d.budgetMs)) return null;
      const budgetMs = Math.min(BENCHMARK_BUDGET_MS.max, Math.max(BENCHMARK_BUDGET_MS.min, d.budgetMs));
      return { type: 'benchmark', runId, requestId: d.requestId, cells: cells as CellKind[], budgetMs };
    }
    default:
      return { type: d.type as 'play' | 'pause' | 'step' | 'reset', runId };
  }
}

/** The ArrayBuffers of a snapshot (fresh copies: Session.snapshot slices them), for postMessage's transfer list. */
export function snapshotTransferables(s: RunSnapshot): ArrayBuffer[] {
  return [s.theta, s.optimizer.m, s.optimizer.v].filter((a) => a.byteLength > 0).map((a) => a.buffer as ArrayBuffer);
}

/** The ArrayBuffers of a frame, for postMessage's transfer list. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: ArrayBufferView) => {
    if (a.byteLength > 0 && !out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
  };
  Object.values(frame.history).forEach(add);
  const r = frame.record;
  [r.inputs, r.targets, r.mask, r.h, r.c, r.gates, r.preX, r.preH, r.preB, r.y, r.p, r.losses, r.dh, r.dc, r.flowH, r.flowC, r.blockGradNorms].forEach(add);
  if (r.h0) add(r.h0);
  if (r.c0) add(r.c0);
  const o = frame.output;
  if (o?.kind === 'forecast') [o.context, o.predicted, o.truth].forEach(add);
  if (o?.kind === 'translations') [o.meaning.h, o.meaning.c].forEach(add);
  if (o?.kind === 'captions') [...o.items.map((it) => it.image), o.features.image, o.features.maps].forEach(add);
  return out;
}
