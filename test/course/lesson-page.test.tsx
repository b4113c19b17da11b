import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import LessonPage from '../../src/course/LessonPage';

// jsdom has no Worker: the lesson's lab runs the same SessionLoop in-process, so these are real runs of the engine

afterEach(() => localStorage.clear());

describe('a lesson page on the live engine', () => {
  it('Predict: the student commits first, then the page measures and says which answer holds, and why', { timeout: 40_000 }, async () => {
    render(<LessonPage id="vanishing" step={0} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The same number, again and again');
    expect(screen.getByText(/step 1 of 5/)).toBeInTheDocument();
    const commit = await screen.findByRole('button', { name: /Commit/ });
    expect(commit).toBeDisabled(); // no commit without a prediction
    fireEvent.click(screen.getByRole('radio', { name: /Almost none/ }));
    fireEvent.click(commit);
    const result = await screen.findByTestId('predict-result', {}, { timeout: 15_000 });
    // 0.5 per step over 19 steps: 0.5¹⁹ = 1.9·10⁻⁶ of the error reaches step 0
    expect(Number(result.getAttribute('data-measured'))).toBeCloseTo(0.5 ** 19, 10);
    expect(result).toHaveTextContent('Your prediction holds.');
    expect(result).toHaveTextContent('0.5¹⁹');
    // the choices are locked once committed
    expect(screen.getByRole('radio', { name: /Most of it/ })).toBeDisabled();
  });

  it('Try: the goal is checked on the streamed numbers and, once reached, the page says why it worked', { timeout: 40_000 }, async () => {
    render(<LessonPage id="vanishing" step={1} />);
    const tryBox = screen.getByTestId('try');
    expect(tryBox).toHaveAttribute('data-held', 'false');
    const scale = await screen.findByRole('spinbutton', { name: 'Recurrent scale' });
    // the first frame is measured: 0.5 per step, the goal not reached
    await waitFor(() => expect(Number(tryBox.getAttribute('data-value'))).toBeCloseTo(0.5 ** 19, 10), { timeout: 15_000 });
    expect(tryBox).toHaveAttribute('data-held', 'false');
    fireEvent.change(scale, { target: { value: '1.5' } });
    fireEvent.blur(scale);
    await within(tryBox).findByText(/✓ Done\./, {}, { timeout: 15_000 });
    expect(tryBox).toHaveAttribute('data-held', 'true');
  });

  it('the last step ends with the quick check; all right marks the lesson done on this device', async () => {
    render(<LessonPage id="vanishing" step={4} />);
    const quiz = screen.getByRole('region', { name: 'Quick check' });
    const questions = within(quiz).getAllByRole('group');
    expect(questions).toHaveLength(3);
    // a wrong answer is explained too
    fireEvent.click(within(questions[0]).getByRole('radio', { name: 'About 80%' }));
    expect(within(questions[0]).getByText(/Not quite\./)).toBeInTheDocument();
    fireEvent.click(within(questions[0]).getByRole('radio', { name: 'About 1%' }));
    fireEvent.click(within(questions[1]).getByRole('radio', { name: /A factor above 1/ }));
    fireEvent.click(within(questions[2]).getByRole('radio', { name: 'It vanishes' }));
    expect(screen.getByText('✓ Lesson complete.')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('unrolled.progress.v1')!).lessons.vanishing).toEqual({ reached: 4, done: true });
    await act(async () => {});
  });

  it('an unknown lesson says so and links to the index', () => {
    render(<LessonPage id="<img src=x onerror=alert(1)>" step={0} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('No lesson “<img src=x onerror=alert(1)>”');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'See the lessons' })).toHaveAttribute('href', '#lessons');
  });
});
