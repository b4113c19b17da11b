/**
 * What a training step costs, estimated before it runs, so that a heavy configuration (T = 400, hidden 128,
 * batch 64: seconds per step) never starts without a word.
 */
import { isExampleTask } from '../engine/tasks/task';
import type { RunInfo } from '../worker/protocol';

/**
 * Floating-point operations the engine sustains on the 2-core machines it is benchmarked on: 1.1–2.2 GFLOP/s
 * measured over RNN/LSTM/GRU steps from hidden 16 to 128 (docs/performance.md); the middle of that range.
 */
export const ENGINE_FLOPS_PER_SECOND = 1.5e9;

/**
 * How many times faster the fast kernels (float32 WebAssembly SIMD) train than the reference: 3.9–7.3× measured on
 * workloads a–h by `npm run bench` (docs/performance.md), the small networks at the low end; a round middle.
 */
export const FAST_KERNELS_SPEEDUP = 5;

/** A step slower than this gets a warning when the run starts. */
export const SLOW_STEP_SECONDS = 1;

/**
 * FLOPs of one training step: per sequence and timestep the forward pass multiplies G·H × (I + H) gate weights and
 * O × H output weights (2 FLOPs per multiply-add); BPTT costs about twice the forward pass (∂h and ∂W), so
 * 6·B·T·(G·H·(I + H) + O·H) in all.
 */
export function stepFlops(info: Pick<RunInfo, 'task' | 'model'>, batch: number, hidden: number): number {
  const G = info.model.cell === 'lstm' ? 4 : info.model.cell === 'gru' ? 3 : 1;
  const { inputSize: I, outputSize: O, length: T } = info.task;
  return 6 * batch * T * (G * hidden * (I + hidden) + O * hidden);
}

/** Estimated seconds per training step of a run (about: the machine and its load change it by a factor 2). */
export function stepSeconds(info: RunInfo): number {
  const rate = ENGINE_FLOPS_PER_SECOND * (info.kernels === 'fast' ? FAST_KERNELS_SPEEDUP : 1);
  return stepFlops(info, info.config.batch, info.config.model.hiddenSize) / rate;
}

/** "0.4 ms", "35 ms", "1.2 s", "8 s": a duration at a glance. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 0.01) return `${(seconds * 1000).toPrecision(1)} ms`;
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  return `${Math.round(seconds)} s`;
}

/** The warning for a slow run, or null: how long a step takes and what makes it cheaper. */
export function slowRunWarning(info: RunInfo): string | null {
  const s = stepSeconds(info);
  if (s <= SLOW_STEP_SECONDS) return null;
  const c = info.config;
  return `Each training step of this run takes about ${formatDuration(s)} (batch ${c.batch} × ${info.task.length} steps × ${info.model.cell.toUpperCase()} of ${c.model.hiddenSize} units): the curve will move slowly. A smaller batch, sequence length or hidden size trains faster${info.kernels === 'fast' || isExampleTask(info.config.task) ? '' : ', and so do the fast kernels (Training settings)'}.`;
}
