/**
 * The course's table of contents: what the home page and the lesson index list, without loading any lesson
 * (the lessons come with the lesson page's code). test/lessons/linter.test.ts checks it lists exactly the lessons,
 * in course order: a lesson joins here and in index.ts together.
 */
export interface LessonEntry {
  id: string;
  title: string;
  summary: string;
}

export const CATALOG: readonly LessonEntry[] = [
  { id: 'vanishing', title: 'Vanishing and exploding gradients', summary: 'The same factor, multiplied again and again: below 1 the error shrinks away, above 1 it blows up.' },
];
