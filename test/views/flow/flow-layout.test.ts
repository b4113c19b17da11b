import { describe, expect, it } from 'vitest';
import { clipIndices, decade, EXPLOSION_NORM, explosionIndices, formatLog10, logDomain, logScale, logTicks, logY, MAX_DECADES, tickEvery, truncationWindow } from '../../../src/views/flow/flow-layout';
import { describeFlow, flowShape, formatFactor, stepFactor, trendOf } from '../../../src/views/flow/flow-shape';
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
  it('covers every positive finite value when the span is unlimited: a 1e25 spike stretches the top, the floor stays at the smallest value', () => {
    expect(logDomain([[2.48, 1e25, 19.6, 4.6, 4.7]], [], undefined, Infinity)).toEqual([1, 1e25]);
    // the capped domain (the profile's) is the one that put the floor at 1e13
    expect(logDomain([[2.48, 1e25, 19.6, 4.6, 4.7]])).toEqual([1e13, 1e25]);
    expect(logDomain([[1e-300, 5]], [], undefined, Infinity)).toEqual([1e-300, 10]);
  });
  it('stays finite and positive at the ends of the double range', () => {
    const [lo, hi] = logDomain([[Number.MIN_VALUE, Number.MAX_VALUE]], [], undefined, Infinity);
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThanOrEqual(Number.MIN_VALUE);
    expect(hi).toBe(Number.MAX_VALUE);
    expect(logDomain([[1.5e308]])).toEqual([1e308, Number.MAX_VALUE]);
    expect(logDomain([[5e-324]])[0]).toBeGreaterThan(0);
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
  it('ticks wide domains at round multiples of 10, 20, 50, 100 … decades, finite and short', () => {
    expect(tickEvery(601, 4)).toBe(200);
    expect(tickEvery(26, 4)).toBe(10);
    expect(tickEvery(13, 4)).toBe(4);
    expect(logTicks(logScale([1e-300, 1e300], 100, 0), 4).map((t) => t.label)).toEqual(['1e-200', '1', '1e200']);
    expect(logTicks(logScale([1, 1e26], 100, 0), 4).map((t) => t.label)).toEqual(['1', '1e10', '1e20']);
    const ends = logTicks(logScale([Number.MIN_VALUE, Number.MAX_VALUE], 100, 0), 4);
    expect(ends.map((t) => t.label)).toEqual(['1e-200', '1', '1e200']);
    ends.forEach((t) => expect(Number.isFinite(t.pos)).toBe(true));
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
    const lo = describeFlow(flowShape(linearRnn(0.5).inspect(0).flowH), 'error', 11);
    const hi = describeFlow(flowShape(linearRnn(1.5).inspect(0).flowH), 'error', 11);
    expect(lo).toBe('Falling: each step back multiplies the error by 0.50; after 11 steps 0.000488 of it is left (vanishing gradient).');
    expect(hi).toBe('Rising: each step back multiplies the error by 1.50; after 11 steps it is 86.5× larger (exploding gradient).');
    expect(describeFlow(flowShape(linearRnn(1).inspect(0).flowH), 'error', 11)).toBe(
      'Roughly constant: each step back multiplies the error by 1.00, within 2% of 1 — neither vanishing nor exploding; after 11 steps it is 1 times its size at τ.',
    );
    expect(describeFlow(null)).toMatch(/^Too few nonzero values/);
  });
  it('formats factors with two decimals, or two significant digits far from 1', () => {
    expect(formatFactor(0.6234)).toBe('0.62');
    expect(formatFactor(0.0031)).toBe('3.1e-3');
    expect(formatFactor(250)).toBe('2.5e+2');
    expect(formatFactor(NaN)).toBe('—');
  });
  it('formats numbers given by their log10, also beyond the double range', () => {
    expect(formatLog10(Math.log10(0.000488))).toBe('0.000488');
    expect(formatLog10(600)).toBe('1.00e+600');
    expect(formatLog10(-599.5)).toBe('3.16e-600');
    expect(formatLog10(NaN)).toBe('—');
  });
});

