import { useEffect, useState } from 'react';

/** Animation frames a whole path takes to draw (about 2 s at 60 frames per second). */
export const ANIMATION_FRAMES = 120;

/**
 * How many of `total` points to show: from 1 up to `total`, a few more every animation frame, restarting
 * whenever `key` changes (a new result) or `replay` is called. With reduced motion every point shows at once.
 */
export function useStepAnimation(total: number, key: unknown, reduced: boolean): { shown: number; replay: () => void } {
  const [anim, setAnim] = useState({ key, shown: 1 });
  if (anim.key !== key) setAnim({ key, shown: 1 }); // a new result: start again (state derived from a prop)
  const per = Math.max(1, Math.ceil(total / ANIMATION_FRAMES));
  const shown = reduced ? total : Math.min(total, anim.shown);
  useEffect(() => {
    if (reduced || shown >= total) return;
    const id = requestAnimationFrame(() => setAnim((a) => ({ ...a, shown: Math.min(total, a.shown + per) })));
    return () => cancelAnimationFrame(id);
  }, [reduced, shown, total, per]);
  return { shown, replay: () => setAnim({ key, shown: 1 }) };
}
