import { CONFIG_LIMITS } from '../engine/config';
import { INIT_SCHEMES } from '../engine/init-config';
import { OPTIMIZERS } from '../engine/optim-config';
import { TASK_LIMITS } from '../engine/tasks/limits';
import type { ParamLimit } from '../engine/tasks/limits';
import { ACTIVATIONS, CELLS } from '../engine/types';
import type { ControlId } from '../lessons/types';
import { useLab, useLabActions } from '../state/context';
import { isVisible, useScenario } from '../state/scenario';
import { fromHash, toHash } from '../state/url';
import { NumberField, SelectField } from '../views/controls/fields';

/** How each control a lesson can offer is shown: a select of its values, or a number within its limits. */
const FIELDS: Record<ControlId, { label: string; options?: readonly string[]; limit?: ParamLimit }> = {
  cell: { label: 'Cell', options: CELLS },
  act: { label: 'Activation', options: ACTIVATIONS },
  hidden: { label: 'Hidden units', limit: CONFIG_LIMITS.hiddenSize },
  init: { label: 'Initialization', options: INIT_SCHEMES },
  rscale: { label: 'Recurrent scale', limit: CONFIG_LIMITS.recurrentScale },
  fbias: { label: 'Forget-gate bias', limit: CONFIG_LIMITS.forgetBias },
  opt: { label: 'Optimizer', options: OPTIMIZERS },
  lr: { label: 'Learning rate', limit: CONFIG_LIMITS.lr },
  clip: { label: 'Gradient clipping', options: ['none', 'norm', 'value'] },
  clipAt: { label: 'Clipping threshold', limit: CONFIG_LIMITS.clipThreshold },
  trunc: { label: 'Truncated BPTT k', limit: CONFIG_LIMITS.truncate },
  lag: { label: 'Lag', limit: TASK_LIMITS.echo.lag },
  T: { label: 'Sequence length T', limit: TASK_LIMITS.adding.seqLength },
  seed: { label: 'Seed', limit: CONFIG_LIMITS.seed },
  speed: { label: 'Steps per second (0 = max)', limit: { min: 0, max: 1000, default: 20, integer: true } },
  // the link values of model.recurrence and model.forgetGate
  rec: { label: 'Recurrence', options: ['on', 'off'] },
  fgate: { label: 'Forget gate', options: ['sigmoid', 'tanh'] },
};

/**
 * The settings a lesson step hands to the student, and no others. A change goes through the lab's own link
 * reading (fromHash), so a value is checked and clamped exactly as in a shared link. A link's scenario may hide
 * some of them, or show them locked.
 */
export function LessonControls({ controls: offered }: { controls: readonly ControlId[] }) {
  const config = useLab((s) => s.config);
  const ui = useLab((s) => s.ui);
  const a = useLabActions();
  const scenario = useScenario();
  const controls = offered.filter((key) => isVisible(scenario, key));
  if (controls.length === 0) return null;
  const params = new URLSearchParams(toHash(config, ui).slice(1));
  const set = (key: ControlId, value: string) => {
    if (key === 'speed') return a.setSpeed(Number(value));
    params.set(key, value);
    a.configure(fromHash(`#${params.toString()}`).config);
  };
  return (
    <fieldset className="lesson-controls">
      <legend>Try changing</legend>
      {controls.map((key) => {
        const f = FIELDS[key];
        const value = key === 'speed' ? String(ui.speed) : (params.get(key) ?? '');
        return (
          <div key={key}>
            {f.options ? (
              <SelectField control={key} label={f.label} value={value} options={f.options} onChange={(v) => set(key, v)} />
            ) : (
              <NumberField control={key} label={f.label} value={Number(value)} limit={f.limit!} onCommit={(v) => set(key, String(v))} />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
