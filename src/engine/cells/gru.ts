import { tanh } from '../detmath';
import { dot, preactivation, sigmoid } from '../kernels';
import type { CellContext } from './context';

/**
 * z,r = σ(Wx· x_t + Wh· h_{t−1} + b·), n = tanh(Wxn x_t + Whn (r ⊙ h_{t−1}) + bn),
 * h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}  (reset before the recurrent product, Cho et al. 2014).
 * Gate values go to act[t] as [z; r; n]; r ⊙ h_{t−1} to rh[t].
 * Recurrence off: h_{t−1} is read as 0, so h_t = (1 − z) ⊙ n and r has nothing to act on.
 */
export function gruForward(cx: CellContext, t: number, x: Float64Array, xo: number, hot: number): void {
  const { H, I, layout: L, theta, ws, recurrent } = cx;
  const { act: a, hs, rh } = ws;
  const ao = t * 3 * H;
  const hp = t * H;
  const prev = recurrent ? hs : ws.zeros;
  const pp = recurrent ? hp : 0;
  // z and r see h_{t−1}; n sees r ⊙ h_{t−1}, so it is computed once r is known.
  preactivation(a, ao, theta, L.b, L.wx, L.wh, 2 * H, I, H, x, xo, hot, prev, pp);
  for (let j = 0; j < 2 * H; j++) a[ao + j] = sigmoid(a[ao + j]);
  for (let j = 0; j < H; j++) rh[hp + j] = a[ao + H + j] * prev[pp + j];
  preactivation(a, ao + 2 * H, theta, L.b + 2 * H, L.wx + 2 * H * I, L.wh + 2 * H * H, H, I, H, x, xo, hot, rh, hp);
  const ho = hp + H;
  for (let j = 0; j < H; j++) {
    const n = tanh(a[ao + 2 * H + j]);
    a[ao + 2 * H + j] = n;
    const z = a[ao + j];
    hs[ho + j] = (1 - z) * n + z * prev[pp + j];
  }
}

/**
 * Backward through step t, given ws.dh = ∂L/∂h_t:
 * da_n = dh ⊙ (1−z) ⊙ (1−n²); d(r⊙h_{t−1}) = Whnᵀ da_n; da_r = d(r⊙h_{t−1}) ⊙ h_{t−1} ⊙ r(1−r);
 * da_z = dh ⊙ (h_{t−1} − n) ⊙ z(1−z); adds [da_z; da_r; da_n] to row t of ws.dA when `accumulate`;
 * ws.dhNext = ∂L/∂h_{t−1} through this step = dh ⊙ z + d(r⊙h_{t−1}) ⊙ r + Whzᵀ da_z + Whrᵀ da_r.
 * Recurrence off: h_{t−1} = 0, so da_r = 0, da_z = −dh ⊙ n ⊙ z(1−z), and dhNext = 0.
 */
export function gruBackward(cx: CellContext, t: number, accumulate: boolean): void {
  const { H, ws, recurrent } = cx;
  const { dh, da, dhNext, drh, act, hs, dA, whT } = ws;
  const G = 3 * H;
  const ao = t * G;
  const prev = recurrent ? hs : ws.zeros;
  const pp = recurrent ? t * H : 0;
  for (let j = 0; j < H; j++) {
    const z = act[ao + j];
    const n = act[ao + 2 * H + j];
    da[2 * H + j] = dh[j] * (1 - z) * (1 - n * n);
    da[j] = dh[j] * (prev[pp + j] - n) * z * (1 - z);
  }
  // whT is Whᵀ (H × 3H): its row k holds column k of [Whz; Whr; Whn].
  for (let k = 0; k < H; k++) drh[k] = dot(whT, k * G + 2 * H, da, 2 * H, H);
  for (let j = 0; j < H; j++) {
    const r = act[ao + H + j];
    da[H + j] = drh[j] * prev[pp + j] * r * (1 - r);
  }
  if (recurrent) for (let k = 0; k < H; k++) dhNext[k] = dh[k] * act[ao + k] + drh[k] * act[ao + H + k] + dot(whT, k * G, da, 0, 2 * H);
  else dhNext.fill(0);
  if (accumulate) for (let r = 0; r < G; r++) dA[ao + r] += da[r];
}
