import { lessonHash } from '../app/route';
import { CATALOG } from '../lessons/catalog';
import type { Progress } from '../lessons/progress';

/** The lessons in order, each with what the student has done of it (kept on this device). */
export function LessonList({ progress }: { progress: Progress }) {
  return (
    <ol className="lesson-list">
      {CATALOG.map((l) => {
        const p = progress.lessons[l.id];
        const state = p?.done ? 'done' : p ? `reached step ${p.reached + 1}` : '';
        return (
          <li key={l.id} data-lesson={l.id}>
            <a href={lessonHash(l.id, p && !p.done ? p.reached : 0)}>{l.title}</a>
            {state && <span className={p?.done ? 'lesson-state lesson-done' : 'lesson-state'}>{p?.done ? '✓ done' : state}</span>}
            <p>{l.summary}</p>
          </li>
        );
      })}
    </ol>
  );
}
