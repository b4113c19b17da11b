import { useMemo } from 'react';
import type { Lab, LabActions } from './lab';
import { CONTROL_NAMES, isLocked, lockedChanges, lockedMessage } from './scenario';
import type { Scenario } from './scenario';

/**
 * The lab as the student may drive it under a scenario: the same store and client, with actions that refuse what
 * the scenario locks (a notice says so) and pass everything else through.
 *
 * Why here, one wrapper at the providers, rather than a check in each button and key handler: every control reads
 * the lab through `useLabActions()` — the playback buttons, the speed select, the view picker, the settings, the
 * keys (useKeyboard), any view — so handing the providers this lab refuses them all the same way, with one message,
 * including callers written later. Disabling a button is only a hint on top. createLab has no notion of playback or
 * views to hook into; for the run's settings it does (its precheck, `lockPrecheck`), and the lab page passes one as
 * well, so a configure that reaches the raw lab is refused too. The page's own set-up — training to `at=`, a
 * lesson putting the lab in a step's scenario — holds the raw lab: the scenario constrains the student, not its page.
 */
export function lockedLab(lab: Lab, scenario: Scenario): Lab {
  const raw = lab.actions;
  const refuse = (what: string) => raw.notify('warning', `${what} is locked by this page.`);
  const playback = isLocked(scenario, 'playback');
  const guard = (f: () => void) => () => (playback ? refuse('Playback') : f());
  const actions: LabActions = {
    ...raw,
    play: guard(raw.play),
    pause: guard(raw.pause),
    togglePlay: guard(raw.togglePlay),
    step: guard(raw.step),
    reset: guard(raw.reset),
    setSpeed: (v) => {
      if (isLocked(scenario, 'speed') && v !== lab.store.getState().ui.speed) refuse(CONTROL_NAMES.speed);
      else raw.setSpeed(v);
    },
    setUi: (patch) => {
      const { views, ...rest } = patch;
      const now = lab.store.getState().ui.views;
      if (views !== undefined && isLocked(scenario, 'views') && views.join(',') !== now.join(',')) {
        refuse(CONTROL_NAMES.views);
        raw.setUi(rest);
      } else raw.setUi(patch);
    },
    configure: (config) => {
      // against the run's current settings: a lesson moves its lab between steps, so there is no fixed base here
      const now = lab.store.getState().config;
      const changed = lockedChanges(scenario, now, config);
      if (changed.length === 0) return raw.configure(config);
      raw.notify('warning', lockedMessage(now, changed));
      return false;
    },
    importRun: async (text) => {
      // an opened run brings its own settings: refused when the page locks opening runs, or when they differ in a locked one
      if (isLocked(scenario, 'runFile')) {
        refuse(CONTROL_NAMES.runFile);
        return false;
      }
      // the reader brings the engine: loaded when a run is opened (the raw lab's importRun says if it cannot be)
      const read = await import('./run-file-read').then((m) => m.decodeRunFile(text), () => null);
      if (!read) return raw.importRun(text);
      const now = lab.store.getState().config;
      const changed = read.ok ? lockedChanges(scenario, now, read.file.snapshot.config) : [];
      if (changed.length === 0) return raw.importRun(text);
      raw.notify('warning', lockedMessage(now, changed));
      return false;
    },
    trainTo: (step) => {
      if (!isLocked(scenario, 'trainTo')) return raw.trainTo(step);
      refuse(CONTROL_NAMES.trainTo);
      return false;
    },
  };
  return { ...lab, actions };
}

/** The locked lab for the providers, made once per lab and scenario (the actions must stay stable for the hooks that depend on them). */
export function useLockedLab(lab: Lab | null, scenario: Scenario): Lab | null {
  return useMemo(() => (lab ? lockedLab(lab, scenario) : null), [lab, scenario]);
}

/**
 * Trains the page's lab to the scenario's `at=` step as it opens (the run is seeded, so it is always the same state
 * there). The raw lab's trainTo: this is the page's own set-up, not the student's hand on a locked control.
 */
export function startAt(lab: Lab, at: number | null): void {
  if (at !== null) lab.actions.trainTo(at);
}
