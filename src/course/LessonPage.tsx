import { useEffect, useMemo, useState } from 'react';
import { lessonHash } from '../app/route';
import { appHash, findApp } from '../apps/registry';
import { lessonById } from '../lessons';
import { complete, loadProgress, saveProgress, visit } from '../lessons/progress';
import type { Lesson } from '../lessons/types';
import { LabProvider } from '../state/context';
import { createLab } from '../state/lab';
import { startAt, useLockedLab } from '../state/locked-lab';
import { parseScenario, ScenarioProvider } from '../state/scenario';
import { fromHash } from '../state/url';
import { useOwnedLab } from '../state/use-owned-lab';
import { StatusBar } from '../views/StatusBar';
import { ScenarioCaption } from '../share/ScenarioCaption';
import { LessonShareButton } from '../share/ShareButton';
import { PresenterControls } from '../present/PresenterControls';
import { usePresenting } from '../present/present-flag';
import { LessonKeys } from './LessonKeys';
import { QuizBox } from './QuizBox';
import { SiteHeader } from './SiteHeader';
import { StepBody } from './StepBody';
import type { StepBodyNames } from './StepBody';
import { enterStep } from './enter-step';

/** The page's class names and ids for the step body (course.css, presenter.css and the e2e tests know them). */
const NAMES: StepBodyNames = { main: 'lesson-body', text: 'lesson-text', views: 'lesson-views', title: 'lesson-step-title', alt: 'lesson-alt' };

/** A lesson: the step's text and interaction beside its live views, on one lab that each step re-configures. */
export default function LessonPage({ id, step }: { id: string; step: number }) {
  const lesson = lessonById(id);
  if (!lesson) {
    return (
      <div className="course">
        <SiteHeader current="lesson" />
        <main className="course-main">
          <h1>No lesson “{id}”</h1>
          <p>
            The link names a lesson that does not exist. <a href="#lessons">See the lessons</a>.
          </p>
        </main>
      </div>
    );
  }
  return <LessonBody key={lesson.id} lesson={lesson} step={Math.max(0, Math.min(step, lesson.steps.length - 1))} />;
}

function LessonBody({ lesson, step: k }: { lesson: Lesson; step: number }) {
  const [done, setDone] = useState(() => loadProgress().lessons[lesson.id]?.done ?? false);
  const step = lesson.steps[k];
  // a step about an application links to its page (the linter checks the id names one)
  const app = step.app ? findApp(step.app) : undefined;
  const n = lesson.steps.length;
  const last = k === n - 1;

  const lab = useOwnedLab(() => {
    const first = lesson.steps[0];
    const { config, ui } = fromHash(`#${first.scenario}`);
    return createLab({ config, ui: { ...ui, views: first.views, autoplay: false } });
  }, lesson.id);
  // a link's scenario (controls shown and locked, caption, start step) holds for the step it names; the student's
  // hands (playback, keys, the step's settings) get the locked lab (state/locked-lab.ts), the page's own workings
  // (enterStep, startAt, a Predict that runs the steps it needs) the lab itself
  const { scenario, notes } = useMemo(() => parseScenario(window.location.hash), [lesson.id, k]); // eslint-disable-line react-hooks/exhaustive-deps -- the hash, read again for each step
  const shown = useLockedLab(lab, scenario);

  useEffect(() => {
    if (lab) {
      enterStep(lab, step);
      startAt(lab, scenario.at);
      notes.forEach((n) => lab.actions.notify('warning', n));
    }
    saveProgress(visit(loadProgress(), lesson.id, k));
  }, [lab, step, lesson.id, k, scenario, notes]);

  const presenting = usePresenting();
  const go = (to: number) => {
    if (to >= 0 && to < n) window.location.hash = lessonHash(lesson.id, to, presenting);
  };
  const page = (
    <div className="course lesson">
      {shown && <LessonKeys lab={shown} presenting={presenting} onPrev={() => go(k - 1)} onNext={() => go(k + 1)} />}
      <SiteHeader current="lesson">
        {shown && <LabProvider lab={shown}><StatusBar /></LabProvider>}
        {lab && shown && <PresenterControls lab={lab} actions={shown.actions} lesson={{ id: lesson.id, step: k, count: n, go }} />}
      </SiteHeader>
      <StepBody
        lesson={lesson}
        k={k}
        names={NAMES}
        interactionLab={lab}
        viewsLab={shown}
        viewsLead={<ScenarioCaption />}
        after={
          <>
            {last && (
              <QuizBox
                quiz={lesson.quiz}
                onAllRight={() => {
                  saveProgress(complete(loadProgress(), lesson.id));
                  setDone(true);
                }}
              />
            )}
            {last && done && <p className="lesson-complete">✓ Lesson complete.</p>}
            <nav className="lesson-nav" aria-label="Steps">
              <button type="button" onClick={() => go(k - 1)} disabled={k === 0} aria-keyshortcuts="PageUp">
                ← Previous
              </button>
              <span>
                {k + 1} / {n}
              </span>
              <button type="button" className="primary" onClick={() => go(k + 1)} disabled={last} aria-keyshortcuts="PageDown">
                Next →
              </button>
            </nav>
            <p className="lesson-lab-link">
              <a href={`#${step.scenario}&views=${step.views.join(',')}`}>Open this in the lab</a> — every setting, no lesson.
              {app && (
                <>
                  {' '}
                  The application page: <a href={appHash(app.id)}>{app.title}</a>.
                </>
              )}
              <LessonShareButton lesson={lesson.id} title={lesson.title} step={k} controls={step.controls ?? []} />
            </p>
          </>
        }
      />
    </div>
  );
  return <ScenarioProvider value={scenario}>{page}</ScenarioProvider>;
}
