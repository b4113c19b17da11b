import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionConfig } from '../../../src/engine/config';
import type { LabStore } from '../../../src/state/store';
import { FormulasView } from '../../../src/views/formulas/FormulasView';
import { formatNumber, texNumber } from '../../../src/views/formulas/tex';
import * as Rec from '../../../src/worker/record';
import type { InspectRecord } from '../../../src/worker/record';
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

/** How KaTeX's HTML reads a substituted number: a real minus sign, "×10" for a power of ten; `paren` brackets a negative (inside a sum). */
const seen = (v: number, paren = false) => (paren && v < 0 ? `(${texNumber(v)})` : texNumber(v)).replace(/-/g, '−').replace(/ \\times 10\^\{(.*?)\}/, '×10$1');

/** The LSTM's gates at (t, j), read through the record's accessors, and c_t = f·c_{t−1} + i·g recomputed from them. */
function lstmAt(rec: InspectRecord, t: number, j: number) {
  const [f, i, g, o] = (['f', 'i', 'g', 'o'] as const).map((name) => Rec.gate(rec, name, t, j));
  const cPrev = Rec.c(rec, t - 1, j);
  return { f, i, g, o, cPrev, cRhs: f * cPrev + i * g };
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
    const v = lstmAt(rec, 2, 3);
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
    expect(screen.getByTestId('check-backward')).toHaveTextContent(`✓ equals the recorded ∂L/∂c_2[3] = ${formatNumber(Rec.dc(rec, 2, 3))}`);
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

  it('shows the vanilla RNN update with its streamed parts W_xh x_t, W_hh h_{t−1}, b_h substituted, and the rule of thumb with ρ(W_hh)', () => {
    const { container, rec } = show(configFor('rnn'), { t: 1, unit: 2 }, [{ name: 'Whh', radius: 0.9, sigmaMax: 1.1 }]);
    expect(ids(container)).toEqual(['hidden', 'output', 'step-loss', 'loss', 'bptt', 'jacobian', 'backward']);
    const { H } = rec;
    const [x, hh, b] = [rec.preX[H + 2], rec.preH[H + 2], rec.preB[2]];
    const h = rec.h[H + 2];
    const minus = seen;
    expect(numberIn(container, 'hidden', 'Wxh').map((e) => e.textContent)).toEqual([minus(x)]);
    expect(numberIn(container, 'hidden', 'Whh').map((e) => e.textContent)).toEqual([minus(hh, true)]);
    expect(numberIn(container, 'hidden', 'bh').map((e) => e.textContent)).toEqual([minus(b, true)]);
    expect(numberIn(container, 'hidden', 'h').map((e) => e.textContent)).toEqual([minus(Math.tanh(x + hh + b))]);
    // the sum is the pre-activation: tanh⁻¹ of the recorded h
    expect(Math.abs(x + hh + b - Math.atanh(h))).toBeLessThan(1e-12);
    expect(container.querySelector('[data-formula="hidden"] .formula-numeric')).toHaveTextContent(`tanh(${minus(x + hh + b)})`);
    expect(screen.getByTestId('check-hidden')).toHaveTextContent(`✓ equals the recorded h_1[2] = ${formatNumber(h)}`);
    expect(numberIn(container, 'jacobian', 'Whh').map((e) => e.textContent)).toEqual(['0.9']);
  });

  it('substitutes the parts of each LSTM gate and checks all four against the record', () => {
    const { container, rec } = show(configFor('lstm'), { t: 2, unit: 3 });
    const R = 4 * rec.H;
    const parts = (g: number) => [rec.preX[2 * R + g * rec.H + 3], rec.preH[2 * R + g * rec.H + 3], rec.preB[g * rec.H + 3]];
    const texts = (sym: string) => numberIn(container, 'lstm-gates', sym).map((e) => e.textContent);
    const plain = (v: number) => seen(v);
    const inSum = (v: number) => seen(v, true);
    expect(texts('Wxh')).toEqual([0, 1, 2, 3].map((g) => plain(parts(g)[0])));
    expect(texts('Whh')).toEqual([0, 1, 2, 3].map((g) => inSum(parts(g)[1])));
    expect(texts('bh')).toEqual([0, 1, 2, 3].map((g) => inSum(parts(g)[2])));
    const sum = (g: number) => parts(g).reduce((s, v) => s + v, 0);
    const sig = (a: number) => 1 / (1 + Math.exp(-a));
    const v = lstmAt(rec, 2, 3);
    expect(texts('f')).toEqual([plain(sig(sum(0)))]);
    expect(texts('g')).toEqual([plain(Math.tanh(sum(2)))]);
    expect(Math.abs(sig(sum(0)) - v.f) + Math.abs(sig(sum(1)) - v.i) + Math.abs(Math.tanh(sum(2)) - v.g) + Math.abs(sig(sum(3)) - v.o)).toBeLessThan(1e-12);
    expect(screen.getByTestId('check-lstm-gates')).toHaveTextContent(`✓ equals the recorded f_2[3] = ${formatNumber(v.f)}`);
    expect(screen.getByTestId('check-lstm-gates-1')).toHaveTextContent(`✓ equals the recorded i_2[3] = ${formatNumber(v.i)}`);
    expect(screen.getByTestId('check-lstm-gates-2')).toHaveTextContent(`✓ equals the recorded g_2[3] = ${formatNumber(v.g)}`);
    expect(screen.getByTestId('check-lstm-gates-3')).toHaveTextContent(`✓ equals the recorded o_2[3] = ${formatNumber(v.o)}`);
  });

  it('substitutes W_hn (r ⊙ h_{t−1}) in the GRU candidate and checks n', () => {
    const { container, rec } = show(configFor('gru'), { t: 3, unit: 1 });
    const R = 3 * rec.H;
    const r = 3 * R + 2 * rec.H + 1;
    const whn = numberIn(container, 'gru-candidate', 'Whh')[0];
    expect(whn.textContent).toBe(seen(rec.preH[r], true));
    fireEvent.mouseOver(whn);
    // the exact value, with a real minus sign
    expect(container.querySelector('.formulas .tooltip')).toHaveTextContent(`(W_hn (r⊙h_2))[1]: ${String(rec.preH[r]).replace('-', '−')}`);
    const n = Rec.gate(rec, 'n', 3, 1);
    expect(Math.abs(Math.tanh(rec.preX[r] + rec.preH[r] + rec.preB[2 * rec.H + 1]) - n)).toBeLessThan(1e-12);
    expect(screen.getByTestId('check-gru-candidate')).toHaveTextContent(`✓ equals the recorded n_3[1] = ${formatNumber(n)}`);
    expect(screen.getByTestId('check-gru-gates-1')).toHaveTextContent('✓ equals the recorded r_3[1]');
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
    expect(container.querySelector('.formulas .tooltip')).toHaveTextContent(`f_2[3]: ${String(lstmAt(rec, 2, 3).f)}`);
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
    expect(numberIn(container, 'lstm-memory', 'f').map((e) => e.textContent)).toEqual([texNumber(lstmAt(rec, 2, 1).f)]);
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
    const v = lstmAt(rec, 2, 3);
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([String(Number(v.cRhs.toPrecision(6))).replace('-', '−'), 'c']);
    expect(memory).toHaveTextContent(`check✓ equals the recorded c_2[3]`);
    // the gates' parts and all four gate checks are in the table too
    const gates = table.querySelector('tbody[data-formula="lstm-gates"]') as HTMLElement;
    const R = 4 * rec.H;
    const partRow = within(gates).getByRole('rowheader', { name: '(W_hi h_1)[3]' }).closest('tr') as HTMLElement;
    expect(within(partRow).getAllByRole('cell').map((c) => c.textContent)).toEqual([String(Number(rec.preH[2 * R + rec.H + 3].toPrecision(6))).replace('-', '−'), 'Whh']);
    expect(within(gates).getAllByRole('rowheader', { name: 'check' })).toHaveLength(4);
    expect(gates).toHaveTextContent(`check✓ equals the recorded o_2[3] = ${formatNumber(v.o)}`);
    const output = table.querySelector('tbody[data-formula="output"]') as HTMLElement;
    expect(output).toHaveTextContent('W_hy, b_ynot streamed');
  });
});
