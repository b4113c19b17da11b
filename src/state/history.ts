import type { HistoryChunk } from '../worker/protocol';

/** A TrainingHistory's whole content, to save it with a run and load it back: its points and the point being filled. */
export interface HistoryState {
  stride: number;
  step: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  gradNormClipped: Float64Array;
  clipped: Float64Array;
  /** the steps pushed into the next point so far (n < stride): their count, last step, loss sum, norm maxima, clipped count */
  partial: { n: number; step: number; loss: number; gradNorm: number; gradNormClipped: number; clipped: number };
}

/**
 * The training curve's memory, bounded at `capacity` points however long the run: when full, pairs of
 * neighbouring points merge and each new point then covers twice as many steps. Loss is averaged over the
 * steps a point covers; gradient norms keep their maximum, so an explosion is never averaged away.
 */
export class TrainingHistory {
  /** steps covered by one point */
  stride = 1;
  length = 0;
  readonly step: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly gradNormClipped: Float64Array;
  /** how many of the covered steps were clipped */
  readonly clipped: Float64Array;
  // the point being filled
  private acc = { n: 0, step: 0, loss: 0, g: 0, gc: 0, clipped: 0 };

  constructor(readonly capacity = 2048) {
    if (capacity < 4 || capacity % 2 !== 0) throw new Error('capacity must be an even number ≥ 4');
    this.step = new Float64Array(capacity);
    this.loss = new Float64Array(capacity);
    this.gradNorm = new Float64Array(capacity);
    this.gradNormClipped = new Float64Array(capacity);
    this.clipped = new Float64Array(capacity);
  }

  /** Adds one training step. */
  push(step: number, loss: number, gradNorm: number, gradNormClipped: number, clipped: boolean): void {
    const a = this.acc;
    a.n++;
    a.step = step;
    a.loss += loss;
    a.g = Math.max(a.g, gradNorm);
    a.gc = Math.max(a.gc, gradNormClipped);
    a.clipped += clipped ? 1 : 0;
    if (a.n < this.stride) return;
    if (this.length === this.capacity) this.halve();
    const i = this.length++;
    this.step[i] = a.step;
    this.loss[i] = a.loss / a.n;
    this.gradNorm[i] = a.g;
    this.gradNormClipped[i] = a.gc;
    this.clipped[i] = a.clipped;
    this.acc = { n: 0, step: 0, loss: 0, g: 0, gc: 0, clipped: 0 };
  }

  /** Adds every training step of a frame's history, in order. */
  append(chunk: HistoryChunk): void {
    for (let i = 0; i < chunk.step.length; i++) this.push(chunk.step[i], chunk.loss[i], chunk.gradNorm[i], chunk.gradNormClipped[i], chunk.clipped[i] === 1);
  }

  /** Forgets everything (a new run). */
  clear(): void {
    this.length = 0;
    this.stride = 1;
    this.acc = { n: 0, step: 0, loss: 0, g: 0, gc: 0, clipped: 0 };
  }

  /** A copy of its content; `load` of it gives a history that goes on exactly as this one. */
  state(): HistoryState {
    const n = this.length;
    const a = this.acc;
    return {
      stride: this.stride,
      step: this.step.slice(0, n),
      loss: this.loss.slice(0, n),
      gradNorm: this.gradNorm.slice(0, n),
      gradNormClipped: this.gradNormClipped.slice(0, n),
      clipped: this.clipped.slice(0, n),
      partial: { n: a.n, step: a.step, loss: a.loss, gradNorm: a.g, gradNormClipped: a.gc, clipped: a.clipped },
    };
  }

  /** Replaces its content by a saved one (checked by the caller: at most `capacity` points, the partial point short of `stride`). */
  load(s: HistoryState): void {
    if (s.step.length > this.capacity || s.partial.n >= s.stride) throw new Error('a saved history larger than this one');
    this.length = s.step.length;
    this.stride = s.stride;
    this.step.set(s.step);
    this.loss.set(s.loss);
    this.gradNorm.set(s.gradNorm);
    this.gradNormClipped.set(s.gradNormClipped);
    this.clipped.set(s.clipped);
    const p = s.partial;
    this.acc = { n: p.n, step: p.step, loss: p.loss, g: p.gradNorm, gc: p.gradNormClipped, clipped: p.clipped };
  }

  private halve(): void {
    const h = this.capacity / 2;
    for (let j = 0; j < h; j++) {
      const a = 2 * j;
      const b = a + 1;
      this.step[j] = this.step[b];
      this.loss[j] = (this.loss[a] + this.loss[b]) / 2;
      this.gradNorm[j] = Math.max(this.gradNorm[a], this.gradNorm[b]);
      this.gradNormClipped[j] = Math.max(this.gradNormClipped[a], this.gradNormClipped[b]);
      this.clipped[j] = this.clipped[a] + this.clipped[b];
    }
    this.length = h;
    this.stride *= 2;
  }
}

/** A bounded list of (step, value) points, oldest dropped first (a ring buffer for the task metric). */
export class PointRing {
  private readonly steps: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  length = 0;

  constructor(readonly capacity = 512) {
    this.steps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  push(step: number, value: number): void {
    const i = (this.start + this.length) % this.capacity;
    this.steps[i] = step;
    this.values[i] = value;
    if (this.length < this.capacity) this.length++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The k-th oldest point. */
  at(k: number): { step: number; value: number } {
    const i = (this.start + k) % this.capacity;
    return { step: this.steps[i], value: this.values[i] };
  }

  clear(): void {
    this.start = 0;
    this.length = 0;
  }

  /** Its points, oldest first (to save them with a run). */
  points(): { step: Float64Array; value: Float64Array } {
    const step = new Float64Array(this.length);
    const value = new Float64Array(this.length);
    for (let k = 0; k < this.length; k++) ({ step: step[k], value: value[k] } = this.at(k));
    return { step, value };
  }

  /** Replaces its points by saved ones, oldest first (the newest `capacity` are kept). */
  load(step: Float64Array, value: Float64Array): void {
    this.clear();
    for (let k = 0; k < step.length; k++) this.push(step[k], value[k]);
  }
}
