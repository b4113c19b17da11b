import { useEffect } from 'react';
import { lessonHash } from '../app/route';
import { enterStep } from '../course/enter-step';
import { StepBody } from '../course/StepBody';
import type { StepBodyNames } from '../course/StepBody';
import '../course/course.css';
import { lessonById } from '../lessons';
import type { Lesson } from '../lessons/types';
import { createLab } from '../state/lab';
import { startAt, useLockedLab } from '../state/locked-lab';
import { ScenarioProvider } from '../state/scenario';
import { fromHash } from '../state/url';
import { StatusBar } from '../views/StatusBar';
import type { EmbedLink } from './embed-link';
import { embedRaf } from './embed-raf';
import { EmbedWaiting } from './EmbedLab';
import type { EmbedTarget, Guest } from './guest';
import { idleTarget, labTarget } from './target';
import { useEmbedKeys } from './use-embed-keys';
import { useEmbedLab } from './use-embed-lab';

/** The embed's class names and ids for the step body (embed.css and the e2e tests know them). */
const NAMES: StepBodyNames = { main: 'embed-lesson', text: 'embed-lesson-text', views: 'embed-lesson-views', title: 'embed-step-title', alt: 'embed-alt' };

interface Props {
  id: string;
  /** 0-based */
  step: number;
  link: EmbedLink;
  guest: Guest;
  seen: boolean;
  goTo: EmbedTarget['goTo'];
}

/** One step of a lesson, embedded: its text, its interaction, its controls and its live views — no lesson navigation. */
export default function EmbedLesson(props: Props) {
  const lesson = lessonById(props.id);
  const { guest, goTo } = props;
  const missing = lesson ? null : `No lesson ${JSON.stringify(props.id)}.`;
  useEffect(() => {
    if (!missing) return;
    guest.attach(idleTarget(missing, goTo));
    return () => guest.detach();
  }, [missing, guest, goTo]);
  if (!lesson) {
    return (
      <div className="embed-waiting">
        <h1 className="embed-title">No lesson “{props.id}”</h1>
        <p>
          The embed names a lesson that does not exist. <a href="./#lessons" target="_blank" rel="noopener">See the lessons</a>.
        </p>
      </div>
    );
  }
  return <EmbedStep key={lesson.id} lesson={lesson} {...props} step={Math.max(0, Math.min(props.step, lesson.steps.length - 1))} />;
}

function EmbedStep({ lesson, step: k, link, guest, seen, goTo }: Props & { lesson: Lesson }) {
  const { scenario } = link;
  const step = lesson.steps[k];
  const lab = useEmbedLab(
    () => {
      const { config, ui } = fromHash(`#${step.scenario}`);
      const notices = link.notes.map((text, i) => ({ id: -1 - i, kind: 'warning' as const, text }));
      return createLab({ config, ui: { ...ui, views: step.views, autoplay: false }, notices, raf: embedRaf });
    },
    lesson.id,
    seen,
  );
  const reader = useLockedLab(lab, scenario);
  // the step's scenario, each time the step changes (the lab is the page's own: the reader's locks do not apply)
  useEffect(() => {
    if (lab) enterStep(lab, step);
  }, [lab, step]);
  // at= once, after the first step's scenario is set
  useEffect(() => {
    if (lab) startAt(lab, scenario.at);
  }, [lab, scenario.at]);
  useEffect(() => {
    if (!lab) return;
    guest.attach(labTarget(lab, scenario, goTo));
    return () => guest.detach();
  }, [lab, guest, scenario, goTo]);
  useEmbedKeys(reader?.actions ?? null, guest);
  if (!reader) return <EmbedWaiting title={step.title} />;
  return (
    <ScenarioProvider value={scenario}>
      <StepBody
        lesson={lesson}
        k={k}
        names={NAMES}
        interactionLab={reader}
        viewsLab={reader}
        where={
          <>
            {' '}·{' '}
            <a href={`./${lessonHash(lesson.id, k)}`} target="_blank" rel="noopener">
              Open in Unrolled<span className="visually-hidden"> (new tab)</span>
            </a>
          </>
        }
        lead={scenario.caption && <p className="embed-caption">{scenario.caption}</p>}
        viewsLead={<StatusBar />}
      />
    </ScenarioProvider>
  );
}
