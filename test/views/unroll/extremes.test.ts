/**
 * The unrolled view's layout, model and tooltips on extreme values: hidden states and errors from 1e-300 to 1e300,
 * the ends of the double range, ±0, NaN, ±∞; any T, H, selected step and width. Geometry stays finite, the norms
 * are the true norms (no underflow to a false "no error reaches"), arrows and colours exist for every norm, the
 * tooltips print what the record holds; nothing throws.
 */
import { describe, expect, it } from 'vitest';
import type { InspectRecord } from '../../../src/engine/session';
import {
  ARROW_MAX_W,
  ARROW_MIN_W,
  arrowHead,
  arrowWidth,
  columnOpacity,
  ease,
  layoutUnroll,
  legendNorms,
  lerpX,
  linkBetween,
  logPosition,
  normRange,
  selfLoopPath,
} from '../../../src/views/unroll/unroll-layout';
import { arrowColor, niceCeil, rowNorms, truncationSpan, unrollStats } from '../../../src/views/unroll/unroll-model';
import { formatExact, tipText } from '../../../src/views/unroll/unroll-tips';
import { syntheticRecord } from '../gates/fixtures';
import { BROKEN, failures, pick, POOL, rng, seriesCases, show } from '../extremes';

/** The Euclidean norm of a row, computed by the book: NaN if any entry is NaN, else Math.hypot (which scales, so never under- or overflows). */
const trueNorm = (row: readonly number[]) => (row.some(Number.isNaN) ? NaN : Math.hypot(...row));
const sameNorm = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : a === b || Math.abs(a - b) <= 1e-12 * Math.abs(b));

/** A vanilla-RNN record of T steps × H units with h and dh drawn from the pool, every step scored as a class. */
function extremeRecord(r: () => number, T: number, H: number): InspectRecord {
  const h = Array.from({ length: T * H }, () => pick(r));
  const base = syntheticRecord(['h'], T, H, h, [], h);
  const labels = (k: number) => Array.from({ length: T }, (_, t) => ['a', 'bb', '∅', '', 'long label'][(t + k) % 5]);
  return {
    ...base,
    dh: Float64Array.from({ length: T * H }, () => pick(r)),
    losses: Float64Array.from({ length: T }, () => pick(r)),
    mask: Uint8Array.from({ length: T }, () => (r() < 0.5 ? 1 : 0)),
    p: new Float64Array(T * 2),
    targetLabels: labels(0),
    outputLabels: labels(r() < 0.5 ? 0 : 1),
  };
}

