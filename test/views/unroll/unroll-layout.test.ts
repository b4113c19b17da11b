import { describe, expect, it } from 'vitest';
import {
  arrowHead,
  arrowWidth,
  columnOpacity,
  columnWidth,
  ease,
  layoutRows,
  layoutUnroll,
  legendNorms,
  lerpX,
  linkBetween,
  logPosition,
  normRange,
  selfLoopPath,
  spreadColumn,
  stripHeight,
  visibleWindow,
  windowCapacity,
} from '../../../src/views/unroll/unroll-layout';

describe('unroll layout: columns and the visible window', () => {
  it('sizes a column for its longest label: 8 px a character + 16, within [56, 88]', () => {
    expect(columnWidth(1)).toBe(56);
    expect(columnWidth(6)).toBe(64);
    expect(columnWidth(8)).toBe(80);
    expect(columnWidth(20)).toBe(88);
  });

  it('fits as many columns as the width allows beside the label column and right pad, 3 to 16', () => {
    expect(windowCapacity(960, 56)).toBe(15); // (960 − 64 − 40) / 56 = 15.3
    expect(windowCapacity(340, 56)).toBe(4); // a phone: (340 − 104) / 56 = 4.2
    expect(windowCapacity(3000, 56)).toBe(16);
    expect(windowCapacity(100, 56)).toBe(3);
  });

  it('shows every step when they fit, else a window with the selected step two thirds along', () => {
    expect(visibleWindow(11, 5, 15)).toEqual({ start: 0, end: 11 });
    expect(visibleWindow(41, 20, 16)).toEqual({ start: 10, end: 26 }); // 20 − ⌊32/3⌋
    expect(visibleWindow(41, 3, 16)).toEqual({ start: 0, end: 16 });
    expect(visibleWindow(41, 40, 16)).toEqual({ start: 25, end: 41 });
    expect(visibleWindow(50, 49, 4)).toEqual({ start: 46, end: 50 });
  });

  it('gives the hidden strip 6 px a unit, between 48 and 112 px', () => {
    expect(stripHeight(1)).toBe(48);
    expect(stripHeight(16)).toBe(96);
    expect(stripHeight(128)).toBe(112);
    const rows = layoutRows(8);
    expect(rows).toMatchObject({ yTop: 64, yH: 28, hTop: 118, stripH: 48, cellH: 6, xTop: 192, xH: 28, tY: 238, height: 246 });
    expect(rows.fwdY).toBeCloseTo(132.4, 10);
    expect(rows.bwdY).toBeCloseTo(152.56, 10);
  });

  it('spreads a short sequence over the width (up to 84 px a column), never below the labels\' width', () => {
    expect(spreadColumn(960, 56, 11)).toBe(76); // (960 − 48) / 12
    expect(spreadColumn(3000, 56, 11)).toBe(84);
    expect(spreadColumn(3000, 88, 11)).toBe(88);
    expect(spreadColumn(300, 56, 11)).toBe(56);
  });

  it('places unrolled centres one column apart and the folded centre in the middle of the chain', () => {
    const g = layoutUnroll({ T: 11, H: 8, t: 10, width: 960, maxChars: 1 });
    expect(g.colW).toBe(76);
    expect([g.start, g.end]).toEqual([0, 11]);
    expect(g.left).toBe(84);
    expect(g.xs).toEqual(Array.from({ length: 11 }, (_, i) => 122 + 76 * i));
    expect(g.initX).toBe(46);
    expect(g.foldedX).toBe(502); // (122 + 882) / 2
    expect(g.width).toBe(84 + 11 * 76 + 40);
    const long = layoutUnroll({ T: 41, H: 16, t: 40, width: 960, maxChars: 1 });
    expect([long.start, long.end, long.xs.length, long.colW]).toEqual([26, 41, 15, 57]);
    const phone = layoutUnroll({ T: 41, H: 16, t: 12, width: 340, maxChars: 1 });
    expect([phone.start, phone.end, phone.colW]).toEqual([10, 14, 58]);
    expect(phone.width).toBe(66 + 4 * 58 + 40);
    expect(phone.width).toBeLessThanOrEqual(340);
  });
});

