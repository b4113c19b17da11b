/** A recording stand-in for a 2-D canvas context: every fillRect with the fill and alpha it was drawn with. */
import { vi } from 'vitest';
import type { StripContext } from '../../../src/views/unroll/strip-draw';

export interface Fill {
  fill: string;
  alpha: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The fake context and what was drawn on it since the last clearRect. */
export function recordingContext(): StripContext & { fills: Fill[]; strokes: number[][]; setTransform(): void; clearRect(): void } {
  const ctx = {
    fillStyle: '' as StripContext['fillStyle'],
    strokeStyle: '' as StripContext['strokeStyle'],
    globalAlpha: 1,
    lineWidth: 1,
    fills: [] as Fill[],
    strokes: [] as number[][],
    fillRect(x: number, y: number, w: number, h: number) {
      ctx.fills.push({ fill: String(ctx.fillStyle), alpha: ctx.globalAlpha, x, y, w, h });
    },
    strokeRect(x: number, y: number, w: number, h: number) {
      ctx.strokes.push([x, y, w, h]);
    },
    setTransform() {},
    clearRect() {
      ctx.fills = [];
      ctx.strokes = [];
    },
  };
  return ctx;
}

/** Makes every canvas of the page draw on one recording context (jsdom has no 2-D canvas). */
export function recordCanvas(): ReturnType<typeof recordingContext> {
  const ctx = recordingContext();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
  return ctx;
}
