/**
 * Geometry of the unrolled network: where each timestep's x, h and y nodes sit when the network is folded
 * (one cell with a loop) and when it is unrolled (a chain of T copies), how positions move in between,
 * and which window of steps is shown when T is too long to draw every step legibly. Pure functions only.
 */

/** At most this many timesteps are drawn at once; longer sequences show a window around the selected step. */
export const MAX_WINDOW = 16;
/** Width of a hidden-state node (its heat strip is STRIP_W wide inside it). */
export const NODE_W = 22;
/** Width of the heat strip of h_t's H cells. */
export const STRIP_W = 16;
/** Room at the left of the chain for the row labels and the initial state (or the elided earlier steps). */
export const LABEL_W = 8;
/** Room at the right of the chain for the count of elided later steps. */
export const RIGHT_PAD = 40;
/** Shortest drawn link between two neighbouring nodes; shorter ones (mid-animation) are hidden. */
export const MIN_LINK = 8;

/** Vertical positions of the rows (top to bottom): truncation lane, ℓ_t, target, y node, h strip, x node, t. */
export interface UnrollRows {
  /** baseline of the truncation label */
  laneY: number;
  /** baseline of the per-step loss ℓ_t */
  lossY: number;
  /** baseline of the target and its ✓/✗ */
  targetY: number;
  /** top and height of the output node y_t */
  yTop: number;
  yH: number;
  /** top of h_t's strip, its height, and the height of one unit's cell */
  hTop: number;
  stripH: number;
  cellH: number;
  /** y of the forward recurrent arrows (W_hh) and of the backward ones (‖dh_t‖) */
  fwdY: number;
  bwdY: number;
  /** top and height of the input node x_t */
  xTop: number;
  xH: number;
  /** baseline of the step number */
  tY: number;
  /** the figure's height */
  height: number;
}

/** Everything needed to place the chain: visible steps start…end−1, their unrolled centres, the folded centre. */
export interface UnrollGeometry {
  T: number;
  /** first visible step and one past the last */
  start: number;
  end: number;
  colW: number;
  width: number;
  /** left edge of the first visible column */
  left: number;
  /** unrolled centre x of visible step start + i */
  xs: number[];
  /** centre x of the initial state h = 0 (start = 0) or of the elided earlier steps (start > 0) */
  initX: number;
  /** centre x where every step sits when the network is folded */
  foldedX: number;
  rows: UnrollRows;
}

/** v within [lo, hi]; NaN (a width or a step not measured yet) counts as lo, where Math.max/min would pass NaN on to every position. */
const clamp = (v: number, lo: number, hi: number) => (Number.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v)));

/** Column width that fits labels of `maxChars` characters at 13–14 px monospace: 8 px a character + 16, in [56, 88] (56 leaves a 28 px link between h nodes). */
export function columnWidth(maxChars: number): number {
  return clamp(Math.round(maxChars * 8 + 16), 56, 88);
}

/** Widest column (px) a short sequence is spread to, so the arrows between steps are long enough to read from afar. */
export const SPREAD_MAX = 84;

/** Column width when n steps are shown in `width` px: the n columns and the label column share the room, within [base, max(base, SPREAD_MAX)]. */
export function spreadColumn(width: number, base: number, n: number): number {
  return clamp(Math.floor((width - LABEL_W - RIGHT_PAD) / (n + 1)), base, Math.max(base, SPREAD_MAX));
}

/** How many columns of width colW fit beside the label column and right pad in `width` pixels: in [3, MAX_WINDOW]. */
export function windowCapacity(width: number, colW: number): number {
  return clamp(Math.floor((width - (colW + LABEL_W) - RIGHT_PAD) / colW), 3, MAX_WINDOW);
}

/**
 * The visible steps [start, end) of a sequence of T steps when n fit: all of them if T ≤ n, else n steps with
 * the selected step t two thirds of the way along (the past, where its error flows, gets more room), clamped to [0, T).
 */
export function visibleWindow(T: number, t: number, n: number): { start: number; end: number } {
  if (T <= n) return { start: 0, end: T };
  const start = clamp(t - Math.floor((2 * n) / 3), 0, T - n);
  return { start, end: start + n };
}

/** Height of h_t's heat strip: 6 px a unit, at least 48 and at most 112 px (so H = 1 is still a visible cell). */
export function stripHeight(H: number): number {
  return clamp(6 * H, 48, 112);
}

/** The rows for a hidden size H. */
export function layoutRows(H: number): UnrollRows {
  const stripH = stripHeight(H);
  const yTop = 64;
  const yH = 28;
  const hTop = yTop + yH + 26;
  const xTop = hTop + stripH + 26;
  const xH = 28;
  const tY = xTop + xH + 18;
  return {
    laneY: 15,
    lossY: 34,
    targetY: 55,
    yTop,
    yH,
    hTop,
    stripH,
    cellH: stripH / Math.max(1, H),
    fwdY: hTop + stripH * 0.3,
    bwdY: hTop + stripH * 0.72,
    xTop,
    xH,
    tY,
    height: tY + 8,
  };
}

/**
 * The whole layout for T steps of hidden size H, selected step t, in a figure `width` px wide, with labels of
 * up to `maxChars` characters. Unrolled centres: x_i = left + (i + ½)·colW; folded centre: the middle of the chain.
 */
