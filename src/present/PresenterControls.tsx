import { useCallback } from 'react';
import type { Lab, LabActions } from '../state/lab';
import { Blackout } from './Blackout';
import { usePresenter } from './usePresenter';
import type { LessonPlace } from './usePresenter';
import './presenter.css';

/**
 * The header's presenter controls: "Present" on an ordinary page; while presenting, the speaker window, full screen,
 * the blank screen and the way out — each with its key. One per page (the lab's header, a lesson's header): `lab` is
 * the page's own, `actions` what a speaker window may do with it (lab.actions unless the page locks some).
 */
export function PresenterControls({ lab, actions, lesson = null }: { lab: Lab; actions?: LabActions; lesson?: LessonPlace | null }) {
  const p = usePresenter(lab, lesson, actions);
  const { setBlackout } = p;
  const wake = useCallback(() => setBlackout(false), [setBlackout]);
  if (!p.presenting) {
    return (
      <button type="button" className="present-button" onClick={p.enter} title="Present on a projector: larger text and figures, high contrast, clicker keys">
        Present
      </button>
    );
  }
  return (
    <div className="presenter-bar" role="group" aria-label="Presenter">
      <button type="button" onClick={p.openSpeaker} aria-keyshortcuts="s" title="Open the speaker window: notes, next step, clock (S)">
        Speaker view
      </button>
      <button type="button" onClick={p.toggleFullscreen} aria-keyshortcuts="f" title="Full screen on or off (F)">
        Full screen
      </button>
      <button type="button" onClick={() => p.setBlackout(true)} aria-keyshortcuts="b" title="Blank the screen; any key brings it back (B or .)">
        Blank
      </button>
      <button type="button" className="presenter-exit" onClick={p.exit} aria-keyshortcuts="Escape" title="Back to the ordinary page (Escape)">
        Exit presenter mode
      </button>
      <Blackout on={p.blackout} onWake={wake} />
    </div>
  );
}
