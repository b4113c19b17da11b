/**
 * Geometry of the gradient-flow profile ‖∂ℓ_τ/∂h_k‖ against k on a log axis (pure; memoized on the record).
 * The step axis runs from τ on the left back to step 0 on the right, so an error that shrinks as it travels
 * back draws a falling line and one that grows a rising line.
 */
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import type { TruncMode } from '../../engine/types';
import type { Tick } from '../chart/Axis';
import type { TextLabel } from './flow-layout';
import type { FlowShape } from './flow-shape';
import { logDomain, logScale, logTicks, logY, textWidth, truncationWindow } from './flow-layout';
import { flowShape } from './flow-shape';

/** The profile's plot box, in pixels. */
export interface ProfileBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Narrowest profile laid out; a narrower panel scrolls. */
export const PROFILE_MIN_WIDTH = 300;

/**
 * The plot box for an SVG `width` wide (at least `minWidth`; a narrower panel scrolls) and `height` high: room
 * for 13 px tick labels ("1e-300") on the left and the axis title below. A width that is not a number counts as the minimum.
 */
export function profileBox(width: number, height = 260, minWidth = PROFILE_MIN_WIDTH): ProfileBox {
  const w = Math.max(minWidth, Number.isFinite(width) ? Math.floor(width) : 0);
  const h = Number.isFinite(height) ? Math.max(120, Math.floor(height)) : 260;
  return { width: w, height: h, left: 66, right: w - 18, top: 14, bottom: h - 50 };
}

/** A pixel point [x, y]; y NaN where the value has no place on a log axis (0, NaN). */
export type Pt = [number, number];

/** The path through points, broken where y is NaN. */
export const pathOf = line<Pt>()
  .x((p) => p[0])
  .y((p) => p[1])
  .defined((p) => Number.isFinite(p[1]));

/** The step axis: k = τ at the left edge, k = 0 at the right (a 0-step profile still gets a unit-wide domain). */
export function stepAxis(tau: number, box: ProfileBox): ScaleLinear<number, number> {
  return scaleLinear().domain([Math.max(tau, 1), 0]).range([box.left, box.right]);
}

/** Whole-step ticks of the step axis, about one per 56 px, always including τ and 0. */
export function kTicks(x: ScaleLinear<number, number>, tau: number): Tick[] {
  const count = Math.max(2, Math.floor(Math.abs(x.range()[1] - x.range()[0]) / 56));
  const step = Math.abs(x(0) - x(1));
  // τ and 0 always; a d3 tick closer than 40 px to either would collide with its label
  const near = (v: number, end: number) => v !== end && Math.abs(v - end) * step < 40;
  const values = x.ticks(count).filter((v) => Number.isInteger(v) && v >= 0 && v <= tau && !near(v, 0) && !near(v, tau));
  return [...new Set([0, ...values, tau])].sort((a, b) => a - b).map((v) => ({ value: v, pos: x(v), label: String(v) }));
}

/** One line of the profile: its points, path, zeros (marked on the floor) and measured shape. */
export interface ProfileLine {
  points: Pt[];
  path: string;
  /** k where the value is 0, NaN/∞ or below the axis's floor: no place on the log axis, crossed on its floor */
  zeros: number[];
  /** k where a finite value lies above the top of a forced domain: crossed on its top edge */
  over: number[];
  /** the measured shape and per-step factor between the ends (flowShape), or null with fewer than two positive values */
  fit: FlowShape | null;
  /** the per-step factor as a straight line between the measured ends: [x(from), y(v_from)] → [x(to), y(v_to)], or null */
  fitLine: [Pt, Pt] | null;
}

/** The profile of `v` (v[k] for k = 0…τ) on the given scales. */
export function profileLine(v: ArrayLike<number>, tau: number, x: ScaleLinear<number, number>, y: ScaleLogarithmic<number, number>): ProfileLine {
  const ly = logY(y);
  const [floor, ceiling] = y.domain();
  const points: Pt[] = [];
  const zeros: number[] = [];
  const over: number[] = [];
  for (let k = 0; k <= tau && k < v.length; k++) {
    // below the floor (or above the top of a forced domain) is off the scale too: drawing it on the edge would fake a level line
    const high = Number.isFinite(v[k]) && v[k] > ceiling;
    const off = high || !(v[k] >= floor) || !Number.isFinite(v[k]);
    points.push([x(k), off ? NaN : ly(v[k])]);
    if (high) over.push(k);
    else if (off) zeros.push(k);
  }
  const fit = flowShape(v, 0, Math.min(tau, v.length - 1));
  const fitLine: [Pt, Pt] | null = fit && [
    [x(fit.from), y(v[fit.from])],
    [x(fit.to), y(v[fit.to])],
  ];
  return { points, path: pathOf(points) ?? '', zeros, over, fit, fitLine };
}