export function layoutUnroll(o: { T: number; H: number; t: number; width: number; maxChars: number }): UnrollGeometry {
  const base = columnWidth(o.maxChars);
  const n = windowCapacity(o.width, base);
  const colW = spreadColumn(o.width, base, Math.min(n, o.T));
  const { start, end } = visibleWindow(o.T, clamp(o.t, 0, o.T - 1), n);
  const left = LABEL_W + colW;
  const xs = Array.from({ length: end - start }, (_, i) => left + (i + 0.5) * colW);
  const rows = layoutRows(o.H);
  return {
    T: o.T,
    start,
    end,
    colW,
    width: left + (end - start) * colW + RIGHT_PAD,
    left,
    xs,
    initX: left - colW / 2,
    foldedX: (xs[0] + xs[xs.length - 1]) / 2,
    rows,
  };
}

/** Centre x at unroll progress p ∈ [0, 1] (0 folded, 1 unrolled): folded + p·(unrolled − folded). */
export function lerpX(folded: number, unrolled: number, p: number): number {
  return folded + clamp(p, 0, 1) * (unrolled - folded);
}

/** A column's opacity at progress p: the step shown in the folded cell stays opaque, the copies fade in with p. */
export function columnOpacity(isFoldedStep: boolean, p: number): number {
  return isFoldedStep ? 1 : clamp(p, 0, 1);
}

/** Smooth start and stop for the unroll animation: 3u² − 2u³ (smoothstep) on u ∈ [0, 1]. */
export function ease(u: number): number {
  const v = clamp(u, 0, 1);
  return v * v * (3 - 2 * v);
}

/**
 * The horizontal link between two h nodes centred at xa < xb: from xa's right edge to xb's left edge, 3 px clear
 * of each; null when the nodes are too close to draw it (shorter than MIN_LINK, as while the chain folds).
 */
export function linkBetween(xa: number, xb: number): { x1: number; x2: number } | null {
  const x1 = xa + NODE_W / 2 + 3;
  const x2 = xb - NODE_W / 2 - 3;
  return x2 - x1 >= MIN_LINK ? { x1, x2 } : null;
}

/** The self-loop of the folded h node centred at x: out of its right side at fwdY, round, back in at bwdY. */
export function selfLoopPath(x: number, rows: UnrollRows): string {
  const x0 = x + NODE_W / 2 + 2;
  const y1 = rows.hTop + rows.stripH * 0.25;
  const y2 = rows.hTop + rows.stripH * 0.75;
  return `M${x0},${y1}C${x0 + 46},${y1 - 24} ${x0 + 46},${y2 + 24} ${x0 + 6},${y2}`;
}

/** The arrowhead at (x, y) pointing along direction (dx, dy), sized for a line of width w: a closed triangle path. */
export function arrowHead(x: number, y: number, dx: number, dy: number, w: number): string {
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const l = 4 + w * 0.7;
  const h = 2.5 + w * 0.5;
  const bx = x - ux * l;
  const by = y - uy * l;
  const f = (v: number) => Number(v.toFixed(2));
  return `M${f(x)},${f(y)}L${f(bx - uy * h)},${f(by + ux * h)}L${f(bx + uy * h)},${f(by - ux * h)}Z`;
}

/** Narrowest and widest backward arrow (px); norms below NORM_DECADES decades under the largest get the narrowest. */
export const ARROW_MIN_W = 2;
export const ARROW_MAX_W = 12;
export const NORM_DECADES = 6;

/** The norms the arrows span on their log scale: hi = max, lo = the smallest positive norm, but ≥ hi·10^−NORM_DECADES. */
export function normRange(norms: ArrayLike<number>): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < norms.length; i++) {
    const v = norms[i];
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === 0) return null;
  return { lo: Math.max(lo, hi * 10 ** -NORM_DECADES), hi };
}

/** Where n sits on the log scale of [lo, hi], in [0, 1]: log(n/lo) / log(hi/lo) (½ when lo = hi). */
export function logPosition(n: number, range: { lo: number; hi: number }): number {
  if (range.hi <= range.lo) return 0.5;
  return clamp(Math.log(n / range.lo) / Math.log(range.hi / range.lo), 0, 1);
}

/** Width of the backward arrow carrying ‖dh_t‖ = n: ARROW_MIN_W + (ARROW_MAX_W − ARROW_MIN_W)·logPosition; 0 = no arrow (n = 0). */
export function arrowWidth(n: number, range: { lo: number; hi: number } | null): number {
  // an error that overflowed to ∞ is the largest there is (logPosition pins it to 1): the widest arrow, not none,
  // which would read as "no error reaches this step"
  if (range === null || !(n > 0)) return 0;
  return ARROW_MIN_W + (ARROW_MAX_W - ARROW_MIN_W) * logPosition(n, range);
}

/** Three norms for the arrow legend: the smallest, the geometric middle √(lo·hi), the largest. */
export function legendNorms(range: { lo: number; hi: number }): number[] {
  // √lo·√hi, not √(lo·hi): the product of two norms near 1e308 overflows to ∞ (a legend sample printed "—")
  return range.hi <= range.lo ? [range.hi] : [range.lo, Math.sqrt(range.lo) * Math.sqrt(range.hi), range.hi];
}
