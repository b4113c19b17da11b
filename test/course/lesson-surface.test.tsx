import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LessonPage from '../../src/course/LessonPage';
import { lesson } from '../../src/lessons/course/surface';
import { lessonSurfaceRequest } from '../../src/lessons/surface-request';
import { formatValue } from '../../src/views/chart/format';
import { computeSurface } from '../../src/worker/surface';

// jsdom has no Worker: the lesson's lab computes the error surface with the same code in-process, so the numbers
// on the page are the worker's

// reduced motion: the paths are drawn whole at once, so the status says the last step as soon as the answer is in
beforeEach(() => vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('reduce'), media: q, addEventListener: () => {}, removeEventListener: () => {} })));
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const at = (title: string) => lesson.steps.findIndex((s) => s.title === title);
/** The clipped descent's loss at its end, as the step's request gives it. */
const clippedEnd = (k: number) => {
  const loss = computeSurface(lessonSurfaceRequest(lesson.steps[k].surface)).clipped!.loss;
  return loss[loss.length - 1];
};

/** Waits until the map shows `clip` in its field and its clipped descent's result line is that request's answer. */
async function shows(clip: number, end: number) {
  const view = await screen.findByTestId('surface-results', {}, { timeout: 20_000 });
  await waitFor(() => expect(within(view).getByTestId('surface-result-clipped')).toHaveTextContent(`Clipped at ${clip}: E 0.329 → ${formatValue(end)} in 200 steps`), { timeout: 20_000 });
  expect(screen.getByTestId('surface-status')).toHaveTextContent('step 200 of 200');
  expect(screen.getByRole('spinbutton', { name: 'clip at ‖g‖ =' })).toHaveValue(clip);
}

describe('a lesson step sets the error surface its text speaks of', () => {
  it('entering the step asks for its request; the next step without one puts the first request back', { timeout: 60_000 }, async () => {
    const higher = at('A higher threshold');
    const tooHigh = at('Too high');
    const restarts = at('Start somewhere else');
    expect(lesson.steps[higher].surface).toEqual({ clip: 2 });
    expect(lesson.steps[tooHigh].surface).toEqual({ clip: 3 });
    expect(lesson.steps[restarts].surface).toBeUndefined();

    // "Clipped at 2 it still reaches the valley.": the claim's < 0.001, on screen
    const { rerender } = render(<LessonPage id="surface" step={higher} />);
    expect(clippedEnd(higher)).toBeCloseTo(4.07e-4, 6);
    await shows(2, clippedEnd(higher));
    // the Try (raise the threshold until clipped descent falls off) starts unreached
    expect(screen.getByTestId('try')).toHaveAttribute('data-held', 'false');

    // "Clipped at 3 one step is long enough to cross onto the plateau.": the claim's > 0.05
    rerender(<LessonPage id="surface" step={tooHigh} />);
    expect(clippedEnd(tooHigh)).toBeCloseTo(0.0871, 4);
    await shows(3, clippedEnd(tooHigh));

    // a step without `surface`: the view's first request again (clip 1, walking down to E ≈ 3e−4), no threshold carried over
    rerender(<LessonPage id="surface" step={restarts} />);
    expect(clippedEnd(restarts)).toBeCloseTo(3.29e-4, 6);
    await shows(1, clippedEnd(restarts));
    expect(screen.getByRole('button', { name: 'Random restarts (10)' })).toHaveAttribute('aria-pressed', 'false');

    // and back: the step's own request again
    rerender(<LessonPage id="surface" step={tooHigh} />);
    await shows(3, clippedEnd(tooHigh));
  });

  it('the wall step opens with both descents on the wall’s low end: plain descent thrown hundreds of units off the map', { timeout: 60_000 }, async () => {
    const wall = at('On the wall itself');
    render(<LessonPage id="surface" step={wall} />);
    const raw = await screen.findByTestId('surface-result-raw', {}, { timeout: 20_000 });
    // "There the gradient is in the hundreds": the longest step of plain descent, 791, at step 1
    await waitFor(() => expect(raw).toHaveTextContent(/off the map; largest step 791, at step 1\.$/), { timeout: 20_000 });
    // the Try asks for a start further along the wall: not reached where the step opens
    expect(screen.getByTestId('try')).toHaveAttribute('data-held', 'false');
  });
});
