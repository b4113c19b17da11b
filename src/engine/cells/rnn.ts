import { tanh } from '../detmath';
import { dot, preactivation, sigmoid } from '../kernels';
import type { CellContext } from './context';

/**
 * h_t = act(Wxh x_t + Whh h_{t−1} + bh); writes h_t to act[t] and hs[t+1].
 * Recurrence off: h_{t−1} is read as 0 (ws.zeros), so h_t = act(Wxh x_t + bh).
 */
export function rnnForward(cx: CellContext, t: number, x: Float64Array, xo: number, hot: number): void {
  const { H, I, layout: L, theta, ws, activation, recurrent } = cx;
  const a = ws.act;
  const ao = t * H;
  const hs = ws.hs;
  preactivation(a, ao, theta, L.b, L.wx, L.wh, H, I, H, x, xo, hot, recurrent ? hs : ws.zeros, recurrent ? t * H : 0);
  const ho = (t + 1) * H;
  for (let r = 0; r < H; r++) {
    const v = a[ao + r];
    let h: number;
    if (activation === 'tanh') h = tanh(v);
    else if (activation === 'relu') h = v > 0 ? v : 0;
    else if (activation === 'sigmoid') h = sigmoid(v);
    else h = v;
    a[ao + r] = h;
    hs[ho + r] = h;
  }
}

/**
 * Backward through step t, given ws.dh = ∂L/∂h_t:
 * da = dh ⊙ act′ (tanh: 1−h², σ: h(1−h), relu: [h>0], linear: 1), added to row t of ws.dA when
 * `accumulate` (the weight gradients Σ_t da_t ·ᵀ are formed from it after the sweep);
 * writes ws.dhNext = ∂L/∂h_{t−1} through this step = Whhᵀ da (ws.whT holds Whhᵀ); 0 with recurrence off.
 */
export function rnnBackward(cx: CellContext, t: number, accumulate: boolean): void {
  const { H, ws, activation } = cx;
  const { dh, da, dhNext, act, dA, whT } = ws;
  const ao = t * H;
  for (let r = 0; r < H; r++) {
    const h = act[ao + r];
    let d: number;
    if (activation === 'tanh') d = 1 - h * h;
    else if (activation === 'relu') d = h > 0 ? 1 : 0;
    else if (activation === 'sigmoid') d = h * (1 - h);
    else d = 1;
    da[r] = dh[r] * d;
  }
  if (accumulate) for (let r = 0; r < H; r++) dA[ao + r] += da[r];
  if (cx.recurrent) for (let k = 0; k < H; k++) dhNext[k] = dot(whT, k * H, da, 0, H);
  else dhNext.fill(0);
}
