import { describe, expect, it } from 'vitest';
import { coverage, expandSnapshot, HistoryCopy } from '../../src/present/history-copy';
import { TrainingHistory } from '../../src/state/history';
import type { HistoryChunk } from '../../src/worker/protocol';

/** `n` training steps from `from` on, with a loss and gradient norms that vary and every seventh step clipped. */
function steps(from: number, n: number): HistoryChunk {
  const c: HistoryChunk = { step: new Float64Array(n), loss: new Float64Array(n), gradNorm: new Float64Array(n), gradNormClipped: new Float64Array(n), clipped: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const k = from + i;
    c.step[i] = k + 1;
    c.loss[i] = 1 / (1 + 0.01 * k) + 0.1 * Math.sin(k);
    c.gradNorm[i] = 2 + Math.cos(0.3 * k);
    c.gradNormClipped[i] = Math.min(1, c.gradNorm[i]);
    c.clipped[i] = k % 7 === 0 ? 1 : 0;
  }
  return c;
}

const points = (h: TrainingHistory) => ({
  length: h.length,
  stride: h.stride,
  step: Array.from(h.step.subarray(0, h.length)),
  loss: Array.from(h.loss.subarray(0, h.length)),
  gradNorm: Array.from(h.gradNorm.subarray(0, h.length)),
  clipped: Array.from(h.clipped.subarray(0, h.length)),
});

describe("a mirror rebuilds the owner's training history from a snapshot", () => {
  it('coverage counts what TrainingHistory does: points, their steps, the unfinished point', () => {
    expect(coverage(3, 4)).toEqual({ counts: [1, 1, 1], pending: 0 });
    expect(coverage(4, 4)).toEqual({ counts: [1, 1, 1, 1], pending: 0 });
    // at capacity pairs merge, and the point just finished joins at its old size
    expect(coverage(5, 4)).toEqual({ counts: [2, 2, 1], pending: 0 });
    expect(coverage(6, 4)).toEqual({ counts: [2, 2, 1], pending: 1 });
    expect(coverage(7, 4)).toEqual({ counts: [2, 2, 1, 2], pending: 0 });
    const c = coverage(10_000, 2048);
    expect(c.counts.reduce((a, b) => a + b, 0) + c.pending).toBe(10_000);
  });

  for (const total of [0, 37, 2048, 2049, 5000, 70_001]) {
    it(`${total.toLocaleString('en-US')} steps in frames of uneven sizes: the same points, strides and clipped counts`, () => {
      const owner = new TrainingHistory();
      const copy = new HistoryCopy();
      for (let at = 0, size = 1; at < total; at += size, size = (size * 7 + 3) % 97 || 1) {
        const chunk = steps(at, Math.min(size, total - at));
        owner.append(chunk);
        copy.append(chunk);
      }
      const snapshot = structuredClone(copy.snapshot());
      expect(snapshot.total).toBe(total);
      const mirror = new TrainingHistory();
      mirror.append(expandSnapshot(snapshot));
      const a = points(owner);
      const b = points(mirror);
      expect({ ...b, loss: 0, gradNorm: 0 }).toEqual({ ...a, loss: 0, gradNorm: 0 });
      // equal values averaged give the value back, up to rounding in the last place
      b.loss.forEach((v, i) => expect(v).toBeCloseTo(a.loss[i], 12));
      expect(b.gradNorm).toEqual(a.gradNorm);
      // and the steps still to come land in the same points in both
      const more = steps(total, 333);
      owner.append(more);
      mirror.append(more);
      expect(points(mirror).step).toEqual(points(owner).step);
      points(mirror).loss.forEach((v, i) => expect(v).toBeCloseTo(points(owner).loss[i], 12));
    });
  }

  it('a snapshot whose count does not match its points still gives a curve: each point once', () => {
    const copy = new HistoryCopy();
    copy.append(steps(0, 100));
    const s = copy.snapshot();
    const chunk = expandSnapshot({ ...s, total: 5 });
    expect(chunk.step.length).toBe(100);
    expect(Array.from(chunk.step.subarray(0, 3))).toEqual([1, 2, 3]);
  });
});
