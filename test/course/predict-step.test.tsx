/**
 * A Predict answers with the quantity measured at (or after) the step it names, never with an older evaluation: a
 * fake lab whose store the test drives frame by frame, as the worker and createLab would, with metrics and spectra
 * at steps before and after `after`.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import type { InspectRecord, SpectralInfo } from '../../src/engine/session';
import type { TaskMetric } from '../../src/engine/tasks/task';
import { PredictBox } from '../../src/course/PredictBox';
import type { Predict } from '../../src/lessons/types';
import { LabProvider } from '../../src/state/context';
import type { Lab, LabActions } from '../../src/state/lab';
import { createLabStore } from '../../src/state/store';
import type { Selection } from '../../src/state/store';
import type { Frame } from '../../src/worker/protocol';

const PREDICT: Predict = {
  kind: 'predict',
  question: 'after 400 steps, how many does it get right?',
  quantity: 'metric',
  after: 400,
  choices: [
    { label: 'Under half', range: [0, 0.5] },
    { label: 'Half or more', range: [0.5, Number.POSITIVE_INFINITY] },
  ],
  explain: 'Because.',
};

const metricOf = (value: number): TaskMetric => ({ name: 'exact match', value, baseline: 0.005, higherIsBetter: true }) as TaskMetric;

/** A lab with no worker: its actions change the store as createLab's do and are logged; frames are the test's. */
function fakeLab(speed: number) {
  const store = createLabStore(defaultConfig(), { speed, views: ['curve'], autoplay: false, logScale: false });
  store.setState({ status: 'ready' });
  const calls: string[] = [];
  const sent = () => store.setState((s) => ({ sent: s.sent + 1 }));
  const actions = {
    play: () => {
      calls.push('play');
      store.setState({ playing: true, jumping: null });
      sent();
    },
    pause: () => {
      calls.push('pause');
      store.setState({ playing: false, jumping: null });
      sent();
    },
    trainTo: (step: number) => {
      calls.push(`trainTo ${step}`);
      store.setState((s) => ({ playing: false, jumping: { to: step, step: s.step } }));
      sent();
      return true;
    },
    // as createLab's: a changed sample or τ is an inspect command to the worker
    select: (patch: Partial<Selection>) => {
      const before = store.getState().selection;
      const selection = { ...before, ...patch };
      store.setState({ selection });
      if (selection.sample !== before.sample || selection.tau !== before.tau) {
        calls.push(`inspect ${selection.sample} ${selection.tau}`);
        sent();
      }
    },
    notify: () => {},
  } as unknown as LabActions;
  const lab = { store, actions, client: null, onCommand: () => () => {}, dispose: () => {} } as unknown as Lab;
  let frameId = 0;
  /** commits a frame as createLab does: the store's metric and spectral keep the latest ones any frame brought */
  const frame = (f: { step: number; handled: number; playing: boolean; metric?: number; spectral?: SpectralInfo[] }) =>
    act(() => {
      const s = store.getState();
      const fr: Frame = {
        frameId: ++frameId,
        step: f.step,
        playing: f.playing,
        handled: f.handled,
        stepsPerSecond: 0,
        history: { step: new Float64Array(0), loss: new Float64Array(0), gradNorm: new Float64Array(0), gradNormClipped: new Float64Array(0), clipped: new Uint8Array(0) },
        metric: f.metric === undefined ? null : { step: f.step, value: metricOf(f.metric) },
        record: {} as InspectRecord,
        spectral: f.spectral ?? null,
        output: null,
      };
      store.setState({ frame: fr, step: fr.step, playing: fr.playing, metric: fr.metric ? fr.metric.value : s.metric, spectral: fr.spectral ?? s.spectral });
      if (s.jumping && fr.handled >= s.sent) store.setState({ jumping: null });
    });
  return { lab, store, calls, frame };
}

function commit(lab: Lab, predict: Predict, choice: string) {
  render(
    <LabProvider lab={lab}>
      <PredictBox predict={predict} />
    </LabProvider>,
  );
  fireEvent.click(screen.getByRole('radio', { name: choice }));
  fireEvent.click(screen.getByRole('button', { name: /Commit/ }));
}

