/**
 * Every lesson, in course order (the catalog's). A lesson joins the course as a file in src/lessons/course/ and a
 * line in src/lessons/catalog.ts (see types.ts).
 */
import { CATALOG } from './catalog';
import type { Lesson } from './types';

const files = import.meta.glob<Lesson>('./course/*.ts', { eager: true, import: 'lesson' });
const order = (l: Lesson) => CATALOG.findIndex((c) => c.id === l.id);

export const LESSONS: readonly Lesson[] = Object.values(files).sort((a, b) => order(a) - order(b));

/** The lesson with this id, or null. */
export function lessonById(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
