/**
 * Property tests of every layout and model function of the flow views on extreme values: 1e-300 … 1e300, the
 * ends of the double range, 0, NaN, ±∞ and empty series. Domains and ticks stay finite and readable, the
 * words stay true to the numbers, labels stay inside their SVG, nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { PointRing, TrainingHistory } from '../../../src/state/history';
import type { TaskMetric } from '../../../src/engine/tasks/task';
import { baselineVerdict, buildMiniCurve, compareColumns, miniBox, sharedAxes } from '../../../src/views/flow/compare-layout';
import { clipIndices, EXPLOSION_NORM, explosionIndices, formatLog10, labelExtent, logDomain, logScale, logTicks, logY, tickEvery, truncationWindow } from '../../../src/views/flow/flow-layout';
import { describeFlow, flowShape, formatFactorLog10, LEVEL_TOLERANCE, stepFactor } from '../../../src/views/flow/flow-shape';
import type { TextLabel } from '../../../src/views/flow/flow-layout';
import { buildHistory, nearestPoint, stripBox } from '../../../src/views/flow/history-model';
import { buildProfile, kTicks, nearestK, profileBox, stepAxis } from '../../../src/views/flow/profile-model';

/** The values every series is drawn from. */
const POOL = [0, -0, -1, 1e-300, 1e-200, 1e-100, 1e-12, 1e-3, 0.5, 1, 2, 1e3, 1e12, 1e100, 1e200, 1e300, Number.MIN_VALUE, Number.MAX_VALUE, NaN, Infinity, -Infinity];

/** A small deterministic PRNG (mulberry32), so a failure names its case. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Series of extreme values: empty, single values, every pair of the pool, and random mixes up to 60 long. */
function seriesCases(): number[][] {
  const out: number[][] = [[], ...POOL.map((v) => [v])];
  for (const a of POOL) for (const b of POOL) out.push([a, b]);
  const r = rng(7);
  for (let i = 0; i < 100; i++) out.push(Array.from({ length: 1 + Math.floor(r() * 60) }, () => POOL[Math.floor(r() * POOL.length)]));
  // smooth runs across the whole range, falling and rising
  out.push(Array.from({ length: 61 }, (_, k) => 10 ** (300 - 10 * k)));
  out.push(Array.from({ length: 61 }, (_, k) => 10 ** (-300 + 10 * k)));
  return out;
}
const CASES = seriesCases();

/** Text that must never appear in what the views print. */
const BROKEN = /NaN|Infinity|undefined|null|e\+?Infinity/;

function expectDomain([lo, hi]: number[]) {
  expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
  expect(lo).toBeGreaterThan(0);
  expect(hi).toBeGreaterThan(lo);
}

function expectTicks(ticks: { value: number; pos: number; label: string }[], top: number, bottom: number) {
  expect(ticks.length).toBeGreaterThan(0);
  expect(ticks.length).toBeLessThanOrEqual(7);
  for (const t of ticks) {
    expect(Number.isFinite(t.pos)).toBe(true);
    expect(t.pos).toBeGreaterThanOrEqual(Math.min(top, bottom) - 1e-6);
    expect(t.pos).toBeLessThanOrEqual(Math.max(top, bottom) + 1e-6);
    expect(t.label.length).toBeGreaterThan(0);
    expect(t.label.length).toBeLessThanOrEqual(6);
    expect(t.label).not.toMatch(BROKEN);
  }
  // distinct and at least 12 px apart: readable
  const ps = ticks.map((t) => t.pos).sort((a, b) => a - b);
  for (let i = 1; i < ps.length; i++) expect(ps[i] - ps[i - 1]).toBeGreaterThanOrEqual(12);
}

function expectPath(d: string) {
  expect(d).not.toMatch(/NaN|Infinity/);
}

function expectInside(l: TextLabel | null, width: number, height: number) {
  if (!l) return;
  const [a, b] = labelExtent(l);
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeLessThanOrEqual(width);
  expect(l.y - 11).toBeGreaterThanOrEqual(0);
  expect(l.y + 4).toBeLessThanOrEqual(height);
}

