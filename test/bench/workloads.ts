/**
 * The benchmark's workloads as data, and the fixed training data each engine trains on.
 * One "step" on a workload = forward over all T steps of one batch, BPTT (full unless the workload truncates),
 * one plain SGD update.
 */
import { Rng } from '../../src/engine/rng';
import type { Activation, CellKind, Sequence, TruncMode } from '../../src/engine/types';

/** One benchmark workload: a one-hot-input, softmax-output network of the given shape trained on sequences of length T. */
export interface Workload {
  id: string;
  cell: CellKind;
  /** the vanilla RNN's nonlinearity (gated cells ignore it) */
  activation: Activation;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  /** sequence length: steps of forward and of backpropagation through time */
  T: number;
  /** sequences per step (the gradient is the mean over them) */
  batch: number;
  /** truncated BPTT with k steps (absent: full BPTT) and how it cuts; only our engine runs these workloads */
  truncate?: number;
  truncMode?: TruncMode;
  /** run by our engine alone (the truncation workloads: the peers would silently do full BPTT) */
  unrolledOnly?: boolean;
}

const LONG_LSTM = { cell: 'lstm', activation: 'tanh', inputSize: 8, hiddenSize: 32, outputSize: 8, T: 200, batch: 1, unrolledOnly: true } as const;

/**
 * The workloads of the benchmark, in table order: a–d against the peers, e–g full vs truncated BPTT (ours only),
 * h a larger LSTM against the peers (where the cost is in the matrix products, not the per-step overheads).
 */
export const WORKLOADS: readonly Workload[] = [
  { id: 'a', cell: 'lstm', activation: 'tanh', inputSize: 8, hiddenSize: 16, outputSize: 8, T: 20, batch: 1 },
  { id: 'b', cell: 'lstm', activation: 'tanh', inputSize: 32, hiddenSize: 64, outputSize: 32, T: 50, batch: 1 },
  { id: 'c', cell: 'rnn', activation: 'tanh', inputSize: 8, hiddenSize: 16, outputSize: 8, T: 100, batch: 1 },
  { id: 'd', cell: 'gru', activation: 'tanh', inputSize: 8, hiddenSize: 32, outputSize: 8, T: 50, batch: 1 },
  { id: 'e', ...LONG_LSTM },
  { id: 'f', ...LONG_LSTM, truncate: 20, truncMode: 'chunk' },
  { id: 'g', ...LONG_LSTM, truncate: 20, truncMode: 'window' },
  { id: 'h', cell: 'lstm', activation: 'tanh', inputSize: 64, hiddenSize: 128, outputSize: 64, T: 50, batch: 1 },
];

/** η of plain SGD, θ ← θ − η ∇θL, for every engine. */
export const LEARNING_RATE = 0.01;

/** Seed of the training data (and of the initial weights where the engine lets us choose them). */
export const DATA_SEED = 20240611;

/** The workload with this id; throws on an unknown id. */
export function workloadById(id: string): Workload {
  const w = WORKLOADS.find((x) => x.id === id);
  if (!w) throw new Error(`unknown workload "${id}" (known: ${WORKLOADS.map((x) => x.id).join(', ')})`);
  return w;
}

/** A one-line description of a workload's shape, e.g. "LSTM 8→16→8, T 20, batch 1" (", chunks of 20" when truncated). */
export function describe(w: Workload): string {
  const cell = w.cell === 'rnn' ? `RNN(${w.activation})` : w.cell.toUpperCase();
  const trunc = w.truncate ? `, ${w.truncMode === 'window' ? 'window' : 'chunks'} of ${w.truncate}` : '';
  return `${cell} ${w.inputSize}→${w.hiddenSize}→${w.outputSize}, T ${w.T}, batch ${w.batch}${trunc}`;
}

/** The fixed training data: class indices, row-major batch × T (sequence b, step t at [b·T + t]). */
export interface IndexData {
  /** index of the single 1 in x_t, in [0, inputSize) */
  inputs: Int32Array;
  /** the target class of step t, in [0, outputSize) */
  targets: Int32Array;
}

/** Uniformly random input and target indices, the same for every engine and run (seeded by `seed`). */
export function indexData(w: Workload, seed = DATA_SEED): IndexData {
  const rng = new Rng(seed);
  const n = w.batch * w.T;
  const inputs = new Int32Array(n);
  const targets = new Int32Array(n);
  for (let k = 0; k < n; k++) inputs[k] = rng.int(w.inputSize);
  for (let k = 0; k < n; k++) targets[k] = rng.int(w.outputSize);
  return { inputs, targets };
}

/** The same data as the engine's `Sequence`s (one per batch row): one-hot x_t, class targets, every step scored. */
export function engineSequences(w: Workload, seed = DATA_SEED): Sequence[] {
  const { inputs, targets } = indexData(w, seed);
  const out: Sequence[] = [];
  for (let b = 0; b < w.batch; b++) {
    const x = new Float64Array(w.T * w.inputSize);
    const y = new Float64Array(w.T);
    const hot = new Int32Array(w.T);
    for (let t = 0; t < w.T; t++) {
      const i = inputs[b * w.T + t];
      x[t * w.inputSize + i] = 1;
      hot[t] = i;
      y[t] = targets[b * w.T + t];
    }
    out.push({ length: w.T, inputs: x, targets: y, mask: new Uint8Array(w.T).fill(1), hot });
  }
  return out;
}

/** What the benchmark asks of an engine's adapter. */
export interface PrepareOptions {
  /** train with per-timestep recording on (what the views need), where the engine has it */
  record: boolean;
}

/** An engine built once on one workload and its fixed data. */
export interface BenchEngine {
  /** one training step: forward over the batch, BPTT (truncated as the workload says), one SGD update */
  step(): void;
  /** optional: the current mean cross-entropy per scored step on the fixed data (forward only, no update) */
  loss?(): number;
}

/** An adapter's entry point: build the engine's network for `w` (once) and return its step. */
export type Prepare = (w: Workload, opts: PrepareOptions) => BenchEngine | Promise<BenchEngine>;
