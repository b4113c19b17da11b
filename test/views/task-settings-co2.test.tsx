/**
 * The lab's series task offers NOAA's CO₂ by name: the button configures `csv: 'co2'` with the forecast page's
 * windows (T = 60, 48 months held out), and the series field says what the name stands for.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import { TaskSettings } from '../../src/views/controls/TaskSettings';
import { renderLab } from './render-lab';

describe('the series task’s CO₂ example', () => {
  it('configures the bundled series by name, as the forecast page runs it', () => {
    const { actions } = renderLab(<TaskSettings />, { config: { ...defaultConfig(), task: { kind: 'series', csv: '1\n2\n3\n2\n1\n2', seqLength: 4 } } });
    fireEvent.click(screen.getByRole('button', { name: 'CO₂ at Mauna Loa (NOAA)' }));
    expect(actions.configure).toHaveBeenCalledTimes(1);
    expect(actions.configure.mock.calls[0][0].task).toEqual({ kind: 'series', csv: 'co2', seqLength: 60, holdout: 48 });
  });

  it('names what “co2” stands for under the series field', () => {
    renderLab(<TaskSettings />, { config: { ...defaultConfig(), task: { kind: 'series', csv: 'co2', seqLength: 60, holdout: 48 } } });
    expect(screen.getByRole('textbox', { name: /a bundled series by name \(co2\)/ })).toHaveValue('co2');
    expect(screen.getByText('“co2” is the bundled monthly CO₂ at Mauna Loa, March 1958 to April 2025 (NOAA GML), 806 values.')).toBeInTheDocument();
  });
});
