import type { AnySession } from '../engine/create-session';
import type { Clock } from './loop-options';

/** How often a trainTo under way says how far it got (a 'progress' event, not a frame). */
export const PROGRESS_EVERY_MS = 250;

/**
 * A trainTo under way: train at full speed, in slices that still let messages through, no frames, until step `to`
 * (or a divergence); every PROGRESS_EVERY_MS it says how far it got.
 */
export class Jump {
  private lastProgress: number;

  private constructor(readonly to: number, now: number) {
    this.lastProgress = now;
  }

  /** The jump to step `to`, or null when there is nothing to train: the session is there (or past it), or diverged. */
  static toward(s: AnySession, to: number, now: number): Jump | null {
    return to > s.step && !s.divergence ? new Jump(to, now) : null;
  }

  /**
   * One slice: trains step by step (`trainOne` answers 0 when no step was trained) for up to `sliceMs`, full speed,
   * no pacing. Answers true when the jump has landed (at its step, or on a divergence): its frame is then due.
   */
  slice(s: AnySession, clock: Clock, sliceMs: number, trainOne: () => number, progress: (step: number) => void): boolean {
    const t0 = clock.now();
    while (s.step < this.to && clock.now() - t0 < sliceMs) {
      if (trainOne() === 0) break;
    }
    const now = clock.now();
    if (s.step >= this.to || s.divergence) return true;
    if (now - this.lastProgress >= PROGRESS_EVERY_MS) {
      this.lastProgress = now;
      progress(s.step);
    }
    return false;
  }
}
