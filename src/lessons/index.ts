/** Every lesson, in course order (the order of CATALOG). A lesson joins the course by one line here. */
import type { Lesson } from './types';
import { vanishing } from './vanishing';

export const LESSONS: readonly Lesson[] = [vanishing];

/** The lesson with this id, or null. */
export function lessonById(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
