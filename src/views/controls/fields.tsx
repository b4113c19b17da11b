import { useId, useState } from 'react';
import type { ParamLimit } from '../../engine/tasks/limits';
import { isLocked, isVisible, useScenario } from '../../state/scenario';
import type { ControlId } from '../../state/scenario';
import './locked.css';

/** Whether the page's scenario shows a control, and whether it locks it (a field with no `control` is always shown and free). */
export function useControl(control: ControlId | undefined): { visible: boolean; locked: boolean } {
  const s = useScenario();
  return control === undefined ? { visible: true, locked: false } : { visible: isVisible(s, control), locked: isLocked(s, control) };
}

/** The visible "locked" mark of a control the page locks; its text is the control's accessible description. */
export function LockedMark({ id }: { id: string }) {
  return (
    <span id={id} className="locked-mark">
      locked <span className="visually-hidden">by this page</span>
    </span>
  );
}

/** A field's label, and beside it (outside it: the mark describes the control, it is not part of its name) the locked mark. */
export function FieldLabel({ htmlFor, label, markId }: { htmlFor: string; label: string; markId: string | null }) {
  if (markId === null) return <label htmlFor={htmlFor}>{label}</label>;
  return (
    <div className="field-label">
      <label htmlFor={htmlFor}>{label}</label>
      <LockedMark id={markId} />
    </div>
  );
}

/** The ids a control's aria-describedby lists (its hint, its locked mark), or undefined for none. */
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/**
 * A labelled select whose change applies at once. `control`: the scenario id it stands for — hidden when the page's
 * scenario hides it, disabled and marked when it locks it.
 */
export function SelectField<T extends string>(props: { label: string; value: T; options: readonly T[]; names?: Partial<Record<T, string>>; onChange: (v: T) => void; hint?: string; control?: ControlId }) {
  const id = useId();
  const { visible, locked } = useControl(props.control);
  if (!visible) return null;
  return (
    <div className="field" data-control={props.control} data-locked={locked || undefined}>
      <FieldLabel htmlFor={id} label={props.label} markId={locked ? `${id}-locked` : null} />
      <select
        id={id}
        value={props.value}
        disabled={locked}
        onChange={(e) => {
          if (!locked) props.onChange(e.target.value as T);
        }}
        aria-describedby={describedBy(props.hint && `${id}-hint`, locked && `${id}-locked`)}
      >
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
 * `control` as for SelectField.
 */
export function NumberField(props: { label: string; value: number; limit: ParamLimit; step?: number; onCommit: (v: number) => void; hint?: string; control?: ControlId }) {
  const id = useId();
  const { visible, locked } = useControl(props.control);
  const draft = useDraftNumber(props.value, props.limit, (v) => {
    if (!locked) props.onCommit(v);
  });
  if (!visible) return null;
  return (
    <div className="field" data-control={props.control} data-locked={locked || undefined}>
      <FieldLabel htmlFor={id} label={props.label} markId={locked ? `${id}-locked` : null} />
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={props.limit.min}
        max={props.limit.max}
        step={props.step ?? (props.limit.integer ? 1 : 'any')}
        {...draft}
        disabled={locked}
        aria-describedby={describedBy(`${id}-range`, locked && `${id}-locked`)}
      />
      <small id={`${id}-range`} className="hint">
        {props.hint ? `${props.hint} ` : ''}
        {props.limit.min}–{props.limit.max}
      </small>
    </div>
  );
}
