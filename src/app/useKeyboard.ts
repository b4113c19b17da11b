import { useEffect } from 'react';
import { useLabActions } from '../state/context';

/**
 * The page's keys, one rule for all (as video players do): Space or k plays or pauses wherever the focus is —
 * after clicking "Show as table" too — except while typing or choosing in a form field, which keeps its keys.
 * Enter still presses a focused button. → takes one step, r resets, ? lists the keys. `presenting` keys act only in
 * presenter mode (src/present/presenter-keys.ts); there → and ← belong to the clicker, like PageDown and PageUp.
 */
export const KEYS: readonly { keys: string[]; does: string; presenting?: true }[] = [
  { keys: ['Space', 'k'], does: 'play or pause (also when a button has the focus; Enter presses the button)' },
  { keys: ['→'], does: 'one training step' },
  { keys: ['r'], does: "reset to step 0 and the seed's initial weights" },
  { keys: ['PageDown', 'PageUp'], does: 'in a lesson: the next or previous step (what a presenter’s clicker sends)' },
  { keys: ['?'], does: 'show or hide this list of keys' },
  { keys: ['Tab', 'Shift+Tab'], does: 'move between controls' },
  { keys: ['←', '→', '↑', '↓'], does: 'on a focused heatmap: move the selected step and unit' },
  { keys: ['PageDown', '→'], does: 'in a lesson: the next step; in the lab: one training step', presenting: true },
  { keys: ['PageUp', '←'], does: 'in a lesson: the previous step; in the lab: nothing (a run cannot go back; r resets it)', presenting: true },
  { keys: ['b', '.'], does: 'blank the screen (black); any key or a click brings it back, the run keeps its state', presenting: true },
  { keys: ['f'], does: 'full screen on or off', presenting: true },
  { keys: ['s'], does: 'open the speaker window: notes, the next step, a clock, the same controls', presenting: true },
  { keys: ['Escape'], does: 'leave presenter mode (in full screen it leaves full screen first)', presenting: true },
];

/** Whether a key event belongs to a form field that uses the key itself (typing text or numbers, choosing, ticking). */
export function ownsKey(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Installs the page's keys on the window; `onHelp` toggles the key list. While `presenting`, → is the presenter's (the next lesson step). */
export function useKeyboard(onHelp: () => void, presenting = false): void {
  const a = useLabActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target)) return;
      if (e.key === ' ' || e.key === 'k' || e.key === 'K') a.togglePlay();
      else if (e.key === 'ArrowRight' && !presenting) a.step();
      else if (e.key === 'r' || e.key === 'R') a.reset();
      else if (e.key === '?') onHelp();
      else return;
      // a focused button must not also be pressed by the Space that played or paused
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [a, onHelp, presenting]);
}
