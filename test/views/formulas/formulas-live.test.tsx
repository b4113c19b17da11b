import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormulaBlock } from '../../../src/views/formulas/FormulaBlock';
import { FormulasView, PLAYING_REFRESH_MS } from '../../../src/views/formulas/FormulasView';
import type { Formula } from '../../../src/views/formulas/formula-parts';
import { lstmStep } from '../../../src/views/formulas/formulas-values';
import { texNumber } from '../../../src/views/formulas/formulas-tex';
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
    expect(texNumber(lstmStep(a, t, 0).f)).not.toBe(texNumber(lstmStep(b, t, 0).f));
    const { container, store } = renderLab(<FormulasView />, { setup: (s) => s.setState({ frame: frameOf(a), playing: true }) });
    expect(memoryF(container)).toBe(texNumber(lstmStep(a, t, 0).f));
    act(() => store.setState({ frame: frameOf(b) }));
    expect(memoryF(container)).toBe(texNumber(lstmStep(a, t, 0).f));
    act(() => vi.advanceTimersByTime(PLAYING_REFRESH_MS));
    expect(memoryF(container)).toBe(texNumber(lstmStep(b, t, 0).f));
    // paused: the next frame shows at once
    act(() => store.setState({ playing: false, frame: frameOf(a) }));
    expect(memoryF(container)).toBe(texNumber(lstmStep(a, t, 0).f));
  });
});

describe('FormulaBlock off screen', () => {
  const original = globalThis.IntersectionObserver;
  afterEach(() => {
    globalThis.IntersectionObserver = original;
  });

  it('while training runs, keeps its numbers off screen and catches up when it scrolls into view or training pauses', () => {
    let report: (visible: boolean) => void = () => {};
    class FakeObserver {
      constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
        report = (visible) => cb([{ isIntersecting: visible }]);
      }
      observe() {}
      disconnect() {}
    }
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
    const f = (v: number): Formula => ({ id: 'x', title: 'X', symbolic: 'x_t', numeric: `x_{1} = \\htmlData{sym=x,n=0}{${v}}`, rows: [], check: null, note: null });
    const shown = (c: HTMLElement) => c.querySelector('.formula-numeric [data-n]')?.textContent;
    const { container, rerender } = render(<FormulaBlock formula={f(1)} highlight="x" lazy />);
    expect(shown(container)).toBe('1');
    act(() => report(false));
    rerender(<FormulaBlock formula={f(2)} highlight="x" lazy />);
    expect(shown(container)).toBe('1');
    act(() => report(true));
    expect(shown(container)).toBe('2');
    // when training pauses (not lazy) an off-screen block updates at once
    act(() => report(false));
    rerender(<FormulaBlock formula={f(3)} highlight="x" lazy />);
    expect(shown(container)).toBe('2');
    rerender(<FormulaBlock formula={f(3)} highlight="x" lazy={false} />);
    expect(shown(container)).toBe('3');
    // the outline follows the new HTML
    expect(container.querySelectorAll('.formula-numeric .katex-html .sym-lit')).toHaveLength(1);
  });
});
