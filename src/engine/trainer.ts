import { blockNorms, clipGradient } from './clip';
import type { ClipConfig, ClipResult } from './clip';
import type { KernelPath } from './fast/choice';
import { FastPath } from './fast/path';
import type { Network } from './network';
import { Optimizer } from './optim';
import type { OptimizerConfig } from './optim';
import type { Sequence, TruncMode } from './types';

/** Where and what blew up when training diverged. */
export interface Divergence {
  /** the updates applied when it happened — the step the run stays at, so every view names the same number */
  step: number;
  /** 'update': the next update made the quantity non-finite and was not applied; 'weights': the current weights
   * (step `step`) give a non-finite quantity outside training, e.g. on the evaluation set */
  cause: 'update' | 'weights';
  /** the quantity that became NaN/±∞, in words: "hidden state h at t = 12", "gradient of Whh", "weights Why" */
  quantity: string;
  /** one sentence for people */
  message: string;
}

/** What one training step measured (one object, rewritten every step). */
export interface StepStats {
  /** mean over the batch of each sequence's loss L */
  loss: number;
  /** ‖∂L/∂θ‖₂ before and after clipping */
  gradNorm: number;
  gradNormClipped: number;
  clipped: boolean;
  /** ‖∂L/∂W‖ per named block (layout order), before and after clipping; filled only when recording */
  blockNormsBefore: Float64Array;
  blockNormsAfter: Float64Array;
}

/** The quantity named when the evaluation set's outputs, not a training step, overflow (declareDivergence). */
export const EVAL_OUTPUT_QUANTITY = 'output on the evaluation set';

/** The sentence a divergence shows, made from its step, cause and quantity (also for a divergence read from a file). */
export function divergenceMessage(step: number, cause: Divergence['cause'], quantity: string): string {
  return cause === 'update'
    ? `Training diverged at step ${step}: the next update made the ${quantity} infinite or NaN, so it was not applied.`
    : `Training diverged at step ${step}: with these weights the ${quantity} became infinite or NaN.`;
}

/**
 * Whether `q` is a quantity the trainer or the loop can name (locateForward, locateBlock, EVAL_OUTPUT_QUANTITY) for a
 * network with these blocks: a divergence read from a file names one of them, never free text.
 */
export function isDivergenceQuantity(q: string, blockNames: readonly string[]): boolean {
  if (q === 'loss' || q === EVAL_OUTPUT_QUANTITY) return true;
  if (/^(hidden state h|cell state c|output y) at t = \d{1,9}$/.test(q)) return true;
  // block names may be dotted: an encoder–decoder's enc.Whf, a captioner's conv.K
  const m = /^(gradient of|weights) ([\w.]+)( \(its norm overflowed\))?$/.exec(q);
  return m !== null && blockNames.includes(m[2]);
}

/** What a Trainer carries from one step to the next besides θ and the optimizer: its step, latest figures and divergence. */
export interface TrainerState {
  step: number;
  loss: number;
  gradNorm: number;
  gradNormClipped: number;
  clipped: boolean;
  divergence: Divergence | null;
}

/** How to train: optimizer, clipping and the truncation window of BPTT. */
export interface TrainerOptions {
  optimizer: OptimizerConfig;
  clip: ClipConfig;
  /** truncated BPTT: k steps (0 = full BPTT) */
  truncate: number;
  /** how truncation cuts (default chunk): see BackwardOptions */
  truncMode?: TruncMode;
  /** which kernels compute loss and gradient (default reference); `fast` falls back to reference where it cannot run */
  kernels?: KernelPath;
}

/** Mini-batch gradient descent on a Network: forward, BPTT, clipping, update, with divergence checks at each stage. */
export class Trainer {
  readonly optimizer: Optimizer;
  /** updates applied so far */
  step = 0;
  readonly stats: StepStats;
  /** set when a step diverged; no update is applied from then on until reset */
  divergence: Divergence | null = null;
  private readonly clipOut: ClipResult = { normBefore: 0, normAfter: 0, clipped: false };
  /** θ before the latest update, to undo an update that overflowed */
  private readonly before: Float64Array;
  /** the float32 WebAssembly path when asked for and available (θ, clipping and the update stay Float64) */
  private readonly fast: FastPath | null;

  constructor(readonly net: Network, readonly options: TrainerOptions) {
    this.fast = options.kernels === 'fast' ? FastPath.create(net) : null;
    this.optimizer = new Optimizer(options.optimizer, net.theta.length);
    this.before = new Float64Array(net.theta.length);
    const nb = net.layout.blocks.length;
    this.stats = { loss: 0, gradNorm: 0, gradNormClipped: 0, clipped: false, blockNormsBefore: new Float64Array(nb), blockNormsAfter: new Float64Array(nb) };
  }

