/**
 * The presenter's keys, in the audience window and in the speaker window alike (the clicker sends its keys to
 * whichever has the focus): PageDown/PageUp and →/← move between steps, B or . blanks the audience's screen, F full
 * screen, S the speaker window, Escape leaves presenter mode. Like the lab's keys (useKeyboard.ts) they act only on
 * the page itself: a form field keeps its keys, and a view that uses the arrows (a focused heatmap) stops them first.
 */
import { useEffect, useRef } from 'react';
import { ownsKey } from '../app/useKeyboard';

export type PresenterAction = 'next' | 'prev' | 'blackout' | 'fullscreen' | 'speaker' | 'exit';

type KeyLike = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'defaultPrevented' | 'target'>;

/** The presenter's action for a key press, or null for a key that is not one (or not the page's). */
export function presenterAction(e: KeyLike): PresenterAction | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target)) return null;
  switch (e.key) {
    case 'PageDown':
    case 'ArrowRight':
      return 'next';
    case 'PageUp':
    case 'ArrowLeft':
      return 'prev';
    case 'b':
    case 'B':
    case '.':
      return 'blackout';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 's':
    case 'S':
      return 'speaker';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/**
 * Installs the presenter's keys on the window while `active`. An action without a handler, or whose handler returns
 * false (not now), is left alone: the key keeps its other meaning, if any. A handled key is consumed, so no other
 * listener also acts on it.
 */
export function usePresenterKeys(active: boolean, handlers: Partial<Record<PresenterAction, () => boolean | void>>): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const action = presenterAction(e);
      const run = action && current.current[action];
      if (run && run() !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
