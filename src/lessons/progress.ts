/**
 * What the student has done, kept on this device (localStorage): versioned, and tolerant of anything it finds
 * there — a corrupt or foreign value is ignored, never thrown.
 */
const KEY = 'unrolled.progress.v1';

export interface LessonProgress {
  /** the furthest step reached (0-based) */
  reached: number;
  /** the quick check answered with every answer right */
  done: boolean;
}

export interface Progress {
  lessons: Record<string, LessonProgress>;
  /** where the student last was, for "continue where you left off" */
  last: { lesson: string; step: number } | null;
}

const EMPTY: Progress = { lessons: {}, last: null };

/** Storage as the browser has it (absent in some embeds and private modes). */
type Store = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a sandboxed frame throws on access
  }
}

/** The saved progress, or empty when there is none or it cannot be read. */
export function loadProgress(store: Store | null = storage()): Progress {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return { lessons: {}, last: null };
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return { ...EMPTY, lessons: {} };
    const d = data as Record<string, unknown>;
    const lessons: Record<string, LessonProgress> = {};
    if (typeof d.lessons === 'object' && d.lessons !== null) {
      for (const [id, v] of Object.entries(d.lessons as Record<string, unknown>)) {
        if (!/^[a-z][a-z0-9-]{0,30}$/.test(id) || typeof v !== 'object' || v === null) continue;
        const p = v as Record<string, unknown>;
        const reached = typeof p.reached === 'number' && Number.isInteger(p.reached) && p.reached >= 0 && p.reached < 100 ? p.reached : 0;
        lessons[id] = { reached, done: p.done === true };
      }
    }
    const l = d.last as Record<string, unknown> | null | undefined;
    const last = l && typeof l.lesson === 'string' && /^[a-z][a-z0-9-]{0,30}$/.test(l.lesson) && typeof l.step === 'number' && Number.isInteger(l.step) && l.step >= 0 && l.step < 100 ? { lesson: l.lesson, step: l.step } : null;
    return { lessons, last };
  } catch {
    return { lessons: {}, last: null };
  }
}

/** Saves progress; a full or forbidden storage is not an error worth a student's attention. */
export function saveProgress(p: Progress, store: Store | null = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(p));
  } catch {
    // quota or privacy mode: progress stays for this visit only
  }
}

/** Progress after visiting step `step` of lesson `id`. */
export function visit(p: Progress, id: string, step: number): Progress {
  const before = p.lessons[id] ?? { reached: 0, done: false };
  return { lessons: { ...p.lessons, [id]: { ...before, reached: Math.max(before.reached, step) } }, last: { lesson: id, step } };
}

/** Progress after the lesson's quick check was answered all right. */
export function complete(p: Progress, id: string): Progress {
  const before = p.lessons[id] ?? { reached: 0, done: false };
  return { ...p, lessons: { ...p.lessons, [id]: { ...before, done: true } } };
}
