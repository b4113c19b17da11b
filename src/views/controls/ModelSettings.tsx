import { CONFIG_LIMITS } from '../../engine/config';
import { INIT_SCHEMES } from '../../engine/init';
import type { InitScheme } from '../../engine/init';
import { ACTIVATIONS, CELLS } from '../../engine/types';
import type { Activation, CellKind } from '../../engine/types';
import { useLab, useLabActions } from '../../state/context';
import { NumberField, SelectField } from './fields';

const CELL_NAMES: Record<CellKind, string> = { rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' };
const INIT_NAMES: Record<InitScheme, string> = {
  uniform: 'uniform ±s',
  normal: 'normal σ',
  xavier: 'Xavier / Glorot',
  orthogonal: 'orthogonal (recurrent)',
  identity: 'identity (IRNN)',
};

/** The network: cell, activation, hidden size, and how its weights start. */
export function ModelSettings() {
  const config = useLab((s) => s.config);
  const a = useLabActions();
  const { model, init } = config;
  const L = CONFIG_LIMITS;
  const setModel = (patch: Partial<typeof model>) => a.configure({ ...config, model: { ...model, ...patch } });
  const setInit = (patch: Partial<typeof init>) => a.configure({ ...config, init: { ...init, ...patch } });
  return (
    <fieldset>
      <legend>Network</legend>
      <SelectField label="Cell" value={model.cell} options={CELLS} names={CELL_NAMES} onChange={(cell: CellKind) => setModel({ cell })} />
      {model.cell === 'rnn' && (
        <SelectField label="Activation" value={model.activation} options={ACTIVATIONS} onChange={(activation: Activation) => setModel({ activation })} />
      )}
      <NumberField label="Hidden units" value={model.hiddenSize} limit={L.hiddenSize} onCommit={(hiddenSize) => setModel({ hiddenSize })} />
      <SelectField label="Initialization" value={init.scheme} options={INIT_SCHEMES} names={INIT_NAMES} onChange={(scheme: InitScheme) => setInit({ scheme })} />
      {(init.scheme === 'uniform' || init.scheme === 'normal') && (
        <NumberField label={init.scheme === 'uniform' ? 'Init range s' : 'Init σ'} value={init.scale} limit={L.initScale} step={0.01} onCommit={(scale) => setInit({ scale })} />
      )}
      <NumberField
        label="Recurrent scale"
        value={init.recurrentScale}
        limit={L.recurrentScale}
        step={0.1}
        hint="multiplies Wh: above 1 invites explosion, below 1 vanishing."
        onCommit={(recurrentScale) => setInit({ recurrentScale })}
      />
      {model.cell === 'lstm' && <NumberField label="Forget-gate bias" value={init.forgetBias} limit={L.forgetBias} step={0.5} onCommit={(forgetBias) => setInit({ forgetBias })} />}
    </fieldset>
  );
}
