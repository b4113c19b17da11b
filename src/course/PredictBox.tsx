import { useEffect, useState } from 'react';
import { readQuantity, QUANTITIES } from '../lessons/quantities';
import type { Predict } from '../lessons/types';
import { useLabActions, useLabInstance } from '../state/context';
import { formatValue } from '../views/chart/format';
import { snapshotOf } from './snapshot';

/**
 * Predict, then see: the student picks an answer first; then the run goes to `after` steps (or reads the
 * initial weights), the page measures the quantity, says which answer holds the measured value, and explains.
 */
export function PredictBox({ predict }: { predict: Predict }) {
  const { store } = useLabInstance();
  const a = useLabActions();
  const [choice, setChoice] = useState<number | null>(null);
  const [phase, setPhase] = useState<'choose' | 'running' | 'shown'>('choose');
  const [measured, setMeasured] = useState<number | null>(null);

  useEffect(() => {
    if (phase !== 'running') return;
    // measure on the first committed frame at or past `after` steps that carries the quantity
    const check = () => {
      const s = store.getState();
      if (s.step < predict.after || s.frame === null) return false;
      const v = readQuantity(predict.quantity, snapshotOf(s));
      if (v === null) return false;
      if (s.playing) a.pause();
      setMeasured(v);
      setPhase('shown');
      return true;
    };
    if (check()) return;
    if (predict.after > 0 && !store.getState().playing) a.play();
    return store.subscribe(() => void check());
  }, [phase, predict, store, a]);

  const right = measured === null ? -1 : predict.choices.findIndex((c) => measured >= c.range[0] && measured < c.range[1]);
  return (
    <section className="predict" aria-labelledby="predict-q">
      <h2 id="predict-q">Predict: {predict.question}</h2>
      <fieldset disabled={phase !== 'choose'}>
        <legend className="visually-hidden">Your prediction</legend>
        {predict.choices.map((c, i) => (
          <label key={c.label} className={phase === 'shown' && i === right ? 'choice choice-right' : 'choice'}>
            <input type="radio" name="predict" checked={choice === i} onChange={() => setChoice(i)} /> {c.label}
          </label>
        ))}
      </fieldset>
      {phase === 'choose' && (
        <button type="button" className="primary" disabled={choice === null} onClick={() => setPhase('running')}>
          {predict.after > 0 ? `Commit, and train ${predict.after} steps` : 'Commit, and measure'}
        </button>
      )}
      {phase === 'running' && <p aria-live="polite">Training to step {predict.after}…</p>}
      {phase === 'shown' && measured !== null && (
        <div className="predict-result" aria-live="polite" data-testid="predict-result" data-measured={measured}>
          <p>
            <strong>{choice === right ? 'Your prediction holds.' : 'Not this time.'}</strong> Measured {QUANTITIES[predict.quantity].label}: {Number.isInteger(measured) ? measured.toLocaleString('en-US') : formatValue(measured)}
            {right >= 0 ? ` — “${predict.choices[right].label}”.` : '.'}
          </p>
          <p>{predict.explain}</p>
        </div>
      )}
    </section>
  );
}
