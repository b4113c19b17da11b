import type { ParamLayout } from './params';
import type { CellKind } from './types';

/**
 * The three parts of every gate pre-activation a_t = Wx· x_t + Wh· h_{t−1} + b· over one sequence, in the
 * gate order of GATES (row r of G·H is unit r mod H of gate ⌊r/H⌋); for the GRU's n rows the recurrent part
 * is Whn (r_t ⊙ h_{t−1}). Recomputed from θ and a finished forward pass, for the views only: the training
 * forward pass never forms them separately.
 */
export interface PreactivationParts {
  /** (Wx x_t)[r] — T × G·H */
  preX: Float64Array;
  /** (Wh h_{t−1})[r], GRU n rows (Whn (r_t ⊙ h_{t−1}))[r] — T × G·H */
  preH: Float64Array;
  /** b[r] — G·H (the same at every step) */
  preB: Float64Array;
}

/**
 * Splits the pre-activations of a T-step pass: `inputs` is x (T × I), `hs` holds h_{t−1} at t·H (the workspace's
 * layout, h_{−1} at 0), `rh` holds r_t ⊙ h_{t−1} at t·H (GRU; ignored otherwise). With `recurrent` false
 * (recurrence off) every step read the zero state, so preH is 0.
 */
export function preactivationParts(layout: ParamLayout, theta: Float64Array, cell: CellKind, T: number, inputs: Float64Array, hs: Float64Array, rh: Float64Array, recurrent = true): PreactivationParts {
  const { inputSize: I, hiddenSize: H } = layout.shape;
  const R = layout.gates * H;
  const preX = new Float64Array(T * R);
  const preH = new Float64Array(T * R);
  // the GRU's candidate rows (the last H) see r ⊙ h_{t−1} instead of h_{t−1}
  const resetFrom = cell === 'gru' ? 2 * H : R;
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < R; r++) {
      let sx = 0;
      for (let c = 0; c < I; c++) sx += theta[layout.wx + r * I + c] * inputs[t * I + c];
      const h = r < resetFrom ? hs : rh;
      let sh = 0;
      if (recurrent) for (let c = 0; c < H; c++) sh += theta[layout.wh + r * H + c] * h[t * H + c];
      preX[t * R + r] = sx;
      preH[t * R + r] = sh;
    }
  }
  return { preX, preH, preB: theta.slice(layout.b, layout.b + R) };
}
