/**
 * The output view's forecast layout and answers table on extreme values: contexts, forecasts and truths from
 * 1e-300 to 1e300, the ends of the double range, ±0, NaN, ±∞ and empty series; errors of any size. The y axis
 * stays finite with readable, true ticks, the paths hold no NaN, the mean errors are the means; nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/views/chart/format';
import type { AnswerItem } from '../../../src/views/output/answers';
import { answersSummary, inputPieces, truncateMiddle } from '../../../src/views/output/answers';
import { forecastDomain, forecastError, forecastModel } from '../../../src/views/output/forecast-layout';
import { failures, pick, POOL, reads3, rng, seriesCases, show, unreadable } from '../extremes';

const CASES = seriesCases(61);

/** The mean of xs: the sum over n, or where the sum overflows each term over n (n first would lose subnormals). */
function mean(xs: readonly number[]): number {
  const sum = xs.reduce((a, b) => a + b, 0);
  return sum !== Infinity ? sum / xs.length : xs.reduce((a, b) => a + b / xs.length, 0);
}
/** The mean of |a_i − b_i|, or null for no pairs. */
function meanAbs(a: readonly number[], b: readonly number[]): number | null {
  const n = Math.min(a.length, b.length);
  return n === 0 ? null : mean(Array.from({ length: n }, (_, i) => Math.abs(a[i] - b[i])));
}
const close = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Number.isNaN(y) ? Number.isNaN(x) : x === y || Math.abs(x - y) <= 1e-12 * Math.abs(y));

describe('forecast-layout on extremes', () => {
  it('forecastDomain and forecastModel: a finite axis over the signal, ticks readable and true, paths without NaN', () => {
    const f = failures();
    const r = rng(62);
    for (const context of CASES) {
      const truth = r() < 0.3 ? [] : Array.from({ length: Math.floor(r() * 12) }, () => pick(r));
      const predicted = Array.from({ length: Math.floor(r() * 12) }, () => pick(r));
      const d = { context, predicted, truth };
      const what = () => `context [${context.map(show)}] truth [${truth.map(show)}] predicted [${predicted.map(show)}]`;
      const [lo, hi] = forecastDomain(d);
      f.check(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo, () => `${what()}: domain ${lo}…${hi}`);
      // every finite value of the signal is on the axis (the forecast may be pinned, the signal never)
      // (within a billionth of the span, which a pixel cannot tell from its edge: −1e-300 on [0, 1e300]; beyond ±1e307 pinned)
      const slack = (hi - lo) * 1e-9;
      for (const v of [...context, ...truth]) if (Number.isFinite(v) && Math.abs(v) <= 1e307) f.check(v >= lo - slack && v <= hi + slack, () => `${what()}: ${show(v)} outside ${lo}…${hi}`);
      const m = forecastModel(d, [0, 240, 640, 1600][Math.floor(r() * 4)]);
      f.check([m.width, m.left, m.right, m.top, m.bottom, m.splitX].every(Number.isFinite), () => `${what()}: box`);
      f.check(!/NaN|Infinity/.test(m.contextPath + m.predictedPath + (m.truthPath ?? '')), () => `${what()}: paths`);
      f.check(m.yTicks.length >= 2 && new Set(m.yTicks.map((t) => t.label)).size === m.yTicks.length, () => `${what()}: y ticks ${m.yTicks.map((t) => t.label)}`);
      for (const t of m.yTicks) f.check(Number.isFinite(t.pos) && t.pos >= m.top - 1e-6 && t.pos <= m.bottom + 1e-6 && unreadable(t.label, 12) === null && reads3(t.label, t.value), () => `${what()}: y tick ${t.label} at ${t.pos}`);
      for (const t of m.xTicks) f.check(Number.isFinite(t.pos) && Number.isInteger(t.value) && t.label === String(t.value), () => `${what()}: x tick ${t.label}`);
      f.check(close(forecastError(d), meanAbs(predicted, truth)), () => `${what()}: error ${forecastError(d)}, not ${meanAbs(predicted, truth)}`);
    }
    expect(f.list).toEqual([]);
  });
});

describe('forecast ticks', () => {
  it('print as many digits as tell neighbouring ticks apart: a signal between 1000.1 and 1000.3, one flat at 1e100', () => {
    for (const context of [[1000.1, 1000.3, 1000.2], [1000, 1000], [-5e-7, -4e-7], [1e100, 1e100], [123456.7, 123456.9]]) {
      const m = forecastModel({ context, predicted: [], truth: [] }, 640);
      const labels = m.yTicks.map((t) => t.label);
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
      for (const t of m.yTicks) expect(unreadable(t.label, 12), t.label).toBeNull();
    }
  });
});

describe('answers on extremes', () => {
  it('answersSummary: the mean |error| of the finite errors, printed as it is; the count of correct answers', () => {
    const f = failures();
    const r = rng(63);
    for (const errs of CASES) {
      const items: AnswerItem[] = errs.map((e) => ({ input: 'a b', target: 't', output: 'o', correct: null, error: r() < 0.1 ? null : Math.abs(e) }));
      const s = answersSummary(items);
      const finite = items.map((it) => it.error).filter((e): e is number => e !== null && Number.isFinite(e));
      if (finite.length === 0) {
        f.check(s === '', () => `${errs.map(show)}: "${s}"`);
        continue;
      }
      const m = mean(finite);
      f.check(s === `mean |error| ${formatValue(m)}` && unreadable(formatValue(m), 10) === null, () => `${errs.map(show)}: "${s}", mean ${m}`);
    }
    const judged: AnswerItem[] = POOL.map((e, i) => ({ input: '', target: '', output: '', correct: i % 3 === 0, error: e }));
    f.check(answersSummary(judged) === `${judged.filter((it) => it.correct).length} of ${judged.length} correct`, () => answersSummary(judged));
    expect(f.list).toEqual([]);
  });

  it('truncateMiddle and inputPieces: never longer than asked, the ends kept, every marked number shown', () => {
    const f = failures();
    const r = rng(64);
    const tokens = ['0.412', '1.00e-300', '-1.80e+308', '7*', '0.5*', '∅', '😀', 'abcdefghij', 'x'];
    for (let i = 0; i < 400; i++) {
      const input = Array.from({ length: Math.floor(r() * 30) }, () => pick(r, tokens as unknown as number[]) as unknown as string).join(' ');
      const max = [0, 1, 2, 3, 5, 10, 40, 100][Math.floor(r() * 8)];
      const t = truncateMiddle(input, max);
      const len = Array.from(t).length;
      f.check(Array.from(input).length <= max ? t === input : len <= Math.max(2, max) && t.includes('…'), () => `truncateMiddle("${input}", ${max}) = "${t}"`);
      const pieces = inputPieces(input, max);
      const shown = pieces.map((p) => p.text);
      for (const tok of input.split(' ')) if (tok.endsWith('*')) f.check(shown.includes(tok), () => `inputPieces("${input}", ${max}) lost ${tok}`);
    }
    expect(f.list).toEqual([]);
  });
});
