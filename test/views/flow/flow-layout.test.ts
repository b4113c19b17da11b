import { describe, expect, it } from 'vitest';
import { clipIndices, decade, describeFlow, formatFactor, logDomain, logScale, logTicks, logY, MAX_DECADES, spikeIndices, stepFactor, trendOf, truncationWindow } from '../../../src/views/flow/flow-layout';
import { boundWords, spectralWords } from '../../../src/views/flow/flow-words';
import { linearRnn } from './flow-fixtures';

describe('logDomain', () => {
  it('spans whole decades around the positive finite values and ignores 0, negatives, NaN and ∞', () => {
    expect(logDomain([[0.003, 0, -1, NaN, 42, Infinity]])).toEqual([0.001, 100]);
    expect(logDomain([[0.5], [0, 7]], [20])).toEqual([0.1, 100]);
  });
  it('is at least one decade wide, and [0.1, 1] with nothing positive', () => {
    expect(logDomain([[0.2, 0.3]])).toEqual([0.1, 1]);
    expect(logDomain([[1, 1]])).toEqual([0.1, 1]);
    expect(logDomain([[0, NaN, -3]])).toEqual([0.1, 1]);
    expect(logDomain([])).toEqual([0.1, 1]);
  });
  it('keeps the top MAX_DECADES decades when values reach far down', () => {
    expect(logDomain([[1e-300, 5]])).toEqual([decade(1 - MAX_DECADES), 10]);
  });
  it('reads only the first n values when n is given', () => {
    expect(logDomain([[5, 0.001, 500]], [], 1)).toEqual([1, 10]);
  });
});

describe('log scale helpers', () => {
  const s = logScale([0.001, 100], 200, 0);
  it('maps decades evenly and pins values beyond the domain to its edges', () => {
    expect(s(0.001)).toBe(200);
    expect(s(100)).toBe(0);
    expect(s(1)).toBeCloseTo(80, 10);
    expect(s(1e-9)).toBe(200);
  });
  it('gives no place (NaN, a gap) to 0, negatives and non-finite values', () => {
    const y = logY(s);
    expect(y(0)).toBeNaN();
    expect(y(-2)).toBeNaN();
    expect(y(NaN)).toBeNaN();
    expect(y(Infinity)).toBeNaN();
    expect(y(10)).toBeCloseTo(40, 10);
  });
  it('ticks the powers of ten, thinned to at most `max`', () => {
    expect(logTicks(s).map((t) => t.label)).toEqual(['1e-3', '0.01', '0.1', '1', '10', '100']);
    expect(logTicks(s, 3).map((t) => t.label)).toEqual(['0.01', '1', '100']);
    expect(logTicks(logScale([1e-8, 1e4], 100, 0), 4).map((t) => t.label)).toEqual(['1e-8', '1e-4', '1', '1e4']);
  });
});

describe('stepFactor', () => {
  it('is the geometric mean of v[k−1]/v[k]', () => {
    // ratios 0.5, 0.25 → √0.125
    expect(stepFactor([1, 2, 8])!.factor).toBeCloseTo(Math.sqrt(0.125), 14);
    expect(stepFactor([1, 2, 8])!.pairs).toBe(2);
  });
  it('skips pairs with a zero or NaN and is null when none is left', () => {
    expect(stepFactor([3, 0, 2, 4])).toEqual({ factor: 0.5, pairs: 1 });
    expect(stepFactor([0, 0, NaN])).toBeNull();
    expect(stepFactor([5])).toBeNull();
  });
  it('of a linear RNN with Whh = s·I is s, for s = 0.5 and s = 1.5 (engine profiles)', () => {
    for (const s of [0.5, 1.5]) {
      const r = linearRnn(s).inspect(0);
      expect(r.tau).toBe(11);
      // ‖∂ℓ_τ/∂h_k‖ = s^(τ−k)·‖∂ℓ_τ/∂h_τ‖ exactly: every ratio is s
      for (let k = 1; k <= r.tau; k++) expect(r.flowH[k - 1] / r.flowH[k]).toBeCloseTo(s, 12);
      const fit = stepFactor(r.flowH)!;
      expect(fit.pairs).toBe(11);
      expect(fit.factor).toBeCloseTo(s, 12);
    }
  });
});

describe('trend and words', () => {
  it('falls below 1 − 2%, rises above 1 + 2%, is level between', () => {
    expect(trendOf(0.5)).toBe('falling');
    expect(trendOf(0.979)).toBe('falling');
    expect(trendOf(0.99)).toBe('level');
    expect(trendOf(1.019)).toBe('level');
    expect(trendOf(1.5)).toBe('rising');
  });
  it('flips from falling to rising between recurrent scale 0.5 and 1.5 on the engine', () => {
    const lo = describeFlow(stepFactor(linearRnn(0.5).inspect(0).flowH));
    const hi = describeFlow(stepFactor(linearRnn(1.5).inspect(0).flowH));
    expect(lo).toBe('Falling: each step back multiplies the error by 0.50; after 11 steps 0.000488 of it is left (vanishing gradient).');
    expect(hi).toBe('Rising: each step back multiplies the error by 1.50; after 11 steps it is 86.5× larger (exploding gradient).');
    expect(describeFlow(stepFactor(linearRnn(1).inspect(0).flowH))).toBe('Level: each step back multiplies the error by 1.00; it reaches the earliest step about undiminished.');
    expect(describeFlow(null)).toMatch(/^Too few nonzero values/);
  });
  it('formats factors with two decimals, or two significant digits far from 1', () => {
    expect(formatFactor(0.6234)).toBe('0.62');
    expect(formatFactor(0.0031)).toBe('3.1e-3');
    expect(formatFactor(250)).toBe('2.5e+2');
    expect(formatFactor(NaN)).toBe('—');
  });
});

