import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/engine/config';
import { ModelSettings } from '../../../src/views/controls/ModelSettings';
import { renderLab } from '../render-lab';

const optionsOf = (name: string) => within(screen.getByRole('combobox', { name })).getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent]);

describe('ModelSettings: the recurrence and forget-gate selects', () => {
  it('offers recurrence on / off for every cell and sends the choice', () => {
    const config = { ...defaultConfig(), model: { cell: 'rnn' as const, activation: 'tanh' as const, hiddenSize: 16 } };
    const { actions } = renderLab(<ModelSettings />, { config });
    expect(optionsOf('Recurrence')).toEqual([['on', 'on'], ['off', 'off — frozen at zero']]);
    expect(screen.getByRole('combobox', { name: 'Recurrence' })).toHaveValue('on');
    expect(screen.queryByRole('combobox', { name: 'Forget gate' })).toBeNull(); // LSTM only
    fireEvent.change(screen.getByRole('combobox', { name: 'Recurrence' }), { target: { value: 'off' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...config, model: { ...config.model, recurrence: 'off' } });
  });

  it('offers the forget gate (sigmoid / tanh) for an LSTM and shows the config’s choices', () => {
    const config = { ...defaultConfig(), model: { ...defaultConfig().model, recurrence: 'off' as const, forgetGate: 'tanh' as const } };
    const { actions } = renderLab(<ModelSettings />, { config });
    expect(optionsOf('Forget gate')).toEqual([['sigmoid', 'sigmoid'], ['tanh', 'tanh']]);
    expect(screen.getByRole('combobox', { name: 'Forget gate' })).toHaveValue('tanh');
    expect(screen.getByRole('combobox', { name: 'Recurrence' })).toHaveValue('off');
    fireEvent.change(screen.getByRole('combobox', { name: 'Forget gate' }), { target: { value: 'sigmoid' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...config, model: { ...config.model, forgetGate: 'sigmoid' } });
  });
});
