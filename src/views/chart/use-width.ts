import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * The content-box width of the element in `ref`, in CSS pixels, kept current by a ResizeObserver.
 * `fallback` stands until the first measurement, and for good where ResizeObserver is absent (jsdom)
 * or the element has no layout (width 0).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // The observer reports once on observe(), so no synchronous measurement is needed here.
    const ro = new ResizeObserver((entries) => {
      const w = entries[entries.length - 1]?.contentRect.width ?? 0;
      // Whole pixels: sub-pixel jitter while a panel animates must not re-layout the chart each frame.
      if (w > 0) setWidth(Math.floor(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
