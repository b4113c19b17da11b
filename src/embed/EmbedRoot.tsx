import { Suspense, lazy, useCallback, useRef, useState } from 'react';
import type { EmbedLink, EmbedRoute } from './embed-link';
import { EmbedLab } from './EmbedLab';
import type { Guest } from './guest';
import { useGuestObservers } from './use-guest-observers';

// a lesson step brings the lessons and KaTeX: loaded only by an embed that shows one
const EmbedLesson = lazy(() => import('./EmbedLesson'));

/**
 * The embed: a lab scenario or a lesson step, inside one root whose height the host hears of and whose visibility
 * starts and pauses the training. A host's `goTo` moves it to a lesson step.
 */
export function EmbedRoot({ hash, link, guest }: { hash: string; link: EmbedLink; guest: Guest }) {
  const root = useRef<HTMLDivElement>(null);
  const seen = useGuestObservers(root, guest);
  const [route, setRoute] = useState<EmbedRoute>(link.route);
  const goTo = useCallback(async (id: string, step: number) => {
    const { lessonById } = await import('../lessons');
    const lesson = lessonById(id);
    if (!lesson) return `No lesson ${JSON.stringify(id)}.`;
    if (step > lesson.steps.length) return `Lesson ${JSON.stringify(id)} has ${lesson.steps.length} steps; there is no step ${step}.`;
    setRoute({ kind: 'lesson', id, step: step - 1 });
    return null;
  }, []);
  return (
    <div ref={root} className="embed" data-embed={route.kind}>
      {route.kind === 'lab' ? (
        <EmbedLab hash={hash} link={link} guest={guest} seen={seen} goTo={goTo} />
      ) : (
        <Suspense fallback={<p className="view-empty">Loading the lesson…</p>}>
          <EmbedLesson id={route.id} step={route.step} link={link} guest={guest} seen={seen} goTo={goTo} />
        </Suspense>
      )}
    </div>
  );
}
