import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { ViewSlot } from '../app/ViewSlot';
import { VIEWS } from '../app/views';
import type { Lesson } from '../lessons/types';
import { LabProvider } from '../state/context';
import type { Lab } from '../state/lab';
import { Notices } from '../views/Notices';
import { Panel } from '../views/Panel';
import { LessonControls } from './LessonControls';
import { PredictBox } from './PredictBox';
import { StepText } from './StepText';
import { TryBox } from './TryBox';

/** The class names and ids of the body's parts: the lesson page and an embed style them apart (course.css, embed.css). */
export interface StepBodyNames {
  main: string;
  text: string;
  views: string;
  /** ids, unique on the page */
  title: string;
  alt: string;
}

interface Props {
  lesson: Lesson;
  /** the step, 0-based */
  k: number;
  names: StepBodyNames;
  /** the lab the Predict or Try box reads and drives; null (not made yet): no box */
  interactionLab: Lab | null;
  /** the lab the views and the step's controls show; null: an empty views column */
  viewsLab: Lab | null;
  /** after "lesson · step k of n" (the embed's link to the full page) */
  where?: ReactNode;
  /** between the title and the text (the embed's scenario caption) */
  lead?: ReactNode;
  /** after the interaction (the lesson page's quiz, navigation and links) */
  after?: ReactNode;
  /** first in the views column, inside the views' lab (a caption, a status bar) */
  viewsLead?: ReactNode;
}

/**
 * One lesson step as the student reads it: its text with formulas and its Predict or Try box beside its controls
 * and live views. The lesson page and the embedded lesson both render it, so a step reads the same in either; what
 * differs (page chrome, navigation, the embed's link and sizing) comes in through the slots.
 */
export function StepBody({ lesson, k, names, interactionLab, viewsLab, where, lead, after, viewsLead }: Props) {
  const step = lesson.steps[k];
  const n = lesson.steps.length;
  const views = useMemo(() => VIEWS.filter((v) => step.views.includes(v.id)), [step]);
  return (
    <main className={names.main}>
      <p className="visually-hidden" aria-live="polite">
        Step {k + 1} of {n}: {step.title}
      </p>
      <article className={names.text} aria-labelledby={names.title} data-step={k + 1}>
        <p className="lesson-where">
          {lesson.title} · step {k + 1} of {n}
          {where}
        </p>
        <h1 id={names.title}>{step.title}</h1>
        {lead}
        {step.text.map((t) => (
          <StepText key={t} text={t} />
        ))}
        {interactionLab && step.interaction && (
          // keyed by step: a new step starts a fresh box, even when two steps share the lesson's one lab
          <LabProvider lab={interactionLab}>
            {step.interaction.kind === 'predict' ? <PredictBox key={k} predict={step.interaction} /> : <TryBox key={k} goal={step.interaction} />}
          </LabProvider>
        )}
        {after}
      </article>
      <section className={names.views} aria-label="Live views" aria-describedby={names.alt}>
        <p id={names.alt} className="visually-hidden">
          {step.alt}
        </p>
        {viewsLab && (
          <LabProvider lab={viewsLab}>
            {viewsLead}
            <Notices />
            <LessonControls controls={step.controls ?? []} />
            {views.map((v) => (
              <Panel key={v.id} id={v.id} title={v.title} wide reserve={v.reserve} live>
                <ViewSlot entry={v} />
              </Panel>
            ))}
          </LabProvider>
        )}
      </section>
    </main>
  );
}
