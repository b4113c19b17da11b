import type { CellContext } from './cells/context';
import { gruBackward, gruForward } from './cells/gru';
import { lstmBackward, lstmForward } from './cells/lstm';
import { rnnBackward, rnnForward } from './cells/rnn';
import { weightGradients } from './gradients';
import { headBackward, headForward } from './head';
import { transpose } from './kernels';
import { ParamLayout } from './params';
import type { Activation, CellKind, ModelShape, Sequence } from './types';
import { Workspace } from './workspace';

/**
 * One recurrent cell of a composite model — an encoder (no head: outputSize 0) or a decoder with its softmax head —
 * whose weights are a view into the model's flat θ (and its gradient a view into the flat gradient). It runs the
 * same step functions as Network (cells/*.ts, head.ts, gradients.ts); what it adds is a backward pass that starts
 * from a gradient arriving at its last state from outside (the decoder's ∂L/∂h0 reaching the encoder's h_T).
 */
export class CellPart implements CellContext {
  readonly layout: ParamLayout;
  readonly theta: Float64Array;
  readonly grad: Float64Array;
  readonly ws: Workspace;
  readonly H: number;
  readonly I: number;
  readonly O: number;
  readonly activation: Activation;
  readonly recurrent = true;
  readonly tanhForget = false;
  readonly cell: CellKind;
  /** T of the last forward pass, and its number of scored steps */
  steps = 0;
  scored = 0;
  private readonly noInput = new Float64Array(0);

  /** `theta`, `grad`: the whole model's arrays; this cell's blocks start at `offset` (BlockLayout.addCell). */
  constructor(readonly shape: ModelShape, theta: Float64Array, grad: Float64Array, offset: number) {
    this.layout = new ParamLayout(shape);
    this.theta = theta.subarray(offset, offset + this.layout.size);
    this.grad = grad.subarray(offset, offset + this.layout.size);
    this.ws = new Workspace(shape);
    this.H = shape.hiddenSize;
    this.I = shape.inputSize;
    this.O = shape.outputSize;
    this.activation = shape.activation;
    this.cell = shape.cell;
  }

  /** Puts h_{−1} = h0 and c_{−1} = c0 (zero when absent) into the workspace, sized for T steps. */
  start(T: number, h0?: ArrayLike<number>, c0?: ArrayLike<number>): void {
    const { ws, H } = this;
    ws.ensure(T);
    for (let j = 0; j < H; j++) ws.hs[j] = h0 ? h0[j] : 0;
    if (this.cell === 'lstm') for (let j = 0; j < H; j++) ws.cs[j] = c0 ? c0[j] : 0;
  }

  /** Step t on the one-hot input e_k: h_t (and c_t) from h_{t−1}; with a head also y_t and p_t (ℓ_t when `seq` scores t). */
  step(t: number, k: number, seq: Sequence): number {
    if (this.cell === 'lstm') lstmForward(this, t, this.noInput, 0, k);
    else if (this.cell === 'gru') gruForward(this, t, this.noInput, 0, k);
    else rnnForward(this, t, this.noInput, 0, k);
    if (this.O === 0) return NaN;
    const l = headForward(this.layout, this.theta, this.ws, 'softmax', seq, t);
    this.ws.losses[t] = l;
    return l;
  }

  /**
   * Runs a one-hot sequence (seq.hot) from (h0, c0). With a head, returns L = mean of ℓ_t over the scored steps;
   * without, 0. The final state is h_{T−1} at ws.hs[T·H …] (and c likewise).
   */
  forward(seq: Sequence, h0?: ArrayLike<number>, c0?: ArrayLike<number>): number {
    const T = seq.length;
    this.start(T, h0, c0);
    const hot = seq.hot!;
    let sum = 0;
    let n = 0;
    for (let t = 0; t < T; t++) {
      const l = this.step(t, hot[t], seq);
      if (seq.mask[t] === 1) {
        sum += l;
        n++;
      }
    }
    this.steps = T;
    this.scored = n;
    return n > 0 ? sum / n : 0;
  }

  /**
   * Adds scale·∂L/∂θ of this cell (and head) to its gradient view, for the last forward pass; leaves ∂L/∂h0 and ∂L/∂c0
   * in ws.dh0, ws.dc0. L is the head's mean loss (scored steps get ∂L/∂ℓ_t = scale/N) plus whatever reaches the final
   * state from outside: `dhLast` = ∂L/∂h_{T−1}, `dcLast` = ∂L/∂c_{T−1} (already scaled), the only error an encoder gets.
   * One full BPTT sweep, T−1 down to 0: dh_t = dhNext (from step t+1, or dhLast) + Whyᵀ dy_t, then the cell's step.
   */
  backward(seq: Sequence, scale: number, dhLast?: ArrayLike<number>, dcLast?: ArrayLike<number>): void {
    const T = this.steps;
    const { ws, H, O, layout, theta, cell } = this;
    const { dh, dhNext, dcNext } = ws;
    const G = layout.gates;
    const perStep = scale / Math.max(1, this.scored);
    transpose(theta, layout.wh, G * H, H, ws.whT);
    if (O > 0) transpose(theta, layout.why, O, H, ws.whyT);
    ws.dA.fill(0, 0, T * G * H);
    ws.dY.fill(0, 0, T * O);
    for (let j = 0; j < H; j++) {
      dhNext[j] = dhLast ? dhLast[j] : 0;
      dcNext[j] = dcLast && cell === 'lstm' ? dcLast[j] : 0;
    }
    for (let t = T - 1; t >= 0; t--) {
      dh.set(dhNext);
      if (O > 0 && seq.mask[t] === 1) headBackward(layout, ws, 'softmax', seq, t, perStep, true);
      if (cell === 'lstm') lstmBackward(this, t, true);
      else if (cell === 'gru') gruBackward(this, t, true);
      else rnnBackward(this, t, true);
    }
    ws.dh0.set(dhNext);
    if (cell === 'lstm') ws.dc0.set(dcNext);
    weightGradients(this, seq, T, this.grad);
  }

  /** h_t of the last pass for t = 0…T−1, as a T×H copy (the initial state excluded). */
  hidden(T: number): Float64Array {
    return this.ws.hs.slice(this.H, (T + 1) * this.H);
  }

  /** c_t likewise (LSTM; empty for the other cells). */
  cellState(T: number): Float64Array {
    return this.cell === 'lstm' ? this.ws.cs.slice(this.H, (T + 1) * this.H) : new Float64Array(0);
  }

  /** The final state h_{T−1} (or c_{T−1} with `c`), a view into the workspace valid until the next pass. */
  last(T: number, c = false): Float64Array {
    const a = c ? this.ws.cs : this.ws.hs;
    return a.subarray(T * this.H, (T + 1) * this.H);
  }
}
