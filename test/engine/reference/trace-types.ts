/**
 * The trace contract (docs/engine.md, "npm run --silent trace"), restated in the test tree so that the
 * tfjs reference depends on the documented format, not on the engine's own types.
 */

/** The recurrent cell named by a spec. */
export type TraceCell = 'rnn' | 'lstm' | 'gru';
/** act in h_t = act(Wxh x_t + Whh h_{t−1} + bh) (rnn only). */
export type TraceActivation = 'tanh' | 'relu' | 'sigmoid' | 'linear';
/** 'off': every step starts from the zero state (h_{t−1} = 0, c_{t−1} = 0), the Wh· weights are zero. */
export type TraceRecurrence = 'on' | 'off';
/** The LSTM forget gate's nonlinearity. */
export type TraceForgetGate = 'sigmoid' | 'tanh';
/** softmax: ℓ_t = −log softmax(y_t)[target_t]; linear: ℓ_t = ½‖y_t − target_t‖². */
export type TraceHead = 'softmax' | 'linear';

/** A trace spec: one network, one sequence of T steps. */
export interface TraceSpec {
  cell: TraceCell;
  activation?: TraceActivation;
  /** default 'on' */
  recurrence?: TraceRecurrence;
  /** default 'sigmoid'; lstm only */
  forgetGate?: TraceForgetGate;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  output: TraceHead;
  /** Wx· (hidden × input), Wh· (hidden × hidden), b· (hidden), Why (output × hidden), by (output) */
  weights: Record<string, number[][] | number[]>;
  /** h_{−1}; zeros when absent */
  h0?: number[];
  /** c_{−1} (lstm); zeros when absent */
  c0?: number[];
  /** x_t, T × inputSize */
  inputs: number[][];
  /** a class index (softmax), a vector of outputSize (linear), or null for an unscored step */
  targets: (number | number[] | null)[];
}

/** What the forward pass records at step t. */
export interface TraceStep {
  /** h_t */
  h: number[];
  /** c_t (lstm only) */
  c?: number[];
  /** the gate activations of step t by name: f,i,g,o (lstm), z,r,n (gru), none (rnn) */
  gates: Record<string, number[]>;
  /** y_t = Why h_t + by */
  y: number[];
  /** softmax(y_t) (softmax head only) */
  p?: number[];
  /** ℓ_t, or null when target_t is null */
  loss: number | null;
}

/** The contract's output, plus dh0 = ∂L/∂h_{−1} and (lstm) dc0 = ∂L/∂c_{−1}. */
export interface TraceResult {
  /** L = mean of ℓ_t over the scored steps */
  loss: number;
  steps: TraceStep[];
  /** dh[t] = ∂L/∂h_t, the total derivative through the output at t and every later step */
  dh: number[][];
  /** dc[t] = ∂L/∂c_t, total (lstm only) */
  dc?: number[][];
  /** ∂L/∂h_{−1} */
  dh0: number[];
  /** ∂L/∂c_{−1} (lstm only) */
  dc0?: number[];
  /** ∂L/∂W for every weight, same names and shapes as spec.weights */
  grads: Record<string, number[][] | number[]>;
}

/** The weight names of a cell, in the order docs/engine.md lists them ("Weight layout"). */
export function weightNames(cell: TraceCell): string[] {
  const gates = cell === 'rnn' ? ['h'] : cell === 'lstm' ? ['f', 'i', 'g', 'o'] : ['z', 'r', 'n'];
  return [...gates.map((g) => `Wx${g}`), ...gates.map((g) => `Wh${g}`), ...gates.map((g) => `b${g}`), 'Why', 'by'];
}
