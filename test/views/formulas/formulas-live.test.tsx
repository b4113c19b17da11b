import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormulasView, PLAYING_REFRESH_MS } from '../../../src/views/formulas/FormulasView';
import { texNumber } from '../../../src/views/formulas/tex';
import * as R from '../../../src/worker/record';
import { frameWith } from '../frames';
import { renderLab } from '../render-lab';
import { configFor, frameOf, recordFor } from './records';

const memoryF = (container: HTMLElement) => container.querySelector('[data-formula="lstm-memory"] .formula-numeric .katex-html [data-sym="f"][data-n]')?.textContent;

describe('live numbers while training', { timeout: 20_000 }, () => {
  afterEach(() => vi.useRealTimers());

  it('re-typesets at most every PLAYING_REFRESH_MS while playing, and at once when paused', () => {
    vi.useFakeTimers();
    const a = recordFor(configFor('lstm'), 0).rec;
    const b = recordFor(configFor('lstm'), 8).rec;
    const t = a.T - 1;
    expect(texNumber(R.gate(a, 'f', t, 0))).not.toBe(texNumber(R.gate(b, 'f', t, 0)));
    const { container, store } = renderLab(<FormulasView />, { setup: (s) => s.setState({ frame: frameOf(a), playing: true }) });
    expect(memoryF(container)).toBe(texNumber(R.gate(a, 'f', t, 0)));
    act(() => store.setState({ frame: frameOf(b) }));
    expect(memoryF(container)).toBe(texNumber(R.gate(a, 'f', t, 0)));
    act(() => vi.advanceTimersByTime(PLAYING_REFRESH_MS));
    expect(memoryF(container)).toBe(texNumber(R.gate(b, 'f', t, 0)));
    // paused: the next frame shows at once
    act(() => store.setState({ playing: false, frame: frameOf(a) }));
    expect(memoryF(container)).toBe(texNumber(R.gate(a, 'f', t, 0)));
  });
});

describe('the view off screen', { timeout: 20_000 }, () => {
  const original = globalThis.IntersectionObserver;
  afterEach(() => {
    globalThis.IntersectionObserver = original;
    vi.useRealTimers();
  });

  it('while training runs, keeps the whole view at the frame it showed, and catches up at once when it scrolls into view or training pauses', () => {
    let report: (visible: boolean) => void = () => {};
    class FakeObserver {
      constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
        report = (visible) => cb([{ isIntersecting: visible }]);
      }
      observe() {}
      disconnect() {}
    }
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
    vi.useFakeTimers();
    const recs = [0, 4, 8].map((steps) => recordFor(configFor('lstm'), steps).rec);
    const t = recs[0].T - 1;
    const f = (k: number) => texNumber(R.gate(recs[k], 'f', t, 0));
    expect(new Set([f(0), f(1), f(2)]).size).toBe(3);
    const { container, store } = renderLab(<FormulasView />, { setup: (s) => s.setState({ frame: frameWith(recs[0], 10), playing: true }) });
    const steps = () => new Set(Array.from(container.querySelectorAll<HTMLElement>('section.formula'), (el) => el.dataset.step));
    expect(memoryF(container)).toBe(f(0));
    act(() => report(false));
    act(() => store.setState({ frame: frameWith(recs[1], 20) }));
    act(() => vi.advanceTimersByTime(PLAYING_REFRESH_MS));
    expect(memoryF(container)).toBe(f(0));
    expect(steps()).toEqual(new Set(['10']));
    act(() => report(true));
    expect(memoryF(container)).toBe(f(1));
    expect(steps()).toEqual(new Set(['20']));
    // when training pauses an off-screen view updates at once, every section together
    act(() => report(false));
    act(() => store.setState({ frame: frameWith(recs[2], 30), playing: false }));
    expect(memoryF(container)).toBe(f(2));
    expect(steps()).toEqual(new Set(['30']));
    // the outline follows the new HTML
    act(() => store.setState((s) => ({ selection: { ...s.selection, highlight: 'f' } })));
    expect(container.querySelectorAll('[data-formula="lstm-memory"] .formula-numeric .katex-html .sym-lit')).toHaveLength(1);
  });
});
