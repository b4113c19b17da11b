import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/engine/rng';
import { SINE_AMPLITUDES, SINE_PERIODS, SineTask, sineSignal } from '../../../src/engine/tasks/sine';
import { perfectOutputs, plain } from './helpers';

const make = (noise = 0.05, components = 2, seqLength = 40): SineTask => new SineTask({ kind: 'sine', seqLength, noise, components });

describe('sineSignal', () => {
  it('is Σ a_k sin(2πt/P_k + φ_k) with the fixed periods and amplitudes', () => {
    const s = sineSignal(2, [0.3, 1.1], 5, 3);
    for (let i = 0; i < 3; i++) {
      const t = 5 + i;
      const want = SINE_AMPLITUDES[0] * Math.sin((2 * Math.PI * t) / SINE_PERIODS[0] + 0.3) + SINE_AMPLITUDES[1] * Math.sin((2 * Math.PI * t) / SINE_PERIODS[1] + 1.1);
      expect(s[i]).toBeCloseTo(want, 14);
    }
    expect(SINE_PERIODS.slice(0, 2)).toEqual([20, 7.3]);
    expect(sineSignal(1, [0], 0, 21)[20]).toBeCloseTo(0, 12); // period 20
  });
  it('validates its arguments', () => {
    expect(() => sineSignal(5, [0, 0, 0, 0, 0], 0, 1)).toThrow(/components: must be a whole number between 1 and 4, got 5/);
    expect(() => sineSignal(2, [0], 0, 1)).toThrow(/phases: needs 2 phases, got 1/);
    expect(() => sineSignal(1, [0], 0, -1)).toThrow(/count/);
  });
});

describe('sine task', () => {
  it('has x_t = s_t, target_t = s_{t+1}, every step scored, on a linear 1-in 1-out head', () => {
    const task = make(0.05);
    expect([task.inputSize, task.outputSize, task.head, task.length]).toEqual([1, 1, 'linear', 40]);
    const seq = task.sample(new Rng(1));
    expect(seq.inputs.length).toBe(40);
    expect(seq.targets.length).toBe(40);
    expect(seq.hot).toBeUndefined();
    expect([...seq.mask].every((m) => m === 1)).toBe(true);
    for (let t = 0; t < 39; t++) expect(seq.targets[t]).toBe(seq.inputs[t + 1]);
  });
  it('without noise equals the noiseless signal of the sequence’s phases, and truth() continues it', () => {
    const task = make(0, 3);
    const seq = task.sample(new Rng(9));
    const phases = task.phasesOf(seq);
    expect(phases?.length).toBe(3);
    const clean = sineSignal(3, phases as Float64Array, 0, 41);
    for (let t = 0; t < 40; t++) {
      expect(seq.inputs[t]).toBe(clean[t]);
      expect(seq.targets[t]).toBe(clean[t + 1]);
    }
    const ahead = task.truth(seq, 41, 10);
    expect([...ahead]).toEqual([...sineSignal(3, phases as Float64Array, 41, 10)]);
    expect(() => task.truth({ ...seq }, 0, 1)).toThrow(/not drawn by this sine task/);
  });
  it('adds noise of the configured σ', () => {
    const task = make(0.2, 1);
    const rng = new Rng(11);
    let ss = 0;
    let n = 0;
    for (let k = 0; k < 200; k++) {
      const seq = task.sample(rng);
      const clean = task.truth(seq, 0, 40);
      for (let t = 0; t < 40; t++) {
        ss += (seq.inputs[t] - clean[t]) ** 2;
        n++;
      }
    }
    expect(Math.sqrt(ss / n)).toBeGreaterThan(0.19);
    expect(Math.sqrt(ss / n)).toBeLessThan(0.21);
  });
  it('is deterministic and has a fixed eval set of 64', () => {
    const task = make();
    expect(plain(task.sample(new Rng(7)))).toEqual(plain(task.sample(new Rng(7))));
    expect(task.evalSet()).toHaveLength(64);
    expect(make().evalSet().map(plain)).toEqual(task.evalSet().map(plain));
  });
  it('scores perfect outputs 0 and persistence exactly at its baseline', () => {
    const task = make(0.05);
    const perfect = task.evaluate(perfectOutputs(task));
    expect(perfect.value).toBe(0);
    const persistence = task.evaluate(task.evalSet().map((s) => Float64Array.from(s.inputs)));
    expect(persistence.value).toBeCloseTo(persistence.baseline, 14);
    // E[(s_{t+1} − s_t)²] for the two components: Σ a_k²(1 − cos(2π/P_k)) + 2σ²
    const expected = (1 - Math.cos((2 * Math.PI) / 20)) + 0.25 * (1 - Math.cos((2 * Math.PI) / 7.3)) + 2 * 0.05 ** 2;
    expect(persistence.baseline).toBeGreaterThan(0.85 * expected);
    expect(persistence.baseline).toBeLessThan(1.15 * expected);
    expect(persistence.name).toBe('MSE');
    expect(persistence.higherIsBetter).toBe(false);
  });
  it('labels numbers with 3 significant digits', () => {
    const task = make();
    const seq = task.sample(new Rng(3));
    expect(task.inputLabel(seq, 0)).toBe(String(Number(seq.inputs[0].toPrecision(3))));
    expect(task.outputLabel(Float64Array.from([0, 1.23456]), 1)).toBe('1.23');
    expect(() => task.inputLabel(seq, 40)).toThrow(/step 40 is outside 0…39/);
  });
  it('rejects out-of-range parameters', () => {
    expect(() => make(1.5)).toThrow(/noise: must be between 0 and 1, got 1.5/);
    expect(() => make(0.1, 0)).toThrow(/components: must be between 1 and 4, got 0/);
    expect(() => make(NaN)).toThrow(/noise: must be a number, got NaN/);
  });
});
