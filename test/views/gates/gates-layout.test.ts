import { describe, expect, it } from 'vitest';
import { gruValues, lstmValues } from '../../../src/views/gates/cell-values';
import { cellOf, focusStep, fmt, heatmapSizing, labelPixels, longestLabel, panelData, panelRows, parseFmt, valueAt } from '../../../src/views/gates/gates-layout';
import { echoRecord } from './fixtures';

describe('which heatmaps a cell has, and where each reads its numbers', () => {
  it('takes the cell from the record itself', () => {
    for (const cell of ['lstm', 'gru', 'rnn'] as const) expect(cellOf(echoRecord(cell))).toBe(cell);
  });

  it('LSTM: gates f, i, o then g, c, h; gate k of (t, u) is gates[t·G·H + k·H + u]', () => {
    const r = echoRecord('lstm');
    const rows = panelRows(r);
    expect(rows.map((row) => row.map((p) => `${p.name}:${p.scale}`))).toEqual([
      ['f:gate', 'i:gate', 'o:gate'],
      ['g:signed', 'c:cell', 'h:signed'],
    ]);
    const { T, H } = r;
    expect([T, H]).toEqual([7, 6]);
    expect(panelData(r, 'o')).toMatchObject({ T: 7, units: 6, offset: 3 * 6, stride: 4 * 6 });
    expect(panelData(r, 'c')).toMatchObject({ offset: 0, stride: 6 });
    for (const [k, name] of ['f', 'i', 'g', 'o'].entries()) {
      for (const [t, u] of [[0, 0], [3, 2], [6, 5]]) expect(valueAt(r, name, t, u)).toBe(r.gates[t * 4 * H + k * H + u]);
    }
    expect(valueAt(r, 'c', 4, 1)).toBe(r.c[4 * H + 1]);
    expect(valueAt(r, 'h', 4, 1)).toBe(r.h[4 * H + 1]);
  });

  it('GRU: z, r then n, h; RNN: h only', () => {
    const g = echoRecord('gru');
    expect(panelRows(g).map((row) => row.map((p) => p.name))).toEqual([['z', 'r'], ['n', 'h']]);
    expect(panelData(g, 'n')).toMatchObject({ offset: 2 * 6, stride: 3 * 6 });
    expect(valueAt(g, 'r', 2, 3)).toBe(g.gates[2 * 3 * 6 + 6 + 3]);
    expect(panelRows(echoRecord('rnn')).map((row) => row.map((p) => p.name))).toEqual([['h']]);
    expect(() => panelData(g, 'f')).toThrow('this cell has no quantity f');
  });
});

describe('heatmap sizing', () => {
  it('three panels a row on a wide panel: 25 × 11 px cells for T = 11, H = 16', () => {
    // column = (960 − 2·16)/3 − 30 = 279.3 px → 25 px a step; 176/16 = 11 px a unit
    expect(heatmapSizing(960, 11, 16, 3)).toEqual({ columns: 3, cellW: 25, cellH: 11, labelEvery: 1, unitEvery: 2, panelW: 305, panelH: 220 });
  });

  it('fewer columns on a phone, labels thinned so they never overlap', () => {
    // 3 columns would give (340 − 32)/3 − 30 = 72.7 px / 11 = 6.6 px a step (< 8); 2 give 132 / 11 = 12
    expect(heatmapSizing(340, 11, 16, 3)).toMatchObject({ columns: 2, cellW: 12, labelEvery: 2, panelW: 162 });
  });

  it('a map is never narrower than its title needs (112 px), however short the sequence', () => {
    // 3 columns of a 358 px phone panel: (358 − 32)/3 − 30 = 78.7 px < 112 → 2 columns of 141 px, 15 px a step
    expect(heatmapSizing(358, 9, 8, 3)).toMatchObject({ columns: 2, cellW: 15, cellH: 16, labelEvery: 1 });
    // T = 3: 30.9 px a step would be comfortable, but 92.7 px is too narrow for a title
    expect(heatmapSizing(400, 3, 4, 3)).toMatchObject({ columns: 2, cellW: 28 });
  });

  it('long sequences and many units: one column, cells clamped to 2 px, every 12th label, every 8th unit', () => {
    // 930 / 200 = 4.65 → 4 px; 176 / 128 → 1 → clamped to 2; labels of 5 characters need 46 px = 12 steps
    expect(labelPixels(5)).toBe(46);
    expect(heatmapSizing(960, 200, 128, 3, 5)).toEqual({ columns: 1, cellW: 4, cellH: 2, labelEvery: 12, unitEvery: 8, panelW: 830, panelH: 300 });
  });

  it('cells never grow past 28 × 16 px', () => {
    expect(heatmapSizing(2000, 3, 2, 2)).toMatchObject({ cellW: 28, cellH: 16 });
  });

  it('longest label, focused step', () => {
    expect(longestLabel(['A', '·', '0.125'])).toBe(5);
    expect(longestLabel([])).toBe(1);
    expect(focusStep(null, 11)).toBe(10);
    expect(focusStep(4, 11)).toBe(4);
    expect(focusStep(40, 11)).toBe(10);
  });
});

describe('numbers as printed', () => {
  it('3 decimals with a true minus sign, and back', () => {
    expect(fmt(-0.41234)).toBe('−0.412');
    expect(fmt(0.9996)).toBe('1.000');
    expect(fmt(-0.0002)).toBe('0.000');
    expect(fmt(NaN)).toBe('—');
    expect(parseFmt('−0.412')).toBe(-0.412);
  });
});

describe('one unit at one step, for the cell diagram', () => {
  it('LSTM: c_t = f·c_{t−1} + i·g and h_t = o·tanh c_t hold on the record', () => {
    const r = echoRecord('lstm');
    for (const [t, u] of [[0, 0], [3, 2], [6, 5]]) {
      const v = lstmValues(r, t, u);
      expect(v.cPrev).toBe(t > 0 ? r.c[(t - 1) * 6 + u] : 0);
      expect(v.kept + v.written).toBeCloseTo(v.c, 12);
      expect(v.kept + v.flushed).toBeCloseTo(v.cPrev, 12);
      expect(v.o * v.tanhC).toBeCloseTo(v.h, 12);
      expect(v.x).toBe(r.inputLabels[t]);
    }
  });

  it('GRU: h_t = (1 − z)·n + z·h_{t−1} holds on the record', () => {
    const r = echoRecord('gru');
    for (const [t, u] of [[0, 1], [2, 4], [6, 0]]) {
      const v = gruValues(r, t, u);
      expect(v.hPrev).toBe(t > 0 ? r.h[(t - 1) * 6 + u] : 0);
      expect(v.kept + v.written).toBeCloseTo(v.h, 12);
      expect(v.resetH).toBeCloseTo(v.r * v.hPrev, 15);
    }
  });
});
