import { describe, expect, it } from 'vitest';
import { TrainingHistory } from '../../../src/state/history';
import { buildHistory, nearestPoint } from '../../../src/views/flow/history-model';
import { buildProfile, nearestK } from '../../../src/views/flow/profile-model';
import { linearRnn, pathPoints } from './flow-fixtures';

describe('buildProfile', () => {
  const rec = linearRnn(0.5).inspect(0);
  const m = buildProfile(rec, 560, 0, 'chunk');

  it('puts τ at the left edge and step 0 at the right: x(k) = 66 + 476·(11 − k)/11 in a 560 px box', () => {
    expect(m.box).toMatchObject({ left: 66, right: 542, top: 14, bottom: 210 });
    const pts = pathPoints(m.h.path);
    expect(pts).toHaveLength(12);
    pts.forEach(([x], k) => expect(x).toBeCloseTo(66 + (476 * (11 - k)) / 11, 2));
    expect(m.xTicks.map((t) => t.value)).toContain(11);
    expect(m.xTicks.find((t) => t.value === 0)!.pos).toBe(542);
  });

  it('draws log10 of the norm: domain [1e-7, 1e-2] over 196 px, so y = 210 − 39.2·(log10 v + 7), a straight falling line', () => {
    expect(m.y.domain()).toEqual([1e-7, 1e-2]);
    const pts = pathPoints(m.h.path);
    // (paths carry 3 decimals)
    pts.forEach(([, y], k) => expect(y).toBeCloseTo(210 - 39.2 * (Math.log10(rec.flowH[k]) + 7), 2));
    // equal steps in y per step in k: log10(0.5)·39.2 ≈ −11.8 px going right (back in time)
    for (let k = 1; k < pts.length; k++) expect(pts[k - 1][1] - pts[k][1]).toBeCloseTo(-39.2 * Math.log10(0.5), 2);
    expect(m.h.fit!.factor).toBeCloseTo(0.5, 12);
    // the fit line joins the profile's ends
    expect(m.h.fitLine![0][1]).toBeCloseTo(pts[11][1], 2);
    expect(m.h.fitLine![1][1]).toBeCloseTo(pts[0][1], 2);
    expect(m.c).toBeNull();
  });

  it('rises for s = 1.5', () => {
    const up = buildProfile(linearRnn(1.5).inspect(0), 560, 0, 'chunk');
    const pts = pathPoints(up.h.path);
    // k = 0 (right) is higher on screen (smaller y) than k = τ (left)
    expect(pts[0][1]).toBeLessThan(pts[11][1]);
    expect(up.h.fit!.factor).toBeCloseTo(1.5, 12);
  });

  it('marks zeros on the floor instead of drawing them, and shades the truncated-BPTT window', () => {
    const z = { tau: 4, flowH: Float64Array.from([0, 0.01, NaN, 0.1, 1]), flowC: new Float64Array(0) };
    const pm = buildProfile(z, 560, 2, 'window');
    expect(pm.h.zeros).toEqual([0, 2]);
    expect(pm.h.path.split('M')).toHaveLength(3); // two segments: k = 1 alone, then k = 3…4
    // window k = 3…4: from x(4) = 66 to half a step (119/2) right of x(3) = 185, i.e. 244.5
    expect(pm.window).toEqual({ from: 3, to: 4, x0: 66, x1: 244.5 });
    // chunks of 2: τ = 4 starts its own chunk, so only k = 4 itself is trained on
    expect(buildProfile(z, 560, 2, 'chunk').window).toMatchObject({ from: 4, to: 4 });
    expect(nearestK(pm, 200)).toBe(3);
    expect(nearestK(pm, 9999)).toBe(0);
  });

  it('crosses values below a forced floor instead of drawing a fake level line on it', () => {
    const deep = { tau: 3, flowH: Float64Array.from([1e-20, 1e-15, 1e-3, 1]), flowC: new Float64Array(0) };
    const pm = buildProfile(deep, 560, 0, 'chunk', { yDomain: [1e-12, 1] });
    expect(pm.h.zeros).toEqual([0, 1]);
    expect(pathPoints(pm.h.path)).toHaveLength(2);
    // the default domain keeps the top 12 decades: [1e-12, 1] here too
    expect(buildProfile(deep, 560, 0, 'chunk').y.domain()).toEqual([1e-12, 1]);
  });

  it('shares a forced y domain and draws the LSTM cell-state profile', () => {
    const rec2 = { tau: 2, flowH: Float64Array.from([0.1, 0.1, 1]), flowC: Float64Array.from([1, 10, 10]) };
    const pm = buildProfile(rec2, 560, 0, 'chunk', { yDomain: [1e-4, 100] });
    expect(pm.y.domain()).toEqual([1e-4, 100]);
    expect(pathPoints(pm.c!.path)[1][1]).toBeCloseTo(210 - (196 / 6) * 5, 2);
  });
});

