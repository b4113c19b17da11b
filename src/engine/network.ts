import type { CellContext } from './cells/context';
import { gruBackward, gruForward } from './cells/gru';
import { lstmBackward, lstmForward } from './cells/lstm';
import { rnnBackward, rnnForward } from './cells/rnn';
import { headBackward, headForward } from './head';
import { weightGradients } from './gradients';
import { norm2, transpose } from './kernels';
import { ParamLayout } from './params';
import { validateShape } from './validate';
import type { CellKind, ModelShape, Sequence, TruncMode } from './types';
import { Workspace } from './workspace';

/** Options of a backward pass. */
export interface BackwardOptions {
  /** ∂(objective)/∂L: 1 for one sequence, 1/B to average a batch of B */
  scale?: number;
  /** truncated BPTT: each ℓ_τ flows back through at most k steps (0 or ≥ T: full BPTT) */
  truncate?: number;
  /** how `truncate` cuts: chunks of k steps (default) or a window of k steps per scored step */
  truncMode?: TruncMode;
  /** keep ∂L/∂h_t and ∂L/∂c_t of every step in ws.dhRec / ws.dcRec */
  record?: boolean;
  /** where ∂L/∂θ is added (default: the network's own `grad`) */
  grad?: Float64Array;
}

/**
 * A recurrent network: one cell, one head, parameters θ in one Float64Array, and the buffers of
 * its last pass. `forward(seq)` must precede `backward(seq)` on the same sequence.
 */
export class Network implements CellContext {
  readonly layout: ParamLayout;
  /** θ, laid out by `layout` */
  readonly theta: Float64Array;
  /** ∂(objective)/∂θ, accumulated by backward() until zeroed */
  readonly grad: Float64Array;
  readonly ws: Workspace;
  readonly H: number;
  readonly I: number;
  readonly activation: ModelShape['activation'];
  /** false when shape.recurrence is 'off': no step reads the one before (see cells/*.ts) */
  readonly recurrent: boolean;
  /** true when shape.forgetGate is 'tanh' (LSTM) */
  readonly tanhForget: boolean;
  private readonly cell: CellKind;
  /** number of scored steps in the last forward pass */
  scored = 0;
  /** T of the last forward pass */
  steps = 0;

  constructor(readonly shape: ModelShape) {
    validateShape(shape);
    this.layout = new ParamLayout(shape);
    this.theta = new Float64Array(this.layout.size);
    this.grad = new Float64Array(this.layout.size);
    this.ws = new Workspace(shape);
    this.H = shape.hiddenSize;
    this.I = shape.inputSize;
    this.activation = shape.activation;
    this.recurrent = (shape.recurrence ?? 'on') === 'on';
    this.tanhForget = shape.forgetGate === 'tanh';
    this.cell = shape.cell;
  }

  /**
   * Runs the sequence from h0 (and c0), zero when absent; returns L = mean of ℓ_t over scored steps (0 if none).
   * With recurrence off every step starts from zero, so h0 and c0 are ignored (and recorded as 0).
   */
  forward(seq: Sequence, h0?: ArrayLike<number>, c0?: ArrayLike<number>): number {
    const T = seq.length;
    const { ws, H, I, cell, recurrent } = this;
    ws.ensure(T);
    for (let j = 0; j < H; j++) ws.hs[j] = h0 && recurrent ? h0[j] : 0;
    if (cell === 'lstm') for (let j = 0; j < H; j++) ws.cs[j] = c0 && recurrent ? c0[j] : 0;
    const x = seq.inputs;
    const hot = seq.hot;
    let sum = 0;
    let n = 0;
    for (let t = 0; t < T; t++) {
      const k = hot ? hot[t] : -1;
      if (cell === 'lstm') lstmForward(this, t, x, t * I, k);
      else if (cell === 'gru') gruForward(this, t, x, t * I, k);
      else rnnForward(this, t, x, t * I, k);
      const l = headForward(this.layout, this.theta, ws, this.shape.head, seq, t);
      ws.losses[t] = l;
      if (seq.mask[t] === 1) {
        sum += l;
        n++;
      }
    }
    this.scored = n;
    this.steps = T;
    return n > 0 ? sum / n : 0;
  }

