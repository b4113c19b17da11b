import { useEffect } from 'react';
import { createPortal } from 'react-dom';

/** Keys that are only held with others: pressing Shift is not a request to see the screen again. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph', 'Fn']);

/**
 * The blank screen (B or . while presenting): black over everything, for when the room should look at the speaker.
 * Any key or a click brings the page back — that key does nothing else (a Space does not also play) — and the run
 * keeps its state underneath.
 */
export function Blackout({ on, onWake }: { on: boolean; onWake: () => void }) {
  useEffect(() => {
    if (!on) return;
    const wake = (e: KeyboardEvent) => {
      if (MODIFIERS.has(e.key)) return;
      // caught on the way down, before the page's own keys hear it
      e.preventDefault();
      e.stopPropagation();
      onWake();
    };
    window.addEventListener('keydown', wake, true);
    return () => window.removeEventListener('keydown', wake, true);
  }, [on, onWake]);
  if (!on) return null;
  return createPortal(
    <div className="blackout" data-testid="blackout" onClick={onWake}>
      <p className="visually-hidden" role="status">
        The screen is blank. Press any key or click to show it again.
      </p>
    </div>,
    document.body,
  );
}