describe('flow-layout on extremes', () => {
  it('logDomain, logScale, logTicks and logY: finite, increasing, readable, for capped and unlimited spans', () => {
    for (const s of CASES) {
      for (const max of [12, Infinity]) {
        const d = logDomain([s], [], undefined, max);
        expectDomain(d);
        const positives = s.filter((v) => v > 0 && Number.isFinite(v));
        // the unlimited domain covers every positive finite value (within the subnormal floor)
        if (max === Infinity) for (const v of positives) expect(v >= d[0] || d[0] === Number.MIN_VALUE).toBe(true);
        for (const v of positives) expect(v).toBeLessThanOrEqual(d[1]);
        const y = logScale(d, 200, 10);
        expectTicks(logTicks(y, 4), 10, 200);
        expectTicks(logTicks(y, 6), 10, 200);
        for (const v of s) {
          const py = logY(y)(v);
          if (v > 0 && Number.isFinite(v)) {
            expect(py).toBeGreaterThanOrEqual(10 - 1e-9);
            expect(py).toBeLessThanOrEqual(200 + 1e-9);
          } else expect(py).toBeNaN();
        }
      }
    }
    // a forced domain that cannot be a log domain falls back instead of throwing
    for (const bad of [[0, 1], [NaN, 1], [1, 1], [5, 2], [1, Infinity]] as [number, number][]) expectDomain(logScale(bad, 100, 0).domain());
  });

  it('flowShape and describeFlow: the words agree with the numbers, which never overflow', () => {
    const down = Math.log10(1 - LEVEL_TOLERANCE);
    const up = Math.log10(1 + LEVEL_TOLERANCE);
    for (const s of CASES) {
      const f = flowShape(s);
      const usable = s.filter((v) => v > 0 && Number.isFinite(v)).length;
      expect(f === null).toBe(usable < 2);
      const text = describeFlow(f, 'error', s.length - 1);
      expect(text).not.toMatch(BROKEN);
      if (!f) continue;
      expect(Number.isFinite(f.log10Factor) && Number.isFinite(f.log10Total)).toBe(true);
      expect(f.steps).toBe(f.from - f.to);
      expect(f.log10Total).toBeCloseTo(Math.log10(s[f.to]) - Math.log10(s[f.from]), 6);
      if (f.shape === 'vanishing') {
        expect(f.log10Factor).toBeLessThan(down);
        expect(text).toMatch(/^Falling: .*\(vanishing gradient\)/);
      } else if (f.shape === 'exploding') {
        expect(f.log10Factor).toBeGreaterThan(up);
        expect(text).toMatch(/^Rising: .*\(exploding gradient\)/);
      } else if (f.shape === 'constant') {
        expect(f.log10Factor).toBeGreaterThanOrEqual(down);
        expect(f.log10Factor).toBeLessThanOrEqual(up);
        expect(text).not.toMatch(/vanishing gradient|exploding gradient/);
      } else {
        // a turn: strictly inside the span, the legs going the named ways by at least 2× each
        const t = f.turn!;
        expect(t.k).toBeGreaterThan(f.to);
        expect(t.k).toBeLessThan(f.from);
        const sign = f.shape === 'falls-rises' ? 1 : -1;
        expect(sign * t.log10Drop).toBeLessThanOrEqual(-Math.log10(2) + 1e-12);
        expect(sign * t.log10Back).toBeGreaterThanOrEqual(Math.log10(2) - 1e-12);
        expect(text).not.toMatch(/vanishing gradient|exploding gradient/);
      }
      expect(formatFactorLog10(f.log10Factor)).not.toMatch(BROKEN);
      expect(formatLog10(f.log10Total)).not.toMatch(BROKEN);
    }
  });

  it('explosionIndices, clipIndices, stepFactor and truncationWindow: exact, bounded, never throwing', () => {
    for (const s of CASES) {
      for (const n of [0, 1, s.length, s.length + 5, -1, NaN, Infinity]) {
        const e = explosionIndices(s, n);
        const m = n >= 0 ? Math.min(n, s.length) : 0;
        expect(e).toEqual(s.slice(0, m).flatMap((v, i) => (!Number.isFinite(v) || v > EXPLOSION_NORM ? [i] : [])));
        expect(clipIndices(s, n)).toEqual(s.slice(0, m).flatMap((v, i) => (v > 0 ? [i] : [])));
      }
      const sf = stepFactor(s);
      if (sf) expect(Number.isNaN(sf.factor)).toBe(false);
    }
    for (const tau of [0, 1, 10, 400]) for (const k of [0, -1, NaN, Infinity, 1, 3, 1e300]) for (const mode of ['chunk', 'window'] as const) {
      const w = truncationWindow(tau, k, mode);
      if (w) {
        expect(w.from).toBeGreaterThan(0);
        expect(w.from).toBeLessThanOrEqual(tau);
        expect(w.to).toBe(tau);
      }
    }
  });
});

