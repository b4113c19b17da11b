import type { LessonStep } from '../lessons/types';
import type { Lab } from '../state/lab';
import { fromHash } from '../state/url';

/** Puts the lab in the step's scenario: its config, views, speed and highlight; playing only if the scenario says so. */
export function enterStep(lab: Lab, step: LessonStep): void {
  const { config, ui } = fromHash(`#${step.scenario}`);
  const a = lab.actions;
  a.pause();
  a.setUi({ views: step.views, logScale: ui.logScale, viewKnobs: false });
  a.setSpeed(ui.speed);
  a.configure(config);
  // the first evaluation sequence, scored at its last step: what the step's claims were tested on (a τ picked in the
  // flow view on an earlier step would otherwise carry over and change every gradient number this step shows)
  a.select({ highlight: step.highlight ?? null, t: null, sample: 0, tau: null });
  if (ui.autoplay) a.play();
}
