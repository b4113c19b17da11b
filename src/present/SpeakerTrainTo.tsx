import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_TRAIN_TO } from '../worker/protocol';

/**
 * "Train to step N" from the speaker window: jump the audience's run ahead (or back to a step of the same seed)
 * without drawing the steps between — for a lecture that cannot wait a minute. The audience window's lab does it.
 */
export function SpeakerTrainTo({ trainTo }: { trainTo: (step: number) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(text);
    if (text.trim() === '' || !Number.isSafeInteger(n) || n < 0 || n > MAX_TRAIN_TO) {
      setProblem(`A whole step from 0 to ${MAX_TRAIN_TO.toLocaleString('en-US')}.`);
      return;
    }
    setProblem(null);
    trainTo(n);
  };
  return (
    <form className="speaker-train-to" onSubmit={submit} aria-label="Train to step" noValidate>
      <label htmlFor={id}>Train to step</label>
      <input id={id} type="number" inputMode="numeric" min={0} max={MAX_TRAIN_TO} step={1} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={problem ? `${id}-problem` : undefined} />
      <button type="submit">Go</button>
      {problem && (
        <p id={`${id}-problem`} className="speaker-train-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