describe('unroll-model on extremes', () => {
  it('rowNorms: the true Euclidean norm of every row, from 1e-300 to 1e300 (no underflow to 0, no overflow to ∞)', () => {
    const f = failures();
    for (const s of seriesCases(31)) for (const H of [1, 2, 3]) {
      const T = Math.floor(s.length / H);
      const n = rowNorms(Float64Array.from(s), T, H);
      for (let t = 0; t < T; t++) {
        const want = trueNorm(s.slice(t * H, t * H + H));
        f.check(sameNorm(n[t], want), () => `‖${s.slice(t * H, t * H + H).map(show)}‖ = ${show(n[t])}, not ${show(want)}`);
      }
    }
    expect(f.list).toEqual([]);
  });

  it('niceCeil: one significant digit, finite, at least v and at most 2v, for every positive finite v', () => {
    const f = failures();
    const vs = [...POOL];
    for (let e = -323; e <= 308; e++) vs.push(10 ** e, 1.5 * 10 ** e, 9.99 * 10 ** e);
    for (const v of vs) {
      const c = niceCeil(v);
      if (!(v > 0) || !Number.isFinite(v)) {
        f.check(c === 1, () => `niceCeil(${show(v)}) = ${show(c)}`);
        continue;
      }
      // (within a billionth: 10 ** -307 is 1.0000000000000001e-307, whose nice ceiling is 1e-307)
      f.check(Number.isFinite(c) && c >= v * (1 - 1e-9) && c <= 2 * v, () => `niceCeil(${show(v)}) = ${show(c)}`);
    }
    expect(f.list).toEqual([]);
  });

  it('unrollStats: norms, a colour domain covering every finite h, arrows and colours for every norm', () => {
    const f = failures();
    const r = rng(32);
    for (let i = 0; i < 150; i++) {
      const T = 1 + Math.floor(r() * 20);
      const H = 1 + Math.floor(r() * 4);
      const rec = extremeRecord(r, T, H);
      const st = unrollStats(rec);
      const what = () => `record ${i} (T ${T}, H ${H})`;
      const m = st.hScale.domain[1];
      f.check(Number.isFinite(m) && m > 0 && st.hScale.domain[0] === -m, () => `${what()}: h colour domain ${st.hScale.domain}`);
      for (const v of rec.h) if (Number.isFinite(v)) f.check(Math.abs(v) <= m, () => `${what()}: |h| ${show(v)} beyond the colour domain ±${m}`);
      for (let t = 0; t < T; t++) {
        f.check(sameNorm(st.dhNorms[t], trueNorm(Array.from(rec.dh.subarray(t * H, t * H + H)))), () => `${what()}: ‖dh_${t}‖ = ${st.dhNorms[t]}`);
        const n = st.dhNorms[t];
        const w = arrowWidth(n, st.dhRange);
        // an arrow exactly where an error arrives, as wide as the scale says; grey only where none does
        const arrives = n > 0 && st.dhRange !== null;
        f.check(Number.isFinite(w) && (arrives ? w >= ARROW_MIN_W && w <= ARROW_MAX_W : w === 0), () => `${what()}: arrow ${show(w)} for ‖dh‖ ${show(n)}`);
        f.check(/^(#[0-9a-f]{6}|rgb\(\d{1,3}, \d{1,3}, \d{1,3}\))$/.test(arrowColor(n, st.dhRange)), () => `${what()}: colour ${arrowColor(n, st.dhRange)}`);
        f.check(/^#|^rgb\(\d/.test(st.hScale(rec.h[t * H])), () => `${what()}: h colour ${st.hScale(rec.h[t * H])}`);
      }
      if (st.dhRange) {
        const { lo, hi } = st.dhRange;
        f.check(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && lo <= hi, () => `${what()}: range ${lo}…${hi}`);
        for (const n of legendNorms(st.dhRange)) f.check(Number.isFinite(n) && n > 0 && Number.isFinite(logPosition(n, st.dhRange)), () => `${what()}: legend norm ${n}`);
      } else f.check(!st.dhNorms.some((n) => n > 0 && Number.isFinite(n)), () => `${what()}: no range, but an error arrives`);
      // the tooltips: no NaN, the norm printed as it is; "no error reaches" only where the norm is exactly 0
      for (let t = 0; t < T; t++) {
        for (const kind of ['h', 'dh', 'loss', 'init']) {
          const tip = tipText(kind, t, 0, rec, st) ?? '';
          f.check(!BROKEN.test(tip), () => `${what()}: tip ${tip}`);
          if (kind === 'dh') {
            const n = st.dhNorms[t];
            f.check(tip.includes('no error reaches') === (n === 0), () => `${what()}: "${tip}" for ‖dh‖ ${show(n)}`);
            if (Number.isFinite(n)) f.check(tip.includes(`= ${formatExact(n)}`), () => `${what()}: "${tip}" for ‖dh‖ ${show(n)}`);
          }
        }
      }
    }
    expect(f.list).toEqual([]);
  });

  it('formatExact: 4 significant digits that read back, a dash for NaN and ±∞', () => {
    const f = failures();
    for (const v of POOL) {
      const s = formatExact(v);
      f.check(Number.isFinite(v) ? s.length <= 11 && !BROKEN.test(s) && (v === 0 ? s === '0' : Math.abs(Number(s) - v) <= 5.0001e-4 * Math.abs(v) || Math.abs(v) > 1e307) : s === '—', () => `${show(v)} → ${s}`);
    }
    expect(f.list).toEqual([]);
  });

  it('truncationSpan: a span inside 0…τ for any τ and any whole k', () => {
    const f = failures();
    for (const tau of [-1, 0, 1, 10, 1e6]) for (const k of [0, -1, 1, 3, 7, 1e6, NaN]) for (const mode of ['chunk', 'window'] as const) {
      const s = truncationSpan(tau, k, mode);
      if (s) f.check(Number.isFinite(s.from) && s.from >= 0 && s.from <= tau && s.to === tau, () => `τ ${tau}, k ${show(k)}, ${mode}: ${JSON.stringify(s)}`);
    }
    expect(f.list).toEqual([]);
  });
});

describe('unroll-layout on extremes', () => {
  it('layoutUnroll: finite geometry, the selected step visible, columns in order, for any T, H, step, width and label length', () => {
    const f = failures();
    for (const T of [1, 2, 5, 16, 17, 400]) for (const H of [0, 1, 8, 1000]) for (const t of [NaN, -Infinity, -1, 0, 3, T - 1, T, 1e300, Infinity]) {
      for (const width of [NaN, 0, 300, 1200, 1e6, Infinity]) for (const maxChars of [0, 1, 12, 1000]) {
        const g = layoutUnroll({ T, H, t, width, maxChars });
        const what = () => `T ${T}, H ${H}, t ${show(t)}, width ${show(width)}, chars ${maxChars}`;
        const nums = [g.start, g.end, g.colW, g.width, g.left, g.initX, g.foldedX, ...g.xs, ...Object.values(g.rows)];
        f.check(nums.every(Number.isFinite), () => `${what()}: ${JSON.stringify(g)}`);
        f.check(g.start >= 0 && g.end <= T && g.end > g.start && g.xs.length === g.end - g.start, () => `${what()}: window ${g.start}…${g.end}`);
        const sel = Number.isFinite(t) ? Math.max(0, Math.min(T - 1, t)) : null;
        if (sel !== null) f.check(sel >= g.start && sel < g.end, () => `${what()}: step ${sel} not in ${g.start}…${g.end}`);
        for (let i = 1; i < g.xs.length; i++) f.check(g.xs[i] - g.xs[i - 1] === g.colW, () => `${what()}: columns`);
        f.check(!/NaN|Infinity/.test(selfLoopPath(g.foldedX, g.rows)), () => `${what()}: loop`);
        for (const p of [NaN, -1, 0, 0.5, 1, 2]) {
          const o = columnOpacity(false, p);
          f.check(Number.isFinite(lerpX(g.foldedX, g.xs[0] ?? 0, p)) && o >= 0 && o <= 1 && ease(p) >= 0 && ease(p) <= 1, () => `${what()}: progress ${p}`);
        }
        if (g.xs.length > 1) {
          const l = linkBetween(g.xs[0], g.xs[1]);
          f.check(l !== null && l.x2 > l.x1, () => `${what()}: no link between columns`);
        }
      }
    }
    expect(f.list).toEqual([]);
  });

  it('normRange, logPosition, arrowWidth and arrowHead: finite and ordered for every norm', () => {
    const f = failures();
    for (const s of seriesCases(33)) {
      const range = normRange(s);
      const usable = s.filter((v) => v > 0 && Number.isFinite(v));
      f.check((range === null) === (usable.length === 0), () => `range of ${s.map(show)}: ${JSON.stringify(range)}`);
      if (!range) continue;
      f.check(range.hi === Math.max(...usable) && range.lo <= range.hi && range.lo > 0, () => `range of ${s.map(show)}: ${JSON.stringify(range)}`);
      let prev = -Infinity;
      for (const n of [...usable].sort((a, b) => a - b)) {
        const w = arrowWidth(n, range);
        f.check(w >= ARROW_MIN_W && w <= ARROW_MAX_W && w >= prev, () => `width ${w} for ${show(n)} in ${JSON.stringify(range)}`);
        prev = w;
        f.check(!/NaN|Infinity/.test(arrowHead(0, 0, -1, 0, w)), () => `head for ${w}`);
      }
      // an error that overflowed is the largest there is: the widest arrow, not none
      f.check(arrowWidth(Infinity, range) === (range.hi > range.lo ? ARROW_MAX_W : arrowWidth(range.hi, range)), () => `∞ in ${JSON.stringify(range)}: ${arrowWidth(Infinity, range)}`);
      for (const n of [0, -0, -1, NaN, -Infinity]) f.check(arrowWidth(n, range) === 0, () => `${show(n)}: ${arrowWidth(n, range)}`);
    }
    expect(f.list).toEqual([]);
  });
});
