import type { ColorScale } from '../kit/colors';
import { STRIP_W } from './unroll-layout';
import type { UnrollRows } from './unroll-layout';

/** The part of CanvasRenderingContext2D the strips use (a recording fake in tests). */
export interface StripContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  globalAlpha: number;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
}

/** One strip to draw: step t centred at x, at opacity alpha; the current step also outlines the selected unit. */
export interface StripPlan {
  t: number;
  x: number;
  alpha: number;
  current: boolean;
}

/** Opacity of a step's strip: its column's opacity, and only 0.22 of it for steps the forward pass has not reached. */
export function stripAlpha(columnOpacity: number, future: boolean): number {
  return columnOpacity * (future ? 0.22 : 1);
}

/** The unit under height y of the figure (y from its top), or null outside h's strip: ⌊(y − hTop) / cellH⌋. */
export function unitAt(y: number, rows: UnrollRows, H: number): number | null {
  const u = Math.floor((y - rows.hTop) / rows.cellH);
  return u >= 0 && u < H ? u : null;
}

/**
 * Draws h_t as a vertical heat strip for every planned step: cell u of step t is the rectangle
 * (x − STRIP_W/2, hTop + u·cellH, STRIP_W, cellH) filled with scale(h_t[u]); the current step's selected unit is outlined.
 * On a canvas: hundreds to thousands of cells are redrawn each frame, too many for SVG elements.
 */
export function drawStrips(ctx: StripContext, plans: readonly StripPlan[], h: Float64Array, H: number, rows: UnrollRows, scale: ColorScale, selectedUnit: number): void {
  const x0 = -STRIP_W / 2;
  // cells overlap by a fraction of a pixel so no hairline gaps show between them
  const ch = rows.cellH + (rows.cellH > 2 ? 0.5 : 0);
  for (const p of plans) {
    if (p.alpha <= 0) continue;
    ctx.globalAlpha = p.alpha;
    for (let u = 0; u < H; u++) {
      ctx.fillStyle = scale(h[p.t * H + u]);
      ctx.fillRect(p.x + x0, rows.hTop + u * rows.cellH, STRIP_W, u === H - 1 ? rows.cellH : ch);
    }
    if (p.current && selectedUnit >= 0 && selectedUnit < H) {
      ctx.strokeStyle = '#111111';
      ctx.lineWidth = 2;
      ctx.strokeRect(p.x + x0 - 1, rows.hTop + selectedUnit * rows.cellH, STRIP_W + 2, Math.max(rows.cellH, 2));
    }
  }
  ctx.globalAlpha = 1;
}
