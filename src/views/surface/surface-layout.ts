/**
 * Pure geometry of the error-surface map: the plot box, the scales between (w, b) and pixels (b upward),
 * the grid cell under a pixel, the log colour domain and the RGBA image of a grid, contour lines and
 * ticks (paths and the cliff are in path-layout.ts). No React, no DOM: tested on its own.
 */
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import type { Tick } from '../chart/Axis';
import { formatValue } from '../chart/format';
import type { ColorScale } from '../kit/colors';
import type { SurfaceRequest, SurfaceResult } from '../../worker/protocol';
import { contourSegments } from './contours';

/** Narrowest width laid out; a narrower panel scrolls. */
export const SURFACE_MIN_WIDTH = 300;
/** Losses below this are shaded as this (log 0 is −∞; the valley floor is ~1e−30). */
export const LOSS_FLOOR = 1e-4;
/** Gradient norms below this are shaded as this. */
export const GRAD_FLOOR = 1e-8;

/** The map's SVG box and the plot area inside it (pixels). */
export interface SurfaceLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  plotW: number;
  plotH: number;
}

/** The box for a panel `width` pixels wide: margins for 13 px tick labels and axis titles; the plot is 0.7 as tall as wide, 220…440 px. */
export function surfaceLayout(width: number): SurfaceLayout {
  const w = Math.max(SURFACE_MIN_WIDTH, Math.floor(width));
  const left = 56;
  const plotW = w - left - 14;
  const plotH = Math.round(Math.min(440, Math.max(220, plotW * 0.7)));
  return { width: w, height: 10 + plotH + 50, left, top: 10, plotW, plotH };
}

/** The two axes: w → x (left to right), b → y (bottom to top). */
export interface SurfaceScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

/** Linear scales of the request's box onto the plot area. */
export function surfaceScales(req: Pick<SurfaceRequest, 'wRange' | 'bRange'>, L: SurfaceLayout): SurfaceScales {
  return {
    x: scaleLinear().domain(req.wRange).range([L.left, L.left + L.plotW]),
    y: scaleLinear().domain(req.bRange).range([L.top + L.plotH, L.top]),
  };
}

/** The (w, b) at pixel (px, py), or null outside the plot area. */
export function pointAt(px: number, py: number, s: SurfaceScales, L: SurfaceLayout): { w: number; b: number } | null {
  if (px < L.left || px > L.left + L.plotW || py < L.top || py > L.top + L.plotH) return null;
  return { w: s.x.invert(px), b: s.y.invert(py) };
}

/** The nearest grid point (i, j) to (w, b), clamped into the grid. */
export function nearestGridPoint(w: number, b: number, req: Pick<SurfaceRequest, 'wRange' | 'bRange' | 'nw' | 'nb'>): { i: number; j: number } {
  const idx = (v: number, [lo, hi]: readonly [number, number], n: number) => Math.min(n - 1, Math.max(0, Math.round(((v - lo) / (hi - lo)) * (n - 1))));
  return { i: idx(w, req.wRange, req.nw), j: idx(b, req.bRange, req.nb) };
}

/** Where the grid image goes, relative to the plot's top-left corner: each sample is a cell centred on its point, so the image overhangs the plot by half a cell (clipped). */
export function imagePlacement(L: SurfaceLayout, nw: number, nb: number): { x: number; y: number; w: number; h: number } {
  const cw = L.plotW / (nw - 1);
  const ch = L.plotH / (nb - 1);
  return { x: -cw / 2, y: -ch / 2, w: L.plotW + cw, h: L.plotH + ch };
}

/** [log₁₀ max(lo, floor), log₁₀ max(hi, floor)], at least 1 apart when the values are all equal. */
export function logDomain(lo: number, hi: number, floor: number): [number, number] {
  const a = Math.log10(Math.max(Number.isFinite(lo) ? lo : floor, floor));
  const b = Math.log10(Math.max(Number.isFinite(hi) ? hi : floor, floor));
  return b - a > 1e-12 ? [a, b] : [a, a + 1];
}

/**
 * The colour domain of a layer, in log₁₀: the loss over its grid; the gradient norm over its grid and the
 * wall points, whose ‖∇E‖ (orders of magnitude above any grid sample) the grid is too coarse to catch.
 */
