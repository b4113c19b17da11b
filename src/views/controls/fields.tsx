import { useId, useState } from 'react';
import type { ParamLimit } from '../../engine/tasks/limits';

/** A labelled select whose change applies at once. */
export function SelectField<T extends string>(props: { label: string; value: T; options: readonly T[]; names?: Partial<Record<T, string>>; onChange: (v: T) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)} aria-describedby={props.hint ? `${id}-hint` : undefined}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.names?.[o] ?? o}
          </option>
        ))}
      </select>
      {props.hint && (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** The value typed, clamped into the limit (rounded if it must be whole), or null when it is not a number. */
export function parseField(text: string, limit: ParamLimit): number | null {
  if (text.trim() === '') return null;
  const v = Number(text);
  if (!Number.isFinite(v)) return null;
  const r = limit.integer ? Math.round(v) : v;
  return Math.min(limit.max, Math.max(limit.min, r));
}

/**
 * The typed-but-not-applied text of a number input: `commit` (Enter, blur) parses and clamps it into `limit`
 * and calls `onCommit` only when the value changed; `cancel` (Escape) drops it.
 */
export function useDraftNumber(value: number, limit: ParamLimit, onCommit: (v: number) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const v = parseField(draft, limit);
    setDraft(null);
    if (v !== null && v !== value) onCommit(v);
  };
  return {
    value: draft ?? String(value),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: { key: string }) => {
      if (e.key === 'Enter') commit();
      if (e.key === 'Escape') setDraft(null);
    },
  };
}

/**
 * A labelled number input that applies on Enter or when it loses focus, never on each keystroke
 * (every change starts a new run). Out-of-range values are clamped and the field shows what was used.
 */
export function NumberField(props: { label: string; value: number; limit: ParamLimit; step?: number; onCommit: (v: number) => void; hint?: string }) {
  const id = useId();
  const draft = useDraftNumber(props.value, props.limit, props.onCommit);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={props.limit.min}
        max={props.limit.max}
        step={props.step ?? (props.limit.integer ? 1 : 'any')}
        {...draft}
        aria-describedby={`${id}-range`}
      />
      <small id={`${id}-range`} className="hint">
        {props.hint ? `${props.hint} ` : ''}
        {props.limit.min}–{props.limit.max}
      </small>
    </div>
  );
}
