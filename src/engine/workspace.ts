import type { ModelShape } from './types';
import { GATES } from './types';

/**
 * Buffers of one forward/backward pass, sized for the longest sequence seen so far and reused,
 * so a training step allocates nothing once the workspace has grown. Step t's vectors live at
 * offset t·n of their array; h and c have one extra leading slot for the initial state
 * (h_{−1} = h0 at offset 0, h_t at (t+1)·H).
 */
export class Workspace {
  /** capacity in timesteps */
  T = 0;
  /** h_{t−1…}: (T+1)·H */
  hs = new Float64Array(0);
  /** c (LSTM): (T+1)·H */
  cs = new Float64Array(0);
  /** tanh(c_t) (LSTM): T·H */
  tc = new Float64Array(0);
  /** gate values after their nonlinearity, G·H per step: rnn h; lstm f,i,g,o; gru z,r,n */
  act = new Float64Array(0);
  /** r ⊙ h_{t−1} (GRU): T·H */
  rh = new Float64Array(0);
  /** y_t: T·O */
  ys = new Float64Array(0);
  /** p_t = softmax(y_t) (softmax head): T·O */
  ps = new Float64Array(0);
  /** ℓ_t (NaN where not scored): T */
  losses = new Float64Array(0);
  /** recorded ∂L/∂h_t and ∂L/∂c_t: T·H each (filled only when recording) */
  dhRec = new Float64Array(0);
  dcRec = new Float64Array(0);
  /** per-step error signals kept for the weight gradients, computed once after the sweep: ∂/∂a_t (T × G·H) and ∂/∂y_t (T × O) */
  dA = new Float64Array(0);
  dY = new Float64Array(0);
  /** transposes (feature × time) of dA, h_{t−1}, h_t, x_t, r⊙h_{t−1} and dY, for the gradient products Σ_t a_t b_tᵀ */
  dAT = new Float64Array(0);
  hPrevT = new Float64Array(0);
  hT = new Float64Array(0);
  xT = new Float64Array(0);
  rhT = new Float64Array(0);
  dYT = new Float64Array(0);
  /** Whᵀ (H × G·H) and Whyᵀ (H × O), refreshed at each backward pass: the backward products become dot products */
  readonly whT: Float64Array;
  readonly whyT: Float64Array;
  /** H zeros, never written: the previous state every step reads when recurrence is off */
  readonly zeros: Float64Array;
  /** ∂L/∂h0, ∂L/∂c0 */
  readonly dh0: Float64Array;
  readonly dc0: Float64Array;
  // backward scratch
  readonly dh: Float64Array;
  readonly dhNext: Float64Array;
  readonly dc: Float64Array;
  readonly dcNext: Float64Array;
  readonly drh: Float64Array;
  readonly da: Float64Array;
  readonly dy: Float64Array;

  constructor(readonly shape: ModelShape) {
    const H = shape.hiddenSize;
    const G = GATES[shape.cell].length;
    this.zeros = new Float64Array(H);
    this.dh0 = new Float64Array(H);
    this.dc0 = new Float64Array(H);
    this.dh = new Float64Array(H);
    this.dhNext = new Float64Array(H);
    this.dc = new Float64Array(H);
    this.dcNext = new Float64Array(H);
    this.drh = new Float64Array(H);
    this.da = new Float64Array(G * H);
    this.dy = new Float64Array(shape.outputSize);
    this.whT = new Float64Array(H * G * H);
    this.whyT = new Float64Array(H * shape.outputSize);
  }

  /** Grows the buffers to hold `T` steps (a no-op when they already do). */
  ensure(T: number): void {
    if (T <= this.T) return;
    const { hiddenSize: H, outputSize: O, cell } = this.shape;
    const G = GATES[cell].length;
    const cap = Math.max(T, this.T * 2);
    this.T = cap;
    this.hs = new Float64Array((cap + 1) * H);
    this.act = new Float64Array(cap * G * H);
    if (cell === 'lstm') {
      this.cs = new Float64Array((cap + 1) * H);
      this.tc = new Float64Array(cap * H);
    }
    if (cell === 'gru') this.rh = new Float64Array(cap * H);
    this.ys = new Float64Array(cap * O);
    this.ps = new Float64Array(cap * O);
    this.losses = new Float64Array(cap);
    this.dhRec = new Float64Array(cap * H);
    this.dcRec = new Float64Array(cap * H);
    this.dA = new Float64Array(cap * G * H);
    this.dY = new Float64Array(cap * O);
    this.dAT = new Float64Array(cap * G * H);
    this.hPrevT = new Float64Array(cap * H);
    this.hT = new Float64Array(cap * H);
    this.xT = new Float64Array(cap * this.shape.inputSize);
    if (cell === 'gru') this.rhT = new Float64Array(cap * H);
    this.dYT = new Float64Array(cap * O);
  }
}
