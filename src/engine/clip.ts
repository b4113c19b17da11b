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

/** ‖g‖₂ over the whole parameter vector. */
export function globalNorm(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
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

/** ‖g_block‖₂ of every named block of the layout, in layout order, written into `out`. */
export function blockNorms(layout: ParamLayout, g: Float64Array, out: Float64Array): Float64Array {
  layout.blocks.forEach((b, k) => {
    let s = 0;
    const end = b.offset + b.rows * b.cols;
    for (let i = b.offset; i < end; i++) s += g[i] * g[i];
    out[k] = Math.sqrt(s);
  });
  return out;
}
