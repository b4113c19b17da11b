import { lessonSurfaceRequest } from '../lessons/surface-request';
import type { LessonStep } from '../lessons/types';
import type { Lab } from '../state/lab';
import { fromHash } from '../state/url';

/** Puts the lab in the step's scenario: its config, views, speed, highlight and error surface; playing only if the scenario says so. */
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
  // the error surface as the step's text describes it (a step without `surface`: the view's first request, undoing
  // what the student set before); asked for only where it is shown, as computing one costs the worker a quarter second
  if (step.views.includes('surface')) a.requestSurface(lessonSurfaceRequest(step.surface));
  if (ui.autoplay) a.play();
}
