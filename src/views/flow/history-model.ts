/**
 * Geometry of the gradient-norm history strip: ‖∇θ‖ per training step before and after clipping on a log
 * axis, explosions and clipping events marked, the norm-clipping threshold as a line (pure; memoized on
 * historyVersion).
 */
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import type { ClipConfig } from '../../engine/clip';
import type { Tick } from '../chart/Axis';
import { formatStep } from '../chart/format';
import { decimate } from '../curve/curve-layout';
import { clipIndices, logDomain, logScale, logTicks, logY, spikeIndices } from './flow-layout';
import { pathOf } from './profile-model';
import type { Pt } from './profile-model';

/** The norm series as the store keeps them (TrainingHistory satisfies it). */
export interface NormSeries {
  length: number;
  stride: number;
  step: ArrayLike<number>;
  gradNorm: ArrayLike<number>;
  gradNormClipped: ArrayLike<number>;
  clipped: ArrayLike<number>;
}

/** The strip's plot box: norms between top and bottom, clipping ticks in a band below it. */
export interface StripBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** the band of clipping ticks */
  clipTop: number;
  clipBottom: number;
}

/** Narrowest strip laid out; a narrower panel scrolls. */
export const STRIP_MIN_WIDTH = 300;

/** The strip's box for an SVG `width` wide. */
export function stripBox(width: number): StripBox {
  const w = Math.max(STRIP_MIN_WIDTH, Math.floor(width));
  return { width: w, height: 200, left: 66, right: w - 18, top: 12, bottom: 132, clipTop: 138, clipBottom: 150 };
}

/** Everything the strip draws. */
export interface HistoryModel {
  box: StripBox;
  x: ScaleLinear<number, number>;
  y: ScaleLogarithmic<number, number>;
  xTicks: Tick[];
  yTicks: Tick[];
  /** ‖∇θ‖ before clipping */
  beforePath: string;
  /** after clipping ('' when nothing was ever clipped: it is the same line) */
  afterPath: string;
  /** indices of the clipped points and one tick path for all of them (one "M x,top V bottom" per pixel column) */
  clipped: number[];
  clipPath: string;
  /** indices of the explosions and their pixel positions (for ▼ marks above them) */
  spikes: number[];
  spikePoints: Pt[];
  /** y of the norm-clipping threshold, or null without norm clipping */
  thresholdY: number | null;
  threshold: number | null;
}

/** Whole-step ticks of the step axis, about one per 110 px. */
function stepTicks(x: ScaleLinear<number, number>): Tick[] {
  const [a, b] = x.range();
  return x
    .ticks(Math.max(2, Math.floor((b - a) / 110)))
    .filter((v) => Number.isInteger(v))
    .map((v) => ({ value: v, pos: x(v), label: formatStep(v) }));
}

/** Lays out the first h.length points of the history in a strip `width` wide. */
export function buildHistory(h: NormSeries, clip: ClipConfig, width: number): HistoryModel {
  const box = stripBox(width);
  const n = h.length;
  const first = n > 0 ? h.step[0] : 0;
  const last = n > 0 ? h.step[n - 1] : 1;
  const x = scaleLinear()
    .domain([Math.min(first, last - 1), last])
    .range([box.left, box.right]);
  const threshold = clip.kind === 'norm' ? clip.threshold : null;
  const y = logScale(logDomain([h.gradNorm, h.gradNormClipped], threshold === null ? [] : [threshold], n), box.bottom, box.top);
  const ly = logY(y);
  const before = decimate(h.step, h.gradNorm, n, x, ly);
  const clipped = clipIndices(h.clipped, n);
  const after = clipped.length > 0 ? decimate(h.step, h.gradNormClipped, n, x, ly) : [];
  // one tick per pixel column: a long run of clipped steps stays a light path
  let clipPath = '';
  let lastPx = NaN;
  for (const i of clipped) {
    const px = Math.round(x(h.step[i]) * 10) / 10;
    if (Math.round(px) === Math.round(lastPx)) continue;
    lastPx = px;
    clipPath += `M${px},${box.clipTop}V${box.clipBottom}`;
  }
  const spikes = spikeIndices(h.gradNorm, n);
  const spikePoints: Pt[] = spikes.map((i) => [x(h.step[i]), Number.isFinite(h.gradNorm[i]) ? y(h.gradNorm[i]) : box.top]);
  return {
    box,
    x,
    y,
    xTicks: stepTicks(x),
    yTicks: logTicks(y, 4),
    beforePath: pathOf(before) ?? '',
    afterPath: pathOf(after) ?? '',
    clipped,
    clipPath,
    spikes,
    spikePoints,
    // rounded as d3's paths round their coordinates (3 decimals): a norm clipped to the threshold lies exactly on the line
    thresholdY: threshold === null ? null : Math.round(y(threshold) * 1000) / 1000,
    threshold,
  };
}

/** The index of the history point nearest to pixel x (steps are increasing), or −1 when empty. */
export function nearestPoint(h: NormSeries, model: HistoryModel, px: number): number {
  const n = h.length;
  if (n === 0) return -1;
  const s = model.x.invert(px);
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.step[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(h.step[lo - 1] - s) < Math.abs(h.step[lo] - s) ? lo - 1 : lo;
}
