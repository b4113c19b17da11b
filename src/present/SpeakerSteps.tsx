import { StepText } from '../course/StepText';
import type { Lesson } from '../lessons/types';

/** The speaker's view of the lesson: this step's notes first (what to say), its text, then the next step, smaller. */
export function SpeakerSteps({ lesson, step }: { lesson: Lesson; step: number }) {
  const k = Math.max(0, Math.min(step, lesson.steps.length - 1));
  const now = lesson.steps[k];
  const next = lesson.steps[k + 1];
  return (
    <>
      <section className="speaker-now" aria-labelledby="speaker-now-title" data-step={k + 1}>
        <p className="speaker-where">
          {lesson.title} · step {k + 1} of {lesson.steps.length}
        </p>
        <h1 id="speaker-now-title">{now.title}</h1>
        <div className="speaker-notes" data-testid="speaker-notes">
          <h2>Notes</h2>
          <p>{now.notes}</p>
        </div>
        <div className="speaker-text">
          {now.text.map((t) => (
            <StepText key={t} text={t} />
          ))}
        </div>
      </section>
      <section className="speaker-next" aria-labelledby="speaker-next-title">
        <h2 id="speaker-next-title">{next ? `Next: ${next.title}` : 'Next: the quick check ends the lesson'}</h2>
        {next && (
          <div className="speaker-text">
            {next.text.map((t) => (
              <StepText key={t} text={t} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
