/** The recurrent cell: vanilla `rnn`, `lstm` (Hochreiter & Schmidhuber 1997) or `gru` (Cho et al. 2014). */
export type CellKind = 'rnn' | 'lstm' | 'gru';
/** The vanilla RNN's nonlinearity act in h_t = act(Wxh x_t + Whh h_{t−1} + bh). */
export type Activation = 'tanh' | 'relu' | 'sigmoid' | 'linear';
/** The output head: `softmax` (cross-entropy on a class index) or `linear` (½‖y − target‖²). */
export type HeadKind = 'softmax' | 'linear';

/**
 * How truncated BPTT with k steps cuts the error's path: `chunk` (TBPTT(k, k), Williams & Peng 1990) cuts the
 * sequence into chunks [0, k), [k, 2k), … and stops the gradient at their boundaries — one backward sweep per chunk,
 * O(T); `window` gives every scored step τ its own window τ−k+1…τ — one sweep per scored step, O(T·k).
 */
export type TruncMode = 'chunk' | 'window';

/**
 * Whether information flows from step t−1 to step t. `off` freezes the recurrence: every step starts from the
 * zero state (h_{t−1} = 0 and, for the LSTM, c_{t−1} = 0), so the recurrent weights Wh· multiply zero — they are
 * held at zero — and the network is one feed-forward network applied to each x_t on its own.
 */
export type Recurrence = 'on' | 'off';
/** The LSTM forget gate's nonlinearity: `sigmoid` (f ∈ (0, 1), the standard cell) or `tanh` (f ∈ (−1, 1): it can flip the memory's sign). */
export type ForgetGate = 'sigmoid' | 'tanh';

/** Every cell kind. */
export const CELLS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
/** Every activation of the vanilla RNN. */
export const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
/** Every truncation mode (the first is the default). */
export const TRUNC_MODES: readonly TruncMode[] = ['chunk', 'window'];
/** Both recurrence settings (the first is the default). */
export const RECURRENCES: readonly Recurrence[] = ['on', 'off'];
/** Both forget-gate nonlinearities (the first is the default). */
export const FORGET_GATES: readonly ForgetGate[] = ['sigmoid', 'tanh'];
/** Every output head. */
export const HEADS: readonly HeadKind[] = ['softmax', 'linear'];

/** Gate names of each cell, in the order their blocks are stored. */
export const GATES: Readonly<Record<CellKind, readonly string[]>> = {
  rnn: ['h'],
  lstm: ['f', 'i', 'g', 'o'],
  gru: ['z', 'r', 'n'],
};

/** The sizes and kinds that fix a network's parameter shapes. */
export interface ModelShape {
  cell: CellKind;
  /** used by `rnn` only; gated cells use σ and tanh as their equations say */
  activation: Activation;
  /** default 'on'; 'off': every step starts from the zero state, the Wh· are held at zero (see Recurrence) */
  recurrence?: Recurrence;
  /** default 'sigmoid'; used by `lstm` only */
  forgetGate?: ForgetGate;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  head: HeadKind;
}

/** One training or evaluation sequence of T steps. */
export interface Sequence {
  /** T ≥ 1 */
  length: number;
  /** x_t for t = 0…T−1, row-major T × inputSize */
  inputs: Float64Array;
  /** softmax head: the class index of step t at [t] (length T); linear head: target_t, row-major T × outputSize */
  targets: Float64Array;
  /** 1 where step t is scored, 0 where its target is null (not scored) */
  mask: Uint8Array;
  /** optional: the index of the single 1 in x_t when x_t is one-hot, −1 otherwise (lets kernels skip a dense product) */
  hot?: Int32Array;
}
