import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { Guest } from './guest';

/**
 * Watches the embed's root for the guest: its height (every change goes to the host, which sizes the iframe) and
 * whether it is on screen (training pauses off screen). Inside an iframe an IntersectionObserver without a root
 * measures against the top page's viewport, so scrolling the host page or changing its slide counts. Returns
 * whether the embed has been on screen yet: the lab starts then. Without IntersectionObserver, it counts as seen.
 */
export function useGuestObservers(root: RefObject<HTMLElement | null>, guest: Guest): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const observers: { disconnect(): void }[] = [];
    if (typeof ResizeObserver !== 'undefined') {
      const ro = new ResizeObserver(() => guest.resized(el.getBoundingClientRect().height));
      ro.observe(el);
      observers.push(ro);
    }
    if (typeof IntersectionObserver !== 'undefined') {
      const io = new IntersectionObserver((entries) => {
        const on = entries[entries.length - 1].isIntersecting;
        guest.setOnScreen(on);
        if (on) setSeen(true);
      });
      io.observe(el);
      observers.push(io);
    }
    guest.resized(el.getBoundingClientRect().height);
    return () => observers.forEach((o) => o.disconnect());
  }, [root, guest]);
  return seen;
}
