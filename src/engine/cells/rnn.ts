import { inputOuterAdd, inputVecAdd, matVecAdd, outerAddAndTransposedProduct, sigmoid } from '../kernels';
import type { CellContext } from './context';

/** h_t = act(Wxh x_t + Whh h_{t−1} + bh); writes h_t to act[t] and hs[t+1]. */
export function rnnForward(cx: CellContext, t: number, x: Float64Array, xo: number, hot: number): void {
  const { H, I, layout: L, theta, ws, activation } = cx;
  const a = ws.act;
  const ao = t * H;
  for (let r = 0; r < H; r++) a[ao + r] = theta[L.b + r];
  inputVecAdd(a, ao, theta, L.wx, H, I, x, xo, hot);
  matVecAdd(a, ao, theta, L.wh, H, H, ws.hs, t * H);
  const hs = ws.hs;
  const ho = (t + 1) * H;
  for (let r = 0; r < H; r++) {
    const v = a[ao + r];
    let h: number;
    if (activation === 'tanh') h = Math.tanh(v);
    else if (activation === 'relu') h = v > 0 ? v : 0;
    else if (activation === 'sigmoid') h = sigmoid(v);
    else h = v;
    a[ao + r] = h;
    hs[ho + r] = h;
  }
}

/**
 * Backward through step t, given ws.dh = ∂L/∂h_t:
 * da = dh ⊙ act′ (tanh: 1−h², σ: h(1−h), relu: [h>0], linear: 1); ∂Wxh += da xᵀ, ∂Whh += da h_{t−1}ᵀ, ∂bh += da;
 * writes ws.dhNext = ∂L/∂h_{t−1} through this step = Whhᵀ da.
 */
export function rnnBackward(cx: CellContext, grad: Float64Array, t: number, x: Float64Array, xo: number, hot: number): void {
  const { H, I, layout: L, theta, ws, activation } = cx;
  const { dh, da, dhNext, act } = ws;
  const ao = t * H;
  for (let r = 0; r < H; r++) {
    const h = act[ao + r];
    let d: number;
    if (activation === 'tanh') d = 1 - h * h;
    else if (activation === 'relu') d = h > 0 ? 1 : 0;
    else if (activation === 'sigmoid') d = h * (1 - h);
    else d = 1;
    const g = dh[r] * d;
    da[r] = g;
    grad[L.b + r] += g;
  }
  inputOuterAdd(grad, L.wx, H, I, da, 0, x, xo, hot);
  dhNext.fill(0);
  outerAddAndTransposedProduct(grad, theta, L.wh, H, H, da, 0, ws.hs, t * H, dhNext, 0);
}
