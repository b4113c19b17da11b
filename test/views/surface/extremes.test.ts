/**
 * The error-surface map's layout, paths and words on extreme values: losses and gradient norms from 1e-300 to
 * 1e300, the ends of the double range, ±0, NaN and ±∞ on the grid and on the wall; descents thrown to 1e300 and back.
 * Colour domains, ticks and contours stay finite, the image is coloured everywhere, paths stay inside the plot with
 * their exits on its edge, the sentences print the numbers they are about; nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/views/chart/format';
import { sequentialScale } from '../../../src/views/kit/colors';
import { cliffPath, nearestCliffPoint, pathGeometry } from '../../../src/views/surface/path-layout';
import {
  axisTicks,
  colorDomain,
  contourLevels,
  contourPaths,
  formatPower,
  GRAD_FLOOR,
  gridImage,
  imagePlacement,
  LOSS_FLOOR,
  nearestGridPoint,
  pointAt,
  surfaceLayout,
  surfaceScales,
} from '../../../src/views/surface/surface-layout';
import { DEFAULT_SURFACE_REQUEST, describeAnnealing, describePath, describeRestarts, inBox, largestStep, mapLabel } from '../../../src/views/surface/surface-summary';
import type { SurfacePoints, SurfaceResult } from '../../../src/worker/protocol';
import { BROKEN, failures, near, pick, POOL, reads3, rng, seriesCases, show, unreadable } from '../extremes';

const Q = DEFAULT_SURFACE_REQUEST;
const f64 = (a: readonly number[]) => Float64Array.from(a);
/** Coordinates a descent can reach: inside the box, far outside it, NaN (the worker stops a path before an overflow). */
const COORDS = [...POOL.filter((v) => Math.abs(v) < 1e305 || Number.isNaN(v)), 4.5, -2.5, 8, 15.99, -9.99, 16, -10, 6];

function points(r: () => number, n: number, coords: readonly number[] = COORDS): SurfacePoints {
  return { w: f64(Array.from({ length: n }, () => pick(r, coords))), b: f64(Array.from({ length: n }, () => pick(r, coords))), loss: f64(Array.from({ length: n }, () => pick(r))), gradNorm: f64(Array.from({ length: n }, () => Math.abs(pick(r)))) };
}

/** A result over the default box whose grid holds values from the pool (min and max as the worker takes them). */
function extremeResult(r: () => number, nw: number, nb: number): SurfaceResult {
  const loss = f64(Array.from({ length: nw * nb }, () => Math.abs(pick(r))));
  const grad = f64(Array.from({ length: nw * nb }, () => Math.abs(pick(r))));
  const min = (a: Float64Array) => a.reduce((x, y) => Math.min(x, y), Infinity);
  const max = (a: Float64Array) => a.reduce((x, y) => Math.max(x, y), -Infinity);
  const cliffN = Math.floor(r() * 6);
  return {
    request: { ...Q, nw, nb },
    loss,
    lossMin: min(loss),
    lossMax: max(loss),
    gradNorm: grad,
    gradNormMin: min(grad),
    gradNormMax: max(grad),
    cliff: { w: f64(Array.from({ length: cliffN }, () => r() * 16)), b: f64(Array.from({ length: cliffN }, () => r() * 16 - 10)), gradNorm: f64(Array.from({ length: cliffN }, () => Math.abs(pick(r)))) },
    descent: points(r, 1 + Math.floor(r() * 8)),
    clipped: points(r, 1 + Math.floor(r() * 8)),
    restarts: { starts: points(r, 4), ends: points(r, 4), best: Math.floor(r() * 4) },
    annealing: { path: points(r, 1 + Math.floor(r() * 8)), best: 0, acceptance: pick(r, [0, 1e-300, 0.31, 1, NaN]) },
  };
}

