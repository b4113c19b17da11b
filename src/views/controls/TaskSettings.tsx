import { useId, useState } from 'react';
import { BUNDLED_SERIES_NAMES, bundledSeries } from '../../engine/tasks/bundled-series';
import { TASK_LIMITS } from '../../engine/tasks/limits';
import { defaultTaskConfig } from '../../engine/tasks/normalize';
import { TASK_KINDS } from '../../engine/tasks/task';
import type { TaskConfig, TaskKind } from '../../engine/tasks/task';
import { useLab, useLabActions } from '../../state/context';
import { isVisible, useScenario } from '../../state/scenario';
import type { ControlId } from '../../state/scenario';
import { LockedMark, NumberField, SelectField, useControl } from './fields';
import { EXAMPLE_CSV } from './example-series';

const TASK_NAMES: Record<TaskKind, string> = {
  text: 'Text: next character',
  sine: 'Sine waves: next value',
  echo: 'Echo: recall after a lag',
  adding: 'Adding problem',
  series: 'Your own series (CSV)',
  translate: 'Translate number words (encoder–decoder)',
  caption: 'Caption pictures (captioner)',
};

/** The link keys of the fields each task shows. */
const TASK_FIELDS: Record<TaskKind, ControlId[]> = {
  echo: ['task', 'lag', 'symbols'],
  sine: ['task', 'T', 'noise', 'comps'],
  adding: ['task', 'T'],
  text: ['task', 'T', 'text'],
  series: ['task', 'T', 'csv'],
  translate: ['task', 'reverse'],
  caption: ['task'],
};

/** The task picker and the chosen task's parameters, including the user's own text or series. */
export function TaskSettings() {
  const config = useLab((s) => s.config);
  const a = useLabActions();
  const scenario = useScenario();
  const task = config.task;
  // a page that hides every field of this task hides the whole group
  if (!TASK_FIELDS[task.kind].some((id) => isVisible(scenario, id))) return null;
  const set = (t: TaskConfig) => a.configure({ ...config, task: t });
  const pick = (kind: TaskKind) => {
    if (kind === task.kind) return;
    set(kind === 'series' ? { kind, csv: EXAMPLE_CSV, seqLength: TASK_LIMITS.series.seqLength.default } : defaultTaskConfig(kind));
  };
  return (
    <fieldset>
      <legend>Task</legend>
      <SelectField control="task" label="Task" value={task.kind} options={TASK_KINDS} names={TASK_NAMES} onChange={pick} />
      {task.kind === 'echo' && (
        <>
          <NumberField control="lag" label="Lag (blank steps)" value={task.lag} limit={TASK_LIMITS.echo.lag} onCommit={(lag) => set({ ...task, lag })} />
          <NumberField control="symbols" label="Symbols" value={task.symbols} limit={TASK_LIMITS.echo.symbols} onCommit={(symbols) => set({ ...task, symbols })} />
        </>
      )}
      {task.kind === 'sine' && (
        <>
          <NumberField control="T" label="Sequence length T" value={task.seqLength} limit={TASK_LIMITS.sine.seqLength} onCommit={(seqLength) => set({ ...task, seqLength })} />
          <NumberField control="noise" label="Noise σ" value={task.noise} limit={TASK_LIMITS.sine.noise} step={0.01} onCommit={(noise) => set({ ...task, noise })} />
          <NumberField control="comps" label="Sine components" value={task.components} limit={TASK_LIMITS.sine.components} onCommit={(components) => set({ ...task, components })} />
        </>
      )}
      {(task.kind === 'adding' || task.kind === 'text' || task.kind === 'series') && (
        <NumberField control="T" label="Sequence length T" value={task.seqLength} limit={TASK_LIMITS[task.kind].seqLength} onCommit={(seqLength) => set({ ...task, seqLength })} />
      )}
      {task.kind === 'text' && <OwnData key="text" control="text" label="Your own text (leave empty for Alice)" initial={task.text ?? ''} onApply={(text) => set(text.trim() === '' ? { kind: 'text', seqLength: task.seqLength } : { ...task, text })} />}
      {task.kind === 'translate' && (
        <SelectField control="reverse" label="The encoder reads the words" value={task.reverse ? 'reversed' : 'in order'} options={['in order', 'reversed'] as const} onChange={(v) => set({ ...task, reverse: v === 'reversed' })} />
      )}
      {task.kind === 'series' && <ExampleSeries onPick={(t) => set(t)} />}
      {task.kind === 'series' && (
        <OwnData
          key={bundledSeries(task.csv) ? task.csv : task.csv.length}
          control="csv"
          label={`Your series: one number per line, or CSV (last numeric column), or a bundled series by name (${BUNDLED_SERIES_NAMES.join(', ')})`}
          initial={task.csv}
          note={bundledSeries(task.csv) ? `“${task.csv}” is the bundled ${bundledSeries(task.csv)?.title}, ${bundledSeries(task.csv)?.points} values.` : undefined}
          onApply={(csv) => set({ ...task, csv })}
        />
      )}
    </fieldset>
  );
}

/**
 * The series to start from: the made-up seasonal curve, or NOAA's monthly CO₂ at Mauna Loa with its last four years
 * held out, named (`csv=co2`, engine/tasks/bundled-series.ts) as the forecast page's run names it: the link stays
 * short and the 806 numbers load with the task in the worker, not with the page.
 */
function ExampleSeries({ onPick }: { onPick: (t: TaskConfig) => boolean }) {
  const { visible, locked } = useControl('csv');
  if (!visible || locked) return null;
  // the forecast page's windows of 60 months (src/apps/registry.ts `forecast`)
  const co2 = () => onPick({ kind: 'series', csv: 'co2', seqLength: 60, holdout: 48 });
  return (
    <div className="field example-series" data-control="example-series">
      <span>Example series</span>
      <button type="button" onClick={() => onPick({ kind: 'series', csv: EXAMPLE_CSV, seqLength: TASK_LIMITS.series.seqLength.default })}>
        Made-up seasonal
      </button>
      <button type="button" onClick={co2}>
        CO₂ at Mauna Loa (NOAA)
      </button>
    </div>
  );
}

/** A textarea applied by a button: pasting a whole text must not start a run per keystroke. */
function OwnData({ label, initial, onApply, control, note }: { label: string; initial: string; onApply: (v: string) => boolean; control: ControlId; note?: string }) {
  const [text, setText] = useState(initial);
  const { visible, locked } = useControl(control);
  const markId = `${useId()}-locked`;
  if (!visible) return null;
  return (
    <div className="field own-data" data-control={control} data-locked={locked || undefined}>
      {locked && <LockedMark id={markId} />}
      <label>
        {label}
        <textarea value={text} rows={5} spellCheck={false} readOnly={locked} aria-describedby={locked ? markId : undefined} onChange={(e) => setText(e.target.value)} />
      </label>
      {note && <p className="field-note">{note}</p>}
      <button type="button" onClick={() => onApply(text)} disabled={locked || text === initial}>
        Use this
      </button>
    </div>
  );
}
