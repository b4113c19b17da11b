import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import LessonPage from '../../src/course/LessonPage';
import { LESSONS } from '../../src/lessons';

// jsdom has no Worker: the lesson's lab runs the same SessionLoop in-process

afterEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '#');
});

describe('a lesson in presenter mode', () => {
  it('→ and PageDown go to the next step, ← and PageUp back, and the link stays in presenter mode', async () => {
    window.history.replaceState(null, '', '#lesson=vanishing&step=2&present=1');
    render(<LessonPage id="vanishing" step={1} />);
    expect(document.documentElement.dataset.present).toBe('true');
    await screen.findByRole('button', { name: 'Exit presenter mode' });
    // this page is step 2's (a test renders no router): each key names the step it goes to from there
    const press = (key: string) => act(() => void fireEvent.keyDown(document.body, { key }));
    for (const [key, to] of [['ArrowRight', 3], ['PageDown', 3], ['ArrowLeft', 1], ['PageUp', 1]] as const) {
      window.history.replaceState(null, '', '#lesson=vanishing&step=2&present=1');
      press(key);
      expect(window.location.hash, key).toBe(`#lesson=vanishing&step=${to}&present=1`);
    }
    // the Next button keeps presenter mode too
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(window.location.hash).toBe('#lesson=vanishing&step=3&present=1');
  });

  it('outside presenter mode → stays a training step, PageDown the next step, with no present key', async () => {
    window.history.replaceState(null, '', '#lesson=vanishing&step=2');
    render(<LessonPage id="vanishing" step={1} />);
    await screen.findByRole('button', { name: 'Present' });
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(window.location.hash).toBe('#lesson=vanishing&step=2');
    act(() => void fireEvent.keyDown(document.body, { key: 'PageDown' }));
    expect(window.location.hash).toBe('#lesson=vanishing&step=3');
  });
});

describe('speaker notes', () => {
  it('every step of every lesson has notes for the presenter: a sentence or more, not a copy of its text', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(12);
    for (const lesson of LESSONS) {
      lesson.steps.forEach((step, i) => {
        const where = `${lesson.id} step ${i + 1}`;
        expect(typeof step.notes, where).toBe('string');
        expect(step.notes.trim().length, where).toBeGreaterThan(20);
        expect(step.text.join(' '), where).not.toContain(step.notes.trim());
      });
    }
  });
});
