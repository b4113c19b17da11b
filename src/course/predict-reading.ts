import { readQuantity } from '../lessons/quantities';
import type { QuantityId, RunSnapshot } from '../lessons/quantities';
import type { LabState } from '../state/store';

/** A Predict's measurement: the value, and the training step of the weights it was measured on. */
export interface Reading {
  value: number;
  step: number;
}

/**
 * The quantity as the committed frame itself carries it, at the frame's step; null when this frame does not carry
 * it. Unlike the store's `metric` and `spectral`, which keep the latest ones computed (the worker evaluates every few
 * hundred ms, so they may be from steps before the frame's), only the parts computed for this frame count: a metric
 * of this step, this frame's spectra, its inspected sequence, the loss of its last training step. So a reading is
 * always of the step it names — the step a lesson's claim is tested at, when it is the Predict's `after`.
 */
export function frameReading(quantity: QuantityId, s: LabState): Reading | null {
  const f = s.frame;
  if (!f) return null;
  const snapshot: RunSnapshot = {
    step: f.step,
    loss: lossAt(s),
    metric: f.metric && f.metric.step === f.step ? f.metric.value : null,
    record: f.record,
    spectral: f.spectral,
    // the error surface is not part of the run: whatever the surface view computed last
    surface: s.surface,
  };
  const value = readQuantity(quantity, snapshot);
  return value === null ? null : { value, step: f.step };
}

/** The training loss of the committed frame's step (the last step it trained), or null when the page no longer holds it apart. */
function lossAt(s: LabState): number | null {
  const f = s.frame!;
  if (f.step === 0) return null;
  const chunk = f.history;
  const n = chunk.step.length;
  if (n > 0 && chunk.step[n - 1] === f.step) return chunk.loss[n - 1];
  // a frame that trained no step (a pause, or a jump to where the run already was): the store's history, if its last
  // point is that one step alone (a long run's points average several steps)
  const h = s.history;
  return h.stride === 1 && h.length > 0 && h.step[h.length - 1] === f.step ? h.loss[h.length - 1] : null;
}

/**
 * How many steps short of `after` a Predict stops watching the run play and has the worker train the rest at once
 * (trainTo), so that its frame lands exactly on `after` with everything measured there: about a quarter of a second
 * of the lab's speed, ahead of the worker's lead over the page (a frame or two). At full speed (0) there is little to
 * watch and the worker may run far ahead: at once. A run that got past `after` anyway is trained again from its seed
 * by the trainTo, so this only decides what the student sees, never what is measured.
 */
export function handoverLead(stepsPerSecond: number): number {
  return stepsPerSecond > 0 ? Math.ceil(stepsPerSecond / 4) + 1 : Number.POSITIVE_INFINITY;
}
