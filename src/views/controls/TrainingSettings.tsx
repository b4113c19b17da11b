import { CONFIG_LIMITS } from '../../engine/config';
import { OPTIMIZERS } from '../../engine/optim-config';
import type { OptimizerKind } from '../../engine/optim';
import { KERNEL_PATHS } from '../../engine/fast/choice';
import type { KernelPath } from '../../engine/fast/choice';
import { isExampleTask } from '../../engine/tasks/task';
import { TRUNC_MODES } from '../../engine/types';
import type { TruncMode } from '../../engine/types';
import { useLab, useLabActions } from '../../state/context';
import { formatDuration, stepSeconds } from '../../state/cost';
import { isVisible, useScenario } from '../../state/scenario';
import type { ControlId } from '../../state/scenario';
import { NumberField, SelectField } from './fields';

const TRAINING_FIELDS: readonly ControlId[] = ['opt', 'lr', 'clip', 'clipAt', 'trunc', 'truncMode', 'batch', 'seed', 'kernels'];

const OPT_NAMES: Record<OptimizerKind, string> = { sgd: 'SGD', momentum: 'SGD + momentum', rmsprop: 'RMSProp', adam: 'Adam' };
type ClipKind = 'none' | 'norm' | 'value';
const CLIP_KINDS: readonly ClipKind[] = ['none', 'norm', 'value'];
const CLIP_NAMES: Record<ClipKind, string> = { none: 'none', norm: 'by global norm', value: 'by value' };
const TRUNC_NAMES: Record<TruncMode, string> = { chunk: 'chunks of k', window: 'window of k per loss' };
/** One sentence per truncation mode, both shown under the select. */
const TRUNC_HINT =
  'Chunks of k: the sequence is cut every k steps and no error crosses a cut, one backward pass per chunk (as fast as full BPTT). ' +
  'Window of k: every loss sends its error back exactly k steps, one backward pass per scored step (about k times slower).';

const KERNEL_NAMES: Record<KernelPath, string> = { reference: 'Float64 reference (verified)', fast: 'float32 WebAssembly (fast)' };
const KERNEL_HINT =
  'Reference: the Float64 kernels checked against finite differences, the default. ' +
  'Fast: the same network trained in float32 with WebAssembly SIMD, about 4–7 times faster. Its numbers differ from the reference in the 6th or 7th digit, so a long run can drift away from the reference run with the same seed.';

/** How it learns: optimizer, learning rate, clipping, truncated BPTT, batch, seed. */
export function TrainingSettings() {
  const config = useLab((s) => s.config);
  const info = useLab((s) => s.info);
  const a = useLabActions();
  const scenario = useScenario();
  const L = CONFIG_LIMITS;
  if (!TRAINING_FIELDS.some((id) => isVisible(scenario, id))) return null;
  const set = (patch: Partial<typeof config>) => a.configure({ ...config, ...patch });
  const clip = config.clip;
  const threshold = clip.kind === 'none' ? L.clipThreshold.default : clip.threshold;
  return (
    <fieldset>
      <legend>Training</legend>
      <SelectField control="opt" label="Optimizer" value={config.optimizer.kind} options={OPTIMIZERS} names={OPT_NAMES} onChange={(kind: OptimizerKind) => set({ optimizer: { ...config.optimizer, kind } })} />
      <NumberField control="lr" label="Learning rate" value={config.optimizer.lr} limit={L.lr} step={0.001} onCommit={(lr) => set({ optimizer: { ...config.optimizer, lr } })} />
      <SelectField control="clip" label="Gradient clipping" value={clip.kind} options={CLIP_KINDS} names={CLIP_NAMES} onChange={(kind: ClipKind) => set({ clip: kind === 'none' ? { kind } : { kind, threshold } })} />
      {clip.kind !== 'none' && <NumberField control="clipAt" label="Clipping threshold" value={clip.threshold} limit={L.clipThreshold} step={0.1} onCommit={(t) => set({ clip: { kind: clip.kind, threshold: t } })} />}
      <NumberField control="trunc" label="Truncated BPTT k" value={config.truncate} limit={L.truncate} hint="0 = full BPTT." onCommit={(truncate) => set({ truncate })} />
      {config.truncate > 0 && <SelectField control="truncMode" label="Truncation" value={config.truncMode} options={TRUNC_MODES} names={TRUNC_NAMES} hint={TRUNC_HINT} onChange={(truncMode: TruncMode) => set({ truncMode })} />}
      <NumberField control="batch" label="Batch size" value={config.batch} limit={L.batch} onCommit={(batch) => set({ batch })} />
      {info && (
        <p className="hint" data-testid="step-cost">
          About {formatDuration(stepSeconds(info))} per training step (estimated from its size; the status bar shows the measured speed).
        </p>
      )}
      <NumberField control="seed" label="Seed" value={config.seed} limit={L.seed} onCommit={(seed) => set({ seed })} />
      {/* the encoder–decoder and the captioner train on the reference only (engine/seq2seq-config.ts) */}
      {!isExampleTask(config.task) && (
        <SelectField
          control="kernels"
          label="Kernels"
          value={config.kernels ?? 'reference'}
          options={KERNEL_PATHS}
          names={KERNEL_NAMES}
          hint={KERNEL_HINT}
          onChange={(k: KernelPath) => {
            // the reference is the default, spelled by leaving the key out (engine/config.ts)
            const { kernels: _omit, ...rest } = config;
            a.configure(k === 'fast' ? { ...rest, kernels: k } : rest);
          }}
        />
      )}
      {config.kernels === 'fast' && info && info.config.kernels === 'fast' && info.kernels !== 'fast' && (
        <p className="hint" role="status" data-testid="kernels-fallback">
          The fast kernels cannot run in this browser; this run trains on the Float64 reference.
        </p>
      )}
    </fieldset>
  );
}
