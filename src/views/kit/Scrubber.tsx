import { useId } from 'react';
import { useLab, useLabActions } from '../../state/context';

/** The timestep the views focus on: a slider over 0…T−1 with the step's input label; shared by every view of the widget. */
export function Scrubber({ T, labels }: { T: number; labels?: readonly string[] }) {
  const id = useId();
  const t = useLab((s) => s.selection.t);
  const a = useLabActions();
  const value = t === null ? T - 1 : Math.min(t, T - 1);
  return (
    <div className="scrubber">
      <label htmlFor={id}>timestep t</label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, T - 1)}
        value={value}
        onChange={(e) => a.select({ t: Number(e.target.value) })}
        onKeyDown={(e) => e.stopPropagation()} // arrows move the slider, they do not step training
        aria-valuetext={`t = ${value}${labels?.[value] ? `, input ${labels[value]}` : ''}`}
      />
      <output htmlFor={id}>
        t = {value}
        {labels?.[value] ? ` (${labels[value]})` : ''}
      </output>
    </div>
  );
}
