/**
 * Entering a lesson step puts the views back on what the step's claims were tested on: the first evaluation sequence,
 * scored at its last step. A τ picked in the flow view on an earlier step would otherwise carry over, and every
 * gradient number the new step shows (and its Predict measures) would be of another step than the text's.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import { enterStep } from '../../src/course/enter-step';
import type { LessonStep } from '../../src/lessons/types';
import type { Lab, LabActions } from '../../src/state/lab';
import { createLabStore } from '../../src/state/store';
import type { Selection } from '../../src/state/store';

const STEP: LessonStep = {
  title: 'A step',
  scenario: 'task=echo&lag=2&cell=rnn&speed=20&play=0',
  views: ['flow'],
  highlight: 'dh',
  text: ['Text.'],
  alt: 'A view.',
  notes: 'Notes.',
};

describe('enterStep', () => {
  it('sets the selection back to sample 0, the last scored step and no timestep, and lights the step’s element', () => {
    const store = createLabStore(defaultConfig(), { speed: 10, views: ['curve'], autoplay: false, logScale: false });
    store.setState((s) => ({ selection: { ...s.selection, sample: 3, tau: 7, t: 4, unit: 2 } }));
    const selects: Partial<Selection>[] = [];
    const actions = {
      pause: () => {},
      setUi: () => {},
      setSpeed: () => {},
      configure: () => true,
      play: () => {},
      select: (patch: Partial<Selection>) => {
        selects.push(patch);
        store.setState((s) => ({ selection: { ...s.selection, ...patch } }));
      },
    } as unknown as LabActions;
    enterStep({ store, actions } as unknown as Lab, STEP);
    expect(store.getState().selection).toEqual({ sample: 0, tau: null, t: null, unit: 2, highlight: 'dh' });
    expect(selects).toHaveLength(1);
  });
});
