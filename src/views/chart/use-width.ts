import { useEffect, useLayoutEffect, useState } from 'react';
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

/** Whether the element's content is wider than its box (it scrolls sideways), kept current as either changes size; `mount` changes when the element is replaced. */
export function useOverflowsX(ref: RefObject<HTMLElement | null>, mount: unknown): boolean {
  const [over, setOver] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setOver(el.scrollWidth > el.clientWidth + 1);
    const ro = new ResizeObserver(check);
    ro.observe(el);
    // the content's own size changes too (a wider diagram): watch the first child as well
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    check();
    return () => ro.disconnect();
  }, [ref, mount]);
  return over;
}
