import type { ParamLayout } from './params';

/** Gradient clipping: none, by global norm (Pascanu et al. 2013), or each component by value. */
export type ClipConfig = { kind: 'none' } | { kind: 'norm'; threshold: number } | { kind: 'value'; threshold: number };
/** The clipping modes, as the UI lists them. */
export const CLIP_KINDS = ['none', 'norm', 'value'] as const;

/** What clipping did to one gradient. */
export interface ClipResult {
  /** ‖g‖₂ before clipping */
  normBefore: number;
  /** ‖g‖₂ after clipping */
  normAfter: number;
  /** whether anything changed */
  clipped: boolean;
}

/** Below this, Σ g_i² may have lost digits to underflow (subnormal squares): the scaled pass takes over. */
const SMALL_SUM = 1e-280;

/**
 * ‖g[from…to)‖₂ without overflow or underflow. The plain Σ g_i² is used when it lands in [1e-280, ∞) — then it is
 * exact to rounding, and bit-identical to the naive formula. Otherwise (it overflowed: some |g_i| ≳ 1e154, or it is
 * tiny) a second pass finds m = max|g_i| and a third sums (g_i/m)², so ‖g‖ = m·√Σ(g_i/m)² — finite whenever ‖g‖ is
 * representable (below about 1.8e308). A NaN entry gives NaN, a ±∞ entry +∞.
 */
export function rangeNorm(g: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += g[i] * g[i];
  if (s >= SMALL_SUM && s < Infinity) return Math.sqrt(s);
  if (s !== s) return NaN; // a NaN entry (∞ − ∞ cannot occur in a sum of squares)
  let m = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(g[i]);
    if (a > m) m = a;
  }
  if (m === Infinity || m === 0) return m;
  let t = 0;
  for (let i = from; i < to; i++) {
    const r = g[i] / m;
    t += r * r;
  }
  return m * Math.sqrt(t);
}

/** ‖g‖₂ over the whole parameter vector, overflow-safe (rangeNorm). */
export function globalNorm(g: Float64Array): number {
  return rangeNorm(g, 0, g.length);
}

/**
 * Clips g in place. norm: if ‖g‖ > c then g ← g · c/‖g‖ (direction kept);
 * value: g_i ← min(c, max(−c, g_i)) (direction may change). Writes into and returns `out`.
 */
export function clipGradient(g: Float64Array, cfg: ClipConfig, out: ClipResult): ClipResult {
  const before = globalNorm(g);
  out.normBefore = before;
  out.clipped = false;
  if (cfg.kind === 'norm' && before > cfg.threshold && Number.isFinite(before)) {
    const s = cfg.threshold / before;
    for (let i = 0; i < g.length; i++) g[i] *= s;
    out.clipped = true;
    out.normAfter = globalNorm(g);
  } else if (cfg.kind === 'value') {
    const c = cfg.threshold;
    for (let i = 0; i < g.length; i++) {
      if (g[i] > c) {
        g[i] = c;
        out.clipped = true;
      } else if (g[i] < -c) {
        g[i] = -c;
        out.clipped = true;
      }
    }
    out.normAfter = out.clipped ? globalNorm(g) : before;
  } else {
    out.normAfter = before;
  }
  return out;
}

/** ‖g_block‖₂ of every named block of the layout, in layout order, written into `out` (overflow-safe, rangeNorm). */
export function blockNorms(layout: ParamLayout, g: Float64Array, out: Float64Array): Float64Array {
  layout.blocks.forEach((b, k) => {
    out[k] = rangeNorm(g, b.offset, b.offset + b.rows * b.cols);
  });
  return out;
}
