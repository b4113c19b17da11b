import { describe, expect, it } from 'vitest';
import { divergingScale } from '../../../src/views/kit/colors';
import { drawStrips, stripAlpha, unitAt } from '../../../src/views/unroll/strip-draw';
import { layoutRows } from '../../../src/views/unroll/unroll-layout';
import { recordingContext } from './strip-canvas';

describe('hidden strips on the canvas', () => {
  const rows = layoutRows(4); // strip 48 px: 12 px a unit from y = 118
  const h = Float64Array.from([0.5, -0.5, 0, 1, /* t = 1 */ -1, 0.25, 0.75, -0.25]);
  const scale = divergingScale(1);

  it('fills cell u of step t at (x − 8, hTop + u·cellH) with the colour of h_t[u], at the step\'s opacity', () => {
    const ctx = recordingContext();
    drawStrips(ctx, [{ t: 0, x: 100, alpha: 1, current: false }, { t: 1, x: 176, alpha: 0.22, current: true }], h, 4, rows, scale, 2);
    expect(ctx.fills).toHaveLength(8);
    expect(ctx.fills[0]).toEqual({ fill: scale(0.5), alpha: 1, x: 92, y: 118, w: 16, h: 12.5 });
    expect(ctx.fills[3]).toEqual({ fill: scale(1), alpha: 1, x: 92, y: 154, w: 16, h: 12 });
    expect(ctx.fills[5]).toEqual({ fill: scale(0.25), alpha: 0.22, x: 168, y: 130, w: 16, h: 12.5 });
    // the selected unit 2 is outlined on the current step only
    expect(ctx.strokes).toEqual([[167, 142, 18, 12]]);
    expect(ctx.globalAlpha).toBe(1);
  });

  it('skips invisible steps (folded copies)', () => {
    const ctx = recordingContext();
    drawStrips(ctx, [{ t: 0, x: 100, alpha: 0, current: false }], h, 4, rows, scale, 0);
    expect(ctx.fills).toHaveLength(0);
  });

  it('fades the steps the forward pass has not reached', () => {
    expect(stripAlpha(1, false)).toBe(1);
    expect(stripAlpha(1, true)).toBe(0.22);
    expect(stripAlpha(0.5, true)).toBeCloseTo(0.11, 12);
  });

  it('finds the unit under the pointer', () => {
    expect(unitAt(118, rows, 4)).toBe(0);
    expect(unitAt(118 + 12 * 2.5, rows, 4)).toBe(2);
    expect(unitAt(117, rows, 4)).toBeNull();
    expect(unitAt(118 + 48, rows, 4)).toBeNull();
  });
});
