import { describe, expect, it } from 'vitest';
import { formatFixed, formatValue } from '../../src/views/chart/format';
import { fmt } from '../../src/views/gates/gates-layout';
import { spectralWords } from '../../src/views/flow/flow-words';

describe('numbers a student reads are formatted, at every size', () => {
  it('formatFixed: decimals while readable, 3 significant digits beyond a million, a dash for NaN and ∞', () => {
    expect(formatFixed(0.2345, 2)).toBe('0.23');
    expect(formatFixed(-12.5, 3)).toBe('-12.500');
    expect(formatFixed(1.5465736937803773e129, 2)).toBe('1.55e+129');
    expect(formatFixed(-3e300, 2)).toBe('-3.00e+300');
    for (const v of [NaN, Infinity, -Infinity]) expect(formatFixed(v, 2)).toBe('—');
  });

  it('no formatter prints a raw 17-digit double, from 1e-300 to 1e300', () => {
    for (let e = -300; e <= 300; e += 7) {
      for (const v of [10 ** e, -(10 ** e) * 1.5465736937803773]) {
        for (const s of [formatFixed(v, 2), formatFixed(v, 3), formatValue(v), fmt(v)]) expect(s.replace(/[^\d]/g, '').length, `${v} → ${s}`).toBeLessThanOrEqual(10);
      }
    }
  });

  it('the spectral radius of a run that overflowed reads as a number', () => {
    const text = spectralWords([{ name: 'Whh', radius: 1.5465736937803773e129, sigmaMax: 2e129 }], 'rnn');
    expect(text).toContain('ρ(Whh) = 1.55e+129');
    expect(text).not.toMatch(/\d{10,}/);
  });
});
