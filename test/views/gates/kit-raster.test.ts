import { describe, expect, it } from 'vitest';
import { divergingScale, sequentialScale } from '../../../src/views/kit/colors';
import { LEVELS, colorLut, lutIndex, parseColor, rasterPixels } from '../../../src/views/kit/raster';
import { panelData, rasterFor } from '../../../src/views/gates/gates-layout';
import { Session } from '../../../src/engine/session';

describe('kit raster painting (for big heatmaps)', () => {
  it('reads the colours d3 writes', () => {
    expect(parseColor('#440154')).toEqual([68, 1, 84]);
    expect(parseColor('rgb(243, 238, 234)')).toEqual([243, 238, 234]);
    expect(parseColor('tomato')).toEqual([158, 158, 158]);
  });

  it('bins values into 256 levels over the domain, clamping outside, NaN in its own slot', () => {
    expect(lutIndex(0, 0, 1)).toBe(0);
    expect(lutIndex(0.5, 0, 1)).toBe(128);
    expect(lutIndex(1, 0, 1)).toBe(255);
    expect(lutIndex(7, 0, 1)).toBe(255);
    expect(lutIndex(-2, -1, 1)).toBe(0);
    expect(lutIndex(NaN, 0, 1)).toBe(LEVELS);
  });

  it('the table holds the scale at each bin centre, and grey for NaN', () => {
    const s = sequentialScale(0, 1);
    const lut = colorLut(s);
    expect([...lut.slice(3 * 128, 3 * 129)]).toEqual(parseColor(s(128.5 / 256)));
    expect([...lut.slice(3 * LEVELS)]).toEqual([158, 158, 158]);
  });

  it('pixel (t, u) of a real 32 × 40 LSTM candidate map has the colour of that cell’s value (within one bin)', () => {
    const s = new Session({ task: { kind: 'text', seqLength: 32 }, model: { cell: 'lstm', hiddenSize: 40 } });
    const r = s.inspect(0);
    expect(rasterFor(r.T, r.H)).toBe(true);
    expect(rasterFor(9, 8)).toBe(false);
    const data = panelData(r, 'g');
    const scale = divergingScale(1);
    const px = rasterPixels(data, scale);
    expect(px.length).toBe(4 * 32 * 40);
    for (const [t, u] of [[0, 0], [5, 27], [31, 39]]) {
      const v = r.gates[t * 4 * 40 + 2 * 40 + u];
      const p = 4 * (u * 32 + t);
      const centre = -1 + ((lutIndex(v, -1, 1) + 0.5) * 2) / LEVELS;
      expect(Math.abs(centre - v)).toBeLessThanOrEqual(1 / LEVELS);
      expect([px[p], px[p + 1], px[p + 2], px[p + 3]]).toEqual([...parseColor(scale(centre)), 255]);
    }
  });
});
