import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionConfig } from '../../../src/engine/config';
import type { LabStore } from '../../../src/state/store';
import { FormulasView } from '../../../src/views/formulas/FormulasView';
import { backwardStep } from '../../../src/views/formulas/bptt-values';
import { lstmStep } from '../../../src/views/formulas/formulas-values';
import { formatNumber, texNumber } from '../../../src/views/formulas/formulas-tex';
import { renderLab } from '../render-lab';
import { configFor, frameOf, recordFor } from './records';

/** Renders the view on a real record with the selection (t, unit). */
function show(config: SessionConfig, sel: { t: number | null; unit: number }, spectral: { name: string; radius: number; sigmaMax: number }[] | null = null) {
  const { rec } = recordFor(config);
  const r = renderLab(<FormulasView />, {
    config,
    setup: (s: LabStore) => s.setState({ frame: frameOf(rec), spectral, selection: { sample: 0, t: sel.t, unit: sel.unit, tau: null, highlight: null } }),
  });
  return { ...r, rec };
}

/** The visible (KaTeX HTML) element of formula `id` that carries row n, i.e. a substituted number. */
function numberIn(container: HTMLElement, id: string, sym: string): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(`[data-formula="${id}"] .formula-numeric .katex-html [data-sym="${sym}"][data-n]`));
}

const ids = (container: HTMLElement) => Array.from(container.querySelectorAll('[data-formula]')).map((e) => e.getAttribute('data-formula'));

