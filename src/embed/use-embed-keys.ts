import { useEffect } from 'react';
import { ownsKey } from '../app/useKeyboard';
import type { LabActions } from '../state/lab';
import { deckMethod } from './deck-keys';
import type { Guest } from './guest';

/**
 * The embed's keys: Space or k plays or pauses, → takes a step, r resets — the lab's own keys, on the embed's
 * window. Inside an iframe that window hears keys only while the focus is in the embed, so the host page (a
 * slide deck's arrows and clicker keys) keeps every key pressed outside it; on a reveal.js deck, a clicker's keys
 * pressed inside it go back to the deck (deck-keys.ts). `actions` is the reader's lab: a scenario that locks
 * playback refuses the keys as it refuses the buttons.
 */
export function useEmbedKeys(actions: LabActions | null, guest: Pick<Guest, 'toDeck'>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target)) return;
      const method = deckMethod(e.key);
      if (method !== null && guest.toDeck(method)) {
        e.preventDefault();
        return;
      }
      if (!actions) return;
      if (e.key === ' ' || e.key === 'k' || e.key === 'K') actions.togglePlay();
      else if (e.key === 'ArrowRight') actions.step();
      else if (e.key === 'r' || e.key === 'R') actions.reset();
      else return;
      // a focused button must not also be pressed by the Space that played or paused
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, guest]);
}
