import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/engine/rng';
import { EchoTask } from '../../../src/engine/tasks/echo';
import { oneHotIndices, perfectOutputs, plain, uniformOutputs } from './helpers';

const make = (lag = 10, symbols = 4): EchoTask => new EchoTask({ kind: 'echo', lag, symbols });

describe('echo task', () => {
  it('has T = L + 1, K + 1 inputs, K outputs and a softmax head', () => {
    const task = make(10, 4);
    expect([task.length, task.inputSize, task.outputSize, task.head]).toEqual([11, 5, 4, 'softmax']);
  });
  it('shows the symbol at step 0, blanks after, and scores only step L with the first symbol', () => {
    const task = make(5, 3);
    const rng = new Rng(2);
    const seen = new Set<number>();
    for (let k = 0; k < 60; k++) {
      const seq = task.sample(rng);
      const idx = oneHotIndices(seq, 4);
      expect(idx).toEqual([...(seq.hot ?? [])]);
      expect(idx.slice(1)).toEqual([3, 3, 3, 3, 3]);
      expect(idx[0]).toBeLessThan(3);
      expect([...seq.mask]).toEqual([0, 0, 0, 0, 0, 1]);
      expect(seq.targets[5]).toBe(idx[0]);
      seen.add(idx[0]);
    }
    expect(seen.size).toBe(3);
  });
  it('labels symbols by letter and blanks by ·', () => {
    const task = make(2, 4);
    const seq = task.sequenceFor(2);
    expect([0, 1, 2].map((t) => task.inputLabel(seq, t))).toEqual(['C', '·', '·']);
    expect([0, 1, 2].map((t) => task.targetLabel(seq, t))).toEqual(['', '', 'C']);
    expect(task.outputLabel(Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.1, 0.7, 0.1, 0.1]), 4)).toBe('B');
  });
  it('is deterministic, with a balanced fixed eval set of 32 per symbol', () => {
    const task = make(10, 3);
    expect(plain(task.sample(new Rng(7)))).toEqual(plain(task.sample(new Rng(7))));
    const set = task.evalSet();
    expect(set).toHaveLength(96);
    const counts = [0, 0, 0];
    for (const s of set) counts[s.targets[10]]++;
    expect(counts).toEqual([32, 32, 32]);
    expect(make(10, 3).evalSet().map(plain)).toEqual(set.map(plain));
    expect(set.slice(0, 12).map((s) => s.targets[10])).not.toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
  });
  it('scores perfect outputs 1, uniform outputs chance 1/K, and a constant answer 1/K', () => {
    for (const K of [2, 3, 5, 8]) {
      const task = make(4, K);
      expect(task.evaluate(perfectOutputs(task)).value).toBe(1);
      const uni = task.evaluate(uniformOutputs(task));
      expect(uni.value).toBeCloseTo(1 / K, 14);
      expect(uni.baseline).toBeCloseTo(1 / K, 14);
      expect(uni.higherIsBetter).toBe(true);
      const alwaysLast = task.evalSet().map((s) => {
        const o = new Float64Array(s.length * K);
        o[(s.length - 1) * K + K - 1] = 1;
        return o;
      });
      expect(task.evaluate(alwaysLast).value).toBeCloseTo(1 / K, 14);
    }
  });
  it('rejects lag and symbols outside their limits', () => {
    expect(() => make(0, 4)).toThrow(/lag: must be between 1 and 200, got 0/);
    expect(() => make(201, 4)).toThrow(/lag: must be between 1 and 200, got 201/);
    expect(() => make(10, 9)).toThrow(/symbols: must be between 2 and 8, got 9/);
    expect(() => make(10, 1)).toThrow(/symbols: must be between 2 and 8, got 1/);
    expect(() => make(10, 4).sequenceFor(4)).toThrow(/symbol 4 is outside 0…3/);
  });
});
