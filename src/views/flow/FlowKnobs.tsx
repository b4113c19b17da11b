import { useId } from 'react';
import type { ClipConfig } from '../../engine/clip';
import { CONFIG_LIMITS } from '../../engine/config';
import type { SessionConfig } from '../../engine/config';
import type { InitScheme } from '../../engine/init';
import type { OptimizerKind } from '../../engine/optim';
import type { SpectralInfo } from '../../engine/session';
import { ACTIVATIONS, CELLS } from '../../engine/types';
import type { Activation, CellKind } from '../../engine/types';
import { CommitSlider } from './CommitSlider';
import { boundWords, spectralWords } from './flow-words';

/** Slider range of the recurrent scale (the engine allows up to 5; 3 already explodes anything). */
export const RSCALE_MAX = 3;
const CELL_NAMES: Record<CellKind, string> = { rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' };
const ACT_NAMES: Record<Activation, string> = { tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU', linear: 'linear' };
const INIT_NAMES: Record<InitScheme, string> = { uniform: 'uniform ±s (naive)', normal: 'normal σ (naive)', xavier: 'Xavier / Glorot', orthogonal: 'orthogonal', identity: 'identity (IRNN)' };
const INITS: readonly InitScheme[] = ['uniform', 'xavier', 'orthogonal', 'identity'];
const OPT_NAMES: Record<OptimizerKind, string> = { sgd: 'SGD', momentum: 'SGD + momentum', rmsprop: 'RMSProp', adam: 'Adam' };
const OPTS: readonly OptimizerKind[] = ['sgd', 'rmsprop', 'adam'];
type ClipKind = ClipConfig['kind'];
const CLIP_NAMES: Record<ClipKind, string> = { none: 'none', norm: 'by global norm', value: 'by value' };

/** The options shown: the usual ones, plus the current value when a link chose another (so the select shows it). */
function withCurrent<T extends string>(options: readonly T[], current: T): readonly T[] {
  return options.includes(current) ? options : [...options, current];
}

function Select<T extends string>(props: { label: string; value: T; options: readonly T[]; names: Record<T, string>; onChange: (v: T) => void }) {
  const id = useId();
  return (
    <div className="flow-knob">
      <label htmlFor={id}>
        {props.label}{' '}
        {/* the settings panel has selects of the same names: this keeps each control's name unique on the page */}
        <span className="visually-hidden">(gradient-flow view)</span>
      </label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)} onKeyDown={(e) => e.stopPropagation()}>
        {withCurrent(props.options, props.value).map((o) => (
          <option key={o} value={o}>
            {props.names[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A threshold rounded to two significant digits (a log slider's positions are not round numbers). */
export function roundThreshold(v: number): number {
  return Number(v.toPrecision(2));
}

/**
 * The knobs that cause and cure vanishing and exploding gradients. Each applies at once (sliders on release)
 * through `configure`, which starts a new run (and keeps it playing if it was).
 */
export function FlowKnobs({ config, spectral, T, configure, highlight }: { config: SessionConfig; spectral: SpectralInfo[] | null; T: number; configure: (c: SessionConfig) => void; highlight: string | null }) {
  const L = CONFIG_LIMITS;
  const { model, init, clip, optimizer } = config;
  const set = (patch: Partial<SessionConfig>) => configure({ ...config, ...patch });
  const clipThreshold = clip.kind === 'none' ? L.clipThreshold.default : clip.threshold;
  const truncMax = Math.max(1, Math.min(L.truncate.max, T));
  const words = spectralWords(spectral, model.cell);
  const bound = model.cell === 'rnn' ? boundWords(model.activation, spectral) : null;
  return (
    <div className="flow-knobs" role="group" aria-label="What causes and cures it">
      <CommitSlider
        label="Recurrent scale"
        value={init.recurrentScale}
        min={L.recurrentScale.min}
        max={Math.max(RSCALE_MAX, init.recurrentScale)}
        step={0.05}
        format={(v) => `×${v.toFixed(2)}`}
        onCommit={(recurrentScale) => set({ init: { ...init, recurrentScale } })}
      >
        <p className={highlight === 'Whh' ? 'flow-spectral lit' : 'flow-spectral'} data-testid="flow-spectral">
          {words}
        </p>
        {bound && (
          <p className="flow-spectral" data-testid="flow-bound">
            {bound}
          </p>
        )}
      </CommitSlider>
      {model.cell === 'rnn' && (
        <Select label="Activation" value={model.activation} options={ACTIVATIONS} names={ACT_NAMES} onChange={(activation) => set({ model: { ...model, activation } })} />
      )}
      <Select label="Initialization" value={init.scheme} options={INITS} names={INIT_NAMES} onChange={(scheme) => set({ init: { ...init, scheme } })} />
      <Select label="Cell" value={model.cell} options={CELLS} names={CELL_NAMES} onChange={(cell) => set({ model: { ...model, cell } })} />
      <Select
        label="Gradient clipping"
        value={clip.kind}
        options={['none', 'norm'] as const}
        names={CLIP_NAMES}
        onChange={(kind) => set({ clip: kind === 'none' ? { kind } : { kind, threshold: clipThreshold } })}
      />
      {clip.kind !== 'none' && (
        <CommitSlider
          label="Clipping threshold"
          value={clip.threshold}
          min={Math.log10(L.clipThreshold.min)}
          max={Math.log10(L.clipThreshold.max)}
          step={0.05}
          toValue={(p) => roundThreshold(10 ** p)}
          fromValue={(v) => Math.log10(v)}
          format={(v) => String(v)}
          onCommit={(threshold) => set({ clip: { kind: clip.kind, threshold } })}
        />
      )}
      <CommitSlider
        label="Truncated BPTT k"
        value={config.truncate}
        min={0}
        max={Math.max(truncMax, config.truncate)}
        step={1}
        format={(v) => (v === 0 ? 'full' : String(v))}
        onCommit={(truncate) => set({ truncate })}
      />
      <Select label="Optimizer" value={optimizer.kind} options={OPTS} names={OPT_NAMES} onChange={(kind) => set({ optimizer: { ...optimizer, kind } })} />
    </div>
  );
}
