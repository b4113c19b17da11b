import { exp, log } from './detmath';
import { dot } from './kernels';
import type { ParamLayout } from './params';
import type { HeadKind, Sequence } from './types';
import type { Workspace } from './workspace';

/**
 * y_t = Why h_t + by. Softmax head: p_t = softmax(y_t), ℓ_t = −log p_t[k] = logΣexp(y_t) − y_t[k];
 * linear head: ℓ_t = ½‖y_t − target_t‖². Writes y_t, p_t and returns ℓ_t (NaN when step t is not scored).
 */
export function headForward(L: ParamLayout, theta: Float64Array, ws: Workspace, head: HeadKind, seq: Sequence, t: number): number {
  const O = L.shape.outputSize;
  const H = L.shape.hiddenSize;
  const { ys, ps, hs } = ws;
  const yo = t * O;
  const ho = (t + 1) * H;
  for (let r = 0; r < O; r++) ys[yo + r] = theta[L.by + r] + dot(theta, L.why + r * H, hs, ho, H);
  const scored = seq.mask[t] === 1;
  if (head === 'softmax') {
    let m = -Infinity;
    for (let r = 0; r < O; r++) if (ys[yo + r] > m) m = ys[yo + r];
    let z = 0;
    for (let r = 0; r < O; r++) {
      const e = exp(ys[yo + r] - m);
      ps[yo + r] = e;
      z += e;
    }
    for (let r = 0; r < O; r++) ps[yo + r] /= z;
    if (!scored) return NaN;
    return m + log(z) - ys[yo + seq.targets[t]];
  }
  if (!scored) return NaN;
  let l = 0;
  for (let r = 0; r < O; r++) {
    const e = ys[yo + r] - seq.targets[yo + r];
    l += e * e;
  }
  return 0.5 * l;
}

/**
 * Backward of the head at a scored step t with weight `scale` (= ∂L/∂ℓ_t):
 * dy = scale·(p_t − e_k) (softmax) or scale·(y_t − target_t) (linear), added to row t of ws.dY when
 * `accumulate` (∂Why = Σ_t dy_t h_tᵀ and ∂by = Σ_t dy_t are formed after the sweep); ws.dh += Whyᵀ dy.
 */
export function headBackward(L: ParamLayout, ws: Workspace, head: HeadKind, seq: Sequence, t: number, scale: number, accumulate: boolean): void {
  const O = L.shape.outputSize;
  const H = L.shape.hiddenSize;
  const { dy, ys, ps, dY, dh, whyT } = ws;
  const yo = t * O;
  if (head === 'softmax') {
    const k = seq.targets[t];
    for (let r = 0; r < O; r++) dy[r] = scale * (ps[yo + r] - (r === k ? 1 : 0));
  } else {
    for (let r = 0; r < O; r++) dy[r] = scale * (ys[yo + r] - seq.targets[yo + r]);
  }
  if (accumulate) for (let r = 0; r < O; r++) dY[yo + r] += dy[r];
  for (let c = 0; c < H; c++) dh[c] += dot(whyT, c * O, dy, 0, O);
}