  /**
   * Adds scale·∂L/∂θ to the gradient and leaves ∂L/∂h0, ∂L/∂c0 in ws.dh0, ws.dc0 (scaled likewise).
   * Full BPTT sweeps once from T−1 to 0. Truncated BPTT with k steps (Williams & Peng 1990):
   * - `chunk` (default), TBPTT(k, k): the sequence is cut into chunks [0, k), [k, 2k), …; one sweep per chunk,
   *   from its last step to its first, starting from ∂/∂h = 0, so h (and c) before a chunk's first step is a
   *   constant for that chunk's losses; cost O(T), like one full sweep.
   * - `window`, BPTT(h) with h = k: the error of each scored step τ flows back through steps τ, τ−1, …, τ−k+1
   *   only, i.e. h_{τ−k} is treated as a constant for ℓ_τ; one sweep per scored step, cost O(#scored · k).
   * The sweep keeps each step's ∂L/∂a_t and ∂L/∂y_t; the weight gradients, sums over time such as
   * ∂Wh = Σ_t ∂a_t h_{t−1}ᵀ, are formed afterwards in one pass (gradients.ts).
   * With recurrence off nothing flows from a step to the one before: ∂Wh· = 0 (Wh· multiplies the zero state)
   * and ∂L/∂h0 = ∂L/∂c0 = 0; truncation changes nothing.
   */
  backward(seq: Sequence, opts: BackwardOptions = {}): void {
    const T = this.steps;
    const { ws, H, layout, theta } = this;
    const grad = opts.grad ?? this.grad;
    const record = opts.record === true;
    const k = opts.truncate ?? 0;
    const perStep = (opts.scale ?? 1) / Math.max(1, this.scored);
    const G = layout.gates;
    const O = this.shape.outputSize;
    transpose(theta, layout.wh, G * H, H, ws.whT);
    transpose(theta, layout.why, O, H, ws.whyT);
    ws.dA.fill(0, 0, T * G * H);
    ws.dY.fill(0, 0, T * O);
    ws.dh0.fill(0);
    ws.dc0.fill(0);
    if (record) {
      ws.dhRec.fill(0, 0, T * H);
      ws.dcRec.fill(0, 0, T * H);
    }
    if (k <= 0 || k >= T) {
      this.sweep(seq, T - 1, 0, -1, perStep, true, record);
    } else if ((opts.truncMode ?? 'chunk') === 'chunk') {
      for (let start = Math.floor((T - 1) / k) * k; start >= 0; start -= k) {
        this.sweep(seq, Math.min(T, start + k) - 1, start, -1, perStep, true, record);
      }
    } else {
      for (let tau = T - 1; tau >= 0; tau--) {
        if (seq.mask[tau] !== 1) continue;
        this.sweep(seq, tau, Math.max(0, tau - k + 1), tau, perStep, true, record);
      }
    }
    weightGradients(this, seq, T, grad);
  }

  /**
   * ‖∂ℓ_τ/∂h_k‖ (and ‖∂ℓ_τ/∂c_k‖ for LSTM) for k = 0…τ, exact (never truncated): how much of step τ's
   * error reaches step k. Writes into dhNorm[k] and dcNorm[k]; leaves θ's gradient untouched.
   * Needs forward(seq) first; τ must be a scored step.
   */
  flow(seq: Sequence, tau: number, dhNorm: Float64Array, dcNorm?: Float64Array): void {
    const { ws, H, layout, theta } = this;
    transpose(theta, layout.wh, layout.gates * H, H, ws.whT);
    transpose(theta, layout.why, this.shape.outputSize, H, ws.whyT);
    this.sweep(seq, tau, 0, tau, 1, false, false, (t) => {
      dhNorm[t] = norm2(ws.dh, 0, H);
      if (dcNorm) dcNorm[t] = this.cell === 'lstm' ? norm2(ws.dc, 0, H) : 0;
    });
  }

  /** Backward from step `from` down to `to`; only step `only` injects its error (−1: every scored step). */
  private sweep(seq: Sequence, from: number, to: number, only: number, perStep: number, accumulate: boolean,
    record: boolean, visit?: (t: number) => void): void {
    const { ws, H, cell, layout } = this;
    const { dh, dhNext, dcNext, dc } = ws;
    const head = this.shape.head;
    dhNext.fill(0);
    dcNext.fill(0);
    for (let t = from; t >= to; t--) {
      for (let j = 0; j < H; j++) dh[j] = dhNext[j];
      if (seq.mask[t] === 1 && (only < 0 || only === t)) headBackward(layout, ws, head, seq, t, perStep, accumulate);
      if (cell === 'lstm') lstmBackward(this, t, accumulate);
      else if (cell === 'gru') gruBackward(this, t, accumulate);
      else rnnBackward(this, t, accumulate);
      if (record) {
        const o = t * H;
        for (let j = 0; j < H; j++) ws.dhRec[o + j] += dh[j];
        if (cell === 'lstm') for (let j = 0; j < H; j++) ws.dcRec[o + j] += dc[j];
      }
      if (visit) visit(t);
    }
    if (to === 0 && !visit) {
      for (let j = 0; j < H; j++) ws.dh0[j] += dhNext[j];
      if (cell === 'lstm') for (let j = 0; j < H; j++) ws.dc0[j] += dcNext[j];
    }
  }
}