  /**
   * One update θ ← θ − Δ(clip(∇θ (1/B) Σ_b L_b)). Returns false (and sets `divergence`) if the loss,
   * the gradient or the new weights are not finite; the weights are left as they were before a bad gradient.
   */
  trainBatch(batch: readonly Sequence[], record = false): boolean {
    if (this.divergence) return false;
    const { net, stats, fast } = this;
    const B = batch.length;
    net.grad.fill(0);
    fast?.loadWeights();
    let loss = 0;
    for (let b = 0; b < B; b++) {
      const seq = batch[b];
      const l = fast ? fast.forward(seq) : net.forward(seq);
      if (!Number.isFinite(l)) return this.diverge(fast ? fast.locateForward(seq) : this.locateForward(seq));
      loss += l;
      const opts = { scale: 1 / B, truncate: this.options.truncate, truncMode: this.options.truncMode, record };
      if (fast) fast.backward(seq, opts);
      else net.backward(seq, opts);
    }
    fast?.readGradient(net.grad);
    stats.loss = loss / B;
    if (record) blockNorms(net.layout, net.grad, stats.blockNormsBefore);
    const c = clipGradient(net.grad, this.options.clip, this.clipOut);
    if (!Number.isFinite(c.normBefore)) return this.diverge(this.locateBlock(net.grad, 'gradient of'));
    stats.gradNorm = c.normBefore;
    stats.gradNormClipped = c.normAfter;
    stats.clipped = c.clipped;
    if (record) blockNorms(net.layout, net.grad, stats.blockNormsAfter);
    this.before.set(net.theta);
    this.optimizer.step(net.theta, net.grad);
    for (let i = 0; i < net.theta.length; i++) {
      if (!Number.isFinite(net.theta[i])) {
        const where = this.locateBlock(net.theta, 'weights');
        net.theta.set(this.before); // keep the last finite weights on view
        return this.diverge(where);
      }
    }
    this.step++;
    return true;
  }

  /** The kernels that compute each step: `fast` only when asked for and available here. */
  get kernels(): KernelPath {
    return this.fast ? 'fast' : 'reference';
  }

  /** Its step, latest figures and divergence (the optimizer's state is `optimizer.state()`). */
  state(): TrainerState {
    const { loss, gradNorm, gradNormClipped, clipped } = this.stats;
    return { step: this.step, loss, gradNorm, gradNormClipped, clipped, divergence: this.divergence && { ...this.divergence } };
  }

  /** Takes a saved state (checkSnapshot checks one from a file); the per-block norms, filled only when recording, are cleared. */
  setState(s: TrainerState): void {
    this.step = s.step;
    Object.assign(this.stats, { loss: s.loss, gradNorm: s.gradNorm, gradNormClipped: s.gradNormClipped, clipped: s.clipped });
    this.stats.blockNormsBefore.fill(0);
    this.stats.blockNormsAfter.fill(0);
    this.divergence = s.divergence && { ...s.divergence };
  }

  /** Clears the divergence and the optimizer's state (the caller re-initializes θ). */
  reset(): void {
    this.divergence = null;
    this.step = 0;
    this.optimizer.reset();
  }

  /**
   * Declares a divergence found outside a training step — e.g. the evaluation set's outputs overflow with the
   * current weights while every training batch stayed finite. It is dated to the latest update (0: the initial weights).
   */
  declareDivergence(quantity: string): void {
    if (this.divergence) return;
    const step = this.step;
    this.divergence = { step, cause: 'weights', quantity, message: divergenceMessage(step, 'weights', quantity) };
  }

  private diverge(quantity: string): false {
    const step = this.step;
    this.divergence = { step, cause: 'update', quantity, message: divergenceMessage(step, 'update', quantity) };
    return false;
  }

  /** The first non-finite quantity of the last forward pass, in time order. */
  private locateForward(seq: Sequence): string {
    const { ws, H, shape } = this.net;
    const O = shape.outputSize;
    for (let t = 0; t < seq.length; t++) {
      for (let j = 0; j < H; j++) if (!Number.isFinite(ws.hs[(t + 1) * H + j])) return `hidden state h at t = ${t}`;
      if (shape.cell === 'lstm') for (let j = 0; j < H; j++) if (!Number.isFinite(ws.cs[(t + 1) * H + j])) return `cell state c at t = ${t}`;
      for (let r = 0; r < O; r++) if (!Number.isFinite(ws.ys[t * O + r])) return `output y at t = ${t}`;
    }
    return 'loss';
  }

  /** The first named block of `v` holding a non-finite entry; else (‖v‖ itself exceeds the largest double) the block with the largest entry. */
  private locateBlock(v: Float64Array, what: string): string {
    let largest = '';
    let max = -1;
    for (const b of this.net.layout.blocks) {
      for (let i = b.offset; i < b.offset + b.rows * b.cols; i++) {
        if (!Number.isFinite(v[i])) return `${what} ${b.name}`;
        if (Math.abs(v[i]) > max) {
          max = Math.abs(v[i]);
          largest = b.name;
        }
      }
    }
    return `${what} ${largest} (its norm overflowed)`;
  }
}
