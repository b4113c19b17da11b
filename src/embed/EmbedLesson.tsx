import { useEffect, useMemo } from 'react';
import { lessonHash } from '../app/route';
import { VIEWS } from '../app/views';
import { ViewSlot } from '../app/ViewSlot';
import { enterStep } from '../course/enter-step';
import { LessonControls } from '../course/LessonControls';
import { PredictBox } from '../course/PredictBox';
import { StepText } from '../course/StepText';
import { TryBox } from '../course/TryBox';
import '../course/course.css';
import { lessonById } from '../lessons';
import type { Lesson } from '../lessons/types';
import { LabProvider } from '../state/context';
import { createLab } from '../state/lab';
import { startAt, useLockedLab } from '../state/locked-lab';
import { ScenarioProvider } from '../state/scenario';
import { fromHash } from '../state/url';
import { Notices } from '../views/Notices';
import { Panel } from '../views/Panel';
import { StatusBar } from '../views/StatusBar';
import type { EmbedLink } from './embed-link';
import { embedRaf } from './embed-raf';
import { EmbedWaiting } from './EmbedLab';
import type { EmbedTarget, Guest } from './guest';
import { idleTarget, labTarget } from './target';
import { useEmbedKeys } from './use-embed-keys';
import { useEmbedLab } from './use-embed-lab';

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
  return <StepBody key={lesson.id} lesson={lesson} {...props} step={Math.max(0, Math.min(props.step, lesson.steps.length - 1))} />;
}

function StepBody({ lesson, step: k, link, guest, seen, goTo }: Props & { lesson: Lesson }) {
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
  useEmbedKeys(reader?.actions ?? null);
  const views = useMemo(() => VIEWS.filter((v) => step.views.includes(v.id)), [step]);
  const n = lesson.steps.length;
  if (!reader) return <EmbedWaiting title={step.title} />;
  return (
    <LabProvider lab={reader}>
      <ScenarioProvider value={scenario}>
        <main className="embed-lesson">
          <p className="visually-hidden" aria-live="polite">
            Step {k + 1} of {n}: {step.title}
          </p>
          <article className="embed-lesson-text" aria-labelledby="embed-step-title" data-step={k + 1}>
            <p className="lesson-where">
              {lesson.title} · step {k + 1} of {n} ·{' '}
              <a href={`./${lessonHash(lesson.id, k)}`} target="_blank" rel="noopener">
                Open in Unrolled<span className="visually-hidden"> (new tab)</span>
              </a>
            </p>
            <h1 id="embed-step-title">{step.title}</h1>
            {scenario.caption && <p className="embed-caption">{scenario.caption}</p>}
            {step.text.map((t) => (
              <StepText key={t} text={t} />
            ))}
            {step.interaction && (step.interaction.kind === 'predict' ? <PredictBox key={k} predict={step.interaction} /> : <TryBox key={k} goal={step.interaction} />)}
          </article>
          <section className="embed-lesson-views" aria-label="Live views" aria-describedby="embed-alt">
            <p id="embed-alt" className="visually-hidden">
              {step.alt}
            </p>
            <StatusBar />
            <Notices />
            <LessonControls controls={step.controls ?? []} />
            {views.map((v) => (
              <Panel key={v.id} id={v.id} title={v.title} wide reserve={v.reserve} live>
                <ViewSlot entry={v} />
              </Panel>
            ))}
          </section>
        </main>
      </ScenarioProvider>
    </LabProvider>
  );
}
