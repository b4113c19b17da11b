import { describe, expect, it } from 'vitest';
import { divergingScale } from '../../../src/views/kit/colors';
import { gruValues, lstmValues } from '../../../src/views/gates/cell-values';
import { diagramScale, edgeShape, gruDiagram, inkOn, lstmDiagram, MIN_SCALE, strokeWidth, wireColor } from '../../../src/views/gates/diagram-layout';
import type { DiagramSpec } from '../../../src/views/gates/diagram-layout';
import type { LstmValues } from '../../../src/views/gates/cell-values';
import { echoRecord } from './fixtures';

const byQ = (s: DiagramSpec, q: string) => s.labels.find((l) => l.q === q)!;
const byId = <T extends { id: string }>(xs: T[], id: string) => xs.find((x) => x.id === id)!;

describe('wire widths and colours', () => {
  it('width runs from 2 px at 0 to 10 px at |v| ≥ ref', () => {
    expect(strokeWidth(0, 1)).toBe(2);
    expect(strokeWidth(0.5, 1)).toBe(6);
    expect(strokeWidth(-0.25, 1)).toBe(4);
    expect(strokeWidth(3, 2)).toBe(10);
    expect(strokeWidth(1, 4)).toBe(4);
    expect(strokeWidth(NaN, 1)).toBe(2);
  });

  it('signed wires take the diverging scale colour of their sign, gates dark grey, ~0 grey', () => {
    const s = divergingScale(1);
    expect(wireColor('signed', 0.3)).toBe(s(0.85));
    expect(wireColor('signed', -2)).toBe(s(-0.85));
    expect(wireColor('signed', 0.0001)).toBe('#9e9e9e');
    expect(wireColor('gate', 0.1)).toBe('#3d3d3d');
  });

  it('white text on dark fills, black on light', () => {
    expect(inkOn('gate', 0.2)).toBe('#ffffff');
    expect(inkOn('gate', 0.9)).toBe('#111111');
    expect(inkOn('signed', -0.8)).toBe('#ffffff');
    expect(inkOn('signed', 0.1)).toBe('#111111');
  });

  it('an arrowhead ends on the last point and the line stops at its base', () => {
    // width 5: head length 5 + 6 = 11, half-width 3 + 4 = 7, pointing right
    expect(edgeShape([[0, 0], [100, 0]], 5, true)).toEqual({ d: 'M0,0L89,0', head: '100,0 89,7 89,-7' });
    // pointing up along the second segment
    expect(edgeShape([[0, 50], [0, 20], [30, 20]], 0, true).head).toBe('30,20 25,23 25,17');
    expect(edgeShape([[0, 0], [10, 10]], 2, false)).toEqual({ d: 'M0,0L10,10', head: null });
  });

  it('draws 1:1 when it fits, shrinks with the panel but never so far that its smallest text (13 px roles) is under 12 px', () => {
    expect(diagramScale(1000, 720)).toBe(1);
    expect(diagramScale(684, 720)).toBe(0.95);
    expect(diagramScale(648, 720)).toBe(MIN_SCALE);
    expect(diagramScale(360, 720)).toBe(MIN_SCALE);
    expect(MIN_SCALE * 13).toBeCloseTo(12, 12);
  });
});

describe('LSTM diagram', () => {
  const v: LstmValues = { t: 2, unit: 1, x: 'A', cPrev: 2, hPrev: 0.5, f: 0.75, i: 0.25, g: -0.5, o: 0.5, kept: 1.5, flushed: 0.5, written: -0.125, c: 1.375, tanhC: Math.tanh(1.375), h: 0.5 * Math.tanh(1.375) };
  const d = lstmDiagram(v, 2);

  it('the memory line runs c_{t−1} → ×f → + → c_t along y = 70, gates below it', () => {
    const y = (id: string) => byId(d.nodes, id).y;
    expect([y('xf'), y('plus')]).toEqual([70, 70]);
    expect(byId(d.nodes, 'xf').x).toBeLessThan(byId(d.nodes, 'plus').x);
    expect(byId(d.edges, 'cPrev').points).toEqual([[14, 70], [124, 70]]);
    expect(byId(d.edges, 'c').points).toEqual([[336, 70], [712, 70]]);
    for (const g of ['f', 'i', 'g', 'o']) expect(y(g)).toBe(262);
    // the forget gate feeds the × on the memory line straight up
    expect(byId(d.edges, 'f').points).toEqual([[140, 239], [140, 86]]);
  });

  it('prints the numbers: gates in their boxes, what is kept, flushed, written and read beside the wires', () => {
    expect(d.nodes.filter((n) => n.shape === 'box' && n.role).map((n) => `${n.role}: ${n.text}`)).toEqual(['forget: f = 0.750', 'input: i = 0.250', 'candidate: g = −0.500', 'output: o = 0.500']);
    expect(byQ(d, 'cPrev').text).toBe('cₜ₋₁ = 2.000');
    expect(byQ(d, 'kept').text).toBe('kept f·cₜ₋₁ = 1.500');
    expect(byQ(d, 'flushed').text).toBe('flushed (1−f)·cₜ₋₁ = 0.500');
    expect(byQ(d, 'written').text).toBe('written i·g = −0.125');
    expect(byQ(d, 'c').text).toBe('cₜ = 1.375');
    expect(byQ(d, 'tanhC').text).toBe('tanh cₜ = 0.880');
    expect(byQ(d, 'h').text).toBe('read hₜ = o·tanh cₜ = 0.440');
  });

  it('wires carry their values (c-wires scaled by cRef, the rest by 1)', () => {
    expect(byId(d.edges, 'kept')).toMatchObject({ value: 1.5, ref: 2, paint: 'signed' });
    expect(strokeWidth(byId(d.edges, 'kept').value, byId(d.edges, 'kept').ref)).toBe(8);
    expect(byId(d.edges, 'written')).toMatchObject({ value: -0.125, ref: 1 });
    expect(byId(d.edges, 'o')).toMatchObject({ value: 0.5, paint: 'gate' });
    expect(byId(d.edges, 'flushed').dashed).toBe(true);
  });

  it('on a real record the printed parts add up: c_t = f·c_{t−1} + i·g', () => {
    const r = echoRecord('lstm');
    const s = lstmDiagram(lstmValues(r, 3, 2), 1);
    expect(byQ(s, 'kept').value + byQ(s, 'written').value).toBeCloseTo(byQ(s, 'c').value, 12);
    expect(byQ(s, 'c').value).toBe(r.c[3 * 6 + 2]);
  });
});

describe('GRU diagram', () => {
  it('h_{t−1} → ×z → + → h_t along the top; 1 − z gates the candidate; r scales h_{t−1} into n', () => {
    const r = echoRecord('gru');
    const v = gruValues(r, 4, 3);
    const d = gruDiagram(v);
    expect(byId(d.nodes, 'xz').y).toBe(70);
    expect(byId(d.nodes, 'plus').y).toBe(70);
    expect(byId(d.nodes, 'oneMinus').value).toBeCloseTo(1 - v.z, 15);
    expect(byId(d.edges, 'oneMinusZ').value).toBeCloseTo(1 - v.z, 15);
    expect(byId(d.edges, 'resetH').value).toBe(v.r * v.hPrev);
    expect(byQ(d, 'kept').value + byQ(d, 'written').value).toBeCloseTo(r.h[4 * 6 + 3], 12);
    expect(d.nodes.filter((n) => n.role).map((n) => n.role)).toEqual(['update', 'reset', 'candidate']);
  });
});
