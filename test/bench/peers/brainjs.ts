/**
 * Peer adapter: brain.js 1.6.1's recurrent RNN / LSTM / GRU (pure JS on Float32Array), driven through its
 * internal per-sequence API so that one benchmark step is exactly one `trainPattern` call:
 * `trainInput` (forward over the sequence), `backpropagate` (BPTT), `adjustWeights` (here: plain SGD).
 *
 * A speed peer only — its gradients are known to be wrong (docs/performance.md, "How the peers are made comparable"); never a reference for values.
 *
 * How the workload is mapped onto brain.js's character-model API:
 * - brain.js always looks a symbol up in a trainable embedding `input` of (inputRange + 1) × inputSize rows, row 0
 *   being its START/END token. With inputRange = I − 1 and inputSize = I the embedding is I × I, the same size as
 *   a one-hot x_t times an I-column input weight; the symbols fed are our input indices folded into [0, I − 1).
 * - it trains on a sequence s of length T − 1 as T predictions (START→s₀, s₀→s₁, …, s_{T−2}→END), each with a
 *   softmax over outputSize + 1 = O classes: so one step is T forward steps, T softmax losses and BPTT over T.
 * - its `adjustWeights` is RMSProp with clipping and L2 decay; we replace it with plain SGD, w ← w − η·Δw.
 * - its plain RNN is h = ReLU(…); for a tanh workload we replace its per-step equation with the same graph under
 *   tanh (`getEquation` is an overridable method of its RNN class; brain.js has a tanh op in its graph).
 */
import { createRequire } from 'node:module';
import type { BenchEngine, PrepareOptions, Workload } from '../workloads';
import { LEARNING_RATE, indexData } from '../workloads';

/** brain.js's matrix: row-major values and their accumulated gradients ∂L/∂w. */
interface BrainMatrix {
  rows: number;
  columns: number;
  weights: Float32Array;
  deltas: Float32Array;
}

/** The part of brain.js's computation-graph builder that a vanilla RNN step uses. */
interface BrainEquation {
  add(a: BrainMatrix, b: BrainMatrix): BrainMatrix;
  multiply(a: BrainMatrix, b: BrainMatrix): BrainMatrix;
  tanh(a: BrainMatrix): BrainMatrix;
}

/** The internals of brain.js's recurrent net (RNN, and LSTM / GRU which extend it) that the adapter drives. */
interface BrainRecurrentNet {
  model: { allMatrices: BrainMatrix[] } | null;
  initialize(): void;
  trainPattern(input: number[], logErrorRate?: boolean): number | undefined;
  /** forward over the sequence; returns 2^(Σ −log₂ p / (len − 1)) / 100 */
  trainInput(input: number[]): number;
  adjustWeights(): void;
  getEquation(eq: BrainEquation, x: BrainMatrix, hPrev: BrainMatrix, layer: Record<string, BrainMatrix>): BrainMatrix;
}

type BrainCtor = new (options: Record<string, unknown>) => BrainRecurrentNet;

interface BrainModule {
  recurrent: { RNN: BrainCtor; LSTM: BrainCtor; GRU: BrainCtor };
}

// brain.js is CommonJS whose typings do not declare these internals; load it untyped and describe what we use.
const brain = createRequire(import.meta.url)('brain.js') as BrainModule;

/** Build brain.js's net for `w` and its fixed sequence; `step()` is one trainPattern (forward, BPTT, SGD). */
export function prepare(w: Workload, _opts: PrepareOptions): BenchEngine {
  if (w.batch !== 1) throw new Error(`brain.js trains one sequence at a time; workload ${w.id} has batch ${w.batch}`);
  if (w.T < 3) throw new Error('brain.js needs T ≥ 3 (it predicts T − 1 symbols plus an END token)');
  const Ctor = { rnn: brain.recurrent.RNN, lstm: brain.recurrent.LSTM, gru: brain.recurrent.GRU }[w.cell];
  const net = new Ctor({
    inputSize: w.inputSize,
    inputRange: w.inputSize - 1,
    hiddenLayers: [w.hiddenSize],
    outputSize: w.outputSize - 1,
    learningRate: LEARNING_RATE,
  });
  if (w.cell === 'rnn') {
    if (w.activation === 'tanh') {
      // h_t = tanh(Wxh x_t + Whh h_{t−1} + bh): brain.js's own RNN graph with ReLU swapped for tanh.
      net.getEquation = (eq, x, hPrev, layer) =>
        eq.tanh(eq.add(eq.add(eq.multiply(layer.weight, x), eq.multiply(layer.transition, hPrev)), layer.bias));
    } else if (w.activation !== 'relu') {
      throw new Error(`brain.js's RNN has no ${w.activation} activation`);
    }
  }
  net.initialize();
  const matrices = net.model!.allMatrices;
  // Plain SGD, θ ← θ − η ∂L/∂θ, in place of brain.js's RMSProp + clipping + L2 decay.
  net.adjustWeights = () => {
    for (const m of matrices) {
      const { weights, deltas } = m;
      for (let k = 0; k < weights.length; k++) weights[k] -= LEARNING_RATE * deltas[k];
    }
  };
  // T − 1 symbols give T predictions; brain.js adds 1 to each symbol (0 is its START/END token).
  const symbols = Array.from(indexData(w).inputs.subarray(0, w.T - 1), (i) => i % (w.inputSize - 1));
  return {
    step: () => {
      net.trainPattern(symbols, false);
    },
    loss: () => {
      // trainInput returns 2^(Σ_t −log₂ p_t / (len − 1)) / 100 over the T = len + 1 predictions; undo that into nats per step.
      const err = net.trainInput(symbols);
      return (Math.LN2 * Math.log2(err * 100) * (symbols.length - 1)) / (symbols.length + 1);
    },
  };
}
