import { useId } from 'react';
import { useDraftNumber } from '../controls/fields';
import type { SurfaceRequest } from '../../worker/protocol';
import { SURFACE_LIMITS } from '../../worker/surface-request';
import { ANNEALING, RESTARTS } from './surface-summary';

/** A compact labelled number input that applies on Enter or blur (each change recomputes in the worker), clamped to [min, max]. */
function InlineNumber(props: { label: string; value: number; min: number; max: number; integer?: boolean; onCommit: (v: number) => void }) {
  const id = useId();
  const draft = useDraftNumber(props.value, { min: props.min, max: props.max, default: props.value, integer: props.integer === true }, props.onCommit);
  return (
    <span className="surface-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.integer ? 1 : 'any'}
        {...draft}
      />
    </span>
  );
}

/** The descents' settings (learning rate, steps, clipping threshold) and the two searches, each a new request to the worker. */
export function SurfaceControls({ request: q, onChange }: { request: SurfaceRequest; onChange: (patch: Partial<SurfaceRequest>) => void }) {
  const L = SURFACE_LIMITS;
  return (
    <div className="surface-controls">
      <InlineNumber label="learning rate" value={q.lr} min={1e-4} max={L.lrMax} onCommit={(lr) => onChange({ lr })} />
      <InlineNumber label="steps" value={q.steps} min={1} max={L.stepsMax} integer onCommit={(steps) => onChange({ steps })} />
      <InlineNumber label="clip at ‖g‖ =" value={q.clip} min={L.clipMin} max={L.clipMax} onCommit={(clip) => onChange({ clip })} />
      <button type="button" aria-pressed={q.restarts !== null} onClick={() => onChange({ restarts: q.restarts ? null : { n: RESTARTS }, seed: q.restarts ? q.seed : q.seed + 1 })}>
        {q.restarts ? 'Hide restarts' : `Random restarts (${RESTARTS})`}
      </button>
      <button type="button" aria-pressed={q.annealing !== null} disabled={q.start === null} onClick={() => onChange({ annealing: q.annealing ? null : ANNEALING })}>
        {q.annealing ? 'Hide annealing' : 'Simulated annealing'}
      </button>
    </div>
  );
}
