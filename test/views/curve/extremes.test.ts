/**
 * The training curve's layout, model and words on extreme values: losses and metrics from 1e-300 to 1e300, the
 * ends of the double range, ±0, NaN, ±∞ and empty series. Domains and ticks stay finite, distinct and readable,
 * the paths hold no NaN, the readout names a real point, the sentences say what the numbers do; nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { PointRing, TrainingHistory } from '../../../src/state/history';
import type { TaskMetric } from '../../../src/engine/tasks/task';
import type { Tick } from '../../../src/views/chart/Axis';
import { formatValue } from '../../../src/views/chart/format';
import { curveLayout, lossDomain, lossScale, lossTicks, metricDomain, metricScale, metricTicks, stepScale, stepTicks } from '../../../src/views/curve/curve-layout';
import { buildCurve, readoutAt } from '../../../src/views/curve/curve-model';
import { curveAriaLabel, lossText, metricText, verdictText } from '../../../src/views/curve/curve-summary';
import { BROKEN, failures, pick, POOL, reads3, rng, seriesCases, show, unreadable } from '../extremes';

const CASES = seriesCases(21);
const finitePos = (s: readonly number[]) => s.filter((v) => v > 0 && Number.isFinite(v));

/** Why an axis is broken, or null: ticks non-empty, finite, inside [a, b] (px), 12 px apart, labels distinct, readable and true. */
function badTicks(ticks: readonly Tick[], a: number, b: number, trueLabel: (t: Tick) => boolean, maxLen = 10): string | null {
  if (ticks.length === 0) return 'no ticks';
  if (ticks.length > Math.max(8, Math.abs(b - a) / 60)) return `${ticks.length} ticks`;
  for (const t of ticks) {
    if (!Number.isFinite(t.value) || !Number.isFinite(t.pos)) return `tick ${show(t.value)} at ${show(t.pos)}`;
    if (t.pos < Math.min(a, b) - 1e-6 || t.pos > Math.max(a, b) + 1e-6) return `tick ${t.label} at ${t.pos} outside ${a}…${b}`;
    const u = unreadable(t.label, maxLen);
    if (u) return `label "${t.label}": ${u}`;
    if (!trueLabel(t)) return `label "${t.label}" for ${show(t.value)}`;
  }
  if (new Set(ticks.map((t) => t.label)).size !== ticks.length) return `labels repeat: ${ticks.map((t) => t.label).join(' ')}`;
  const ps = ticks.map((t) => t.pos).sort((x, y) => x - y);
  for (let i = 1; i < ps.length; i++) if (ps[i] - ps[i - 1] < 12) return `ticks ${ps[i] - ps[i - 1]} px apart`;
  return null;
}

/** A log tick's label: "0.001" … "10000", or "1e-6" beyond; either way the power of ten it stands at. */
const logLabelTrue = (t: Tick) => {
  const k = Math.round(Math.log10(t.value));
  return t.label === `1e${k}` || reads3(t.label, t.value);
};

function historyOf(s: readonly number[]): TrainingHistory {
  const h = new TrainingHistory();
  s.forEach((v, i) => h.push(10 * (i + 1), v, 1, 1, false));
  return h;
}