/** Everything the profile SVG draws. */
export interface ProfileModel {
  box: ProfileBox;
  tau: number;
  x: ScaleLinear<number, number>;
  y: ScaleLogarithmic<number, number>;
  xTicks: Tick[];
  yTicks: Tick[];
  h: ProfileLine;
  /** through the LSTM's cell state; null for other cells */
  c: ProfileLine | null;
  /** the steps truncated BPTT trains ℓ_τ on (truncationWindow) as a pixel band [x(τ), x(from) plus half a step], or null */
  window: { from: number; to: number; x0: number; x1: number } | null;
  /** where the window's edge is named ("truncated BPTT stops here"), placed inside the SVG; null without a window */
  windowLabel: TextLabel | null;
  /** "via h" / "via c" beside each line's earliest point, inside the SVG (a legend that survives export) */
  endLabels: { h: TextLabel | null; c: TextLabel | null };
}

/** Height of a chart label above its baseline and below it, in px (13 px text: ascent ≈ 10, descent ≈ 3). */
const ASCENT = 11;
const DESCENT = 4;

/**
 * The edge of the truncation window named inside the box: right of the edge when it fits, else left of it,
 * else a shorter name; always between the plot's left edge and the SVG's right edge.
 */
export function windowLabelAt(x1: number, box: ProfileBox): TextLabel {
  const y = box.top + 14;
  const lo = box.left + 2;
  const hi = box.width - 2;
  for (const text of ['truncated BPTT stops here', 'BPTT stops here', 'BPTT stops']) {
    const w = textWidth(text);
    if (x1 + 4 + w <= hi) return { text, x: x1 + 4, y, anchor: 'start' };
    if (x1 - 4 - w >= lo) return { text, x: x1 - 4, y, anchor: 'end' };
  }
  const text = 'stops';
  return { text, x: Math.max(lo, Math.min(x1 + 4, hi - textWidth(text))), y, anchor: 'start' };
}

/**
 * "via h" / "via c" at a line's earliest drawn point (k = 0 when it has a value): left of the point, just above
 * it — or below when the other line's end is close above, or when above would leave the SVG.
 */
export function endLabelAt(line: ProfileLine, name: 'h' | 'c', other: ProfileLine | null, box: ProfileBox): TextLabel | null {
  const end = line.points.find((p) => Number.isFinite(p[1]) && Number.isFinite(p[0]));
  if (!end) return null;
  const o = other?.points.find((p) => Number.isFinite(p[1]));
  const text = `via ${name}`;
  const w = textWidth(text);
  // h yields to c on a tie, so the two never share a place
  const close = o !== undefined && Math.abs(end[1] - o[1]) < 24 && (name === 'h' ? o[1] <= end[1] : o[1] < end[1]);
  const above = end[1] - 9;
  const below = end[1] + 18;
  let y = close ? below : above;
  if (y - ASCENT < 1) y = below;
  if (y + DESCENT > box.height - 1) y = above;
  y = Math.max(ASCENT + 1, Math.min(box.height - DESCENT - 1, y));
  const left = end[0] - 6 - w >= 1;
  return { text, x: left ? end[0] - 6 : Math.min(end[0] + 6, box.width - 1 - w), y, anchor: left ? 'end' : 'start' };
}

/** What the profile needs of an InspectRecord. */
export interface FlowRecord {
  tau: number;
  flowH: Float64Array;
  flowC: Float64Array;
}

/**
 * Lays out the profile of `rec` in a box `width` wide. `yDomain` forces a shared log axis (the comparison
 * view); by default it covers this record's positive values. `truncate` is the run's truncation k (0 = full BPTT),
 * `truncMode` how it cuts.
 */
export function buildProfile(rec: FlowRecord, width: number, truncate: number, truncMode: TruncMode, opts: { height?: number; yDomain?: [number, number]; minWidth?: number } = {}): ProfileModel {
  const box = profileBox(width, opts.height, opts.minWidth);
  // τ indexes the profile: a whole number within the record (a record without one shows k = 0 alone)
  const tau = Number.isFinite(rec.tau) ? Math.max(0, Math.min(Math.floor(rec.tau), rec.flowH.length - 1, 1e6)) : 0;
  const hasC = rec.flowC.length > 0;
  const x = stepAxis(tau, box);
  const y = logScale(opts.yDomain ?? logDomain(hasC ? [rec.flowH, rec.flowC] : [rec.flowH]), box.bottom, box.top);
  const win = truncationWindow(tau, truncate, truncMode);
  const step = Math.abs(x(0) - x(1));
  const h = profileLine(rec.flowH, tau, x, y);
  const c = hasC ? profileLine(rec.flowC, tau, x, y) : null;
  const window = win && { ...win, x0: x(win.to), x1: Math.min(box.right, x(win.from) + step / 2) };
  return {
    box,
    tau,
    x,
    y,
    xTicks: kTicks(x, tau),
    yTicks: logTicks(y, Math.max(3, Math.floor((box.bottom - box.top) / 32))),
    h,
    c,
    window,
    windowLabel: window && windowLabelAt(window.x1, box),
    endLabels: { h: endLabelAt(h, 'h', c, box), c: c && endLabelAt(c, 'c', h, box) },
  };
}

/** The k whose point is nearest to pixel x (for hover), clamped to 0…τ. */
export function nearestK(model: ProfileModel, px: number): number {
  return Math.max(0, Math.min(model.tau, Math.round(model.x.invert(px))));
}