describe('spikes and clipping marks', () => {
  it('marks a point more than 10× the median of the points before it, once 5 exist', () => {
    const v = [100, 1, 1, 1, 1, 1, 11, 9, 1, 2, 30, NaN, 1];
    // index 0 has no history; 6: 11 > 10·1; 7: 9 is not; 10: 30 > 10·median(1,1,1,1,11,9,1,2 …) = 10; NaN overflowed
    expect(spikeIndices(v, v.length)).toEqual([6, 10, 11]);
    expect(spikeIndices(v, 8)).toEqual([6]);
    expect(spikeIndices(v, v.length, 20)).toEqual([10, 11]);
  });
  it('uses only the last `window` points for the median: a lasting jump stops being a spike once it is the norm', () => {
    const v = [1, 1, 1, 1, 1, 1, 100, 100, 100, 100, 100, 100, 1000];
    // window 5: at i = 9 the median of [100, 100, 100, 1, 1] is 100; 1000 at i = 12 is exactly 10× it, not more
    expect(spikeIndices(v, v.length, 10, 5)).toEqual([6, 7, 8]);
    // window 12: the six 1s keep the median at 1 until i = 12, where it is (1 + 100)/2 = 50.5 < 1000/10
    expect(spikeIndices(v, v.length, 10, 12)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });
  it('lists exactly the points that cover a clipped step', () => {
    expect(clipIndices([0, 1, 0, 3, 0], 5)).toEqual([1, 3]);
    expect(clipIndices([0, 1, 0, 3, 0], 2)).toEqual([1]);
  });
});

describe('truncationWindow', () => {
  it('window: covers τ back to τ − k + 1, and nothing for full BPTT or a window longer than the profile', () => {
    expect(truncationWindow(11, 4, 'window')).toEqual({ from: 8, to: 11 });
    expect(truncationWindow(11, 11, 'window')).toEqual({ from: 1, to: 11 });
    expect(truncationWindow(11, 12, 'window')).toBeNull();
    expect(truncationWindow(11, 0, 'window')).toBeNull();
  });

  it('chunk: covers τ back to the start of its chunk ⌊τ/k⌋·k, and nothing for full BPTT or τ in the first chunk', () => {
    expect(truncationWindow(11, 4, 'chunk')).toEqual({ from: 8, to: 11 });
    expect(truncationWindow(10, 4, 'chunk')).toEqual({ from: 8, to: 10 });
    expect(truncationWindow(12, 4, 'chunk')).toEqual({ from: 12, to: 12 });
    expect(truncationWindow(11, 5, 'chunk')).toEqual({ from: 10, to: 11 });
    expect(truncationWindow(11, 11, 'chunk')).toEqual({ from: 11, to: 11 });
    expect(truncationWindow(11, 12, 'chunk')).toBeNull();
    expect(truncationWindow(3, 4, 'chunk')).toBeNull();
    expect(truncationWindow(11, 0, 'chunk')).toBeNull();
  });
});

describe('spectral words', () => {
  const w = (radius: number, sigmaMax = radius) => [{ name: 'Whh', radius, sigmaMax }];
  it('says ρ against the critical value 1', () => {
    expect(spectralWords(null)).toBe('ρ(Whh) and σmax appear with the first frame.');
    expect(spectralWords(w(0.62, 0.9))).toBe('ρ(Whh) = 0.62, σmax = 0.90: ρ < 1, so repeated products with Whh shrink the error — it tends to vanish.');
    expect(spectralWords(w(1.003))).toMatch(/^ρ\(Whh\) = 1\.00, σmax = 1\.00: ρ = 1, the critical value/);
    expect(spectralWords(w(1.2))).toMatch(/: ρ > 1, so repeated products with Whh can grow the error/);
    // gated cells: the largest of their recurrent matrices
    const gru = [{ name: 'Whz', radius: 0.4, sigmaMax: 0.5 }, { name: 'Whr', radius: 1.3, sigmaMax: 1.6 }, { name: 'Whn', radius: 0.9, sigmaMax: 1 }];
    expect(spectralWords(gru)).toMatch(/^largest ρ over Whz, Whr, Whn: ρ\(Whr\) = 1\.30, σmax = 1\.60: ρ > 1/);
  });
  it('bounds one step of a vanilla RNN by max act′ · σmax', () => {
    expect(boundWords('tanh', w(0.8, 0.95))).toBe('One step back scales the error by at most max tanh′ · σmax = 1 × 0.95 = 0.95 < 1: it must vanish.');
    expect(boundWords('sigmoid', w(3, 3.6))).toBe('One step back scales the error by at most max sigmoid′ · σmax = 0.25 × 3.60 = 0.90 < 1: it must vanish.');
    expect(boundWords('relu', w(1, 1.2))).toBe('One step back scales the error by at most max relu′ · σmax = 1 × 1.20 = 1.20 ≥ 1: vanishing is not guaranteed.');
    expect(boundWords('tanh', null)).toBeNull();
  });
});
