import { useCallback, useEffect, useRef, useState } from 'react';
import { QUANTITIES } from '../lessons/quantities';
import type { Predict } from '../lessons/types';
import { useLab, useLabActions, useLabInstance } from '../state/context';
import { formatValue } from '../views/chart/format';
import { frameReading, handoverLead } from './predict-reading';
import type { Reading } from './predict-reading';

type Phase = { at: 'choose' } | { at: 'running' } | { at: 'shown'; reading: Reading } | { at: 'failed'; why: string };

const fmt = new Intl.NumberFormat('en-US');

/**
 * Predict, then see: the student picks an answer first; then the run goes to exactly `after` steps (0: the initial
 * weights), the page measures the quantity there, says which answer holds the measured value, and explains.
 *
 * The run plays at the lab's speed, so the student watches it learn, until it is a moment short of `after`; then the
 * worker trains the rest at once (trainTo), which stops on step `after` and sends one frame with everything
 * recomputed there — the evaluation included, which the worker otherwise refreshes only every few hundred ms. The box
 * judges by the first frame that the worker sent after handling that trainTo, of a step at or past `after`, that
 * carries the quantity itself (frameReading): a state, never a timer. Normally that is the frame of step `after`, the
 * step the lesson's claims are tested at; if the student plays on meanwhile, a later one, and the box says which.
 */
export function PredictBox({ predict }: { predict: Predict }) {
  const { store } = useLabInstance();
  const a = useLabActions();
  const [choice, setChoice] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>({ at: 'choose' });
  /** the trainTo sent in this run: the run it went to, and how many commands of that run had been sent with it */
  const landing = useRef<{ runId: number; mark: number } | null>(null);
  const { after, quantity } = predict;
  /** the student paused the run short of `after`: the box offers to go on rather than overrule them */
  const [stalled, setStalled] = useState(false);
  // shown while running: how far the run is
  const step = useLab((s) => s.jumping?.step ?? s.step);

  const handOver = useCallback(() => {
    const { runId } = store.getState();
    // until trainTo returns (the store changes under it, and the box hears that), no frame counts as the landing
    landing.current = { runId, mark: Number.POSITIVE_INFINITY };
    // measure on what the claim was tested on: the first evaluation sequence scored at its last step, whatever τ the
    // student picked in the flow view meanwhile (the worker handles this before the trainTo, so the landing frame has it)
    a.select({ sample: 0, tau: null });
    if (!a.trainTo(after)) {
      // refused (a notice says why): the student may commit again
      landing.current = null;
      setPhase({ at: 'choose' });
      return;
    }
    landing.current = { runId, mark: store.getState().sent };
  }, [a, after, store]);

  useEffect(() => {
    if (phase.at !== 'running') return;
    landing.current = null;
    /** the box has begun (played, or handed over): from then on a paused run is the student's doing */
    let started = false;
    let played = false;
    let done = false;
    const finish = (next: Phase) => {
      done = true;
      setPhase(next);
    };
    const check = () => {
      if (done) return;
      const s = store.getState();
      setStalled(started && !s.playing && s.jumping === null && s.status === 'ready' && s.step < after);
      if (s.status === 'error') return finish({ at: 'failed', why: `The training worker stopped${s.fatal ? `: ${s.fatal}` : ''}. Nothing was measured.` });
      // new settings or a reset started another run: go to `after` on that one
      if (landing.current && landing.current.runId !== s.runId) landing.current = null;
      const land = landing.current;
      if (!land) {
        started = true;
        if (s.jumping !== null || s.status === 'diverged' || s.step + handoverLead(s.ui.speed) >= after) return handOver();
        // watch it train; once only: a student who pauses here is not overruled (the box offers to go on)
        if (!played) {
          played = true;
          if (!s.playing) a.play();
          // playback locked by the page's scenario (an embed's lab refuses play): train to `after` at once
          if (!store.getState().playing) return handOver();
        }
        return;
      }
      const f = s.frame;
      // frames the worker sent before it handled the trainTo are of the run on its way, not of step `after`
      if (!f || f.handled < land.mark) return;
      if (s.status === 'diverged') {
        const at = s.divergence?.step ?? f.step;
        return finish({ at: 'failed', why: `The run diverged at step ${fmt.format(at)}${at < after ? `, before step ${fmt.format(after)}` : ''}: there is nothing to measure.` });
      }
      // a play, pause or step ended the jump short of `after`: wait for the run to get there
      if (f.step < after) return;
      const reading = frameReading(quantity, s);
      if (reading) {
        finish({ at: 'shown', reading });
        // the page shows the run where it was measured
        if (s.playing) a.pause();
        return;
      }
      // the frame of step `after` came without it, and the run stands still: nothing more will come
      if (!s.playing) finish({ at: 'failed', why: `${QUANTITIES[quantity].label} could not be measured at step ${fmt.format(f.step)}.` });
    };
    const unsubscribe = store.subscribe(check);
    check();
    return () => {
      done = true;
      unsubscribe();
      setStalled(false);
    };
  }, [phase.at, after, quantity, store, a, handOver]);

  const reading = phase.at === 'shown' ? phase.reading : null;
  const measured = reading?.value ?? null;
  const right = measured === null ? -1 : predict.choices.findIndex((c) => measured >= c.range[0] && measured < c.range[1]);
  return (
    <section className="predict" aria-labelledby="predict-q">
      <h2 id="predict-q">Predict: {predict.question}</h2>
      <fieldset disabled={phase.at !== 'choose'}>
        <legend className="visually-hidden">Your prediction</legend>
        {predict.choices.map((c, i) => (
          <label key={c.label} className={reading && i === right ? 'choice choice-right' : 'choice'}>
            <input type="radio" name="predict" checked={choice === i} onChange={() => setChoice(i)} /> {c.label}
          </label>
        ))}
      </fieldset>
      {phase.at === 'choose' && (
        <button type="button" className="primary" disabled={choice === null} onClick={() => setPhase({ at: 'running' })}>
          {after > 0 ? `Commit, and train ${after} steps` : 'Commit, and measure'}
        </button>
      )}
      {phase.at === 'running' && (
        <div data-testid="predict-running">
          <p aria-live="polite">{after > 0 ? `Training to step ${fmt.format(after)}…` : 'Measuring the initial weights…'}</p>
          {after > 0 && <progress max={after} value={Math.min(step, after)} aria-label={`Step ${fmt.format(step)} of ${fmt.format(after)}`} />}
          {stalled && (
            <p>
              Paused at step {fmt.format(step)}.{' '}
              <button type="button" onClick={handOver}>
                Train on to step {fmt.format(after)}
              </button>
            </p>
          )}
        </div>
      )}
      {phase.at === 'failed' && (
        <div className="predict-result" aria-live="polite" data-testid="predict-failed">
          <p>{phase.why}</p>
          <button type="button" onClick={() => setPhase({ at: 'choose' })}>
            Try again
          </button>
        </div>
      )}
      {reading && (
        <div className="predict-result" aria-live="polite" data-testid="predict-result" data-measured={reading.value} data-measured-step={reading.step}>
          <p>
            <strong>{choice === right ? 'Your prediction holds.' : 'Not this time.'}</strong> Measured at step {fmt.format(reading.step)}, {QUANTITIES[quantity].label}:{' '}
            {Number.isInteger(reading.value) ? reading.value.toLocaleString('en-US') : formatValue(reading.value)}
            {right >= 0 ? ` — “${predict.choices[right].label}”.` : '.'}
          </p>
          <p>{predict.explain}</p>
        </div>
      )}
    </section>
  );
}
