import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormulasView, PLAYING_REFRESH_MS } from '../../../src/views/formulas/FormulasView';
import { renderLab } from '../render-lab';
import { configFor, frameOf, recordFor } from './records';

const checks = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.formula-check'), (el) => el.className);

describe('a new run while training plays', { timeout: 20_000 }, () => {
  afterEach(() => vi.useRealTimers());

  // A step change (or a setting) starts a new run while playing: the store clears the frame, but the throttle still
  // holds the previous run's snapshot for up to PLAYING_REFRESH_MS. Drawn with the new config (here the activation),
  // a tanh record read as linear failed its check (✗): a wrong number on screen until the new run's first frame.
  it('draws no frame of the previous run with the new run’s settings: it waits for the new run’s first frame', () => {
    vi.useFakeTimers();
    const tanh = configFor('rnn', { activation: 'tanh' });
    const linear = configFor('rnn', { activation: 'linear' });
    const old = recordFor(tanh, 5).rec;
    const { container, store } = renderLab(<FormulasView />, { config: tanh, setup: (s) => s.setState({ runId: 1, frame: frameOf(old), playing: true }) });
    expect(checks(container).length).toBeGreaterThan(0);
    expect(checks(container).every((c) => c.includes('formula-check-ok'))).toBe(true);
    // what startRun and play write: the new config, the next run id, no frame yet, playing
    act(() => store.setState({ config: linear, runId: 2, frame: null, playing: true }));
    expect(container.querySelector('.formula-check-bad')).toBeNull();
    expect(container.querySelector('[data-formula]')).toBeNull();
    expect(container.querySelector('[data-testid="formulas-waiting"]')).not.toBeNull();
    // the new run's first frame: its numbers, every check holding
    act(() => store.setState({ frame: frameOf(recordFor(linear, 0).rec) }));
    act(() => vi.advanceTimersByTime(PLAYING_REFRESH_MS));
    expect(container.querySelector('[data-testid="formulas-waiting"]')).toBeNull();
    expect(checks(container).length).toBeGreaterThan(0);
    expect(checks(container).every((c) => c.includes('formula-check-ok'))).toBe(true);
  });
});