export function colorDomain(r: Pick<SurfaceResult, 'lossMin' | 'lossMax' | 'gradNormMin' | 'gradNormMax' | 'cliff'>, layer: 'loss' | 'grad'): [number, number] {
  if (layer === 'loss') return logDomain(r.lossMin, r.lossMax, LOSS_FLOOR);
  let hi = r.gradNormMax;
  for (const g of r.cliff.gradNorm) if (g > hi) hi = g;
  return logDomain(r.gradNormMin, hi, GRAD_FLOOR);
}

/** log₁₀ max(v, floor); NaN stays NaN (shaded grey). */
export function logValue(v: number, floor: number): number {
  return Number.isNaN(v) ? NaN : Math.log10(Math.max(v, floor));
}

/** [r, g, b] of a CSS colour '#rrggbb' or 'rgb(r, g, b)' (what d3's interpolators return). */
export function parseColor(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [158, 158, 158];
}

/** Number of colours the grid image is quantized to (more than the eye separates on a continuous scale). */
export const COLOR_LEVELS = 256;

/**
 * The RGBA pixels of a grid (nw × nb, one pixel per sample) coloured by `scale` on log₁₀ max(v, floor):
 * image row r shows grid row j = nb − 1 − r, so b grows upward. Non-finite samples are grey.
 */
export function gridImage(values: Float64Array, nw: number, nb: number, scale: ColorScale, floor: number): Uint8ClampedArray {
  const [lo, hi] = scale.domain;
  const table = new Uint8ClampedArray(COLOR_LEVELS * 3);
  for (let k = 0; k < COLOR_LEVELS; k++) table.set(parseColor(scale(lo + ((hi - lo) * k) / (COLOR_LEVELS - 1))), k * 3);
  const out = new Uint8ClampedArray(nw * nb * 4);
  for (let j = 0; j < nb; j++) {
    const row = (nb - 1 - j) * nw;
    for (let i = 0; i < nw; i++) {
      const v = logValue(values[j * nw + i], floor);
      const o = (row + i) * 4;
      if (Number.isFinite(v)) {
        const k = Math.min(COLOR_LEVELS - 1, Math.max(0, Math.round(((v - lo) / (hi - lo)) * (COLOR_LEVELS - 1)))) * 3;
        out[o] = table[k];
        out[o + 1] = table[k + 1];
        out[o + 2] = table[k + 2];
      } else out.fill(158, o, o + 3);
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Pixels to 2 decimals, as every path is written. */
export const r2 = (v: number) => Math.round(v * 100) / 100;

/** Contour levels of log₁₀ E: every half decade strictly inside the colour domain. */
export function contourLevels([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo * 2) / 2; v < hi; v += 0.5) if (v > lo) out.push(v);
  return out;
}

/** The contours log₁₀ max(E, floor) = level, one SVG path in pixels per level (grid point (i, j) sits at (x(w_i), y(b_j))). */
export function contourPaths(values: Float64Array, req: Pick<SurfaceRequest, 'nw' | 'nb'>, levels: readonly number[], floor: number, L: SurfaceLayout): string[] {
  const logs = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) logs[k] = logValue(values[k], floor);
  const cw = L.plotW / (req.nw - 1);
  const ch = L.plotH / (req.nb - 1);
  const x = (i: number) => r2(L.left + i * cw);
  const y = (j: number) => r2(L.top + L.plotH - j * ch);
  return levels.map((level) =>
    contourSegments(logs, req.nw, req.nb, level)
      .map(([i0, j0, i1, j1]) => `M${x(i0)},${y(j0)}L${x(i1)},${y(j1)}`)
      .join(''),
  );
}

/** About one tick per 80 px (at least 2), labelled with 3 significant digits. */
export function axisTicks(scale: ScaleLinear<number, number>): Tick[] {
  const [a, b] = scale.range();
  return scale.ticks(Math.max(2, Math.floor(Math.abs(b - a) / 80))).map((v) => ({ value: v, pos: r2(scale(v)), label: formatValue(v) }));
}

/** A legend label for a log₁₀ value: the value itself, 3 significant digits ("10^-2" → "0.01"). */
export function formatPower(v: number): string {
  const x = 10 ** v;
  if (Number.isFinite(x) || !Number.isFinite(v)) return formatValue(x);
  // 10^308.25 (log₁₀ of Number.MAX_VALUE, the top of a domain over the largest doubles) rounds to ∞ and printed "—":
  // print 10^(v−1) and add the decade back to its exponent
  const [m, e] = (10 ** (v - 1)).toExponential(2).split('e');
  return `${m}e+${Number(e) + 1}`;
}
