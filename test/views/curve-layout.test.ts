import { describe, expect, it } from 'vitest';
import { TrainingHistory, PointRing } from '../../src/state/history';
import { BUCKET_PX, curveLayout, decimate, lossDomain, lossScale, lossTicks, lossY, metricDomain, metricScale, stepScale, stepTicks } from '../../src/views/curve/curve-layout';
import { buildCurve } from '../../src/views/curve/curve-model';

// A 640-px-wide curve: plots span x 64…624 (560 px); loss panel y 168 (bottom) … 28 (top), metric 272 … 204.
const L = curveLayout(640);

function historyOf(losses: number[]): TrainingHistory {
  const h = new TrainingHistory();
  losses.forEach((l, i) => h.push(i + 1, l, 0, 0, false));
  return h;
}

describe('curve layout', () => {
  it('places the panels for a given width and never below the minimum width', () => {
    expect(L).toEqual({ width: 640, height: 320, left: 64, right: 624, lossTop: 28, lossBottom: 168, metricTop: 204, metricBottom: 272 });
    expect(curveLayout(100).width).toBe(280);
  });

  it('maps steps 0…last linearly onto the plot width', () => {
    const x = stepScale(4, L);
    expect(x(0)).toBe(64);
    expect(x(1)).toBe(204);
    expect(x(4)).toBe(624);
    expect(stepTicks(x).map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    // a degenerate run (no steps) still gets a usable [0, 1] domain, and only whole-step ticks
    expect(stepScale(0, L).domain()).toEqual([0, 1]);
    expect(stepTicks(stepScale(0, L)).map((t) => t.value)).toEqual([0, 1]);
    expect(stepTicks(stepScale(12000, L)).map((t) => t.label)).toEqual(['0', '2,000', '4,000', '6,000', '8,000', '10,000', '12,000']);
  });

  it('gives the loss a nice linear domain from 0, or whole decades on a log scale ignoring values ≤ 0', () => {
    expect(lossDomain([2, 1, 0.5, 0.25], 4, false)).toEqual([0, 2]);
    // ~4 ticks over 1.38 are 0.5 apart, so the top rounds up to 1.5
    expect(lossDomain([1.38, 0.7], 2, false)).toEqual([0, 1.5]);
    expect(lossDomain([2, 1, 0.5, 0.25], 4, true)).toEqual([0.1, 10]);
    expect(lossDomain([0, 0.5, -1, 0.02, NaN], 5, true)).toEqual([0.01, 1]);
    expect(lossDomain([0, -1], 2, true)).toEqual([0.1, 1]);
    // only the first n values count
    expect(lossDomain([1, 50], 1, false)).toEqual([0, 1]);
  });

  it('maps loss values to pixels, linear and log10, with non-positive values on the floor of a log axis', () => {
    const lin = lossScale([0, 2], L, false);
    expect(lin(2)).toBe(28);
    expect(lin(0.25)).toBeCloseTo(150.5, 10);
    const log = lossScale([0.1, 10], L, true);
    // y = 168 − 140 · (log10 v + 1) / 2
    expect(log(2)).toBeCloseTo(168 - 70 * (Math.log10(2) + 1), 10);
    const y = lossY(log, true);
    expect(y(0)).toBe(168);
    expect(y(-3)).toBe(168);
    expect(y(NaN)).toBeNaN();
    expect(y(Infinity)).toBeNaN();
    const ticks = lossTicks(log, true);
    expect(ticks.map((t) => t.label)).toEqual(['0.1', '1', '10']);
    [168, 98, 28].forEach((px, i) => expect(ticks[i].pos).toBeCloseTo(px, 9));
    // eight decades: every other power of ten, long ones in e-notation
    expect(lossTicks(lossScale([1e-6, 10], L, true), true).map((t) => t.label)).toEqual(['1e-6', '1e-4', '0.01', '1']);
    expect(lossTicks(lin, false).map((t) => t.label)).toEqual(['0', '0.5', '1', '1.5', '2']);
  });

  it('scales the metric: accuracy on [0, 1], a loss-like metric up to at most 3× its baseline', () => {
    expect(metricDomain('accuracy', 0.25, [0.9], 1)).toEqual([0, 1]);
    expect(metricDomain('MSE', 0.1, [5, 0.05], 2)).toEqual([0, 0.3]);
    // ~3 ticks over 4.7 are 2 apart: the top rounds up to 6
    expect(metricDomain('bits per character', 4.7, [4.1, 2.2], 2)).toEqual([0, 6]);
    const s = metricScale([0, 0.3], L);
    expect(s(0.1)).toBeCloseTo(272 - 68 / 3, 10);
    expect(s(5)).toBe(204); // pinned to the top edge
  });
});

describe('decimate', () => {
  const x = stepScale(4, L);
  const y = lossY(lossScale([0, 2], L, false), false);

  it('keeps every point of a short series, at its exact pixel', () => {
    const pts = decimate([1, 2, 3, 4], [2, 1, 0.5, 0.25], 4, x, y);
    expect(pts).toEqual([
      [204, 28],
      [344, 98],
      [484, 133],
      [624, 150.5],
    ]);
  });

  it('draws a long series with about one point per pixel, keeping its first and last point and a one-step spike', () => {
    const n = 2000;
    const steps = Float64Array.from({ length: n }, (_, i) => i + 1);
    const loss = Float64Array.from({ length: n }, (_, i) => (i === 1000 ? 1.9 : 1 - i / (2 * n)));
    const xs = stepScale(n, L);
    const pts = decimate(steps, loss, n, xs, y);
    expect(pts.length).toBeLessThanOrEqual((L.right - L.left) / BUCKET_PX * 2 + 2);
    expect(pts.length).toBeLessThanOrEqual(L.right - L.left + 2);
    expect(pts[0]).toEqual([xs(1), y(1)]);
    expect(pts[pts.length - 1]).toEqual([xs(n), y(loss[n - 1])]);
    expect(pts).toContainEqual([xs(1001), y(1.9)]);
    for (let i = 1; i < pts.length; i++) expect(pts[i][0]).toBeGreaterThanOrEqual(pts[i - 1][0]);
  });

  it('turns a non-finite loss into a gap, so the path has two pieces', () => {
    const h = historyOf([2, NaN, 0.5, 0.25]);
    const m = buildCurve(h, new PointRing(), null, 640, false);
    expect(m.lossPoints[1][1]).toBeNaN();
    expect(m.lossPath).toBe('M204,28ZM484,133L624,150.5');
  });
});

describe('buildCurve', () => {
  it('draws the loss line, the metric line and the baseline at the scale of the baseline', () => {
    const h = historyOf([2, 1, 0.5, 0.25]);
    const metrics = new PointRing();
    metrics.push(2, 0.5);
    metrics.push(4, 0.75);
    const metric = { name: 'accuracy', value: 0.75, baseline: 0.25, baselineName: 'chance (1/4)', higherIsBetter: true };
    const m = buildCurve(h, metrics, metric, 640, false);
    expect(m.lossPath).toBe('M204,28L344,98L484,133L624,150.5');
    // metric y = 272 − 68 · value
    expect(m.metricPoints).toEqual([
      [344, 238],
      [624, 221],
    ]);
    expect(m.baselineY).toBe(255);
    expect(m.lastMetric).toEqual([624, 221]);
    expect(m.metricTicks.map((t) => t.label)).toEqual(['0%', '50%', '100%']);
  });

  it('extends the step axis to the newest metric point and has no baseline without a metric', () => {
    const h = historyOf([1, 1]);
    const metrics = new PointRing();
    metrics.push(8, 0.3);
    const m = buildCurve(h, metrics, null, 640, false);
    expect(m.metricPoints[0][0]).toBe(624);
    expect(m.lossPoints[1][0]).toBe(64 + 560 * (2 / 8));
    expect(m.baselineY).toBeNull();
    expect(m.metricTicks).toEqual([]);
  });
});
