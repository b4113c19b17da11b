import { useState } from 'react';
import type { QuizQuestion } from '../lessons/types';

/** The quick check at the end of a lesson: each answer, right or wrong, explained; `onAllRight` when every one is right. */
export function QuizBox({ quiz, onAllRight }: { quiz: readonly QuizQuestion[]; onAllRight: () => void }) {
  const [answers, setAnswers] = useState<(number | null)[]>(() => quiz.map(() => null));
  const answer = (q: number, c: number) => {
    const next = answers.map((v, i) => (i === q ? c : v));
    setAnswers(next);
    if (next.every((v, i) => v !== null && quiz[i].choices[v].correct)) onAllRight();
  };
  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title">Quick check</h2>
      {quiz.map((q, qi) => {
        const picked = answers[qi];
        return (
          <fieldset key={q.question} className="quiz-question">
            <legend>{q.question}</legend>
            {q.choices.map((c, ci) => (
              <label key={c.text} className="choice">
                <input type="radio" name={`quiz-${qi}`} checked={picked === ci} onChange={() => answer(qi, ci)} /> {c.text}
              </label>
            ))}
            {picked !== null && (
              <p className={q.choices[picked].correct ? 'quiz-why quiz-right' : 'quiz-why quiz-wrong'} aria-live="polite">
                <strong>{q.choices[picked].correct ? 'Right.' : 'Not quite.'}</strong> {q.choices[picked].why}
              </p>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}
