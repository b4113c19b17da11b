import type { LabStore, LabState } from './store';

/** A view of a store that can be paused: while paused it reports the state it had and notifies nobody. */
export interface GatedStore extends LabStore {
  /** open = pass changes through; closed = freeze (on reopening, listeners hear about what they missed) */
  setOpen(open: boolean): void;
}

/**
 * Wraps a widget's store so that a panel scrolled out of view stops re-rendering on every committed frame:
 * at full speed a frame arrives 60 times a second and would otherwise re-render every view on the page.
 * Writes (setState) always go to the real store; only reads and notifications are gated.
 */
export function gateStore(store: LabStore): GatedStore {
  let open = true;
  let frozen: LabState = store.getState();
  const listeners = new Set<(s: LabState, prev: LabState) => void>();
  // subscribed to the real store only while someone listens, so an unmounted panel leaves nothing behind
  let unsubscribe: (() => void) | null = null;
  return {
    ...store,
    getState: () => (open ? store.getState() : frozen),
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe((s, prev) => {
        if (open) listeners.forEach((l) => l(s, prev));
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
    setOpen(next) {
      if (next === open) return;
      if (!next) frozen = store.getState();
      open = next;
      if (next) {
        const s = store.getState();
        if (s !== frozen) listeners.forEach((l) => l(s, frozen));
      }
    },
  };
}
