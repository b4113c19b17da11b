import { Suspense, lazy, useEffect, useState } from 'react';
import { AppsGallery } from '../apps/AppsGallery';
import { Home } from '../course/Home';
import { LessonIndex } from '../course/LessonIndex';
import { createLab } from '../state/lab';
import { lockPrecheck, parseScenario, ScenarioProvider } from '../state/scenario';
import { startAt, useLockedLab } from '../state/locked-lab';
import { fromHash } from '../state/url';
import { useOwnedLab } from '../state/use-owned-lab';
import { App } from './App';
import { AppBoundary } from './AppBoundary';
import { parseRoute } from './route';
import type { Route } from './route';

// the lesson page brings the lessons and KaTeX: loaded when a lesson is opened, not with the home page
const LessonPage = lazy(() => import('../course/LessonPage'));
// the speaker window of a presentation: only in the window the presenter opens for it
const SpeakerWindow = lazy(() => import('../present/SpeakerWindow'));
// an application's page brings the lab's views: loaded when one is opened
const AppPage = lazy(() => import('../apps/AppPage'));

/** The site: the course home, the lesson index, a lesson, the lab, the applications, or a presentation's speaker window — chosen by the URL hash (route.ts). */
export function Site() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (route.page !== 'lab') window.scrollTo(0, 0);
  }, [route]);
  return (
    <AppBoundary>
      {route.page === 'home' && <Home />}
      {route.page === 'lessons' && <LessonIndex />}
      {route.page === 'lesson' && (
        <Suspense fallback={<p className="view-empty">Loading the lesson…</p>}>
          <LessonPage id={route.id} step={route.step} />
        </Suspense>
      )}
      {route.page === 'lab' && <LabPage />}
      {route.page === 'apps' && <AppsGallery />}
      {route.page === 'app' && (
        <Suspense fallback={<p className="view-empty">Loading the application…</p>}>
          <AppPage id={route.id} />
        </Suspense>
      )}
      {route.page === 'speaker' && (
        <Suspense fallback={<p className="view-empty">Loading the speaker view…</p>}>
          <SpeakerWindow id={route.id} />
        </Suspense>
      )}
    </AppBoundary>
  );
}

/**
 * The lab, made from the link that opened it; its worker ends when the student leaves the lab. The link's scenario
 * (controls, locks, caption, start step) is read once, as the page opens: a hash typed later is checked against it.
 */
function LabPage() {
  const [{ scenario, notes: scenarioNotes }] = useState(() => parseScenario(window.location.hash));
  const lab = useOwnedLab(() => {
    const { config, ui, notes } = fromHash(window.location.hash);
    const made = createLab({ config, ui, notices: [...notes, ...scenarioNotes].map((text, i) => ({ id: -1 - i, kind: 'warning' as const, text })), precheck: lockPrecheck(scenario, config) });
    startAt(made, scenario.at);
    return made;
  }, 'lab');
  const shown = useLockedLab(lab, scenario);
  return shown ? (
    <ScenarioProvider value={scenario}>
      <App lab={shown} />
    </ScenarioProvider>
  ) : null;
}