describe('curve-layout on extremes', () => {
  it('lossDomain, lossScale and lossTicks: a finite domain over every usable value, ticks finite, distinct, readable and true', () => {
    const f = failures();
    const L = curveLayout(640);
    for (const s of CASES) for (const log of [false, true]) {
      const n = s.length;
      const d = lossDomain(s, n, log);
      const what = () => `${log ? 'log' : 'linear'} [${s.map(show).join(',')}]`;
      f.check(Number.isFinite(d[0]) && Number.isFinite(d[1]) && d[1] > d[0] && (log ? d[0] > 0 : d[0] === 0), () => `${what()}: domain ${d.map(show)}`);
      // every positive finite value is inside the domain (log), or under its top (linear) — none pinned to a false edge
      for (const v of finitePos(s)) f.check(v <= d[1] && (!log || v >= d[0]), () => `${what()}: ${show(v)} outside ${d.map(show)}`);
      const sc = lossScale(d, L, log);
      const bad = badTicks(lossTicks(sc, log), L.lossTop, L.lossBottom, log ? logLabelTrue : (t) => reads3(t.label, t.value));
      f.check(bad === null, () => `${what()}: ${bad}`);
    }
    expect(f.list).toEqual([]);
  });

  it('metricDomain, metricScale and metricTicks: finite, with the baseline inside, for every baseline and series', () => {
    const f = failures();
    const L = curveLayout(640);
    const r = rng(22);
    for (const s of CASES) {
      const baseline = pick(r);
      for (const name of ['MSE', 'accuracy']) {
        const d = metricDomain(name, baseline, s, s.length);
        const what = () => `${name} baseline ${show(baseline)} [${s.map(show).join(',')}]`;
        f.check(Number.isFinite(d[0]) && Number.isFinite(d[1]) && d[1] > d[0], () => `${what()}: domain ${d.map(show)}`);
        // the baseline is on the axis (within a billionth of its span: a pixel cannot tell 5e-324 from 0),
        // up to 1e307, beyond which the axis cannot reach (its span would overflow) and the line is pinned to the top
        const slack = (d[1] - d[0]) * 1e-9;
        if (name === 'MSE' && baseline > 0 && baseline <= 1e307) f.check(baseline >= d[0] - slack && baseline <= d[1] + slack, () => `${what()}: baseline outside ${d.map(show)}`);
        const sc = metricScale(d, L);
        const bad = badTicks(metricTicks(sc, name), L.metricTop, L.metricBottom, (t) => (name === 'accuracy' ? t.label === `${Math.round(t.value * 100)}%` : reads3(t.label, t.value)));
        f.check(bad === null, () => `${what()}: ${bad}`);
      }
    }
    expect(f.list).toEqual([]);
  });

  it('stepScale and stepTicks: whole steps, finite, readable, for any last step', () => {
    const f = failures();
    // a run of 10¹⁰ … 2⁵³ steps (labels "500,000,000,000") is out of reach; beyond 2⁵³ steps print in exponent form
    const lasts = [...POOL, 7, 12000, 123456789, 1e9, 1e17].filter((v) => !(v > 1e9 && v <= 1e17));
    for (const last of lasts) for (const width of [0, 280, 640, 1600]) {
      const L = curveLayout(width);
      const bad = badTicks(stepTicks(stepScale(last, L)), L.left, L.right, (t) => (t.value > Number.MAX_SAFE_INTEGER ? reads3(t.label, t.value) : Number(t.label.replace(/,/g, '')) === t.value), 13);
      f.check(bad === null, () => `last ${show(last)}, width ${width}: ${bad}`);
    }
    expect(f.list).toEqual([]);
  });
});

