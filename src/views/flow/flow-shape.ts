/**
 * The measured shape of a gradient-flow profile ‖∂ℓ_τ/∂h_k‖ and the words for it: the per-step factor between its
 * ends, whether it falls, rises, stays level or turns, and the rule those words follow. No React, no DOM.
 */
import { formatLog10 } from './flow-layout';

/** The fitted per-step factor of a profile and how many step pairs it rests on. */
export interface StepFactor {
  /** geometric mean of v[k−1]/v[k]: what one step back multiplies the error by */
  factor: number;
  /** consecutive pairs used (both values positive and finite) */
  pairs: number;
}

/**
 * The per-step factor of a gradient-flow profile v[k] = ‖∂ℓ_τ/∂h_k‖ over k = from…to: the geometric mean of
 * the ratios v[k−1]/v[k] over consecutive pairs that are both positive and finite, exp(mean log(v[k−1]/v[k])).
 * Without gaps the product telescopes, so it equals (v[from]/v[to])^(1/(to−from)): the slope of the straight
 * line a geometric decay draws on a log axis. Null when no pair qualifies.
 */
export function stepFactor(v: ArrayLike<number>, from = 0, to = v.length - 1): StepFactor | null {
  let sum = 0;
  let pairs = 0;
  for (let k = Math.max(1, from + 1); k <= Math.min(to, v.length - 1); k++) {
    const a = v[k - 1];
    const b = v[k];
    if (a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)) {
      sum += Math.log(a) - Math.log(b);
      pairs++;
    }
  }
  return pairs > 0 ? { factor: Math.exp(sum / pairs), pairs } : null;
}

/** Read left to right from τ back to step 0: a vanishing error falls, an exploding one rises. */
export type Trend = 'falling' | 'rising' | 'level';

/** Factors within this relative distance of 1 count as level (2% a step is 1.5× over 20 steps). */
export const LEVEL_TOLERANCE = 0.02;

/** The trend of a per-step factor: below 1 − tol the error falls (vanishes) going back, above 1 + tol it rises (explodes). */
export function trendOf(factor: number, tol = LEVEL_TOLERANCE): Trend {
  if (factor < 1 - tol) return 'falling';
  if (factor > 1 + tol) return 'rising';
  return 'level';
}

/** A factor as printed: two decimals between 0.01 and 100 ("0.62", "1.50"), else two significant digits ("3.1e-3"). */
export function formatFactor(f: number): string {
  if (!Number.isFinite(f)) return '—';
  return f >= 0.01 && f < 100 ? f.toFixed(2) : f.toExponential(1);
}

/** A factor given by its log10, printed as formatFactor prints it, also beyond what a double holds ("1.0e+400"). */
export function formatFactorLog10(l: number): string {
  if (!Number.isFinite(l)) return '—';
  if (Math.abs(l) < 300) return formatFactor(10 ** l);
  let e = Math.floor(l);
  let m = Number((10 ** (l - e)).toFixed(1));
  if (m >= 10) {
    m /= 10;
    e += 1;
  }
  return `${m.toFixed(1)}e${e >= 0 ? '+' : ''}${e}`;
}

/**
 * What a gradient-flow profile does, read from τ back to step 0, in words that mean what they say:
 * `vanishing` / `exploding` when the measured per-step factor between the ends is below 1 − tol / above 1 + tol
 * and the curve does not turn; `constant` when it is within tol of 1; `falls-rises` / `rises-falls` when it
 * turns — falls by at least SWING× and then rises by at least SWING× (each leg beyond tol per step), or the reverse.
 */
export type FlowShapeKind = 'vanishing' | 'exploding' | 'constant' | 'falls-rises' | 'rises-falls';

/** The words for a shape, as the views print them beside a factor. */
export const SHAPE_WORDS: Record<FlowShapeKind, string> = {
  vanishing: 'vanishing',
  exploding: 'exploding',
  constant: 'roughly constant',
  'falls-rises': 'falls, then rises',
  'rises-falls': 'rises, then falls',
};

/** A turn of the profile counts only when each leg changes the error by at least this factor (a visible bend, not a wiggle). */
export const TURN_SWING = 2;

/** The measured shape of a profile v[k], k = to…from (from nearer τ). Logs are natural and carried as such, so nothing overflows. */
export interface FlowShape {
  shape: FlowShapeKind;
  /** the later end (nearest τ) and the earlier end (nearest 0) with a positive finite value; steps = from − to ≥ 1 */
  from: number;
  to: number;
  steps: number;
  /** per step back, end to end: (v[to]/v[from])^(1/steps), and its log10 (finite even where the factor is not a double) */
  factor: number;
  log10Factor: number;
  /** log10 of v[to]/v[from]: what the whole span did to the error */
  log10Total: number;
  /** the turning point k and the per-step factors (log10) of the leg before it (from → turn) and after it (turn → to); null unless the shape turns */
  turn: { k: number; log10Before: number; log10After: number; log10Drop: number; log10Back: number } | null;
}

/**
 * The shape of the profile v over k = lo…hi (defaults: the whole array), from the values that are positive and
 * finite (zeros, NaN and ±∞ are skipped; the span runs between the outermost usable ones). Null when fewer
 * than two usable values exist. `tol` is the per-step tolerance around 1 (LEVEL_TOLERANCE).
 */
