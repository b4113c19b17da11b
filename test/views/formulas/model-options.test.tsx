/**
 * The equations under the two model options, on real records: a tanh forget gate is written and computed with
 * tanh (σ would fail every check of f); with recurrence off the terms that read the previous step (W_h· h_{t−1},
 * f ⊙ c_{t−1}, r ⊙ h_{t−1}, z ⊙ h_{t−1}, and backward the next step's terms) are left out with a one-line note, and
 * every check holds against the record — the record's own h_{t−1} and c_{t−1} are not what the step read.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionConfig } from '../../../src/engine/config';
import type { InspectRecord } from '../../../src/engine/session';
import type { CellKind, ForgetGate, Recurrence } from '../../../src/engine/types';
import type { LabStore } from '../../../src/state/store';
import { bpttFormulas } from '../../../src/views/formulas/bptt';
import { RECURRENCE_OFF, TANH_FORGET, cellFormulas } from '../../../src/views/formulas/cell';
import type { Formula, FormulaContext } from '../../../src/views/formulas/formula-parts';
import { FormulasView } from '../../../src/views/formulas/FormulasView';
import { formatNumber } from '../../../src/views/formulas/tex';
import * as Rec from '../../../src/worker/record';
import { renderLab } from '../render-lab';
import { configFor, frameOf, recordFor } from './records';

/** Echo (lag 4) for `cell`, 5 units, with the model options; truncation k lets the recurrence-off checks face a truncating run. */
function configWith(cell: CellKind, forgetGate: ForgetGate, recurrence: Recurrence, truncate = 0): SessionConfig {
  const c = configFor(cell, { truncate });
  return { ...c, model: { ...c.model, forgetGate, recurrence }, init: { ...c.init, forgetBias: 0 } };
}
const ctxOf = (rec: InspectRecord, t: number, unit: number, truncate = 0): FormulaContext => ({ rec, step: 3, activation: 'tanh', t, unit, rho: 0, truncate, truncMode: 'chunk' });
const checksOf = (f: Formula) => [f.check, ...(f.checks ?? [])].filter((c) => c !== null);
/** Every check of every cell and BPTT block at every (t, unit): the largest |recomputed − recorded|. */
function worstDiff(rec: InspectRecord, truncate = 0): { worst: number; count: number } {
  let worst = 0;
  let count = 0;
  for (let t = 0; t < rec.T; t++) {
    for (let j = 0; j < rec.H; j++) {
      for (const f of [...cellFormulas(ctxOf(rec, t, j, truncate)), ...bpttFormulas(ctxOf(rec, t, j, truncate))]) {
        for (const c of checksOf(f)) {
          worst = Math.max(worst, Math.abs(c.diff));
          count++;
        }
      }
    }
  }
  return { worst, count };
}
/** The symbol W_h· as the formulas mark it (\htmlData{sym=Whh}{W_{h·}}), in symbols or substituted numbers. */
const RECURRENT_SYMBOL = /sym=Whh\}\{W_\{h[fiogzrnh]\}/;

describe('a tanh forget gate (LSTM)', () => {
  const { rec } = recordFor(configWith('lstm', 'tanh', 'on'));

  it('writes f = tanh(…) and computes it with tanh: every check holds at every (t, unit), where σ would fail', () => {
    expect(rec.forgetGate).toBe('tanh');
    const [gates] = cellFormulas(ctxOf(rec, 2, 1));
    expect(gates.title).toBe('LSTM gates: forget (a tanh here), input, candidate, output');
    expect(gates.symbolic).toMatch(/\{f_\{t\}\} &= \\tanh\\big\(/);
    expect(gates.symbolic).toMatch(/\{i_\{t\}\} &= \\sigma\\big\(/);
    expect(gates.note).toContain(TANH_FORGET);
    const { worst, count } = worstDiff(rec);
    expect(count).toBeGreaterThan(rec.T * rec.H * 6);
    expect(worst).toBeLessThan(1e-12);
    // the recorded f is tanh of the streamed parts, and some f are negative: σ could not give them
    const p = Rec.preact(rec, 'f', 2, 1)!;
    expect(Math.abs(Math.tanh(p.a) - Rec.gate(rec, 'f', 2, 1))).toBeLessThan(1e-12);
    expect(Array.from({ length: rec.T * rec.H }, (_, k) => Rec.gate(rec, 'f', Math.floor(k / rec.H), k % rec.H)).some((f) => f < 0)).toBe(true);
  });

  it('a σ forget gate is written σ, with no tanh note', () => {
    const { rec: s } = recordFor(configWith('lstm', 'sigmoid', 'on'));
    const [gates] = cellFormulas(ctxOf(s, 2, 1));
    expect(gates.title).toBe('LSTM gates: forget, input, candidate, output');
    expect(gates.symbolic).toMatch(/\{f_\{t\}\} &= \\sigma\\big\(/);
    expect(gates.note).not.toContain('tanh');
  });

  it('in the view: typeset with tanh for f, each gate checked ✓', { timeout: 20_000 }, () => {
    const config = configWith('lstm', 'tanh', 'on');
    const { rec: r } = recordFor(config);
    const { container } = renderLab(<FormulasView />, {
      config,
      setup: (s: LabStore) => s.setState({ frame: frameOf(r), selection: { sample: 0, t: 2, unit: 1, tau: null, highlight: null } }),
    });
    expect(screen.getByRole('heading', { name: 'LSTM gates: forget (a tanh here), input, candidate, output' })).toBeInTheDocument();
    const symbols = container.querySelector('[data-formula="lstm-gates"] .formula-symbolic annotation')!.textContent!;
    expect(symbols).toMatch(/\{f_\{t\}\} &= \\tanh\\big\(/);
    expect(screen.getByTestId('check-lstm-gates')).toHaveTextContent(`✓ equals the recorded f_2[1] = ${formatNumber(Rec.gate(r, 'f', 2, 1))}`);
    expect(container.querySelector('[data-formula="lstm-gates"] .formula-note')).toHaveTextContent(TANH_FORGET);
    expect(container.querySelectorAll('.formula-check-bad')).toHaveLength(0);
  });
});

describe('recurrence off', () => {
  it.each<CellKind>(['rnn', 'lstm', 'gru'])('%s: no W_h· term in any cell equation, the note says why, and every check holds', (cell) => {
    const { rec } = recordFor(configWith(cell, 'sigmoid', 'off'));
    expect(rec.recurrence).toBe('off');
    for (const t of [0, 3]) {
      const blocks = cellFormulas(ctxOf(rec, t, 2));
      for (const f of blocks) {
        expect(f.symbolic, f.id).not.toMatch(RECURRENT_SYMBOL);
        expect(f.numeric ?? '', f.id).not.toMatch(RECURRENT_SYMBOL);
        // nor the previous step's state as a given or a factor
        expect(f.numeric ?? '', f.id).not.toMatch(/sym=hprev/);
        // every block but the LSTM's read-out (h_t = o_t ⊙ tanh c_t reads no earlier step) drops a term, and says so
        if (f.id !== 'lstm-hidden') expect(f.note, f.id).toMatch(/^Recurrence is off: every step starts from h = 0/);
      }
      expect(blocks[0].note!.startsWith(RECURRENCE_OFF)).toBe(true);
    }
    const { worst, count } = worstDiff(rec);
    expect(count).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-12);
  });

  it('LSTM: the memory is c_t = i ⊙ g (the recorded c_{t−1} is not what the step read), and ∂L/∂c_t has no next-step term', () => {
    const { rec } = recordFor(configWith('lstm', 'sigmoid', 'off'));
    const [t, j] = [3, 2];
    expect(Rec.c(rec, t - 1, j)).not.toBe(0);
    const memory = cellFormulas(ctxOf(rec, t, j))[1];
    expect(memory.title).toBe('Memory: write only (input × candidate)');
    expect(memory.symbolic).not.toContain('c_{t-1}');
    expect(memory.check!.recorded).toBe(Rec.c(rec, t, j));
    expect(Math.abs(memory.check!.diff)).toBeLessThan(1e-12);
    const [chain, jacobian, backward] = bpttFormulas(ctxOf(rec, t, j));
    expect(chain.note).toMatch(/^Recurrence is off/);
    expect(jacobian.title).toBe('No path back through time: recurrence is off');
    expect(backward.symbolic).not.toContain('c_{t+1}');
    expect(backward.symbolic).not.toContain('h_{t+1}');
    expect(backward.note).toMatch(/^Recurrence is off: every step starts from h = 0 and c = 0/);
    expect(Math.abs(backward.check!.diff)).toBeLessThan(1e-12);
  });

  it('LSTM with a truncating run: nothing to cut, so ∂L/∂c_t is still checked and holds', () => {
    const { rec } = recordFor(configWith('lstm', 'sigmoid', 'off', 2));
    const backward = bpttFormulas(ctxOf(rec, 1, 0, 2))[2];
    expect(backward.check).not.toBeNull();
    expect(backward.note).not.toContain('truncates');
    expect(worstDiff(rec, 2).worst).toBeLessThan(1e-12);
  });

  it('GRU: h_t = (1 − z) ⊙ n and n = tanh(W_xn x_t + b_n), checked against the record', () => {
    const { rec } = recordFor(configWith('gru', 'sigmoid', 'off'));
    const [, candidate, update] = cellFormulas(ctxOf(rec, 3, 1));
    expect(candidate.symbolic).not.toContain('r_{t}');
    expect(update.symbolic).not.toContain('h_{t-1}');
    expect(update.check!.recorded).toBe(Rec.h(rec, 3, 1));
    expect(Math.abs(update.check!.diff)).toBeLessThan(1e-12);
  });

  it('in the view (LSTM, tanh forget gate too): the note is shown, no W_h· is typeset, and no check fails', { timeout: 20_000 }, () => {
    const config = configWith('lstm', 'tanh', 'off');
    const { rec } = recordFor(config);
    const { container } = renderLab(<FormulasView />, {
      config,
      setup: (s: LabStore) => s.setState({ frame: frameOf(rec), selection: { sample: 0, t: 3, unit: 2, tau: null, highlight: null } }),
    });
    expect(container.querySelector('[data-formula="lstm-gates"] .formula-note')).toHaveTextContent(`${RECURRENCE_OFF} ${TANH_FORGET}`);
    for (const id of ['lstm-gates', 'lstm-memory']) {
      for (const el of container.querySelectorAll(`[data-formula="${id}"] annotation`)) expect(el.textContent).not.toMatch(RECURRENT_SYMBOL);
    }
    expect(screen.getByTestId('check-lstm-memory')).toHaveTextContent(`✓ equals the recorded c_3[2] = ${formatNumber(Rec.c(rec, 3, 2))}`);
    expect(screen.getByTestId('check-backward')).toHaveTextContent('✓ equals the recorded ∂L/∂c_3[2]');
    expect(container.querySelectorAll('.formula-check-bad')).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'No path back through time: recurrence is off' })).toBeInTheDocument();
  });
});