describe('surface-layout on extremes', () => {
  it('colorDomain, gridImage, contours and the legend: finite, coloured everywhere, grey only where the value is not a number', () => {
    const f = failures();
    const r = rng(51);
    for (let i = 0; i < 60; i++) {
      const nw = 2 + Math.floor(r() * 12);
      const nb = 2 + Math.floor(r() * 12);
      const res = extremeResult(r, nw, nb);
      const L = surfaceLayout([0, 300, 640, 2000][i % 4]);
      for (const layer of ['loss', 'grad'] as const) {
        const what = () => `result ${i} ${layer}`;
        const d = colorDomain(res, layer);
        f.check(Number.isFinite(d[0]) && Number.isFinite(d[1]) && d[1] > d[0], () => `${what()}: domain ${d}`);
        const floor = layer === 'loss' ? LOSS_FLOOR : GRAD_FLOOR;
        const values = layer === 'loss' ? res.loss : res.gradNorm;
        const img = gridImage(values, nw, nb, sequentialScale(...d), floor);
        for (let j = 0; j < nb; j++) for (let k = 0; k < nw; k++) {
          const v = values[j * nw + k];
          const o = ((nb - 1 - j) * nw + k) * 4;
          const px = Array.from(img.slice(o, o + 4));
          const grey = px[0] === 158 && px[1] === 158 && px[2] === 158;
          // viridis never passes through #9e9e9e: grey exactly where the sample is NaN or ±∞
          f.check(px[3] === 255 && grey === !Number.isFinite(Math.log10(Math.max(v, floor))), () => `${what()}: pixel ${px} for ${show(v)}`);
        }
        // the legend's ends are printed as the values they stand for
        for (const e of d) {
          const s = formatPower(e);
          // (read against 10^(e−1), one decade down: 10^308.25 itself rounds to ∞)
          f.check(unreadable(s, 10) === null && near(s, 10 ** (e - 1), 5.0001e-3, 1), () => `${what()}: legend ${e} → ${s}`);
        }
        const levels = contourLevels(d);
        f.check(levels.every((v) => v > d[0] && v < d[1]), () => `${what()}: levels ${levels}`);
        const paths = contourPaths(values, { nw, nb }, levels.slice(0, 20), floor, L);
        f.check(paths.every((p) => !/NaN|Infinity/.test(p)), () => `${what()}: contour`);
      }
      const im = imagePlacement(L, nw, nb);
      f.check(Object.values(im).every(Number.isFinite), () => `placement ${JSON.stringify(im)}`);
    }
    expect(f.list).toEqual([]);
  });

  it('axisTicks, pointAt and nearestGridPoint: finite, readable, inside the grid, for any box and point', () => {
    const f = failures();
    // (a box narrower than its labels' 3 digits, [1, 1 + 1e-12], would repeat them: the box is the request's, 16 wide)
    const boxes: [number, number][] = [[0, 16], [-10, 6], [0, 1e-300], [-1e300, 1e300], [-1e-12, 1e-12]];
    for (const width of [0, 640, 2000]) {
      const L = surfaceLayout(width);
      for (const wRange of boxes) for (const bRange of boxes) {
        const s = surfaceScales({ wRange, bRange }, L);
        for (const [ticks, a, b] of [[axisTicks(s.x), L.left, L.left + L.plotW], [axisTicks(s.y), L.top, L.top + L.plotH]] as const) {
          const what = () => `box ${wRange} × ${bRange}, width ${width}: ${ticks.map((t) => t.label).join(' ')}`;
          f.check(ticks.length >= 2, () => `${what()}: ${ticks.length} ticks`);
          f.check(new Set(ticks.map((t) => t.label)).size === ticks.length, () => `${what()}: labels repeat`);
          for (const t of ticks) f.check(Number.isFinite(t.pos) && t.pos >= a - 0.01 && t.pos <= b + 0.01 && unreadable(t.label, 10) === null && reads3(t.label, t.value), () => `${what()}: tick ${t.label}`);
        }
        const grid = { wRange, bRange, nw: 160, nb: 120 };
        for (const w of COORDS) for (const b of [0, -1e300, 1e300, 3]) {
          const g = nearestGridPoint(w, b, grid);
          if (!Number.isNaN(w)) f.check(Number.isInteger(g.i) && Number.isInteger(g.j) && g.i >= 0 && g.i < 160 && g.j >= 0 && g.j < 120, () => `grid point of ${show(w)},${show(b)} in ${wRange} × ${bRange}: ${JSON.stringify(g)}`);
        }
        for (const [px, py] of [[L.left, L.top], [L.left + L.plotW, L.top + L.plotH], [-1, 0], [1e9, 1e9]]) {
          const p = pointAt(px, py, s, L);
          if (p) f.check(Number.isFinite(p.w) && Number.isFinite(p.b), () => `pointAt ${px},${py}: ${JSON.stringify(p)}`);
        }
      }
    }
    expect(f.list).toEqual([]);
  });
});

