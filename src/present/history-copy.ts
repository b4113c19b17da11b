/**
 * The training curve of a run, handed from the owner to a mirror that connects mid-run. A TrainingHistory merges
 * neighbouring points as it fills, so which steps a point covers depends only on how many steps were pushed
 * (`coverage`). The owner sends its points, that count and the few raw steps not yet in a point; the mirror feeds
 * each point's value back as that many steps, and its TrainingHistory ends with the same points: the same curve and
 * the same "loss … at step …" in both windows (equal loss values averaged give that value back, up to rounding).
 */
import { TrainingHistory } from '../state/history';
import type { HistoryChunk } from '../worker/protocol';
import type { HistorySnapshot } from './channel-messages';

/** Above this many steps a mirror's catch-up feeds each point once (the same curve, coarser newest points) instead of
 * rebuilding every step: the rebuilt steps would take 40 bytes each for a moment. */
export const EXPAND_MAX = 1 << 20;
/** Raw steps the owner keeps for the tail: a point covers at most this many until a run passes ~8 million steps. */
const TAIL_MAX = 4096;

/**
 * How many steps each point of a TrainingHistory of `capacity` covers after `total` pushes, and how many steps wait
 * in its unfinished point: TrainingHistory.push and halve, counting steps instead of averaging values.
 */
export function coverage(total: number, capacity: number): { counts: number[]; pending: number } {
  const counts: number[] = [];
  let stride = 1;
  let acc = 0;
  for (let k = 0; k < total; k++) {
    if (++acc < stride) continue;
    if (counts.length === capacity) {
      for (let j = 0; j < capacity / 2; j++) counts[j] = counts[2 * j] + counts[2 * j + 1];
      counts.length = capacity / 2;
      stride *= 2;
    }
    counts.push(acc);
    acc = 0;
  }
  return { counts, pending: acc };
}

const emptyChunk = (n: number): HistoryChunk => ({ step: new Float64Array(n), loss: new Float64Array(n), gradNorm: new Float64Array(n), gradNormClipped: new Float64Array(n), clipped: new Uint8Array(n) });

/** The owner's copy of its run's history, fed with every frame it relays. */
export class HistoryCopy {
  private history: TrainingHistory;
  private total = 0;
  /** the latest chunks, covering at least the last TAIL_MAX steps */
  private recent: HistoryChunk[] = [];

  constructor(readonly capacity = new TrainingHistory().capacity) {
    this.history = new TrainingHistory(capacity);
  }

  append(chunk: HistoryChunk): void {
    this.history.append(chunk);
    this.total += chunk.step.length;
    this.recent.push(chunk);
    let kept = this.recent.reduce((n, c) => n + c.step.length, 0);
    while (this.recent.length > 1 && kept - this.recent[0].step.length >= TAIL_MAX) kept -= this.recent.shift()!.step.length;
  }

  clear(): void {
    this.history.clear();
    this.total = 0;
    this.recent = [];
  }

  snapshot(): HistorySnapshot {
    const h = this.history;
    const L = h.length;
    const points = { step: h.step.slice(0, L), loss: h.loss.slice(0, L), gradNorm: h.gradNorm.slice(0, L), gradNormClipped: h.gradNormClipped.slice(0, L), clipped: h.clipped.slice(0, L) };
    // the steps in the unfinished point are the last ones pushed (at most one point's worth: fewer than total − L)
    const pending = this.total <= EXPAND_MAX ? coverage(this.total, this.capacity).pending : 0;
    const tail = emptyChunk(Math.min(pending, TAIL_MAX));
    let at = tail.step.length;
    for (let c = this.recent.length - 1; c >= 0 && at > 0; c--) {
      const chunk = this.recent[c];
      for (let i = chunk.step.length - 1; i >= 0 && at > 0; i--) {
        at--;
        tail.step[at] = chunk.step[i];
        tail.loss[at] = chunk.loss[i];
        tail.gradNorm[at] = chunk.gradNorm[i];
        tail.gradNormClipped[at] = chunk.gradNormClipped[i];
        tail.clipped[at] = chunk.clipped[i];
      }
    }
    return { total: this.total, points, tail };
  }
}

/**
 * The steps to feed a fresh TrainingHistory so that it holds the snapshot's points: point j's values repeated over
 * the steps it covers (its clipped count as that many clipped steps first), then the tail as it was.
 */
export function expandSnapshot(s: HistorySnapshot, capacity = new TrainingHistory().capacity): HistoryChunk {
  const L = s.points.step.length;
  const cover = s.total <= EXPAND_MAX ? coverage(s.total, capacity) : null;
  // a snapshot that does not match its own count (or is too long to rebuild): each point once
  const counts = cover && cover.counts.length === L && cover.pending === s.tail.step.length ? cover.counts : new Array<number>(L).fill(1);
  const n = counts.reduce((a, b) => a + b, 0) + s.tail.step.length;
  const out = emptyChunk(n);
  let k = 0;
  for (let j = 0; j < L; j++) {
    const c = counts[j];
    const clipped = Math.min(c, Math.round(s.points.clipped[j]));
    for (let r = 0; r < c; r++, k++) {
      // the point's step is the step of the last one it covers; the others only need to come before it
      out.step[k] = s.points.step[j] - (c - 1 - r);
      out.loss[k] = s.points.loss[j];
      out.gradNorm[k] = s.points.gradNorm[j];
      out.gradNormClipped[k] = s.points.gradNormClipped[j];
      out.clipped[k] = r < clipped ? 1 : 0;
    }
  }
  out.step.set(s.tail.step, k);
  out.loss.set(s.tail.loss, k);
  out.gradNorm.set(s.tail.gradNorm, k);
  out.gradNormClipped.set(s.tail.gradNormClipped, k);
  out.clipped.set(s.tail.clipped, k);
  return out;
}
