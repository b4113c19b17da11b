import { describe, expect, it } from 'vitest';
import { sequentialScale } from '../../../src/views/kit/colors';
import { axisTicks, colorDomain, contourLevels, contourPaths, formatPower, gridImage, imagePlacement, logDomain, nearestGridPoint, parseColor, pointAt, surfaceLayout, surfaceScales } from '../../../src/views/surface/surface-layout';
import { clipSegment, cliffPath, nearestCliffPoint, pathGeometry } from '../../../src/views/surface/path-layout';

// 640 px: plot 570 × 399 at (56, 10); w ∈ [0, 16] → x = 56 + 35.625 w; b ∈ [−10, 6] → y = 409 − 24.9375 (b + 10)
const L = surfaceLayout(640);
const BOX = { wRange: [0, 16] as [number, number], bRange: [-10, 6] as [number, number] };
const S = surfaceScales(BOX, L);
const pts = (w: number[], b: number[]) => ({ w: Float64Array.from(w), b: Float64Array.from(b) });

describe('the plot box and its scales', () => {
  it('lays out 640 px as a 570 × 399 plot with room for ticks, and never narrower than 300 px', () => {
    expect(L).toEqual({ width: 640, height: 459, left: 56, top: 10, plotW: 570, plotH: 399 });
    expect(surfaceLayout(200)).toEqual({ width: 300, height: 280, left: 56, top: 10, plotW: 230, plotH: 220 });
    expect(surfaceLayout(2000).plotH).toBe(440);
  });
  it('maps w left to right and b bottom to top, and back', () => {
    expect([S.x(0), S.x(8), S.x(16)]).toEqual([56, 341, 626]);
    expect([S.y(-10), S.y(-2), S.y(6)]).toEqual([409, 209.5, 10]);
    expect(pointAt(341, 209.5, S, L)).toEqual({ w: 8, b: -2 });
    expect(pointAt(55, 200, S, L)).toBeNull();
    expect(pointAt(300, 410, S, L)).toBeNull();
  });
  it('finds the nearest grid point, clamped into the grid', () => {
    const grid = { ...BOX, nw: 17, nb: 9 }; // w step 1, b step 2
    expect(nearestGridPoint(8, -2, grid)).toEqual({ i: 8, j: 4 });
    expect(nearestGridPoint(8.49, -1.1, grid)).toEqual({ i: 8, j: 4 });
    expect(nearestGridPoint(8.51, -0.9, grid)).toEqual({ i: 9, j: 5 });
    expect(nearestGridPoint(-50, 50, grid)).toEqual({ i: 0, j: 8 });
  });
  it('centres one image cell on each grid point: the image overhangs the plot by half a cell', () => {
    expect(imagePlacement(L, 11, 8)).toEqual({ x: -28.5, y: -28.5, w: 627, h: 456 });
  });
  it('ticks w every 2 at 71.25 px and labels them', () => {
    const t = axisTicks(S.x);
    expect(t.map((k) => k.value)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(t[1]).toEqual({ value: 2, pos: 127.25, label: '2' });
    expect(axisTicks(S.y).map((k) => k.label)).toEqual(['-10', '-5', '0', '5']); // 399 px: 4 ticks asked, d3 steps by 5
  });
});

describe('colour', () => {
  it('puts the loss on a log scale floored at 1e−4, and never an empty domain', () => {
    expect(logDomain(1e-30, 0.49, 1e-4)).toEqual([-4, Math.log10(0.49)]);
    expect(logDomain(1e-2, 1e3, 1e-8)).toEqual([-2, 3]);
    expect(logDomain(0.1, 0.1, 1e-4)).toEqual([-1, 0]);
    expect(logDomain(NaN, NaN, 1e-4)).toEqual([-4, -3]);
    expect(formatPower(-2)).toBe('0.01');
    expect(formatPower(6)).toBe('1.00e+6');
  });
  it('spans the gradient layer up to the wall’s ‖∇E‖, which the grid never samples', () => {
    const r = { lossMin: 1e-6, lossMax: 0.49, gradNormMin: 1e-10, gradNormMax: 2, cliff: { w: new Float64Array(2), b: new Float64Array(2), gradNorm: Float64Array.from([1e3, 1e20]) } };
    expect(colorDomain(r, 'loss')).toEqual([-4, Math.log10(0.49)]);
    expect(colorDomain(r, 'grad')).toEqual([-8, 20]);
    expect(colorDomain({ ...r, cliff: { ...r.cliff, gradNorm: new Float64Array(0) } }, 'grad')).toEqual([-8, Math.log10(2)]);
  });
  it('reads the colours d3 returns', () => {
    expect(parseColor('#440154')).toEqual([68, 1, 84]);
    expect(parseColor('rgb(1, 22, 255)')).toEqual([1, 22, 255]);
    expect(parseColor('nonsense')).toEqual([158, 158, 158]);
  });
  it('paints one pixel per sample on log₁₀ E, b upward, NaN grey', () => {
    const scale = sequentialScale(-4, -2);
    // grid rows (b): j = 0 → [1e−4, 1e−3], j = 1 → [1e−2, NaN]
    const img = gridImage(Float64Array.from([1e-4, 1e-3, 1e-2, NaN]), 2, 2, scale, 1e-4);
    expect(img.length).toBe(16);
    const px = (k: number) => Array.from(img.slice(k * 4, k * 4 + 4));
    expect(px(0)).toEqual([253, 231, 37, 255]); // top-left: (w₀, b₁) = 1e−2, the top of the domain: viridis(1) #fde725
    expect(px(1)).toEqual([158, 158, 158, 255]); // NaN
    expect(px(2)).toEqual([68, 1, 84, 255]); // bottom-left: 1e−4, viridis(0) #440154
    expect(px(3)).toEqual([...parseColor(scale(-4 + (2 * 128) / 255)), 255]); // 1e−3: level round(0.5·255) = 128
    // below the floor is shaded as the floor
    expect(Array.from(gridImage(Float64Array.from([1e-9, 0]), 2, 1, scale, 1e-4).slice(0, 8))).toEqual([68, 1, 84, 255, 68, 1, 84, 255]);
  });
});

describe('paths in pixels', () => {
  it('clips a segment to a box (Liang–Barsky)', () => {
    expect(clipSegment(0, 0, 10, 0, 2, 8, -1, 1)).toEqual([0.2, 0.8]);
    expect(clipSegment(0, 5, 10, 5, 2, 8, -1, 1)).toBeNull();
    expect(clipSegment(3, 0, 4, 0, 2, 8, -1, 1)).toEqual([0, 1]);
  });
  it('draws the first n points and marks where the path leaves the map', () => {
    const p = pts([8, 8, 24], [-2, 2, 2]); // (341, 209.5) → (341, 109.75) → off the right edge
    expect(pathGeometry(p, 2, S, L)).toEqual({ d: 'M341,209.5L341,109.75', exits: [], end: [341, 109.75] });
    const all = pathGeometry(p, 3, S, L);
    expect(all.d).toBe('M341,209.5L341,109.75L626,109.75');
    expect(all.exits).toEqual([{ x: 626, y: 109.75, angle: 0, k: 2 }]);
    expect(all.end).toBeNull();
  });
  it('starts a new piece where a path comes back onto the map', () => {
    // (341, 209.5) → (911, 209.5) off the map → back to (341, 109.75), crossing x = 626 half way: y = 159.625
    const g = pathGeometry(pts([8, 24, 8], [-2, -2, 2]), 3, S, L);
    expect(g.d).toBe('M341,209.5L626,209.5M626,159.63L341,109.75');
    expect(g.exits).toHaveLength(1);
    expect(g.end).toEqual([341, 109.75]);
  });
});

describe('the cliff', () => {
  const grid = { ...BOX, nw: 17, nb: 17 }; // a column per unit of w, rows 1 apart: joined if ≤ 3 apart
  it('joins wall points of neighbouring columns, not distant ones', () => {
    const c = pts([8, 9, 9], [-2, -2.5, 3]);
    // (8, −2) → (376.625, 221.97): 9 is the next column and −2.5 is 0.5 away; (9, 3) is 5 away: no segment
    expect(cliffPath(c, grid, S)).toBe('M341,209.5L376.63,221.97');
    expect(cliffPath(pts([8, 10], [-2, -2]), grid, S)).toBe(''); // columns 8 and 10 are not neighbours
  });
  it('finds the wall point under the pointer within a radius', () => {
    const c = pts([8, 9], [-2, -2.5]);
    expect(nearestCliffPoint(c, 343, 211, S, 6)).toBe(0);
    expect(nearestCliffPoint(c, 376, 222, S, 6)).toBe(1);
    expect(nearestCliffPoint(c, 360, 215, S, 6)).toBe(-1);
  });
});

describe('contours', () => {
  it('draws every half decade inside the domain', () => {
    expect(contourLevels([-4, Math.log10(0.49)])).toEqual([-3.5, -3, -2.5, -2, -1.5, -1, -0.5]);
    expect(contourLevels([-1, 0])).toEqual([-0.5]);
  });
  it('places a contour of log₁₀ E in pixels between the grid points', () => {
    // E = 1e−4 on the left column, 1e−2 on the right: log₁₀ E = −3 half way, x = 56 + 570/2
    const values = Float64Array.from([1e-4, 1e-2, 1e-4, 1e-2]);
    expect(contourPaths(values, { nw: 2, nb: 2 }, [-3, -2.5, -5], 1e-4, L)).toEqual(['M341,409L341,10', 'M483.5,409L483.5,10', '']);
  });
});