describe('path-layout on extremes', () => {
  it('pathGeometry: drawn inside the plot, exits on its edge, the end only when the last point is on the map', () => {
    const f = failures();
    const r = rng(52);
    const L = surfaceLayout(640);
    const S = surfaceScales(Q, L);
    const [x0, x1, y0, y1] = [L.left, L.left + L.plotW, L.top, L.top + L.plotH];
    const onEdge = (x: number, y: number) => (Math.abs(x - x0) < 0.01 || Math.abs(x - x1) < 0.01 || Math.abs(y - y0) < 0.01 || Math.abs(y - y1) < 0.01) && x >= x0 - 0.01 && x <= x1 + 0.01 && y >= y0 - 0.01 && y <= y1 + 0.01;
    for (const s of [...seriesCases(53, 60).filter((c) => c.length !== 2), ...Array.from({ length: 200 }, () => Array.from({ length: 1 + Math.floor(r() * 10) }, () => pick(r, COORDS)))]) {
      const b = s.map((_, k) => pick(r, COORDS) * (k % 2 === 0 ? 1 : 0));
      const p = { w: f64(s), b: f64(b) };
      const g = pathGeometry(p, s.length, S, L);
      const what = () => `path w ${s.map(show)} b ${b.map(show)}: ${g.d}`;
      f.check(!/NaN|Infinity/.test(g.d), () => what());
      const nums = [...g.d.matchAll(/[ML](-?[\d.e+-]+),(-?[\d.e+-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      f.check(nums.every(([x, y]) => x >= x0 - 0.01 && x <= x1 + 0.01 && y >= y0 - 0.01 && y <= y1 + 0.01), () => `${what()}: drawn off the plot`);
      for (const e of g.exits) f.check(onEdge(e.x, e.y) && Number.isFinite(e.angle), () => `${what()}: exit ${JSON.stringify(e)}`);
      // the end is marked when the last point is on the map (or within a hundredth of a pixel of its edge: -1e-300)
      const n = s.length;
      const [ex, ey] = n > 0 ? [S.x(s[n - 1]), S.y(b[n - 1])] : [NaN, NaN];
      if (n > 0 && inBox(s[n - 1], b[n - 1], Q)) f.check(g.end !== null, () => `${what()}: no end`);
      if (g.end) f.check(ex >= x0 - 0.01 && ex <= x1 + 0.01 && ey >= y0 - 0.01 && ey <= y1 + 0.01, () => `${what()}: end ${JSON.stringify(g.end)} off the map`);
    }
    expect(f.list).toEqual([]);
  });

  it('pathGeometry: a descent thrown 1e100 away and back crosses the edge where it really does', () => {
    // (a single step from 1e100 on one side to 1e100 on the other has no position on the map a double can hold)
    const L = surfaceLayout(640);
    const S = surfaceScales(Q, L);
    // b = −2 is y 209.5, b = 3 is y 84.81; w = 8 is x 341; the plot runs from x 56 to 626
    const g = pathGeometry({ w: f64([8, 1e100, 1e100, 8]), b: f64([-2, -2, 3, 3]) }, 4, S, L);
    expect(g.d).toBe('M341,209.5L626,209.5M626,84.81L341,84.81');
    expect(g.exits.map((e) => [e.x, e.y])).toEqual([[626, 209.5]]);
    expect(g.end).toEqual([341, 84.81]);
  });

  it('cliffPath and nearestCliffPoint: finite segments and a real index for any wall', () => {
    const f = failures();
    const r = rng(54);
    const L = surfaceLayout(640);
    const S = surfaceScales(Q, L);
    for (let i = 0; i < 100; i++) {
      const n = Math.floor(r() * 12);
      const inside = r() < 0.5;
      const c = { w: f64(Array.from({ length: n }, () => (inside ? r() * 16 : pick(r, COORDS)))), b: f64(Array.from({ length: n }, () => (inside ? r() * 16 - 10 : pick(r, COORDS)))) };
      const d = cliffPath(c, Q, S);
      if (inside) f.check(!/NaN|Infinity/.test(d), () => `cliff ${d}`);
      for (const [px, py] of [[300, 200], [NaN, 0], [1e300, 1e300]]) {
        const k = nearestCliffPoint(c, px, py, S, 6);
        f.check(Number.isInteger(k) && k >= -1 && k < n, () => `nearest ${k}`);
      }
    }
    expect(f.list).toEqual([]);
  });
});

describe('surface-summary on extremes', () => {
  it('describePath, describeRestarts, describeAnnealing, mapLabel: no NaN, every number the one it names', () => {
    const f = failures();
    const r = rng(55);
    for (let i = 0; i < 150; i++) {
      const res = extremeResult(r, 4, 4);
      const texts = [mapLabel(res), describePath(res.descent!, Q), describeRestarts(res.restarts!), describeAnnealing(res.annealing!)];
      for (const t of texts) f.check(!BROKEN.test(t) && !/\d{10,}/.test(t), () => `"${t}"`);
      const p = res.descent!;
      const last = p.w.length - 1;
      const text = describePath(p, Q);
      const big = largestStep(p);
      f.check(text.startsWith(`E ${formatValue(p.loss[0])} → ${formatValue(p.loss[last])} in ${last} steps, ending at (${formatValue(p.w[last])}, ${formatValue(p.b[last])})`), () => `"${text}"`);
      f.check(text.includes('off the map') === !inBox(p.w[last], p.b[last], Q), () => `"${text}" for the end ${show(p.w[last])}, ${show(p.b[last])}`);
      f.check(big.length >= 0 && big.step >= 0 && big.step <= last, () => `largest step ${JSON.stringify(big)}`);
      const a = describeAnnealing(res.annealing!);
      const acc = /; (.*) accepted\.$/.exec(a)?.[1];
      f.check(Number.isFinite(res.annealing!.acceptance) ? acc === `${Math.round(res.annealing!.acceptance * 100)}%` : acc === '—', () => `"${a}" for ${res.annealing!.acceptance}`);
    }
    expect(f.list).toEqual([]);
  });
});