export function flowShape(v: ArrayLike<number>, lo = 0, hi = v.length - 1, tol = LEVEL_TOLERANCE): FlowShape | null {
  const top = Math.min(Math.floor(hi), v.length - 1);
  const bottom = Math.max(0, Math.ceil(lo));
  const ks: number[] = [];
  const ls: number[] = [];
  for (let k = bottom; k <= top; k++) {
    const x = v[k];
    if (x > 0 && Number.isFinite(x)) {
      ks.push(k);
      ls.push(Math.log10(x));
    }
  }
  if (ks.length < 2) return null;
  const n = ks.length;
  const to = ks[0];
  const from = ks[n - 1];
  const lTo = ls[0];
  const lFrom = ls[n - 1];
  const steps = from - to;
  const log10Total = lTo - lFrom;
  const log10Factor = log10Total / steps;
  const down = Math.log10(1 - tol);
  const up = Math.log10(1 + tol);
  const swing = Math.log10(TURN_SWING);
  // the deepest dip and the highest hump strictly inside the span
  let iMin = -1;
  let iMax = -1;
  for (let i = 1; i < n - 1; i++) {
    if (iMin < 0 || ls[i] < ls[iMin]) iMin = i;
    if (iMax < 0 || ls[i] > ls[iMax]) iMax = i;
  }
  type Turn = NonNullable<FlowShape['turn']> & { kind: FlowShapeKind; size: number };
  const turnAt = (i: number, kind: FlowShapeKind): Turn | null => {
    if (i < 0) return null;
    const k = ks[i];
    const drop = ls[i] - lFrom; // going back from τ to the turn
    const back = lTo - ls[i]; // from the turn on to step 0
    const before = drop / (from - k);
    const after = back / (k - to);
    const ok = kind === 'falls-rises' ? drop <= -swing && back >= swing && before < down && after > up : drop >= swing && back <= -swing && before > up && after < down;
    return ok ? { kind, k, log10Before: before, log10After: after, log10Drop: drop, log10Back: back, size: Math.min(Math.abs(drop), Math.abs(back)) } : null;
  };
  const dip = turnAt(iMin, 'falls-rises');
  const hump = turnAt(iMax, 'rises-falls');
  const t = dip && hump ? (dip.size >= hump.size ? dip : hump) : (dip ?? hump);
  const base = { from, to, steps, factor: 10 ** log10Factor, log10Factor, log10Total };
  if (t) {
    const { kind, size: _size, ...turn } = t;
    void _size;
    return { ...base, shape: kind, turn };
  }
  const shape: FlowShapeKind = log10Factor < down ? 'vanishing' : log10Factor > up ? 'exploding' : 'constant';
  return { ...base, shape, turn: null };
}

/** The tolerance as the views state it: "2%". */
export const TOLERANCE_TEXT = `${Math.round(LEVEL_TOLERANCE * 100)}%`;

/** The rule behind the words, stated once beside the profile. */
export const SHAPE_RULE = `Words for the measured curve: "vanishing" or "exploding" when the factor per step between its ends is below ${1 - LEVEL_TOLERANCE} or above ${1 + LEVEL_TOLERANCE} and the curve does not turn; within ${TOLERANCE_TEXT} of 1 "roughly constant"; "falls, then rises" (or the reverse) when it bends by at least ${TURN_SWING}× each way.`;

/**
 * One or two sentences saying what the profile does, from its measured shape: the factor per step between the
 * ends, what it compounds to, and — for a curve that turns — where and how fast each leg goes. `tau` names
 * the start ("τ") when the span starts there.
 */
export function describeFlow(s: FlowShape | null, what = 'error', tau?: number): string {
  if (!s) return `Too few nonzero values to measure a per-step factor of the ${what}.`;
  const f = formatFactorLog10(s.log10Factor);
  const span = tau === undefined || (s.from === tau && s.to === 0) ? '' : ` (k = ${s.from}…${s.to}; the other steps have no positive value)`;
  const at = tau !== undefined && s.from === tau ? 'τ' : `k = ${s.from}`;
  const left = formatLog10(s.log10Total);
  switch (s.shape) {
    case 'vanishing':
      return `Falling: each step back multiplies the ${what} by ${f}; after ${s.steps} steps ${left} of it is left (vanishing gradient)${span}.`;
    case 'exploding':
      return `Rising: each step back multiplies the ${what} by ${f}; after ${s.steps} steps it is ${left}× larger (exploding gradient)${span}.`;
    case 'constant':
      return `Roughly constant: each step back multiplies the ${what} by ${f}, within ${TOLERANCE_TEXT} of 1 — neither vanishing nor exploding; after ${s.steps} steps it is ${left} times its size at ${at}${span}.`;
    default: {
      const t = s.turn!;
      const before = `×${formatFactorLog10(t.log10Before)} per step`;
      const after = `×${formatFactorLog10(t.log10After)} per step`;
      const legs =
        s.shape === 'falls-rises'
          ? `falls to ${formatLog10(t.log10Drop)} of its size by k = ${t.k} (${before}), then rises ${formatLog10(t.log10Back)}× by k = ${s.to} (${after})`
          : `rises to ${formatLog10(t.log10Drop)}× its size by k = ${t.k} (${before}), then falls to ${formatLog10(t.log10Back)} of that by k = ${s.to} (${after})`;
      return `${s.shape === 'falls-rises' ? 'Falls, then rises' : 'Rises, then falls'}: going back from ${at}, the ${what} ${legs}${span}. A curve that turns is neither a steady vanishing nor a steady explosion; end to end each step multiplies it by ${f}.`;
    }
  }
}
