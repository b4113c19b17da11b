import { inputOuterAdd, inputVecAdd, matVecAdd, outerAddAndTransposedProduct, sigmoid } from '../kernels';
import type { CellContext } from './context';

/**
 * z,r = σ(Wx· x_t + Wh· h_{t−1} + b·), n = tanh(Wxn x_t + Whn (r ⊙ h_{t−1}) + bn),
 * h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}  (reset before the recurrent product, Cho et al. 2014).
 * Gate values go to act[t] as [z; r; n]; r ⊙ h_{t−1} to rh[t].
 */
export function gruForward(cx: CellContext, t: number, x: Float64Array, xo: number, hot: number): void {
  const { H, I, layout: L, theta, ws } = cx;
  const { act: a, hs, rh } = ws;
  const G = 3 * H;
  const ao = t * G;
  const hp = t * H;
  for (let r = 0; r < G; r++) a[ao + r] = theta[L.b + r];
  inputVecAdd(a, ao, theta, L.wx, G, I, x, xo, hot);
  // z and r see h_{t−1}; n sees r ⊙ h_{t−1}, so only the first 2H rows of Wh multiply h_{t−1}.
  matVecAdd(a, ao, theta, L.wh, 2 * H, H, hs, hp);
  for (let j = 0; j < 2 * H; j++) a[ao + j] = sigmoid(a[ao + j]);
  for (let j = 0; j < H; j++) rh[hp + j] = a[ao + H + j] * hs[hp + j];
  matVecAdd(a, ao + 2 * H, theta, L.wh + 2 * H * H, H, H, rh, hp);
  const ho = hp + H;
  for (let j = 0; j < H; j++) {
    const n = Math.tanh(a[ao + 2 * H + j]);
    a[ao + 2 * H + j] = n;
    const z = a[ao + j];
    hs[ho + j] = (1 - z) * n + z * hs[hp + j];
  }
}

/**
 * Backward through step t, given ws.dh = ∂L/∂h_t:
 * da_n = dh ⊙ (1−z) ⊙ (1−n²); d(r⊙h_{t−1}) = Whnᵀ da_n; da_r = d(r⊙h_{t−1}) ⊙ h_{t−1} ⊙ r(1−r);
 * da_z = dh ⊙ (h_{t−1} − n) ⊙ z(1−z);
 * ws.dhNext = ∂L/∂h_{t−1} through this step = dh ⊙ z + d(r⊙h_{t−1}) ⊙ r + Whzᵀ da_z + Whrᵀ da_r.
 */
export function gruBackward(cx: CellContext, grad: Float64Array, t: number, x: Float64Array, xo: number, hot: number): void {
  const { H, I, layout: L, theta, ws } = cx;
  const { dh, da, dhNext, drh, act, hs, rh } = ws;
  const G = 3 * H;
  const ao = t * G;
  const hp = t * H;
  for (let j = 0; j < H; j++) {
    const z = act[ao + j];
    const n = act[ao + 2 * H + j];
    da[2 * H + j] = dh[j] * (1 - z) * (1 - n * n);
    da[j] = dh[j] * (hs[hp + j] - n) * z * (1 - z);
  }
  drh.fill(0);
  outerAddAndTransposedProduct(grad, theta, L.wh + 2 * H * H, H, H, da, 2 * H, rh, hp, drh, 0);
  for (let j = 0; j < H; j++) {
    const r = act[ao + H + j];
    da[H + j] = drh[j] * hs[hp + j] * r * (1 - r);
    dhNext[j] = dh[j] * act[ao + j] + drh[j] * r;
  }
  for (let r = 0; r < G; r++) grad[L.b + r] += da[r];
  inputOuterAdd(grad, L.wx, G, I, da, 0, x, xo, hot);
  outerAddAndTransposedProduct(grad, theta, L.wh, 2 * H, H, da, 0, hs, hp, dhNext, 0);
}
