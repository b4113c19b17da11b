import { useEffect, useRef, useState } from 'react';
import { ease } from './unroll-layout';

/**
 * A number that glides to `target` over `duration` ms (smoothstep easing, one requestAnimationFrame tick a frame),
 * or jumps there at once when `instant` (prefers-reduced-motion) or where requestAnimationFrame is absent.
 * The state changes only while the glide runs (well under a second), never between glides.
 */
export function useTween(target: number, duration: number, instant: boolean): number {
  const [value, setValue] = useState(target);
  const current = useRef(target);
  useEffect(() => {
    const from = current.current;
    if (from === target) return;
    if (instant || typeof requestAnimationFrame !== 'function') {
      current.current = target;
      setValue(target);
      return;
    }
    const span = duration * Math.abs(target - from);
    let t0: number | null = null;
    let id = requestAnimationFrame(function tick(now) {
      t0 ??= now;
      const u = span > 0 ? (now - t0) / span : 1;
      const v = u >= 1 ? target : from + (target - from) * ease(u);
      current.current = v;
      setValue(v);
      if (u < 1) id = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(id);
  }, [target, duration, instant]);
  return value;
}
