/**
 * Presenter mode in the audience window: the `data-present` attribute on the root (presenter.css enlarges the
 * content, not the controls, in a high-contrast theme), the blank screen, full screen, the speaker window, the keys,
 * and — while presenting — the relay that lets speaker windows mirror this page's lab (owner-relay.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lab, LabActions } from '../state/lab';
import type { Control } from './channel-messages';
import type { OwnerRelay } from './owner-relay';
import { presentationId, setPresent, speakerUrl, usePresenting } from './present-flag';
import { usePresenterKeys } from './presenter-keys';

/** The lesson a page shows, for the steps: null in the lab. */
export interface LessonPlace {
  id: string;
  /** 0-based */
  step: number;
  count: number;
  go: (step: number) => void;
}

export interface Presenter {
  presenting: boolean;
  enter(): void;
  exit(): void;
  blackout: boolean;
  setBlackout(on: boolean): void;
  toggleFullscreen(): void;
  openSpeaker(): void;
}

/** Fullscreen, or a notice saying why not: a refused request (headless, a policy, no user gesture) is no error. */
function toggleFullscreen(notify: (text: string) => void): void {
  if (document.fullscreenElement) {
    void document.exitFullscreen?.().catch(() => {});
    return;
  }
  const root = document.documentElement;
  if (typeof root.requestFullscreen !== 'function') {
    notify('This browser does not let a page go full screen; its own full-screen key (often F11) still does.');
    return;
  }
  root.requestFullscreen().catch(() => notify('The browser did not go full screen. Press F again, or use its own full-screen key (often F11).'));
}

/** `lab`: the page's own lab (the relay listens to its worker); `actions`: what the speaker window's requests may do (the
 * page's, a scenario's locks included). */
export function usePresenter(lab: Lab | null, lesson: LessonPlace | null, actions?: LabActions): Presenter {
  const presenting = usePresenting();
  const [blackout, setBlackout] = useState(false);
  const notify = useCallback((text: string) => lab?.actions.notify('info', text), [lab]);

  useEffect(() => {
    if (!presenting) return;
    const root = document.documentElement;
    root.dataset.present = 'true';
    return () => {
      delete root.dataset.present;
      setBlackout(false);
    };
  }, [presenting]);

  // the lab's views fold their own settings away while presenting, as a lesson's do (the drawer still has them all)
  const inLab = lesson === null;
  useEffect(() => {
    if (!presenting || !inLab || !lab) return;
    const before = lab.store.getState().ui.viewKnobs;
    lab.actions.setUi({ viewKnobs: false });
    return () => lab.actions.setUi({ viewKnobs: before });
  }, [presenting, lab, inLab]);

  // what the relay reads when a speaker window asks, and what a speaker window's request does here
  const place = { lesson: lesson?.id ?? null, step: lesson?.step ?? 0, blackout };
  const shown = useRef(place);
  const onControl = useRef<(c: Control) => void>(() => {});
  const relay = useRef<OwnerRelay | null>(null);
  const hands = useRef(actions);
  useEffect(() => {
    shown.current = place;
    hands.current = actions;
    onControl.current = (c) => {
      if (c.type === 'blackout') setBlackout(c.on);
      else if (lesson && c.step < lesson.count) lesson.go(c.step);
    };
    relay.current?.announce();
  });
  useEffect(() => {
    if (!presenting || !lab) return;
    // the channel and the relay (message parsers, the lab's state for the mirrors) load when the page presents, not
    // with every page; a speaker window waits for the relay's 'owner' message anyway
    let ended = false;
    let close = () => {};
    void Promise.all([import('./channel'), import('./owner-relay')]).then(
      ([{ openChannel }, { createOwnerRelay }]) => {
        if (ended) return;
        const channel = openChannel(presentationId());
        if (!channel) return;
        relay.current = createOwnerRelay(lab, channel, { state: () => shown.current, onControl: (c) => onControl.current(c), actions: () => hands.current ?? lab.actions });
        close = () => {
          relay.current?.dispose();
          relay.current = null;
          channel.close();
        };
      },
      () => ended || lab.actions.notify('warning', 'The speaker window cannot follow this page: its code did not load. Reload the page to try again.'),
    );
    return () => {
      ended = true;
      close();
    };
  }, [presenting, lab]);

  const openSpeaker = useCallback(() => {
    const url = speakerUrl(presentationId());
    const w = window.open(url, `unrolled-speaker-${presentationId()}`, 'popup,width=1024,height=720');
    if (w) w.focus();
    else notify(`The browser blocked the speaker window. Allow pop-ups for this site, or open this link in another window: ${url}`);
  }, [notify]);
  const fullscreen = useCallback(() => toggleFullscreen(notify), [notify]);
  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
    setPresent(false);
  }, []);

  usePresenterKeys(presenting, {
    next: lesson ? () => lesson.go(lesson.step + 1) : () => (actions ?? lab?.actions)?.step(),
    // a run cannot go back a step: ← does nothing in the lab
    prev: lesson ? () => lesson.go(lesson.step - 1) : undefined,
    blackout: () => setBlackout((b) => !b),
    fullscreen,
    speaker: openSpeaker,
    // in full screen Escape is the browser's (it leaves full screen); in a dialog it closes the dialog
    exit: () => (document.fullscreenElement || document.querySelector('dialog[open]') ? false : exit()),
  });

  return { presenting, enter: () => setPresent(true), exit, blackout, setBlackout, toggleFullscreen: fullscreen, openSpeaker };
}