describe('flowShape: words for what was measured', () => {
  /** ‖∂ℓ_τ/∂h_k‖ and ‖∂ℓ_τ/∂c_k‖, k = 0…10, of the default LSTM on the lag-10 echo with truncation k = 3 after 1,000 steps (seed 1). */
  const lstmH = [3.5e-4, 2.0e-4, 1.0e-4, 5.4e-5, 2.9e-5, 1.4e-5, 8.4e-6, 8.7e-6, 2.8e-5, 2.0e-4, 7.6e-4];
  const lstmC = [4.3e-4, 2.5e-4, 1.3e-4, 6.3e-5, 3.0e-5, 1.6e-5, 1.0e-5, 8.4e-6, 8.5e-6, 1.0e-5, 1.4e-5];

  it('calls a U-shaped profile "falls, then rises", not "vanishing" (the old fit said 0.462 of it is left, vanishing)', () => {
    const s = flowShape(lstmH)!;
    expect(s.shape).toBe('falls-rises');
    expect(s.turn!.k).toBe(6);
    // measured: v[6]/v[10] = 8.4e-6/7.6e-4 over 4 steps, then v[0]/v[6] = 3.5e-4/8.4e-6 over 6
    expect(10 ** s.turn!.log10Drop).toBeCloseTo(8.4e-6 / 7.6e-4, 12);
    expect(10 ** s.turn!.log10Back).toBeCloseTo(3.5e-4 / 8.4e-6, 9);
    expect(10 ** s.turn!.log10Before).toBeCloseTo((8.4e-6 / 7.6e-4) ** (1 / 4), 12);
    expect(s.factor).toBeCloseTo((3.5e-4 / 7.6e-4) ** (1 / 10), 12);
    const text = describeFlow(s, 'error', 10);
    expect(text).toBe(
      'Falls, then rises: going back from τ, the error falls to 0.0111 of its size by k = 6 (×0.32 per step), then rises 41.7× by k = 0 (×1.86 per step). A curve that turns is neither a steady vanishing nor a steady explosion; end to end each step multiplies it by 0.93.',
    );
    expect(text).not.toMatch(/vanishing gradient|exploding gradient/);
  });

  it('keeps "exploding" for a profile that rises over the span, a dip of less than 2× notwithstanding', () => {
    const s = flowShape(lstmC)!;
    expect(s.shape).toBe('exploding');
    expect(s.factor).toBeCloseTo((4.3e-4 / 1.4e-5) ** 0.1, 12);
  });

  it('calls a hump "rises, then falls"', () => {
    const s = flowShape([1e-6, 1e-4, 1e-2, 1, 1e-1, 1e-2])!;
    expect(s.shape).toBe('rises-falls');
    expect(s.turn!.k).toBe(3);
    expect(describeFlow(s, 'error', 5)).toMatch(/^Rises, then falls: going back from τ, the error rises to 100× its size by k = 3 \(×10.00 per step\), then falls to 1.00e-6 of that by k = 0 \(×0.01 per step\)\./);
  });

  it('uses the measured ends, not a mean of the pairs that survive a gap', () => {
    // old: the geometric mean of the one usable pair (2, 4) said 0.5; measured end to end it is (3/4)^(1/3)
    const s = flowShape([3, 0, 2, 4])!;
    expect(s.factor).toBeCloseTo((3 / 4) ** (1 / 3), 12);
    expect(s.steps).toBe(3);
    // zeros at the ends shrink the span, and the sentence says so
    const g = flowShape([0, 1, 0.5, 0.25, NaN])!;
    expect([g.from, g.to, g.steps]).toEqual([3, 1, 2]);
    expect(describeFlow(g, 'error', 4)).toBe('Rising: each step back multiplies the error by 2.00; after 2 steps it is 4× larger (exploding gradient) (k = 3…1; the other steps have no positive value).');
  });

  it('calls within 2% of 1 per step roughly constant and says what it compounds to', () => {
    const v = Array.from({ length: 51 }, (_, k) => 0.981 ** (50 - k));
    const s = flowShape(v)!;
    expect(s.shape).toBe('constant');
    // not "about undiminished": 0.981^50 = 0.383
    expect(describeFlow(s, 'error', 50)).toBe('Roughly constant: each step back multiplies the error by 0.98, within 2% of 1 — neither vanishing nor exploding; after 50 steps it is 0.383 times its size at τ.');
  });

  it('is null with fewer than two positive finite values, and never overflows', () => {
    expect(flowShape([])).toBeNull();
    expect(flowShape([0, NaN, Infinity, -1, 5])).toBeNull();
    const s = flowShape([1e300, 1e-300])!;
    expect(s.log10Factor).toBeCloseTo(600, 9);
    expect(s.factor).toBe(Infinity);
    expect(describeFlow(s, 'error', 1)).toBe('Rising: each step back multiplies the error by 1.0e+600; after 1 steps it is 1.00e+600× larger (exploding gradient).');
  });
});

describe('explosions and clipping marks', () => {
  it('marks a norm above 1,000 or one that overflowed — a 1e25 spike at the second step too (the median rule had no history to judge it)', () => {
    expect(EXPLOSION_NORM).toBe(1000);
    const relu = [2.48, 1e25, 19.6, 4.61, 4.68, 4.13, 4.74, 4.11];
    expect(explosionIndices(relu, relu.length)).toEqual([1]);
    expect(explosionIndices([1, 1000, 1000.5, NaN, Infinity, -Infinity, 3], 7)).toEqual([2, 3, 4, 5]);
    expect(explosionIndices([5000, 1, 5000], 2)).toEqual([0]);
    expect(explosionIndices([50, 500], 2, 100)).toEqual([1]);
  });
  it('does not call tenfold jumps among tiny norms explosions (a linear RNN at 1e-8 used to get 39 marks)', () => {
    const tiny = [0.2, 9.6e-5, 3.5e-8, 3.3e-4, 3.4e-11, 2.2e-8, 8.6e-9, 4.2e-6, 3.3e-4, 0.16, 4.7e-7, 3.6e-14, 9e-14, 1.1e-7];
    expect(explosionIndices(tiny, tiny.length)).toEqual([]);
  });
  it('reads no further than the series, whatever n says', () => {
    expect(explosionIndices([2000], 5)).toEqual([0]);
    expect(explosionIndices([2000], -1)).toEqual([]);
    expect(clipIndices([1], Infinity)).toEqual([0]);
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
    expect(spectralWords(w(1.2))).toBe("ρ(Whh) = 1.20, σmax = 1.20: ρ > 1, so repeated products with Whh alone can grow the error; whether it grows depends on the activation's slope too (ρ·⟨act′⟩, the rough guide beside the profile).");
    // ρ > 1 predicts no explosion: the words never say it may explode
    expect(spectralWords(w(2.06))).not.toMatch(/explode/);
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