describe('unroll layout: folding and unrolling', () => {
  it('interpolates a centre linearly between folded (p = 0) and unrolled (p = 1), clamping p', () => {
    expect(lerpX(372, 92, 0)).toBe(372);
    expect(lerpX(372, 92, 1)).toBe(92);
    expect(lerpX(372, 92, 0.25)).toBe(302);
    expect(lerpX(372, 92, 1.5)).toBe(92);
    expect(lerpX(372, 92, -1)).toBe(372);
  });

  it('keeps the folded step opaque and fades the copies in with p', () => {
    expect(columnOpacity(true, 0)).toBe(1);
    expect(columnOpacity(false, 0)).toBe(0);
    expect(columnOpacity(false, 0.4)).toBe(0.4);
  });

  it('eases with smoothstep 3u² − 2u³', () => {
    expect(ease(0)).toBe(0);
    expect(ease(0.25)).toBeCloseTo(0.15625, 12);
    expect(ease(0.5)).toBe(0.5);
    expect(ease(1)).toBe(1);
    expect(ease(2)).toBe(1);
  });

  it('links neighbouring h nodes edge to edge, and not at all when they overlap (mid-fold)', () => {
    expect(linkBetween(92, 148)).toEqual({ x1: 106, x2: 134 });
    expect(linkBetween(100, 130)).toBeNull(); // 130 − 14 − 114 = 2 < 8
  });

  it('draws arrowheads as triangles pointing along the direction, larger for wider lines', () => {
    expect(arrowHead(10, 0, 1, 0, 2)).toBe('M10,0L4.6,3.5L4.6,-3.5Z');
    expect(arrowHead(0, 10, 0, -1, 2)).toBe('M0,10L3.5,15.4L-3.5,15.4Z');
    expect(arrowHead(0, 0, -1, 0, 12)).toBe('M0,0L12.4,-8.5L12.4,8.5Z');
  });

  it('draws the self-loop out of the folded h node and back', () => {
    const rows = layoutRows(8);
    expect(selfLoopPath(372, rows)).toBe('M385,130C431,106 431,178 391,154');
  });
});

describe('unroll layout: backward arrow widths from ‖dh_t‖', () => {
  it('spans the positive norms, at most 6 decades', () => {
    expect(normRange([0, 1e-9, 0.01, 1])).toEqual({ lo: 1e-6, hi: 1 });
    expect(normRange([0.2, 0.05, 0.1])).toEqual({ lo: 0.05, hi: 0.2 });
    expect(normRange([0, 0])).toBeNull();
    expect(normRange([0.5])).toEqual({ lo: 0.5, hi: 0.5 });
  });

  it('maps a norm to 2 + 10·log(n/lo)/log(hi/lo) px, 0 for no error', () => {
    const r = { lo: 1e-6, hi: 1 };
    expect(logPosition(0.01, r)).toBeCloseTo(4 / 6, 12);
    expect(arrowWidth(0.01, r)).toBeCloseTo(2 + 10 * (4 / 6), 12);
    expect(arrowWidth(1, r)).toBe(12);
    expect(arrowWidth(1e-6, r)).toBe(2);
    expect(arrowWidth(1e-9, r)).toBe(2);
    expect(arrowWidth(0, r)).toBe(0);
    expect(arrowWidth(Number.NaN, r)).toBe(0);
    expect(arrowWidth(0.3, null)).toBe(0);
    expect(arrowWidth(0.5, { lo: 0.5, hi: 0.5 })).toBe(7);
  });

  it('offers the smallest, geometric middle and largest norm for the legend', () => {
    const [a, b, c] = legendNorms({ lo: 1e-4, hi: 1 });
    expect(a).toBe(1e-4);
    expect(b).toBeCloseTo(1e-2, 15);
    expect(c).toBe(1);
    expect(legendNorms({ lo: 0.3, hi: 0.3 })).toEqual([0.3]);
  });
});