describe('buildHistory', () => {
  /** steps 1…10; norm 1 except 5,000 at step 7 (an explosion: above 1,000) and 3 at step 10; clipping by norm at 2. */
  function fill(): TrainingHistory {
    const h = new TrainingHistory();
    [1, 1, 1, 1, 1, 1, 5000, 1, 2, 3].forEach((g, i) => h.push(i + 1, 0.5, g, Math.min(g, 2), g > 2));
    return h;
  }
  const x = (s: number) => 66 + ((s - 1) / 9) * 476;
  // domain [1, 1e4] over 132…12: 30 px a decade
  const y = (v: number) => 132 - 30 * Math.log10(v);

  it('ticks exactly the clipped steps, marks the explosion, and draws the threshold at its y', () => {
    const h = fill();
    const m = buildHistory(h, { kind: 'norm', threshold: 2 }, 560);
    expect(m.y.domain()).toEqual([1, 1e4]);
    expect(m.clipped).toEqual([6, 9]);
    const ticks = [...m.clipPath.matchAll(/M([\d.]+),138V150/g)].map((t) => Number(t[1]));
    expect(ticks).toHaveLength(2);
    expect(ticks[0]).toBeCloseTo(x(7), 1);
    expect(ticks[1]).toBeCloseTo(x(10), 1);
    expect(m.spikes).toEqual([6]);
    expect(m.spikePoints[0][0]).toBeCloseTo(x(7), 9);
    expect(m.spikePoints[0][1]).toBeCloseTo(y(5000), 9);
    // the ▼ sits 4 px above the point, and the explosion threshold is drawn where the axis reaches it
    expect(m.spikePath).toBe(`M${Math.round(x(7) * 10) / 10},${Math.round((y(5000) - 4) * 10) / 10}l-6,-10h12z`);
    expect(m.explosionY).toBeCloseTo(y(1000), 9);
    expect(m.thresholdY).toBeCloseTo(y(2), 3);
    // after clipping the norm never rises above the line (smaller y is higher)
    const after = pathPoints(m.afterPath);
    expect(after).toHaveLength(10);
    after.forEach(([, py]) => expect(py).toBeGreaterThanOrEqual(m.thresholdY!));
    // the clipped steps (7 and 10) lie exactly on it
    expect(after[6][1]).toBe(m.thresholdY);
    expect(after[9][1]).toBe(m.thresholdY);
    expect(pathPoints(m.beforePath)[6][1]).toBeCloseTo(y(5000), 2);
    expect(nearestPoint(h, m, x(7) + 3)).toBe(6);
  });

  it('draws no threshold without norm clipping, and no second line when nothing was clipped', () => {
    const h = new TrainingHistory();
    [1, 2, 3].forEach((g, i) => h.push(i + 1, 0.5, g, g, false));
    const m = buildHistory(h, { kind: 'none' }, 560);
    expect(m.thresholdY).toBeNull();
    expect(m.afterPath).toBe('');
    expect(m.clipPath).toBe('');
  });

  it('keeps the rest of the history readable after a 1e25 spike: the floor follows the smallest norm, and the spike is marked', () => {
    // the adding problem, T = 50, ReLU RNN, RMSProp at 0.1, no clipping: ‖∇θ‖ per step (engine run, seed 1)
    const g = [2.48, 1e25, 19.6, 4.61, 4.68, 4.13, 4.74, 4.11, 4.65, 4.15, 4.2, 4.72, 5.21, 4.8];
    const h = new TrainingHistory();
    g.forEach((v, i) => h.push(i + 1, 0.1, v, v, false));
    const m = buildHistory(h, { kind: 'none' }, 560);
    // before: [1e14, 1e26] (the top 12 decades), every norm ≈ 4 drawn on the floor
    expect(m.y.domain()).toEqual([1, 1e25]);
    const pts = pathPoints(m.beforePath);
    expect(pts).toHaveLength(g.length);
    // every point at its own height: y = 132 − 4.8·log10 v (25 decades over 120 px), none on the floor
    pts.forEach(([, py], i) => expect(py).toBeCloseTo(132 - 4.8 * Math.log10(g[i]), 2));
    pts.slice(2).forEach(([, py]) => expect(py).toBeLessThan(m.box.bottom - 2));
    expect(m.spikes).toEqual([1]);
    expect(m.yTicks.map((t) => t.label)).toEqual(['1', '1e10', '1e20']);
  });

  it('marks nothing among tiny norms that jump tenfold (a linear RNN near 1e-8 used to get 39 marks)', () => {
    const h = new TrainingHistory();
    [0.2, 9.6e-5, 3.5e-8, 3.3e-4, 3.4e-11, 2.2e-8, 8.6e-9, 4.2e-6, 3.3e-4, 0.16, 4.7e-7, 3.6e-14, 9e-14, 1.1e-7].forEach((v, i) => h.push(i + 1, 0.1, v, v, false));
    const m = buildHistory(h, { kind: 'norm', threshold: 1 }, 560);
    expect(m.spikes).toEqual([]);
    expect(m.spikePath).toBe('');
    // the axis does not reach 1,000: no explosion line
    expect(m.explosionY).toBeNull();
    expect(m.y.domain()).toEqual([1e-14, 1]);
  });

  it('marks an overflowed norm at the top, inside the SVG', () => {
    const h = new TrainingHistory();
    [1, 2, Infinity, NaN, 1e300].forEach((v, i) => h.push(i + 1, 0.1, v, v, false));
    const m = buildHistory(h, { kind: 'none' }, 560);
    expect(m.spikes).toEqual([2, 3, 4]);
    expect(m.spikePoints.map((p) => p[1])).toEqual([m.box.top, m.box.top, m.box.top]);
    for (const [, py] of pathPoints(m.spikePath.replace(/l-6,-10h12z/g, ''))) expect(py - 10).toBeGreaterThanOrEqual(0);
  });

  it('lays out an empty history without NaN', () => {
    const m = buildHistory(new TrainingHistory(), { kind: 'norm', threshold: 1 }, 200);
    expect(m.box.width).toBe(300);
    expect(m.beforePath).toBe('');
    expect(m.thresholdY).toBe(m.box.top); // domain [0.1, 1]: the threshold 1 on top
  });
});
