/**
 * The course's table of contents: every lesson file's `meta` (src/lessons/course/*.ts), in course order. Only the
 * `meta` exports are imported here, so the home page lists the lessons without loading their content.
 */
import type { LessonMeta } from './types';

const metas = import.meta.glob<LessonMeta>('./course/*.ts', { eager: true, import: 'meta' });

export type LessonEntry = LessonMeta;

export const CATALOG: readonly LessonMeta[] = Object.values(metas).sort((a, b) => a.order - b.order);
