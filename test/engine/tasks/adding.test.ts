import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/engine/rng';
import { ADDING_BASELINE_MSE, AddingTask } from '../../../src/engine/tasks/adding';
import { perfectOutputs, plain } from './helpers';

const make = (seqLength = 50): AddingTask => new AddingTask({ kind: 'adding', seqLength });

describe('adding task', () => {
  it('has two input channels, one marker in each half, and the marked sum as the last target', () => {
    for (const T of [4, 5, 50, 51]) {
      const task = make(T);
      expect([task.inputSize, task.outputSize, task.head, task.length]).toEqual([2, 1, 'linear', T]);
      const rng = new Rng(T);
      for (let k = 0; k < 100; k++) {
        const seq = task.sample(rng);
        expect(seq.inputs.length).toBe(2 * T);
        const marked: number[] = [];
        for (let t = 0; t < T; t++) {
          const v = seq.inputs[2 * t];
          expect(v >= 0 && v < 1).toBe(true);
          const m = seq.inputs[2 * t + 1];
          expect(m === 0 || m === 1).toBe(true);
          if (m === 1) marked.push(t);
        }
        expect(marked).toHaveLength(2);
        expect(marked[0]).toBeLessThan(Math.floor(T / 2));
        expect(marked[1]).toBeGreaterThanOrEqual(Math.floor(T / 2));
        expect(seq.targets[T - 1]).toBe(seq.inputs[2 * marked[0]] + seq.inputs[2 * marked[1]]);
        expect([...seq.mask].reduce((a, b) => a + b, 0)).toBe(1);
        expect(seq.mask[T - 1]).toBe(1);
      }
    }
  });
  it('has an answer-1.0 MSE of 1/6 ≈ 0.1667, measured on 20,000 sequences and on the eval set', () => {
    const task = make(20);
    const rng = new Rng(123);
    let ss = 0;
    const n = 20000;
    for (let k = 0; k < n; k++) ss += (task.sample(rng).targets[19] - 1) ** 2;
    // the standard error of the mean of (S − 1)² is about sqrt((1/15 − 1/36)/n) ≈ 0.0014
    expect(Math.abs(ss / n - 1 / 6)).toBeLessThan(0.005);
    const ones = task.evalSet().map((s) => new Float64Array(s.length).fill(1));
    const m = task.evaluate(ones);
    expect(ADDING_BASELINE_MSE).toBeCloseTo(0.1667, 4);
    // the baseline is answer 1.0 on this very set, so answering 1.0 sits exactly on it; 256 draws put it within ±0.03 of 1/6
    expect(m.value).toBeCloseTo(m.baseline, 15);
    expect(Math.abs(m.baseline - ADDING_BASELINE_MSE)).toBeLessThan(0.03);
    expect(m.baselineName).toBe('always answer 1.0 (expected 1/6)');
  });
  it('scores perfect outputs 0 and ignores outputs at unscored steps', () => {
    const task = make(30);
    const outs = perfectOutputs(task);
    for (const o of outs) o[0] = 1e6;
    expect(task.evaluate(outs).value).toBe(0);
    outs[0][29] += 0.5;
    expect(task.evaluate(outs).value).toBeCloseTo(0.25 / 256, 15);
  });
  it('is deterministic with a fixed eval set of 256', () => {
    const task = make();
    expect(plain(task.sample(new Rng(7)))).toEqual(plain(task.sample(new Rng(7))));
    expect(task.evalSet()).toHaveLength(256);
    expect(make().evalSet().map(plain)).toEqual(task.evalSet().map(plain));
  });
  it('labels values with 3 digits and marks the marked steps', () => {
    const task = make(4);
    const seq = task.sample(new Rng(1));
    const labels = [0, 1, 2, 3].map((t) => task.inputLabel(seq, t));
    expect(labels.filter((l) => l.endsWith('*'))).toHaveLength(2);
    expect(labels[0].replace('*', '')).toBe(String(Number(seq.inputs[0].toPrecision(3))));
    expect(task.targetLabel(seq, 0)).toBe('');
    expect(task.targetLabel(seq, 3)).toBe(String(Number(seq.targets[3].toPrecision(3))));
  });
  it('rejects seqLength outside 4…400', () => {
    expect(() => make(3)).toThrow(/seqLength: must be between 4 and 400, got 3/);
    expect(() => make(401)).toThrow(/seqLength: must be between 4 and 400, got 401/);
  });
});
