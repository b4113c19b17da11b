import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Whether the element is within (or near) the viewport; always true where IntersectionObserver is missing (jsdom, old browsers). */
export function useOnScreen(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [on, setOn] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver !== 'function') return;
    const io = new IntersectionObserver((entries) => setOn(entries[entries.length - 1].isIntersecting), { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, margin]);
  return on;
}

/** `value` while `live`, else the last value seen while live (so off-screen work can wait until it is seen). */
export function useHeld<T>(value: T, live: boolean): T {
  const [held, setHeld] = useState(value);
  // adjusting state while rendering (React's documented pattern for state derived from props)
  if (live && held !== value) setHeld(value);
  return live ? value : held;
}
