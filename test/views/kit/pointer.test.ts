import { describe, expect, it } from 'vitest';
import { pointIn, zoomOf } from '../../../src/views/kit/pointer';

/** An element at (100, 50) on the page, 300 page pixels wide, under a CSS zoom of `zoom` (or none). */
function element(zoom?: number): Element {
  const el = document.createElement('div');
  el.getBoundingClientRect = () => ({ left: 100, top: 50, right: 400, bottom: 200, width: 300, height: 150, x: 100, y: 50, toJSON: () => ({}) });
  if (zoom !== undefined) Object.defineProperty(el, 'currentCSSZoom', { value: zoom });
  return el;
}

describe('a pointer in an element’s own pixels', () => {
  it('is the offset from its corner without zoom (and where the browser has no currentCSSZoom)', () => {
    expect(pointIn({ clientX: 160, clientY: 80 }, element())).toEqual({ x: 60, y: 30 });
    expect(pointIn({ clientX: 160, clientY: 80 }, element(1))).toEqual({ x: 60, y: 30 });
  });

  it('is divided by the zoom: 1.5 page pixels are one of the figure’s', () => {
    expect(pointIn({ clientX: 160, clientY: 80 }, element(1.5))).toEqual({ x: 40, y: 20 });
    expect(pointIn({ clientX: 400, clientY: 200 }, element(1.5))).toEqual({ x: 200, y: 100 });
  });

  it('ignores a zoom that is not a positive number', () => {
    for (const z of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) expect(zoomOf(element(z))).toBe(1);
  });
});