// rendering nine KaTeX formulas into jsdom takes about a second; on a loaded machine several
describe('FormulasView', { timeout: 20_000 }, () => {
  it('waits for the first frame', () => {
    renderLab(<FormulasView />);
    expect(screen.getByText(/the formulas fill with numbers after the first frame/)).toBeInTheDocument();
  });

  it('shows the LSTM equations with the numbers of the selected (t, unit), and checks c_t and h_t against the record', () => {
    const { container, rec } = show(configFor('lstm'), { t: 2, unit: 3 });
    expect(ids(container)).toEqual(['lstm-gates', 'lstm-memory', 'lstm-hidden', 'output', 'step-loss', 'loss', 'bptt', 'jacobian', 'backward']);
    const v = lstmStep(rec, 2, 3);
    // the memory line's substitution: f, c_{t−1}, i, g, then the recomputed c_t
    const shown = (sym: string) => numberIn(container, 'lstm-memory', sym).map((e) => e.textContent);
    expect(shown('f')).toEqual([texNumber(v.f)]);
    expect(shown('i')).toEqual([texNumber(v.i)]);
    expect(shown('c')).toEqual([v.cPrev < 0 ? `(${texNumber(v.cPrev)})`.replace('-', '−') : texNumber(v.cPrev), texNumber(v.cRhs).replace('-', '−')]);
    expect(screen.getByTestId('check-lstm-memory')).toHaveTextContent(`✓ equals the recorded c_2[3] = ${formatNumber(rec.c[2 * rec.H + 3])}`);
    expect(screen.getByTestId('check-lstm-hidden')).toHaveTextContent(`✓ equals the recorded h_2[3] = ${formatNumber(rec.h[2 * rec.H + 3])}`);
    // the symbols carry the concrete step and unit
    const memory = container.querySelector('[data-formula="lstm-memory"] .formula-numeric annotation') as Element;
    expect(memory.textContent).toContain('c_{2}[3]');
    expect(memory.textContent).toContain(`{${texNumber(v.f)}}`);
    // ∂L/∂c_t recomputed from the record under full BPTT
    const b = backwardStep(rec, 2, 3);
    expect(screen.getByTestId('check-backward')).toHaveTextContent(`✓ equals the recorded ∂L/∂c_2[3] = ${formatNumber(b.dc as number)}`);
  });

  it('defaults to the last step, where the echo task is scored, and says an earlier step is not scored', () => {
    const { container, rec, store } = show(configFor('gru'), { t: null, unit: 0 });
    expect(ids(container).slice(0, 3)).toEqual(['gru-gates', 'gru-candidate', 'gru-hidden']);
    const last = rec.T - 1;
    expect(screen.getByTestId('check-step-loss')).toHaveTextContent(`✓ equals the recorded ℓ_${last} = ${formatNumber(rec.losses[last])}`);
    expect(screen.getByRole('slider')).toHaveValue(String(last));
    act(() => store.setState((s) => ({ selection: { ...s.selection, t: 0 } })));
    const stepLoss = container.querySelector('[data-formula="step-loss"]') as HTMLElement;
    expect(stepLoss).toHaveTextContent('not scored (step 0 has no target)');
    expect(screen.queryByTestId('check-step-loss')).toBeNull();
  });

  it('shows the vanilla RNN update with its recovered pre-activation and the rule of thumb with ρ(W_hh)', () => {
    const { container, rec } = show(configFor('rnn'), { t: 1, unit: 2 }, [{ name: 'Whh', radius: 0.9, sigmaMax: 1.1 }]);
    expect(ids(container)).toEqual(['hidden', 'output', 'step-loss', 'loss', 'bptt', 'jacobian', 'backward']);
    const h = rec.h[1 * rec.H + 2];
    expect(numberIn(container, 'hidden', 'h').map((e) => e.textContent)).toEqual([texNumber(h).replace('-', '−')]);
    expect(container.querySelector('[data-formula="hidden"] .formula-numeric')).toHaveTextContent(texNumber(Math.atanh(h)).replace('-', '−'));
    expect(numberIn(container, 'jacobian', 'Whh').map((e) => e.textContent)).toEqual(['0.9']);
  });

  it('shows a linear head as ½‖y − target‖² and checks it', () => {
    const { rec } = show(configFor('lstm', { head: 'linear' }), { t: null, unit: 1 });
    const t = rec.T - 1;
    expect(screen.getByRole('heading', { name: 'Output (linear head)' })).toBeInTheDocument();
    expect(screen.getByTestId('check-step-loss')).toHaveTextContent(`✓ equals the recorded ℓ_${t} = ${formatNumber(rec.losses[t])}`);
  });

  it('hovering a symbol selects its highlight name, leaving clears it, and a number shows its exact value', () => {
    const { container, actions, rec } = show(configFor('lstm'), { t: 2, unit: 3 });
    const whh = container.querySelector('.formula-symbolic .katex-html [data-sym="Whh"]') as HTMLElement;
    fireEvent.mouseOver(whh.firstElementChild ?? whh);
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: 'Whh' });
    const f = numberIn(container, 'lstm-memory', 'f')[0];
    fireEvent.mouseOver(f);
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: 'f' });
    expect(container.querySelector('.formulas .tooltip')).toHaveTextContent(`f_2[3]: ${String(lstmStep(rec, 2, 3).f)}`);
    fireEvent.mouseLeave(screen.getByTestId('formulas'));
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: null });
    expect(container.querySelector('.formulas .tooltip')).toBeNull();
  });

  it('outlines the symbols a highlight set elsewhere names, and only those', () => {
    const { container, store } = show(configFor('lstm'), { t: 2, unit: 3 });
    act(() => store.setState((s) => ({ selection: { ...s.selection, highlight: 'f' } })));
    const lit = Array.from(container.querySelectorAll('.sym-lit'));
    const fs = container.querySelectorAll('[data-sym="f"]');
    expect(fs.length).toBeGreaterThan(5); // in the gates, the memory line, the Jacobian and the backward step
    expect(lit.length).toBe(fs.length);
    expect(lit.every((e) => e.getAttribute('data-sym') === 'f')).toBe(true);
    act(() => store.setState((s) => ({ selection: { ...s.selection, highlight: 'Whh' } })));
    expect(container.querySelectorAll('[data-sym="f"].sym-lit')).toHaveLength(0);
    expect(container.querySelectorAll('.sym-lit').length).toBe(container.querySelectorAll('[data-sym="Whh"]').length);
  });

  it('moves to another unit and step through the selector and the scrubber', () => {
    const { actions, container, rec } = show(configFor('lstm'), { t: 2, unit: 3 });
    fireEvent.change(screen.getByLabelText(/hidden unit j/), { target: { value: '1' } });
    expect(actions.select).toHaveBeenLastCalledWith({ unit: 1 });
    expect(numberIn(container, 'lstm-memory', 'f').map((e) => e.textContent)).toEqual([texNumber(lstmStep(rec, 2, 1).f)]);
    fireEvent.change(screen.getByRole('slider'), { target: { value: '0' } });
    expect(actions.select).toHaveBeenLastCalledWith({ t: 0 });
    expect(container.querySelector('[data-formula="lstm-memory"]')).toHaveTextContent('c_{−1} = 0: the memory starts empty.');
  });

  it('offers every formula as a table of symbols and values', () => {
    const { rec } = show(configFor('lstm'), { t: 2, unit: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')).toHaveTextContent('Symbols and values at timestep t = 2, hidden unit j = 3');
    const memory = table.querySelector('tbody[data-formula="lstm-memory"]') as HTMLElement;
    const row = within(memory).getByRole('rowheader', { name: 'c_2[3] (recomputed)' }).closest('tr') as HTMLElement;
    const v = lstmStep(rec, 2, 3);
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([String(Number(v.cRhs.toPrecision(6))).replace('-', '−'), 'c']);
    expect(memory).toHaveTextContent(`check✓ equals the recorded c_2[3]`);
    const output = table.querySelector('tbody[data-formula="output"]') as HTMLElement;
    expect(output).toHaveTextContent('W_hy, b_ynot streamed');
  });
});