describe('a Predict measures at the step it names', () => {
  it('plays, hands the last steps to trainTo, ignores readings before `after` and frames sent before the trainTo landed, and judges by the reading at `after`', () => {
    const { lab, store, calls, frame } = fakeLab(50);
    commit(lab, PREDICT, 'Under half');
    expect(calls).toEqual(['play']); // the student watches it train
    frame({ step: 100, handled: 2, playing: true, metric: 0.2 });
    frame({ step: 300, handled: 2, playing: true, metric: 0.3 });
    expect(calls).toEqual(['play']);
    expect(screen.queryByTestId('predict-result')).toBeNull();
    // a moment short of 400 (50 steps/s: a quarter of a second is 13 steps), the worker trains the rest at once
    frame({ step: 390, handled: 2, playing: true, metric: 0.45 });
    expect(calls).toEqual(['play', 'trainTo 400']);
    const mark = store.getState().sent;
    expect(screen.queryByTestId('predict-result')).toBeNull();
    expect(screen.getByTestId('predict-running')).toHaveTextContent('Training to step 400…');
    // a frame the worker sent before it handled the trainTo, past 400 with an evaluation there: not the landing
    frame({ step: 401, handled: mark - 1, playing: true, metric: 0.49 });
    expect(screen.queryByTestId('predict-result')).toBeNull();
    // the landing: step 400, everything recomputed there
    frame({ step: 400, handled: mark, playing: false, metric: 0.97 });
    const result = screen.getByTestId('predict-result');
    expect(result).toHaveAttribute('data-measured', '0.97');
    expect(result).toHaveAttribute('data-measured-step', '400');
    expect(result).toHaveTextContent('Not this time. Measured at step 400');
    expect(result).toHaveTextContent('“Half or more”');
    expect(screen.getByText('Half or more').closest('label')).toHaveClass('choice-right');
  });

  it('does not judge by an older evaluation: a frame of step `after` without a metric waits for one of a later step, and says which', () => {
    const { lab, store, calls, frame } = fakeLab(50);
    commit(lab, PREDICT, 'Half or more');
    frame({ step: 388, handled: 2, playing: true, metric: 0.45 });
    expect(calls).toEqual(['play', 'trainTo 400']);
    const mark = store.getState().sent;
    // the student pressed Play as it landed: the frame of 400 comes playing, without an evaluation; the store's metric is step 388's
    frame({ step: 400, handled: mark + 1, playing: true });
    expect(store.getState().metric?.value).toBe(0.45);
    expect(screen.queryByTestId('predict-result')).toBeNull();
    frame({ step: 406, handled: mark + 1, playing: true });
    expect(screen.queryByTestId('predict-result')).toBeNull();
    frame({ step: 412, handled: mark + 1, playing: true, metric: 0.81 });
    const result = screen.getByTestId('predict-result');
    expect(result).toHaveAttribute('data-measured', '0.81');
    expect(result).toHaveAttribute('data-measured-step', '412');
    expect(result).toHaveTextContent('Your prediction holds. Measured at step 412');
    expect(calls.at(-1)).toBe('pause'); // the page stops where it measured
  });

  it('a run already past `after` is taken back to it, not read where it stands', () => {
    const { lab, store, calls, frame } = fakeLab(50);
    frame({ step: 700, handled: 5, playing: false, metric: 0.99 });
    store.setState({ sent: 5 });
    commit(lab, PREDICT, 'Half or more');
    expect(calls).toEqual(['trainTo 400']);
    expect(screen.queryByTestId('predict-result')).toBeNull();
    frame({ step: 400, handled: 6, playing: false, metric: 0.96 });
    expect(screen.getByTestId('predict-result')).toHaveAttribute('data-measured-step', '400');
    expect(screen.getByTestId('predict-result')).toHaveAttribute('data-measured', '0.96');
  });

  it('measures on what the claim was tested on: a τ the student picked in the flow view is set back before the trainTo', () => {
    const { lab, store, calls, frame } = fakeLab(0);
    act(() => store.setState((s) => ({ selection: { ...s.selection, tau: 5 } })));
    commit(lab, PREDICT, 'Half or more');
    // the inspect goes first, so the worker's landing frame carries the record of the last scored step
    expect(calls).toEqual(['inspect 0 null', 'trainTo 400']);
    expect(store.getState().selection.tau).toBeNull();
    frame({ step: 400, handled: store.getState().sent, playing: false, metric: 0.9 });
    expect(screen.getByTestId('predict-result')).toHaveAttribute('data-measured', '0.9');
  });

  it('at full speed (0) it trains to `after` at once', () => {
    const { lab, calls } = fakeLab(0);
    commit(lab, PREDICT, 'Half or more');
    expect(calls).toEqual(['trainTo 400']);
  });

  it('where the page locks playback (an embed), it trains to `after` at once', () => {
    const { lab, calls } = fakeLab(50);
    const locked = { ...lab, actions: { ...lab.actions, play: () => calls.push('play refused') } } as Lab;
    commit(locked, PREDICT, 'Half or more');
    expect(calls).toEqual(['play refused', 'trainTo 400']);
  });

  it('the spectral radius too: a stale spectrum in the store is not read, the frame of `after` carries its own', () => {
    const { lab, store, frame } = fakeLab(0);
    const rho: Predict = { ...PREDICT, quantity: 'rho', after: 100, choices: [{ label: 'Below 1', range: [0, 1] }, { label: '1 or more', range: [1, Number.POSITIVE_INFINITY] }] };
    frame({ step: 60, handled: 1, playing: false, spectral: [{ name: 'Whh', radius: 0.9, sigmaMax: 1 }] });
    store.setState({ sent: 1 });
    commit(lab, rho, 'Below 1');
    frame({ step: 100, handled: 2, playing: true });
    expect(store.getState().spectral?.[0].radius).toBe(0.9);
    expect(screen.queryByTestId('predict-result')).toBeNull();
    frame({ step: 104, handled: 2, playing: true, spectral: [{ name: 'Whh', radius: 1.3, sigmaMax: 1.5 }] });
    const result = screen.getByTestId('predict-result');
    expect(result).toHaveAttribute('data-measured', '1.3');
    expect(result).toHaveAttribute('data-measured-step', '104');
  });

  it('a run that diverges before `after` is not judged: the box says so', () => {
    const { lab, store, frame } = fakeLab(0);
    commit(lab, PREDICT, 'Half or more');
    act(() => store.setState({ status: 'diverged', divergence: { step: 250, cause: 'update', quantity: 'gradient of Whh', message: 'boom' } }));
    frame({ step: 250, handled: store.getState().sent, playing: false });
    expect(screen.queryByTestId('predict-result')).toBeNull();
    expect(screen.getByTestId('predict-failed')).toHaveTextContent('The run diverged at step 250, before step 400');
  });

  it('a student who pauses on the way is not overruled: the box offers to go on, then lands on `after`', () => {
    const { lab, store, calls, frame } = fakeLab(50);
    commit(lab, PREDICT, 'Half or more');
    frame({ step: 120, handled: 2, playing: true, metric: 0.3 });
    act(() => lab.actions.pause());
    frame({ step: 121, handled: 3, playing: false });
    expect(calls).toEqual(['play', 'pause']);
    fireEvent.click(screen.getByRole('button', { name: 'Train on to step 400' }));
    expect(calls).toEqual(['play', 'pause', 'trainTo 400']);
    // paused again on the way: the worker's frame has handled the trainTo and is evaluated, but short of 400
    act(() => lab.actions.pause());
    frame({ step: 396, handled: store.getState().sent, playing: false, metric: 0.5 });
    expect(screen.queryByTestId('predict-result')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Train on to step 400' }));
    expect(calls).toEqual(['play', 'pause', 'trainTo 400', 'pause', 'trainTo 400']);
    frame({ step: 400, handled: store.getState().sent, playing: false, metric: 0.9 });
    expect(screen.getByTestId('predict-result')).toHaveAttribute('data-measured-step', '400');
  });
});
