/**
 * The kit's colour scales on extreme values: a valid CSS colour for every input and every domain, never
 * "rgb(NaN, …)"; grey exactly for what is not a number; the sign and the order of values kept.
 */
import { describe, expect, it } from 'vitest';
import { divergingScale, maxAbs, sequentialScale } from '../../../src/views/kit/colors';
import { failures, POOL, seriesCases, show } from '../extremes';

const CSS = /^(#[0-9a-f]{6}|rgb\((\d{1,3}), (\d{1,3}), (\d{1,3})\))$/i;
const GREY = '#9e9e9e';
/** A colour's channels, or null when it is not a valid CSS colour with channels in 0…255. */
function rgb(c: string): [number, number, number] | null {
  const m = CSS.exec(c);
  if (!m) return null;
  if (c.startsWith('#')) return [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)) as [number, number, number];
  const ch = [m[2], m[3], m[4]].map(Number) as [number, number, number];
  return ch.every((v) => v <= 255) ? ch : null;
}
/** Perceived lightness, enough to compare the two ends of a scale. */
const light = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe('kit/colors on extremes', () => {
  it('divergingScale: a colour for every value and every max |v|; grey for NaN and ±∞ only (as "—" prints them); purple below 0, orange above', () => {
    const f = failures();
    for (const m of POOL) {
      const s = divergingScale(m);
      const [lo, hi] = s.domain;
      f.check(Number.isFinite(lo) && Number.isFinite(hi) && lo === -hi && hi > 0, () => `domain of ${show(m)}: ${s.domain.join(',')}`);
      if (m > 0 && Number.isFinite(m)) f.check(hi === m, () => `domain of ${show(m)} is ${hi}`);
      for (const v of POOL) {
        const c = s(v);
        const ch = rgb(c);
        f.check(ch !== null, () => `scale(${show(m)})(${show(v)}) = ${c}`);
        f.check((c === GREY) === !Number.isFinite(v), () => `scale(${show(m)})(${show(v)}) = ${c}: grey iff not finite`);
        if (!ch || c === GREY) continue;
        // PuOr: purple (blue over red) below 0, orange (red over blue) above
        if (v / hi > 1e-2) f.check(ch[0] > ch[2], () => `scale(${show(m)})(${show(v)}) = ${c} is not orange`);
        if (v / hi < -1e-2) f.check(ch[0] < ch[2], () => `scale(${show(m)})(${show(v)}) = ${c} is not purple`);
      }
    }
    expect(f.list).toEqual([]);
  });

  it('sequentialScale: a colour for every value on every domain (reversed, empty, non-finite); grey for NaN and ±∞ only', () => {
    const f = failures();
    const ends = [0, 1, -1, 1e-300, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity];
    for (const lo of ends) for (const hi of ends) {
      const s = sequentialScale(lo, hi);
      for (const v of POOL) {
        const c = s(v);
        f.check(rgb(c) !== null, () => `sequential(${show(lo)}, ${show(hi)})(${show(v)}) = ${c}`);
        f.check((c === GREY) === !Number.isFinite(v), () => `sequential(${show(lo)}, ${show(hi)})(${show(v)}) = ${c}: grey iff not finite`);
      }
    }
    // on [0, 1] (gates) darker means smaller, also for values beyond the ends
    const s = sequentialScale();
    const L = [-Number.MAX_VALUE, -1e300, 0, 1e-300, 0.25, 0.5, 0.75, 1, 1e300, Number.MAX_VALUE].map((v) => light(rgb(s(v))!));
    for (let k = 1; k < L.length; k++) f.check(L[k] >= L[k - 1], () => `viridis not increasing at ${k}`);
    expect(f.list).toEqual([]);
  });

  it('maxAbs: the largest finite |v| of the slice, 1 when none, for every series', () => {
    const f = failures();
    for (const s of seriesCases(5)) {
      const a = Float64Array.from(s);
      const m = maxAbs(a);
      const finite = s.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
      f.check(m === (finite.length ? Math.max(...finite) : 1), () => `maxAbs(${s.map(show).join(',')}) = ${m}`);
      for (const [o, n] of [[1, 0], [0, 1], [1, s.length - 1]]) {
        const mm = maxAbs(a, o, Math.max(0, n));
        f.check(Number.isFinite(mm) && mm > 0, () => `maxAbs slice ${o},${n} = ${mm}`);
      }
    }
    expect(f.list).toEqual([]);
  });
});
