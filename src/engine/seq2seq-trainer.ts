import { clipGradient, rangeNorm } from './clip';
import type { ClipConfig, ClipResult } from './clip';
import { Optimizer } from './optim';
import type { OptimizerConfig } from './optim';
import type { BlockLayout } from './seq2seq-layout';
import { divergenceMessage } from './trainer';
import type { Divergence } from './trainer';

/** A model trained on whole examples (a sentence pair, an image and its caption) with one flat θ. */
export interface TrainableModel<E> {
  readonly layout: BlockLayout;
  readonly theta: Float64Array;
  readonly grad: Float64Array;
  /** L of one example; keeps the pass for `backward` */
  forward(example: E): number;
  /** grad += scale·∂L/∂θ of the last forward pass */
  backward(scale: number): void;
}

/** How to train: the optimizer and the clipping of the whole gradient. */
export interface ExampleTrainerOptions {
  optimizer: OptimizerConfig;
  clip: ClipConfig;
}

/**
 * Mini-batch training of a TrainableModel, as Trainer does it for a Network: zero the gradient; for each of the B
 * examples L_b = forward, then backward with scale 1/B (so g = ∇θ (1/B) Σ_b L_b); clip; one optimizer update.
 * A non-finite loss or gradient stops before the update; a non-finite weight undoes it. Either sets `divergence`,
 * after which nothing more is applied.
 */
export class ExampleTrainer<E> {
  readonly optimizer: Optimizer;
  /** updates applied so far */
  step = 0;
  /** the latest batch's mean loss and gradient norms (before and after clipping) */
  loss = NaN;
  gradNorm = NaN;
  gradNormClipped = NaN;
  clipped = false;
  divergence: Divergence | null = null;
  private readonly clipOut: ClipResult = { normBefore: 0, normAfter: 0, clipped: false };
  private readonly before: Float64Array;

  constructor(readonly model: TrainableModel<E>, readonly options: ExampleTrainerOptions) {
    this.optimizer = new Optimizer(options.optimizer, model.theta.length);
    this.before = new Float64Array(model.theta.length);
  }

  /** One update θ ← θ − Δ(clip(∇θ (1/B) Σ_b L_b)); false (and `divergence` set) when something became non-finite. */
  trainBatch(batch: readonly E[]): boolean {
    if (this.divergence) return false;
    const { model } = this;
    const B = batch.length;
    model.grad.fill(0);
    let loss = 0;
    for (let b = 0; b < B; b++) {
      const l = model.forward(batch[b]);
      if (!Number.isFinite(l)) return this.diverge('loss');
      loss += l;
      model.backward(1 / B);
    }
    this.loss = loss / B;
    const c = clipGradient(model.grad, this.options.clip, this.clipOut);
    if (!Number.isFinite(c.normBefore)) return this.diverge(`gradient of ${this.locate(model.grad)}`);
    this.gradNorm = c.normBefore;
    this.gradNormClipped = c.normAfter;
    this.clipped = c.clipped;
    this.before.set(model.theta);
    this.optimizer.step(model.theta, model.grad);
    for (let i = 0; i < model.theta.length; i++) {
      if (!Number.isFinite(model.theta[i])) {
        const where = `weights ${this.locate(model.theta)}`;
        model.theta.set(this.before); // keep the last finite weights
        return this.diverge(where);
      }
    }
    this.step++;
    return true;
  }

  /** ‖g_block‖₂ of every block of the model, in layout order (overflow-safe). */
  blockNorms(): Float64Array {
    const { blocks } = this.model.layout;
    return Float64Array.from(blocks, (b) => rangeNorm(this.model.grad, b.offset, b.offset + b.rows * b.cols));
  }

  private diverge(quantity: string): false {
    const step = this.step;
    this.divergence = { step, cause: 'update', quantity, message: divergenceMessage(step, 'update', quantity) };
    return false;
  }

  /** The first block holding a non-finite entry, else the block with the largest entry (its norm overflowed). */
  private locate(v: Float64Array): string {
    let largest = '';
    let max = -1;
    for (const b of this.model.layout.blocks) {
      for (let i = b.offset; i < b.offset + b.rows * b.cols; i++) {
        if (!Number.isFinite(v[i])) return b.name;
        if (Math.abs(v[i]) > max) {
          max = Math.abs(v[i]);
          largest = b.name;
        }
      }
    }
    return `${largest} (its norm overflowed)`;
  }
}
