// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { backingScale, useBackingScaleKey } from '../../src/views/kit/canvas-scale';

const withZoom = (zoom: unknown) => Object.assign(document.createElement('canvas'), { currentCSSZoom: zoom });
const setRatio = (r: unknown) => Object.defineProperty(window, 'devicePixelRatio', { value: r, configurable: true });

describe('a canvas backing scale', () => {
  afterEach(() => setRatio(1));

  it('is the screen ratio times the CSS zoom, capped at 4, and sane for garbage', () => {
    setRatio(2);
    expect(backingScale(withZoom(1.35))).toBeCloseTo(2.7, 12);
    expect(backingScale(withZoom(undefined))).toBe(2);
    expect(backingScale(withZoom(3))).toBe(4);
    setRatio(NaN);
    expect(backingScale(withZoom(1.2))).toBeCloseTo(1.2, 12);
    setRatio(1);
    expect(backingScale(withZoom(-2))).toBe(1);
    expect(backingScale(withZoom(Infinity))).toBe(1);
  });

  it('changes its key when presenter mode toggles or the window resizes, and stops listening when unmounted', async () => {
    const { result, unmount } = renderHook(() => useBackingScaleKey());
    const k0 = result.current;
    await act(async () => {
      document.documentElement.dataset.present = 'true';
      await Promise.resolve(); // MutationObserver callbacks run as a microtask
    });
    expect(result.current).toBeGreaterThan(k0);
    const k1 = result.current;
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
    expect(result.current).toBeGreaterThan(k1);
    unmount();
    delete document.documentElement.dataset.present;
  });
});