describe('profile-model on extremes', () => {
  it('buildProfile: finite geometry, readable ticks, labels inside the SVG, for every series, width and truncation', () => {
    const r = rng(11);
    for (const s of CASES) {
      const tau = Math.max(0, s.length - 1);
      const c = s.length > 0 && r() < 0.5 ? s.map(() => POOL[Math.floor(r() * POOL.length)]) : [];
      const rec = { tau, flowH: Float64Array.from(s.length ? s : [NaN]), flowC: Float64Array.from(c) };
      const width = [0, 240, 300, 560, 1200, NaN][Math.floor(r() * 6)];
      const trunc = [0, 1, 3, 1e9, NaN][Math.floor(r() * 5)];
      const forced = r() < 0.3 ? ([1e-12, 1] as [number, number]) : undefined;
      const m = buildProfile(rec, width, trunc, r() < 0.5 ? 'chunk' : 'window', { yDomain: forced, minWidth: 240 });
      expect(m.box.width).toBeGreaterThanOrEqual(240);
      expectDomain(m.y.domain());
      expectTicks(m.yTicks, m.box.top, m.box.bottom);
      for (const t of m.xTicks) expect(Number.isFinite(t.pos)).toBe(true);
      for (const line of [m.h, m.c]) {
        if (!line) continue;
        expectPath(line.path);
        for (const [px] of line.points) expect(Number.isFinite(px)).toBe(true);
        if (line.fitLine) line.fitLine.flat().forEach((v) => expect(Number.isFinite(v)).toBe(true));
        // every point is drawn, crossed on the floor, or crossed on the top — never lost, never on a false level
        const drawn = line.points.filter((p) => Number.isFinite(p[1])).length;
        expect(drawn + line.zeros.length + line.over.length).toBe(line.points.length);
      }
      expectInside(m.windowLabel, m.box.width, m.box.height);
      expectInside(m.endLabels.h, m.box.width, m.box.height);
      expectInside(m.endLabels.c, m.box.width, m.box.height);
      expect(Number.isInteger(nearestK(m, NaN)) || Number.isNaN(nearestK(m, NaN))).toBe(true);
      for (const px of [-1e9, 0, 1e9]) {
        const k = nearestK(m, px);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(m.tau);
      }
    }
  });

  it('profileBox, stepAxis and kTicks: finite for any width and τ', () => {
    for (const w of [NaN, -5, 0, 240, 1e6]) for (const h of [NaN, 0, 200, 260]) {
      const b = profileBox(w, h);
      Object.values(b).forEach((v) => expect(Number.isFinite(v)).toBe(true));
      expect(b.bottom).toBeGreaterThan(b.top);
      for (const tau of [0, 1, 11, 400]) {
        const ticks = kTicks(stepAxis(tau, b), tau);
        expect(ticks.map((t) => t.value)).toContain(0);
        expect(ticks.map((t) => t.value)).toContain(tau);
        ticks.forEach((t) => expect(Number.isFinite(t.pos)).toBe(true));
      }
    }
  });
});

describe('history-model on extremes', () => {
  it('buildHistory: an axis over every finite positive norm, ▼ exactly at the explosions and inside the SVG, labels inside', () => {
    const r = rng(13);
    for (const s of CASES) {
      const h = new TrainingHistory();
      s.forEach((v, i) => {
        const after = r() < 0.5 ? v : Math.min(v, 1);
        h.push(i + 1, 0.1, v, after, after !== v);
      });
      const clip = r() < 0.5 ? ({ kind: 'none' } as const) : ({ kind: 'norm', threshold: [1e-3, 1, 1e3, 1e4][Math.floor(r() * 4)] } as const);
      const width = [0, 300, 560, 1200][Math.floor(r() * 4)];
      const m = buildHistory(h, clip, width);
      expectDomain(m.y.domain());
      expectTicks(m.yTicks, m.box.top, m.box.bottom);
      for (const t of m.xTicks) expect(Number.isFinite(t.pos)).toBe(true);
      expectPath(m.beforePath);
      expectPath(m.afterPath);
      expectPath(m.clipPath);
      expectPath(m.spikePath);
      // every finite positive norm sits inside the domain: none pinned to an edge it does not belong to
      const [lo, hi] = m.y.domain();
      for (let i = 0; i < h.length; i++) {
        const v = h.gradNorm[i];
        if (v > 0 && Number.isFinite(v)) expect(v >= lo || lo === Number.MIN_VALUE).toBe(true);
        if (v > 0 && Number.isFinite(v)) expect(v).toBeLessThanOrEqual(hi);
      }
      // the count the caption prints is the number of marks drawn
      expect(m.spikes).toEqual(explosionIndices(h.gradNorm, h.length));
      expect((m.spikePath.match(/M/g) ?? []).length).toBe(m.spikes.length);
      for (const [, y] of [...m.spikePath.matchAll(/M[-\d.]+,([-\d.]+)/g)].map((x) => [0, Number(x[1])])) expect(y - 10).toBeGreaterThanOrEqual(0);
      expectInside(m.thresholdLabel, m.box.width, m.box.height);
      expectInside(m.explosionLabel, m.box.width, m.box.height);
      if (m.thresholdY !== null) expect(Number.isFinite(m.thresholdY)).toBe(true);
      if (m.explosionY !== null) expect(Number.isFinite(m.explosionY)).toBe(true);
      for (const px of [NaN, -1e9, 0, 1e9]) {
        const i = nearestPoint(h, m, px);
        expect(i).toBeGreaterThanOrEqual(h.length === 0 ? -1 : 0);
        expect(i).toBeLessThan(Math.max(1, h.length));
      }
    }
    Object.values(stripBox(NaN)).forEach((v) => expect(Number.isFinite(v)).toBe(true));
  });

  it('keeps the explosion and clipping labels apart when their lines are close', () => {
    for (const threshold of [300, 700, 1000, 1500, 3000]) for (const width of [300, 400, 560]) {
      const h = new TrainingHistory();
      [1, 10, 100, 1e4, 5].forEach((v, i) => h.push(i + 1, 0.1, v, Math.min(v, threshold), v > threshold));
      const m = buildHistory(h, { kind: 'norm', threshold }, width);
      const a = m.explosionLabel;
      const b = m.thresholdLabel!;
      if (!a) continue;
      const [a0, a1] = labelExtent(a);
      const [b0, b1] = labelExtent(b);
      const apart = a1 + 2 <= b0 || b1 + 2 <= a0 || Math.abs(a.y - b.y) >= 15;
      expect(apart, `threshold ${threshold}, width ${width}`).toBe(true);
    }
  });
});

