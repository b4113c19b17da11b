import type { HistoryChunk } from './protocol';

/** Per-step training figures collected between two frames; handed over as a HistoryChunk and started afresh. */
export class HistoryCollector {
  private n = 0;
  private step = new Float64Array(256);
  private loss = new Float64Array(256);
  private gradNorm = new Float64Array(256);
  private gradNormClipped = new Float64Array(256);
  private clipped = new Uint8Array(256);

  /** Records one training step. */
  push(step: number, loss: number, gradNorm: number, gradNormClipped: number, clipped: boolean): void {
    if (this.n === this.step.length) this.grow();
    const i = this.n++;
    this.step[i] = step;
    this.loss[i] = loss;
    this.gradNorm[i] = gradNorm;
    this.gradNormClipped[i] = gradNormClipped;
    this.clipped[i] = clipped ? 1 : 0;
  }

  /** The steps recorded since the last take, as fresh arrays (safe to transfer), and an empty collector. */
  take(): HistoryChunk {
    const n = this.n;
    this.n = 0;
    return {
      step: this.step.slice(0, n),
      loss: this.loss.slice(0, n),
      gradNorm: this.gradNorm.slice(0, n),
      gradNormClipped: this.gradNormClipped.slice(0, n),
      clipped: this.clipped.slice(0, n),
    };
  }

  /** Forgets what was recorded. */
  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const m = this.step.length * 2;
    const g = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(m);
      b.set(a);
      return b;
    };
    this.step = g(this.step, (k) => new Float64Array(k));
    this.loss = g(this.loss, (k) => new Float64Array(k));
    this.gradNorm = g(this.gradNorm, (k) => new Float64Array(k));
    this.gradNormClipped = g(this.gradNormClipped, (k) => new Float64Array(k));
    this.clipped = g(this.clipped, (k) => new Uint8Array(k));
  }
}
