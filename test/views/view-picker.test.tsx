import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ViewPicker } from '../../src/views/ViewPicker';
import { renderLab } from './render-lab';

describe('ViewPicker', () => {
  it('the last ticked view cannot be unticked, and the page says why; ticking another frees it', () => {
    const { store } = renderLab(<ViewPicker />, { ui: { views: ['curve'] } });
    const curve = screen.getByRole('checkbox', { name: 'Training curve' });
    expect(curve).toBeChecked();
    expect(curve).toBeDisabled();
    expect(curve).toHaveAccessibleDescription('One view always stays open: tick another to close this one.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Inside the gates' }));
    expect(store.getState().ui.views).toEqual(['curve', 'gates']);
    expect(curve).toBeEnabled();
    expect(screen.queryByText(/One view always stays open/)).toBeNull();
    fireEvent.click(curve);
    expect(store.getState().ui.views).toEqual(['gates']);
  });
});
