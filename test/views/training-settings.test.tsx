import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import { TrainingSettings } from '../../src/views/controls/TrainingSettings';
import { renderLab } from './render-lab';

describe('TrainingSettings: truncation', () => {
  it('offers the truncation mode beside k once k > 0, explains both modes, and applies a change', () => {
    const config = { ...defaultConfig(), truncate: 20 };
    const { actions } = renderLab(<TrainingSettings />, { config });
    const select = screen.getByRole('combobox', { name: 'Truncation' });
    expect(select).toHaveValue('chunk');
    expect(Array.from(select.querySelectorAll('option')).map((o) => o.textContent)).toEqual(['chunks of k', 'window of k per loss']);
    expect(select).toHaveAccessibleDescription(/^Chunks of k: .*\. Window of k: .*\.$/);
    fireEvent.change(select, { target: { value: 'window' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...config, truncMode: 'window' });
  });

  it('hides the mode under full BPTT (k = 0), where it changes nothing', () => {
    renderLab(<TrainingSettings />, { config: defaultConfig() });
    expect(screen.queryByRole('combobox', { name: 'Truncation' })).toBeNull();
  });
});
