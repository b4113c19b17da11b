import { useEffect } from 'react';
import { useLabActions } from '../state/context';

/** Whether a key event belongs to a control that uses the key itself (typing, choosing, pressing). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // a focused button or link already answers Space/Enter by itself
  return (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && (key === ' ' || key === 'Enter');
}

/** Lecture keys: Space plays or pauses, → takes one training step, r resets. */
export function useKeyboard(): void {
  const a = useLabActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target, e.key)) return;
      if (e.key === ' ') a.togglePlay();
      else if (e.key === 'ArrowRight') a.step();
      else if (e.key === 'r' || e.key === 'R') a.reset();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [a]);
}
