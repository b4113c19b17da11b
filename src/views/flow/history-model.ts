/**
 * Geometry of the gradient-norm history strip: ‖∇θ‖ per training step before and after clipping on a log
 * axis that covers every finite positive norm shown (a spike stretches it, it never pushes the rest onto a
 * floor), explosions (EXPLOSION_NORM) and clipping events marked, the norm-clipping threshold as a line
 * (pure; memoized on historyVersion).
 */
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import type { ClipConfig } from '../../engine/clip';
import type { Tick } from '../chart/Axis';
import { formatStep } from '../chart/format';
import { decimate } from '../curve/curve-layout';
import type { TextLabel } from './flow-layout';
import { clipIndices, EXPLOSION_NORM, explosionIndices, labelExtent, logDomain, logScale, logTicks, logY, textWidth } from './flow-layout';
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
  const w = Math.max(STRIP_MIN_WIDTH, Number.isFinite(width) ? Math.floor(width) : 0);
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
  /** indices of the explosions (explosionIndices: above EXPLOSION_NORM or not finite) and their pixel positions: the norm's, or the top for ∞/NaN */
  spikes: number[];
  spikePoints: Pt[];
  /** one ▼ per explosion, its tip just above the point and never above the SVG */
  spikePath: string;
  /** y of the explosion threshold when the axis reaches it (a line the marks sit above), else null */
  explosionY: number | null;
  explosionLabel: TextLabel | null;
  /** y of the norm-clipping threshold, or null without norm clipping */
  thresholdY: number | null;
  threshold: number | null;
  thresholdLabel: TextLabel | null;
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
  const n = Math.max(0, Math.min(h.length, h.step.length, h.gradNorm.length, h.gradNormClipped.length, h.clipped.length));
  const first = n > 0 && Number.isFinite(h.step[0]) ? h.step[0] : 0;
  const last = n > 0 && Number.isFinite(h.step[n - 1]) ? h.step[n - 1] : first + 1;
  // at least one step wide, also where step − 1 rounds back to step (steps beyond 2^53)
  const lo = Math.min(first, last - Math.max(1, Math.abs(last) * 1e-12));
  const x = scaleLinear().domain([lo, last]).range([box.left, box.right]);
  const threshold = clip.kind === 'norm' && clip.threshold > 0 && Number.isFinite(clip.threshold) ? clip.threshold : null;
  // every finite positive norm shown: the floor follows the smallest, so one spike cannot push the rest onto it
  const y = logScale(logDomain([h.gradNorm, h.gradNormClipped], threshold === null ? [] : [threshold], n, Infinity), box.bottom, box.top);
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
  const spikes = explosionIndices(h.gradNorm, n);
  const spikePoints: Pt[] = spikes.map((i) => [x(h.step[i]), Number.isFinite(h.gradNorm[i]) ? y(h.gradNorm[i]) : box.top]);
  // a ▼ 12 wide and 10 high, its tip 4 px above the point; kept inside the SVG where the point is at the top
  const spikePath = spikePoints.map(([px, py]) => `M${round1(px)},${round1(Math.max(py - 4, 11))}l-6,-10h12z`).join('');
  const [dLo, dHi] = y.domain();
  const explosionY = EXPLOSION_NORM >= dLo && EXPLOSION_NORM <= dHi ? y(EXPLOSION_NORM) : null;
  const thresholdY = threshold === null ? null : Math.round(y(threshold) * 1000) / 1000;
  const thresholdLabel = thresholdY === null ? null : lineLabel(`clipping threshold ${threshold}`, thresholdY, box, 'end');
  let explosionLabel = explosionY === null ? null : lineLabel(`explosion: above ${EXPLOSION_NORM.toLocaleString('en-US')}`, explosionY, box, 'start');
  if (explosionLabel && thresholdLabel && explosionY !== null && labelsCollide(explosionLabel, thresholdLabel)) {
    // the two lines lie close: the explosion's name goes to the other side of its line
    const other = explosionLabel.y < explosionY ? explosionY + 15 : explosionY - 5;
    const moved = { ...explosionLabel, y: other };
    // the line itself stays; its name only where it fits and collides with nothing
    explosionLabel = other - 11 >= 1 && other + 4 <= box.height - 1 && !labelsCollide(moved, thresholdLabel) ? moved : null;
  }
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
    spikePath,
    explosionY,
    explosionLabel,
    // rounded as d3's paths round their coordinates (3 decimals): a norm clipped to the threshold lies exactly on the line
    thresholdY,
    threshold,
    thresholdLabel,
  };
}

/** Whether two 13 px labels overlap (their boxes, with 2 px to spare). */
function labelsCollide(a: TextLabel, b: TextLabel): boolean {
  const [a0, a1] = labelExtent(a);
  const [b0, b1] = labelExtent(b);
  return a0 < b1 + 2 && b0 < a1 + 2 && Math.abs(a.y - b.y) < 15;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** A label for a horizontal line at `ly`: just above it, or just below when above would leave the SVG; at the plot's left or right end. */
function lineLabel(text: string, ly: number, box: StripBox, side: 'start' | 'end'): TextLabel {
  const y = ly - 5 - 11 < 1 ? ly + 15 : ly - 5;
  const w = textWidth(text);
  return side === 'end' ? { text, x: Math.max(box.right - 4, w + 1), y, anchor: 'end' } : { text, x: Math.min(box.left + 4, box.width - 1 - w), y, anchor: 'start' };
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