describe('curve-model on extremes', () => {
  it('buildCurve and readoutAt: finite geometry and ticks, paths without NaN, a readout that names a real point', () => {
    const f = failures();
    const r = rng(23);
    // every third pair of the pool, to stay well inside the time on a loaded machine (the layout tests above take all)
    for (const s of CASES.filter((c, i) => c.length !== 2 || i % 3 === 0)) {
      const h = historyOf(s);
      const metrics = new PointRing();
      const m = Math.floor(r() * Math.min(12, s.length + 1));
      for (let k = 0; k < m; k++) metrics.push(10 * (k + 1) * Math.max(1, Math.floor(s.length / Math.max(1, m))), pick(r));
      const name = r() < 0.3 ? 'accuracy' : 'MSE';
      const metric: TaskMetric | null = r() < 0.2 ? null : { name, value: pick(r), baseline: pick(r), baselineName: 'trivial', higherIsBetter: name === 'accuracy' };
      const width = [0, 280, 333, 640, 1600][Math.floor(r() * 5)];
      for (const log of [false, true]) {
        const what = () => `${log ? 'log' : 'linear'} width ${width} [${s.map(show).join(',')}] metric ${metric ? `${metric.name} ${show(metric.baseline)}` : 'none'}`;
        const c = buildCurve(h, metrics, metric, width, log);
        const L = c.layout;
        f.check(Object.values(L).every(Number.isFinite), () => `${what()}: layout ${JSON.stringify(L)}`);
        for (const [ticks, a, b] of [[c.lossTicks, L.lossTop, L.lossBottom], [c.stepTicks, L.left, L.right]] as const) {
          const bad = badTicks(ticks, a, b, () => true, 12);
          f.check(bad === null, () => `${what()}: ${bad}`);
        }
        if (metric) {
          const bad = badTicks(c.metricTicks, L.metricTop, L.metricBottom, () => true, 12);
          f.check(bad === null, () => `${what()}: metric ${bad}`);
        }
        f.check(!/NaN|Infinity/.test(c.lossPath + c.metricPath), () => `${what()}: path ${c.lossPath} ${c.metricPath}`);
        for (const [x, y] of [...c.lossPoints, ...c.metricPoints]) f.check(Number.isFinite(x) && (Number.isNaN(y) || (y >= L.lossTop && y <= L.metricBottom)), () => `${what()}: point ${x},${y}`);
        // a gap in the line exactly where the value is not a number
        f.check(c.lossPoints.filter((p) => Number.isNaN(p[1])).length === s.filter((v) => !Number.isFinite(v)).length, () => `${what()}: gaps`);
        if (c.baselineY !== null) f.check(Number.isFinite(c.baselineY), () => `${what()}: baseline y ${c.baselineY}`);
        if (c.lastMetric) f.check(c.lastMetric.every(Number.isFinite), () => `${what()}: last metric ${c.lastMetric}`);
        // the readout does not depend on the loss scale: read it once
        if (log) continue;
        for (const px of [-1e9, L.left, (L.left + L.right) / 2, L.right, 1e9]) {
          const at = c.stepAt(px);
          f.check(Number.isFinite(at) && Number.isFinite(c.xOf(at)), () => `${what()}: stepAt(${px}) = ${at}`);
          const ro = readoutAt(h, metrics, at);
          if (s.length === 0) {
            f.check(ro === null, () => `${what()}: readout on an empty curve`);
            continue;
          }
          const i = ro ? Array.from(h.step.subarray(0, h.length)).indexOf(ro.step) : -1;
          f.check(ro !== null && i >= 0 && Object.is(ro.loss, h.loss[i]), () => `${what()}: readout at ${at}: ${JSON.stringify(ro)}`);
          if (ro?.metric) f.check(ro.metric.step <= ro.step, () => `${what()}: readout metric after its step`);
        }
      }
      for (const at of [NaN, Infinity, -Infinity]) f.check(readoutAt(h, metrics, at) === null, () => `readout at ${show(at)}`);
      if (s.length > 0) f.check(readoutAt(h, metrics, -1e300)?.step === h.step[0], () => `readout at -1e300`);
    }
    expect(f.list).toEqual([]);
  });
});

describe('curve-summary on extremes', () => {
  it('the sentences print no NaN, name the loss with the numbers it had, and say which way it went only when it did', () => {
    const f = failures();
    const r = rng(24);
    for (const s of CASES) {
      const h = historyOf(s);
      const name = r() < 0.3 ? 'accuracy' : 'MSE';
      const metric: TaskMetric = { name, value: pick(r), baseline: pick(r), baselineName: 'trivial', higherIsBetter: name === 'accuracy' };
      const label = curveAriaLabel(h, r() < 0.5 ? metric : null);
      const last = lossText(h);
      const texts = [label, last ?? '', metricText(metric), verdictText(metric)];
      for (const t of texts) f.check(!BROKEN.test(t) && !/\d{10,}/.test(t.replace(/,/g, '')), () => `"${t}"`);
      if (s.length === 0) {
        f.check(last === null, () => `lossText of nothing: ${last}`);
        continue;
      }
      const [a, b] = [s[0], s[s.length - 1]];
      f.check(label.includes(`from ${formatValue(a)} to ${formatValue(b)}`), () => `"${label}" for ${show(a)} → ${show(b)}`);
      const dir = /the loss (\w+) from/.exec(label)?.[1];
      // a loss that is not a number neither fell, rose nor stayed; ∞ is larger than any loss
      const want = Number.isNaN(a) || Number.isNaN(b) ? null : b < a ? 'fell' : b > a ? 'rose' : 'stayed';
      f.check(want === null ? dir !== 'fell' && dir !== 'rose' && dir !== 'stayed' : dir === want, () => `"${label}" for ${show(a)} → ${show(b)}`);
      f.check(last === `loss ${formatValue(b)} at step ${s.length * 10}`.replace(/(\d)(\d{3})$/, '$1,$2'), () => `"${last}"`);
      // the verdict agrees with the numbers: "better" only when the value beats the baseline
      const better = metric.higherIsBetter ? metric.value > metric.baseline : metric.value < metric.baseline;
      f.check(verdictText(metric).startsWith(better ? 'better' : 'not better'), () => `${verdictText(metric)} for ${show(metric.value)} vs ${show(metric.baseline)}`);
    }
    expect(f.list).toEqual([]);
  });
});
