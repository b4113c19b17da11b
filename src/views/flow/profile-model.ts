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
import type { StepFactor } from './flow-layout';
import { logDomain, logScale, logTicks, logY, stepFactor, truncationWindow } from './flow-layout';

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

/** The plot box for an SVG `width` wide and `height` high (room for 13 px tick labels left and an axis title below). */
export function profileBox(width: number, height = 260): ProfileBox {
  const w = Math.max(PROFILE_MIN_WIDTH, Math.floor(width));
  return { width: w, height, left: 66, right: w - 18, top: 14, bottom: height - 50 };
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

/** One line of the profile: its points, path, zeros (marked on the floor) and fitted per-step factor. */
export interface ProfileLine {
  points: Pt[];
  path: string;
  /** k where the value is 0, NaN/∞ or below the axis's floor: no place on the log axis, crossed on its floor */
  zeros: number[];
  fit: StepFactor | null;
  /** the fit as a straight line from k = τ back to 0: [x(τ), y(v_τ)] → [x(0), y(v_τ·factor^τ)], or null */
  fitLine: [Pt, Pt] | null;
}

/** The profile of `v` (v[k] for k = 0…τ) on the given scales. */
export function profileLine(v: ArrayLike<number>, tau: number, x: ScaleLinear<number, number>, y: ScaleLogarithmic<number, number>): ProfileLine {
  const ly = logY(y);
  const floor = y.domain()[0];
  const points: Pt[] = [];
  const zeros: number[] = [];
  for (let k = 0; k <= tau && k < v.length; k++) {
    // below the axis's floor is off the scale too: drawing it on the floor would fake a level line
    const off = !(v[k] >= floor) || !Number.isFinite(v[k]);
    points.push([x(k), off ? NaN : ly(v[k])]);
    if (off) zeros.push(k);
  }
  const fit = stepFactor(v, 0, Math.min(tau, v.length - 1));
  const top = v[tau];
  let fitLine: [Pt, Pt] | null = null;
  if (fit && tau > 0 && top > 0 && Number.isFinite(top)) fitLine = [[x(tau), y(top)], [x(0), y(top * fit.factor ** tau)]];
  return { points, path: pathOf(points) ?? '', zeros, fit, fitLine };
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
export function buildProfile(rec: FlowRecord, width: number, truncate: number, truncMode: TruncMode, opts: { height?: number; yDomain?: [number, number] } = {}): ProfileModel {
  const box = profileBox(width, opts.height);
  const tau = rec.tau;
  const hasC = rec.flowC.length > 0;
  const x = stepAxis(tau, box);
  const y = logScale(opts.yDomain ?? logDomain(hasC ? [rec.flowH, rec.flowC] : [rec.flowH]), box.bottom, box.top);
  const win = truncationWindow(tau, truncate, truncMode);
  const step = Math.abs(x(0) - x(1));
  return {
    box,
    tau,
    x,
    y,
    xTicks: kTicks(x, tau),
    yTicks: logTicks(y, Math.max(3, Math.floor((box.bottom - box.top) / 32))),
    h: profileLine(rec.flowH, tau, x, y),
    c: hasC ? profileLine(rec.flowC, tau, x, y) : null,
    window: win && { ...win, x0: x(win.to), x1: Math.min(box.right, x(win.from) + step / 2) },
  };
}

/** The k whose point is nearest to pixel x (for hover), clamped to 0…τ. */
export function nearestK(model: ProfileModel, px: number): number {
  return Math.max(0, Math.min(model.tau, Math.round(model.x.invert(px))));
}
