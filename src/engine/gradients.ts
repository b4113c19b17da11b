import { accumulateOuterOverTime, transpose } from './kernels';
import type { Network } from './network';
import type { Sequence } from './types';

/**
 * The weight gradients from the error signals a backward sweep left in ws.dA (∂L/∂a_t) and ws.dY (∂L/∂y_t):
 * ∂Wx = Σ_t ∂a_t x_tᵀ, ∂Wh = Σ_t ∂a_t h_{t−1}ᵀ (GRU's n rows: Σ_t ∂a_t (r_t ⊙ h_{t−1})ᵀ), ∂b = Σ_t ∂a_t,
 * ∂Why = Σ_t ∂y_t h_tᵀ, ∂by = Σ_t ∂y_t — added to `grad`. One pass over time per weight instead of an
 * outer product per step: each entry is a dot product over t.
 * With recurrence off every step reads h_{t−1} = 0, so ∂Wh = 0: nothing is added to the Wh· blocks.
 */
export function weightGradients(net: Pick<Network, 'ws' | 'H' | 'I' | 'layout' | 'recurrent' | 'shape'>, seq: Sequence, T: number, grad: Float64Array): void {
  const { ws, H, I, layout: L } = net;
  const G = L.gates;
  const GH = G * H;
  const O = net.shape.outputSize;
  const { dA, dY, dAT, hPrevT, hT, xT, dYT } = ws;
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < GH; r++) grad[L.b + r] += dA[t * GH + r];
    for (let r = 0; r < O; r++) grad[L.by + r] += dY[t * O + r];
  }
  transpose(dA, 0, T, GH, dAT);
  transpose(ws.hs, H, T, H, hT);
  transpose(dY, 0, T, O, dYT);
  // With recurrence off the Wh· multiplied the zero state: their gradient is exactly 0 and nothing is added.
  if (net.recurrent) {
    transpose(ws.hs, 0, T, H, hPrevT);
    if (net.shape.cell === 'gru') {
      transpose(ws.rh, 0, T, H, ws.rhT);
      accumulateOuterOverTime(grad, L.wh, 2 * H, H, dAT, 0, hPrevT, T);
      accumulateOuterOverTime(grad, L.wh + 2 * H * H, H, H, dAT, 2 * H, ws.rhT, T);
    } else {
      accumulateOuterOverTime(grad, L.wh, GH, H, dAT, 0, hPrevT, T);
    }
  }
  accumulateOuterOverTime(grad, L.why, O, H, dYT, 0, hT, T);
  const hot = seq.hot;
  let allHot = hot !== undefined;
  for (let t = 0; t < T && allHot; t++) allHot = hot![t] >= 0;
  if (allHot) {
    // one-hot x_t: ∂Wx gains ∂a_t in column hot[t] only
    for (let t = 0; t < T; t++) {
      const c = hot![t];
      for (let r = 0; r < GH; r++) grad[L.wx + r * I + c] += dA[t * GH + r];
    }
  } else {
    transpose(seq.inputs, 0, T, I, xT);
    accumulateOuterOverTime(grad, L.wx, GH, I, dAT, 0, xT, T);
  }
}
