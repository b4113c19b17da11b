/** Every lesson, in course order. A lesson joins the course by being a file in src/lessons/course/ (see types.ts). */
import type { Lesson } from './types';

const files = import.meta.glob<Lesson>('./course/*.ts', { eager: true, import: 'lesson' });

export const LESSONS: readonly Lesson[] = Object.values(files).sort((a, b) => a.order - b.order);

/** The lesson with this id, or null. */
export function lessonById(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
