import { formatFixed } from '../chart/format';
import { CONFIG_LIMITS } from '../../engine/config';
import type { SpectralInfo } from '../../engine/session';
import { INIT_SCHEMES } from '../../engine/init-config';
import type { InitScheme } from '../../engine/init';
import { ACTIVATIONS, CELLS, FORGET_GATES, RECURRENCES } from '../../engine/types';
import type { Activation, CellKind, ForgetGate, Recurrence } from '../../engine/types';
import { useLab, useLabActions } from '../../state/context';
import { isVisible, useScenario } from '../../state/scenario';
import type { ControlId } from '../../state/scenario';
import { NumberField, SelectField } from './fields';

const MODEL_FIELDS: readonly ControlId[] = ['cell', 'act', 'rec', 'hidden', 'init', 'iscale', 'rscale', 'fgate', 'fbias'];

const CELL_NAMES: Record<CellKind, string> = { rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' };
const RECURRENCE_NAMES: Record<Recurrence, string> = { on: 'on', off: 'off — frozen at zero' };
const INIT_NAMES: Record<InitScheme, string> = {
  uniform: 'uniform ±s',
  normal: 'normal σ',
  xavier: 'Xavier / Glorot',
  orthogonal: 'orthogonal (recurrent)',
  identity: 'identity (IRNN)',
};

/** The recurrent matrix with the largest spectral radius, as "ρ(Whh) = 0.23", or null before the first spectrum. */
export function rhoText(spectral: readonly SpectralInfo[] | null): string | null {
  if (!spectral || spectral.length === 0) return null;
  const s = spectral.reduce((a, b) => (b.radius > a.radius ? b : a));
  return Number.isFinite(s.radius) ? `ρ(${s.name}) = ${formatFixed(s.radius, 2)}` : null;
}

/**
 * The recurrent scale's hint, true for every initialization and cell: the scale multiplies the initial
 * recurrent weights (so with a small init, ×1 can leave ρ far below 1); what decides vanishing or exploding is
 * ρ(W_hh) times the activation's slope — for gated cells, their gates.
 */
export function recurrentScaleHint(cell: CellKind): string {
  const what =
    cell === 'rnn'
      ? "What decides vanishing or exploding is roughly ρ(Whh) times the activation's slope, not the scale itself."
      : `In ${cell === 'lstm' ? 'an LSTM the forget gate' : 'a GRU the update gate'} sets how much error flows back, more than ρ does.`;
  return `Multiplies the initial recurrent weights Wh·. ${what}`;
}

/** The network: cell, activation, hidden size, and how its weights start. */
export function ModelSettings() {
  const config = useLab((s) => s.config);
  const spectral = useLab((s) => s.spectral);
  const a = useLabActions();
  const scenario = useScenario();
  const { model, init } = config;
  const L = CONFIG_LIMITS;
  const rho = rhoText(spectral);
  if (!MODEL_FIELDS.some((id) => isVisible(scenario, id))) return null;
  const setModel = (patch: Partial<typeof model>) => a.configure({ ...config, model: { ...model, ...patch } });
  const setInit = (patch: Partial<typeof init>) => a.configure({ ...config, init: { ...init, ...patch } });
  return (
    <fieldset>
      <legend>Network</legend>
      <SelectField control="cell" label="Cell" value={model.cell} options={CELLS} names={CELL_NAMES} onChange={(cell: CellKind) => setModel({ cell })} />
      {model.cell === 'rnn' && (
        <SelectField control="act" label="Activation" value={model.activation} options={ACTIVATIONS} onChange={(activation: Activation) => setModel({ activation })} />
      )}
      <SelectField control="rec" label="Recurrence" value={model.recurrence ?? 'on'} options={RECURRENCES} names={RECURRENCE_NAMES} onChange={(recurrence: Recurrence) => setModel({ recurrence })} />
      <NumberField control="hidden" label="Hidden units" value={model.hiddenSize} limit={L.hiddenSize} onCommit={(hiddenSize) => setModel({ hiddenSize })} />
      <SelectField control="init" label="Initialization" value={init.scheme} options={INIT_SCHEMES} names={INIT_NAMES} onChange={(scheme: InitScheme) => setInit({ scheme })} />
      {(init.scheme === 'uniform' || init.scheme === 'normal') && (
        <NumberField control="iscale" label={init.scheme === 'uniform' ? 'Init range s' : 'Init σ'} value={init.scale} limit={L.initScale} step={0.01} onCommit={(scale) => setInit({ scale })} />
      )}
      <NumberField
        control="rscale"
        label="Recurrent scale"
        value={init.recurrentScale}
        limit={L.recurrentScale}
        step={0.1}
        hint={recurrentScaleHint(model.cell)}
        onCommit={(recurrentScale) => setInit({ recurrentScale })}
      />
      <p className="hint" data-testid="settings-rho" style={{ margin: '0.15rem 0 0' }}>
        {rho === null ? 'ρ appears with the first frame.' : `Now ${rho}${model.cell === 'rnn' ? '' : ' (largest of the recurrent matrices)'}.`}
      </p>
      {model.cell === 'lstm' && <SelectField control="fgate" label="Forget gate" value={model.forgetGate ?? 'sigmoid'} options={FORGET_GATES} onChange={(forgetGate: ForgetGate) => setModel({ forgetGate })} />}
      {model.cell === 'lstm' && <NumberField control="fbias" label="Forget-gate bias" value={init.forgetBias} limit={L.forgetBias} step={0.5} onCommit={(forgetBias) => setInit({ forgetBias })} />}
    </fieldset>
  );
}
