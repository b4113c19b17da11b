/**
 * The chart number formats on extreme values: every double from 1e-300 to 1e300 (and the ends of the range,
 * ±0, NaN, ±∞) prints short, without "NaN"/"Infinity" or a raw 17-digit number, and reads back as itself
 * within the precision it claims.
 */
import { describe, expect, it } from 'vitest';
import { formatFixed, formatPercent, formatStep, formatValue } from '../../../src/views/chart/format';
import { failures, near, POOL, rng, show, unreadable } from '../extremes';

/** The pool, every power of ten from 1e-320 to 1e308 (±), and random doubles of every magnitude. */
function values(): number[] {
  const out = [...POOL, 5e-4, 4.999e-4, 9.9996e-5, 1e-4, 999999.5, 999999.9, 1e6, -999999.99, 0.995, 9.995, 1.005];
  for (let e = -320; e <= 308; e++) out.push(10 ** e, -(10 ** e) * 1.5465736937803773);
  const r = rng(3);
  for (let i = 0; i < 2000; i++) out.push((r() < 0.5 ? -1 : 1) * r() * 10 ** Math.floor(r() * 640 - 324));
  return out;
}
const VALUES = values();
const read = (s: string) => Number(s.replace(/,/g, '').replace(/%$/, ''));
describe('chart/format on extremes', () => {
  it('formatValue: 3 significant digits that read back as the value, a dash for NaN and ±∞', () => {
    const f = failures();
    for (const v of VALUES) {
      const s = formatValue(v);
      if (!Number.isFinite(v)) {
        f.check(s === '—', () => `${show(v)} → ${s}`);
        continue;
      }
      f.check(unreadable(s, 10) === null, () => `${show(v)} → ${s}: ${unreadable(s, 10)}`);
      f.check(v === 0 ? read(s) === 0 : near(s, v, 5.0001e-3), () => `${show(v)} → ${s}`);
    }
    expect(f.list).toEqual([]);
  });

  it('formatValue with more digits: every digit asked for, read back within half a unit of the last', () => {
    const f = failures();
    for (const v of VALUES.filter((x, i) => Number.isFinite(x) && x !== 0 && i % 4 === 0)) for (const digits of [4, 6, 10, 15]) {
      const s = formatValue(v, digits);
      f.check(!/NaN|Infinity/.test(s) && near(s, v, 0.50001 * 10 ** (1 - digits)), () => `${show(v)},${digits} → ${s}`);
    }
    expect(f.list).toEqual([]);
  });

  it('formatFixed: `digits` decimals below 10⁶ (within half a unit of the last), 3 significant digits beyond', () => {
    const f = failures();
    for (const v of VALUES) for (const digits of [0, 1, 2, 3]) {
      const s = formatFixed(v, digits);
      if (!Number.isFinite(v)) {
        f.check(s === '—', () => `${show(v)},${digits} → ${s}`);
        continue;
      }
      f.check(unreadable(s, 12) === null, () => `${show(v)},${digits} → ${s}: ${unreadable(s, 12)}`);
      const ok = Math.abs(v) >= 1e6 ? near(s, v, 5.0001e-3) : Math.abs(read(s) - v) <= 0.5 * 10 ** -digits * (1 + 1e-9) + 1e-12 * Math.abs(v);
      f.check(ok, () => `${show(v)},${digits} → ${s}`);
    }
    expect(f.list).toEqual([]);
  });

  it('formatPercent: a whole percentage of the fraction, short at any size, a dash for NaN and ±∞', () => {
    const f = failures();
    for (const v of VALUES) {
      const s = formatPercent(v);
      if (!Number.isFinite(v)) {
        f.check(s === '—', () => `${show(v)} → ${s}`);
        continue;
      }
      f.check(s.endsWith('%'), () => `${show(v)} → ${s}`);
      f.check(unreadable(s, 11) === null, () => `${show(v)} → ${s}: ${unreadable(s, 11)}`);
      const ok = s.includes('e') ? near(s, v, 5.0001e-3, 2) : Math.abs(read(s) / 100 - v) <= 0.005 * (1 + 1e-9);
      f.check(ok, () => `${show(v)} → ${s}`);
    }
    expect(f.list).toEqual([]);
  });

  it('formatStep: every step exactly, with separators; a dash for NaN and ±∞; never a long run of digits that are not all true', () => {
    const f = failures();
    const steps = [0, 1, 999, 1000, 1200, 1e6, 123456789, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e17, 1e21, 1e300, Number.MAX_VALUE, -5, NaN, Infinity, -Infinity, 0.4, 2.5];
    for (const v of steps) {
      const s = formatStep(v);
      if (!Number.isFinite(v)) {
        f.check(s === '—', () => `${show(v)} → ${s}`);
        continue;
      }
      f.check(!/NaN|Infinity|∞/.test(s) && s.length <= 26, () => `${show(v)} → ${s}`);
      if (Math.abs(v) <= Number.MAX_SAFE_INTEGER) f.check(Math.abs(read(s) - v) <= 0.5 && /^-?\d{1,3}(,\d{3})*$/.test(s), () => `${show(v)} → ${s}`);
      else f.check(near(s, v, 5.0001e-3) && s.replace(/\D/g, '').length <= 8, () => `${show(v)} → ${s}`);
    }
    expect(f.list).toEqual([]);
  });
});
