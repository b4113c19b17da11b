/**
 * A 1-unit linear rnn small enough to differentiate by hand, used to pin both the engine and the
 * tfjs reference to numbers that do not come from either of them.
 */
import type { TraceSpec } from './trace-types';

/**
 * h_t = 1·x_t + 0.5·h_{t−1} + 0, y_t = 2·h_t + 0, h_{−1} = 0, x = (1, 2), targets (1, 3).
 */
export const handSpec: TraceSpec = {
  cell: 'rnn',
  activation: 'linear',
  inputSize: 1,
  hiddenSize: 1,
  outputSize: 1,
  output: 'linear',
  weights: { Wxh: [[1]], Whh: [[0.5]], bh: [0], Why: [[2]], by: [0] },
  inputs: [[1], [2]],
  targets: [[1], [3]],
};

/*
 * Forward:  h_0 = 1,            h_1 = 2 + 0.5·1 = 2.5
 *           y_0 = 2,            y_1 = 5
 *           ℓ_0 = ½(2−1)² = 0.5, ℓ_1 = ½(5−3)² = 2,   L = (0.5 + 2)/2 = 1.25
 * Backward (the ½ of the mean is in ∂L/∂y_t = (y_t − target_t)/2):
 *           dy_0 = 0.5, dy_1 = 1
 *           dh_1 = Why·dy_1 = 2
 *           dh_0 = Why·dy_0 + Whh·dh_1 = 1 + 1 = 2     (linear act: da_t = dh_t)
 *           dh_{−1} = Whh·dh_0 = 1
 *           ∂L/∂Why = dy_0·h_0 + dy_1·h_1 = 0.5 + 2.5 = 3,   ∂L/∂by = 1.5
 *           ∂L/∂Wxh = dh_0·x_0 + dh_1·x_1 = 2 + 4 = 6
 *           ∂L/∂Whh = dh_0·h_{−1} + dh_1·h_0 = 0 + 2 = 2,   ∂L/∂bh = dh_0 + dh_1 = 4
 */
/** The hand-derived values of `handSpec`'s trace. */
export const handExpected = {
  loss: 1.25,
  h: [[1], [2.5]],
  y: [[2], [5]],
  stepLoss: [0.5, 2],
  dh: [[2], [2]],
  dh0: [1],
  grads: { Wxh: [[6]], Whh: [[2]], bh: [4], Why: [[3]], by: [1.5] },
};
