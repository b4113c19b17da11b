import { tanh } from '../detmath';
import { dot, preactivation, sigmoid } from '../kernels';
import type { CellContext } from './context';

/**
 * f = σ(Wxf x_t + Whf h_{t−1} + bf) (or tanh(…) with the tanh forget gate, f ∈ (−1, 1)),
 * i,o = σ(Wx· x_t + Wh· h_{t−1} + b·), g = tanh(Wxg x_t + Whg h_{t−1} + bg),
 * c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t). Gate values go to act[t] as [f; i; g; o].
 * Recurrence off: h_{t−1} and c_{t−1} are read as 0, so c_t = i ⊙ g and f has nothing to act on.
 */
export function lstmForward(cx: CellContext, t: number, x: Float64Array, xo: number, hot: number): void {
  const { H, I, layout: L, theta, ws, recurrent, tanhForget } = cx;
  const a = ws.act;
  const G = 4 * H;
  const ao = t * G;
  preactivation(a, ao, theta, L.b, L.wx, L.wh, G, I, H, x, xo, hot, recurrent ? ws.hs : ws.zeros, recurrent ? t * H : 0);
  const { cs, hs, tc } = ws;
  const cPrev = t * H;
  const cNow = cPrev + H;
  for (let j = 0; j < H; j++) {
    const f = tanhForget ? tanh(a[ao + j]) : sigmoid(a[ao + j]);
    const i = sigmoid(a[ao + H + j]);
    const g = tanh(a[ao + 2 * H + j]);
    const o = sigmoid(a[ao + 3 * H + j]);
    a[ao + j] = f;
    a[ao + H + j] = i;
    a[ao + 2 * H + j] = g;
    a[ao + 3 * H + j] = o;
    const c = recurrent ? f * cs[cPrev + j] + i * g : i * g;
    cs[cNow + j] = c;
    const th = tanh(c);
    tc[t * H + j] = th;
    hs[cNow + j] = o * th;
  }
}

/**
 * Backward through step t, given ws.dh = ∂L/∂h_t and ws.dcNext = ∂L/∂c_t through c_{t+1}:
 * dc = dcNext + dh ⊙ o ⊙ (1 − tanh²c_t)  (the total ∂L/∂c_t, left in ws.dc),
 * da_o = dh ⊙ tanh c_t ⊙ o(1−o), da_f = dc ⊙ c_{t−1} ⊙ f′ with f′ = f(1−f) (σ) or 1 − f² (tanh),
 * da_i = dc ⊙ g ⊙ i(1−i), da_g = dc ⊙ i ⊙ (1−g²);
 * adds da to row t of ws.dA when `accumulate`; writes ws.dcNext = dc ⊙ f = ∂L/∂c_{t−1} and
 * ws.dhNext = Whᵀ da = ∂L/∂h_{t−1} through this step.
 * Recurrence off: c_{t−1} = 0, so da_f = 0, and dcNext = dhNext = 0 (step t does not read step t−1).
 */
export function lstmBackward(cx: CellContext, t: number, accumulate: boolean): void {
  const { H, ws, recurrent, tanhForget } = cx;
  const { dh, dc, dcNext, da, dhNext, act, cs, tc, dA, whT } = ws;
  const G = 4 * H;
  const ao = t * G;
  for (let j = 0; j < H; j++) {
    const f = act[ao + j];
    const i = act[ao + H + j];
    const g = act[ao + 2 * H + j];
    const o = act[ao + 3 * H + j];
    const th = tc[t * H + j];
    const dcj = dcNext[j] + dh[j] * o * (1 - th * th);
    dc[j] = dcj;
    da[j] = recurrent ? dcj * cs[t * H + j] * (tanhForget ? 1 - f * f : f * (1 - f)) : 0;
    da[H + j] = dcj * g * i * (1 - i);
    da[2 * H + j] = dcj * i * (1 - g * g);
    da[3 * H + j] = dh[j] * th * o * (1 - o);
    dcNext[j] = recurrent ? dcj * f : 0;
  }
  if (accumulate) for (let r = 0; r < G; r++) dA[ao + r] += da[r];
  if (recurrent) for (let k = 0; k < H; k++) dhNext[k] = dot(whT, k * G, da, 0, G);
  else dhNext.fill(0);
}