describe('compare-layout on extremes', () => {
  it('sharedAxes and buildMiniCurve: finite axes and paths, for losses and metrics from 1e-300 to 1e300, NaN and ±∞', () => {
    const r = rng(17);
    const metric = (value: number, baseline: number, name = 'MSE'): TaskMetric => ({ name, value, baseline, baselineName: 'trivial', higherIsBetter: name === 'accuracy' });
    for (let i = 0; i < 120; i++) {
      const cols = [0, 1, 2].map(() => {
        const history = new TrainingHistory();
        const metrics = new PointRing();
        const n = Math.floor(r() * 20);
        for (let k = 0; k < n; k++) {
          history.push(k + 1, POOL[Math.floor(r() * POOL.length)], 1, 1, false);
          metrics.push(k + 1, POOL[Math.floor(r() * POOL.length)]);
        }
        const m = r() < 0.2 ? null : metric(POOL[Math.floor(r() * POOL.length)], POOL[Math.floor(r() * POOL.length)], r() < 0.3 ? 'accuracy' : 'MSE');
        return { history, metrics, metric: m };
      });
      const axes = sharedAxes(cols);
      expectDomain(axes.loss);
      expect(Number.isFinite(axes.metric[0]) && Number.isFinite(axes.metric[1])).toBe(true);
      expect(axes.metric[1]).toBeGreaterThan(axes.metric[0]);
      expect(Number.isFinite(axes.lastStep)).toBe(true);
      for (const c of cols) {
        const m = buildMiniCurve(c, axes, [0, 240, 266, 600][Math.floor(r() * 4)]);
        expectPath(m.lossPath);
        expectPath(m.metricPath);
        if (m.baselineY !== null) expect(Number.isFinite(m.baselineY)).toBe(true);
        expectTicks(m.lossTicks, m.box.lossTop, m.box.lossBottom);
        for (const t of [...m.metricTicks, ...m.stepTicks]) {
          expect(Number.isFinite(t.pos)).toBe(true);
          expect(t.label).not.toMatch(BROKEN);
        }
        if (c.metric) {
          const v = baselineVerdict(c.metrics, c.metric);
          if (v) {
            expect(Number.isFinite(v.value)).toBe(true);
            expect(['better', 'at', 'worse']).toContain(v.verdict);
          }
        }
      }
    }
  });

  it('compareColumns and miniBox: finite for any width', () => {
    for (const w of [NaN, -1, 0, 100, 1e6, Infinity]) {
      const c = compareColumns(w);
      expect(Number.isFinite(c.colWidth)).toBe(true);
      Object.values(miniBox(c.colWidth)).forEach((v) => expect(Number.isFinite(v)).toBe(true));
    }
  });
});

describe('tick spacing never loops or breaks', () => {
  it('tickEvery is a whole number ≥ 1 for any input', () => {
    for (const d of [NaN, -5, 0, 1, 7, 601, 1e6, Infinity]) for (const m of [NaN, 0, -1, 1, 4, Infinity]) {
      const e = tickEvery(d, m);
      expect(Number.isInteger(e)).toBe(true);
      expect(e).toBeGreaterThanOrEqual(1);
    }
  });
});
