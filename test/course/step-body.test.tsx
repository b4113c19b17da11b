import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import LessonPage from '../../src/course/LessonPage';
import EmbedLesson from '../../src/embed/EmbedLesson';
import { readEmbedLink } from '../../src/embed/embed-link';
import type { Guest } from '../../src/embed/guest';
import { lessonById } from '../../src/lessons';

// The lesson page and the embedded lesson render a step through one component (course/StepBody.tsx): this holds
// them to the same text, interaction, controls and views, so a second copy of the composition cannot creep back.

afterEach(() => localStorage.clear());

const guest: Guest = { attach() {}, detach() {}, setOnScreen() {}, resized() {}, toDeck: () => false, receive() {}, dispose() {} };

/** What the student reads and handles in a step body, with the chrome around it left out. */
function bodyOf(root: HTMLElement, text: string, views: string) {
  const article = root.querySelector<HTMLElement>(`article.${text}`)!;
  const column = root.querySelector<HTMLElement>(`section.${views}`)!;
  const box = article.querySelector<HTMLElement>('section.predict, section.try');
  const controls = column.querySelector<HTMLElement>('fieldset.lesson-controls');
  return {
    step: article.dataset.step,
    title: article.querySelector('h1')!.textContent,
    // the step's own paragraphs (StepText's have no class; the where line, a caption and the page's links do)
    paragraphs: [...article.querySelectorAll(':scope > p:not([class])')].map((p) => p.textContent),
    interaction: box && {
      kind: box.className,
      heading: box.querySelector('h2')!.textContent,
      choices: [...box.querySelectorAll('label')].map((l) => l.textContent),
    },
    alt: column.querySelector('p.visually-hidden')!.textContent,
    controls: controls && [...controls.querySelectorAll('label')].map((l) => l.textContent),
    views: [...column.querySelectorAll<HTMLElement>('section.panel')].map((p) => `${p.dataset.view}: ${p.querySelector(':scope > h2')?.textContent}`),
  };
}

async function lessonPageBody(id: string, k: number) {
  const { container, unmount } = render(<LessonPage id={id} step={k} />);
  await waitFor(() => expect(container.querySelector('section.lesson-views section.panel')).not.toBeNull());
  const body = bodyOf(container, 'lesson-text', 'lesson-views');
  unmount();
  return body;
}

async function embedBody(id: string, k: number) {
  const link = readEmbedLink(`#lesson=${id}&step=${k + 1}`);
  const { container, unmount } = render(<EmbedLesson id={id} step={k} link={link} guest={guest} seen goTo={() => null} />);
  await waitFor(() => expect(container.querySelector('section.embed-lesson-views section.panel')).not.toBeNull(), { timeout: 5_000 });
  const body = bodyOf(container, 'embed-lesson-text', 'embed-lesson-views');
  unmount();
  return body;
}

describe('one step body for the lesson page and the embed', () => {
  const lesson = lessonById('vanishing')!;
  it.each(lesson.steps.map((s, k) => [k, s.interaction?.kind ?? 'no interaction'] as const))('step %i (%s) reads the same in both', { timeout: 20_000 }, async (k) => {
    const page = await lessonPageBody(lesson.id, k);
    cleanup();
    const embed = await embedBody(lesson.id, k);
    expect(embed).toEqual(page);
    // the comparison is not of two empty bodies
    expect(page.paragraphs.length).toBeGreaterThan(0);
    expect(page.views).toEqual(lesson.steps[k].views.map((v) => expect.stringMatching(new RegExp(`^${v}: .+`))));
    expect(page.interaction?.kind ?? null).toBe(lesson.steps[k].interaction?.kind ?? null);
  });
});
