import { interpolateInferno } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import { arrowColor, litFor, niceCeil, recurrentName, rowNorms, tauFor, truncationSpan, unrollStats } from '../../../src/views/unroll/unroll-model';
import { formatExact, tipText } from '../../../src/views/unroll/unroll-tips';

describe('unroll model', () => {
  it('takes the Euclidean norm of each row', () => {
    expect([...rowNorms(Float64Array.from([3, 4, 0, 0, 1, 0]), 3, 2)]).toEqual([5, 0, 1]);
  });

  it('rounds the colour domain up to one significant digit', () => {
    expect(niceCeil(0.734)).toBe(0.8);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(2.3)).toBe(3);
    expect(niceCeil(0.3)).toBe(0.3);
    expect(niceCeil(0.0123)).toBe(0.02);
    expect(niceCeil(97)).toBe(100);
    expect(niceCeil(0)).toBe(1);
  });

  it('draws the truncation window for the selected step if scored, else for the last scored step', () => {
    expect(tauFor([0, 0, 1, 0, 1], 2)).toBe(2);
    expect(tauFor([0, 0, 1, 0, 1], 3)).toBe(4);
    expect(tauFor([0, 0], 1)).toBe(-1);
  });

  it('keeps steps τ−k+1 … τ under window truncation and marks a cut only when earlier steps exist', () => {
    expect(truncationSpan(10, 3, 'window')).toEqual({ from: 8, to: 10, cut: true });
    expect(truncationSpan(2, 5, 'window')).toEqual({ from: 0, to: 2, cut: false });
    expect(truncationSpan(10, 0, 'window')).toBeNull();
    expect(truncationSpan(-1, 3, 'window')).toBeNull();
  });

  it('keeps τ\'s chunk ⌊τ/k⌋·k … τ under chunk truncation', () => {
    expect(truncationSpan(10, 3, 'chunk')).toEqual({ from: 9, to: 10, cut: true });
    expect(truncationSpan(9, 3, 'chunk')).toEqual({ from: 9, to: 9, cut: true });
    expect(truncationSpan(2, 5, 'chunk')).toEqual({ from: 0, to: 2, cut: false });
    expect(truncationSpan(10, 0, 'chunk')).toBeNull();
    expect(truncationSpan(-1, 3, 'chunk')).toBeNull();
  });

  it('colours small norms light and large norms dark on inferno', () => {
    const r = { lo: 1e-3, hi: 1 };
    expect(arrowColor(1, r)).toBe(interpolateInferno(0.2));
    expect(arrowColor(1e-3, r)).toBe(interpolateInferno(0.82));
    expect(arrowColor(0, r)).toBe('#9e9e9e');
  });

  it('lights the recurrent copies for W_hh and every gate W_h·, never for W_hy', () => {
    expect(litFor('Whh')).toEqual({ Wxh: false, Whh: true, Why: false, x: false, h: false, y: false, dh: false });
    expect(litFor('Whf').Whh).toBe(true);
    expect(litFor('Why')).toEqual({ Wxh: false, Whh: false, Why: true, x: false, h: false, y: false, dh: false });
    expect(litFor('Wxg').Wxh).toBe(true);
    expect(litFor('dh').dh).toBe(true);
    expect(Object.values(litFor(null)).some(Boolean)).toBe(false);
    expect(recurrentName(['h'])).toBe('W_hh');
    expect(recurrentName(['f', 'i', 'g', 'o'])).toBe('W_h·');
  });

  it('reads norms, verdicts and labels off a real record', () => {
    const r = new Session({ ...defaultConfig(), model: { cell: 'rnn', activation: 'tanh', hiddenSize: 8 } }).inspect(0);
    const s = unrollStats(r);
    let sq = 0;
    for (let u = 0; u < 8; u++) sq += r.dh[10 * 8 + u] ** 2;
    expect(s.dhNorms[10]).toBeCloseTo(Math.sqrt(sq), 14);
    expect(s.verdicts.slice(0, 10).every((v) => v === null)).toBe(true);
    expect(s.verdicts[10]).toBe(r.outputLabels[10] === r.targetLabels[10]);
    expect(s.maxChars).toBe(1);
    expect(s.hScale.domain[1]).toBeGreaterThan(0);
    expect(s.hScale.domain[1]).toBeLessThanOrEqual(1);
    // only the last step is scored, so (full BPTT) the error shrinks step by step going back: the vanilla RNN's vanishing gradient
    for (let t = 1; t < r.T; t++) expect(s.dhNorms[t]).toBeGreaterThan(s.dhNorms[t - 1]);
    expect(s.dhRange).toEqual({ lo: s.dhNorms[0], hi: s.dhNorms[10] });
  });

  it('words the tooltips with the exact value, step and unit', () => {
    const r = new Session({ ...defaultConfig(), model: { cell: 'rnn', activation: 'tanh', hiddenSize: 8 } }).inspect(0);
    const s = unrollStats(r);
    expect(tipText('h', 3, 5, r, s)).toBe(`t = 3 (input ‘·’), unit 5: h = ${formatExact(r.h[3 * 8 + 5])}`);
    expect(tipText('h', 3, 8, r, s)).toBeNull();
    expect(tipText('dh', 3, null, r, s)).toBe(`‖∂L/∂h_3‖ = ${formatExact(s.dhNorms[3])}: the error at step 3, sent back to step 2`);
    expect(tipText('dh', 0, null, r, s)).toBe(`‖∂L/∂h_0‖ = ${formatExact(s.dhNorms[0])}: the error at step 0, sent back to the initial state`);
    expect(tipText('loss', 10, null, r, s)).toBe(`ℓ_10 = ${formatExact(r.losses[10])}: step 10's error enters the chain at h_10`);
    expect(tipText('dh', 99, null, r, s)).toBeNull();
    expect(formatExact(0.123456)).toBe('0.1235');
    expect(formatExact(-2.5e-7)).toBe('-2.500e-7');
    expect(formatExact(Number.NaN)).toBe('—');
  });
});
