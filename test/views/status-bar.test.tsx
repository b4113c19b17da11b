import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../src/views/StatusBar';
import { renderLab } from './render-lab';

describe('StatusBar: what the run is doing', () => {
  it('says "training to step N" while a jump runs, and paused again when it lands', () => {
    const { store } = renderLab(<StatusBar />, { setup: (s) => s.setState({ status: 'ready', playing: false, step: 2300, jumping: { to: 5000, step: 2300 } }) });
    expect(screen.getByTestId('run-state')).toHaveTextContent('training to step 5,000');
    expect(screen.getByTestId('run-state')).toHaveClass('run-jumping');
    act(() => store.setState({ jumping: null, step: 5000 }));
    expect(screen.getByTestId('run-state')).toHaveTextContent(/^paused$/);
    expect(screen.getByTestId('step')).toHaveTextContent('step 5,000');
  });

  it('a divergence outranks a jump (the jump ended where it diverged)', () => {
    renderLab(<StatusBar />, { setup: (s) => s.setState({ status: 'diverged', jumping: { to: 5000, step: 40 } }) });
    expect(screen.getByTestId('run-state')).toHaveTextContent(/^diverged$/);
  });
});
