import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A labelled range slider that shows its value while dragged but applies it only on release (pointer up,
 * key up, blur): every change starts a new training run, so a drag must not start hundreds of them.
 * `toValue`/`fromValue` map slider positions to values (e.g. a log scale for a threshold).
 */
export function CommitSlider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit: (v: number) => void;
  format?: (v: number) => string;
  toValue?: (pos: number) => number;
  fromValue?: (v: number) => number;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  const toValue = props.toValue ?? ((p: number) => p);
  const fromValue = props.fromValue ?? ((v: number) => v);
  const [draft, setDraftState] = useState<number | null>(null);
  // the ref sees a drag's position at once: pointerup and mouseup both fire, and only one may commit
  const live = useRef<number | null>(null);
  const setDraft = (v: number | null) => {
    live.current = v;
    setDraftState(v);
  };
  const pos = draft ?? Math.min(props.max, Math.max(props.min, fromValue(props.value)));
  const shown = toValue(pos);
  const format = props.format ?? ((v: number) => String(v));
  const commit = () => {
    const d = live.current;
    if (d === null) return;
    setDraft(null);
    const v = toValue(d);
    if (v !== props.value) props.onCommit(v);
  };
  return (
    <div className="flow-knob">
      <label htmlFor={id}>
        {props.label} <output htmlFor={id}>{format(shown)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={pos}
        disabled={props.disabled}
        aria-valuetext={format(shown)}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={commit}
        onMouseUp={commit}
        onTouchEnd={commit}
        onKeyUp={commit}
        onBlur={commit}
        onKeyDown={(e) => e.stopPropagation()} // arrows move the slider, they do not step training
      />
      {props.children}
    </div>
  );
}
