/**
 * Each equation family against real records, through the functions the view calls: the cell's forward
 * equations, the output head, the loss and BPTT, each computing its numbers from the record and checking them.
 */
import { describe, expect, it } from 'vitest';
import type { InspectRecord } from '../../../src/engine/session';
import type { CellKind } from '../../../src/engine/types';
import { bpttFormulas } from '../../../src/views/formulas/bptt';
import { cellFormulas } from '../../../src/views/formulas/cell';
import { derivativeFromOutput } from '../../../src/views/formulas/formula-parts';
import type { Formula, FormulaContext } from '../../../src/views/formulas/formula-parts';
import { lossFormulas } from '../../../src/views/formulas/loss';
import { outputFormulas } from '../../../src/views/formulas/output';
import * as Rec from '../../../src/worker/record';
import { configFor, recordFor } from './records';

const ctxOf = (rec: InspectRecord, t: number, unit: number, rho: number | null = null): FormulaContext => ({ rec, step: 3, activation: 'tanh', t, unit, rho, truncate: 0, truncMode: 'chunk' });
const row = (f: Formula, label: string) => f.rows.find((r) => r.label === label)?.value;

describe('activations', () => {
  it('writes act′ through the output: 1 − h², h(1 − h), [h > 0], 1', () => {
    expect(derivativeFromOutput('tanh', 0.5)).toBe(0.75);
    expect(derivativeFromOutput('sigmoid', 0.25)).toBe(0.1875);
    expect(derivativeFromOutput('relu', 0.3)).toBe(1);
    expect(derivativeFromOutput('relu', 0)).toBe(0);
    expect(derivativeFromOutput('linear', -4)).toBe(1);
  });
});

describe('the cell, against real records', () => {
  it.each<CellKind>(['rnn', 'lstm', 'gru'])('%s: every check of every block holds to 1e-12 at every (t, unit), against the recorded value', (cell) => {
    const { rec } = recordFor(configFor(cell));
    for (let t = 0; t < rec.T; t++) {
      for (let j = 0; j < rec.H; j++) {
        const blocks = cellFormulas(ctxOf(rec, t, j));
        expect(blocks.length).toBe(cell === 'rnn' ? 1 : 3);
        for (const f of blocks) {
          const checks = [f.check, ...(f.checks ?? [])];
          expect(checks.every((c) => c !== null)).toBe(true);
          for (const c of checks) if (c) expect(Math.abs(c.diff)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('LSTM: reads the gates in f i g o order, c_{−1} = 0, and checks c_t and h_t against the recorded c_t, h_t', () => {
    const { rec } = recordFor(configFor('lstm'));
    const G = 4;
    for (const t of [0, 2]) {
      const j = 3;
      const [gates, memory, read] = cellFormulas(ctxOf(rec, t, j));
      const recorded = [0, 1, 2, 3].map((g) => rec.gates[(t * G + g) * rec.H + j]);
      expect([gates.check, ...(gates.checks ?? [])].map((c) => c?.recorded)).toEqual(recorded);
      expect(row(memory, `c_${t - 1}[${j}]`)).toBe(t === 0 ? 0 : rec.c[(t - 1) * rec.H + j]);
      expect(memory.check?.recorded).toBe(rec.c[t * rec.H + j]);
      expect(read.check?.recorded).toBe(rec.h[t * rec.H + j]);
    }
  });

  it('GRU: h_t = (1 − z)·n + z·h_{t−1} with h_{−1} = 0, and r ⊙ h_{t−1} as the candidate uses it', () => {
    const { rec } = recordFor(configFor('gru'));
    for (let t = 0; t < rec.T; t++) {
      const j = 2;
      const [, candidate, update] = cellFormulas(ctxOf(rec, t, j));
      const [z, r, n] = ['z', 'r', 'n'].map((g) => Rec.gate(rec, g, t, j));
      const hPrev = t === 0 ? 0 : rec.h[(t - 1) * rec.H + j];
      expect(row(candidate, `(r⊙h_${t - 1})[${j}]`)).toBe(r * hPrev);
      expect(row(update, `h_${t}[${j}] (recomputed)`)).toBe((1 - z) * n + z * hPrev);
      expect(update.check?.recorded).toBe(rec.h[t * rec.H + j]);
    }
  });

  it('knows a one-hot input from a real-valued one', () => {
    const { rec } = recordFor(configFor('lstm'));
    const hot = Array.from(rec.inputs.subarray(0, rec.I)).indexOf(1);
    expect(hot).toBeGreaterThanOrEqual(0);
    expect(cellFormulas(ctxOf(rec, 0, 0))[0].numeric).toContain(`= e_{${hot}}\\ (\\text{`);
    const { rec: lin } = recordFor(configFor('rnn', { head: 'linear' }), 0);
    const [hidden] = cellFormulas(ctxOf(lin, 0, 0));
    expect(hidden.rows.filter((r) => r.label.startsWith('x_0[')).map((r) => r.value)).toEqual(Array.from(lin.inputs.subarray(0, lin.I)));
  });
});

describe('the head and the loss, against real records', () => {
  const { rec } = recordFor(configFor('lstm'));
  it('recomputes p_t = softmax(y_t) at the target class, ℓ_t = −log p_t[target] and L', () => {
    const t = rec.tau;
    const [out] = outputFormulas(ctxOf(rec, t, 0));
    expect(out.check?.label).toBe(`p_${t}[${rec.targets[t]}]`);
    expect(out.check?.recorded).toBe(rec.p[t * rec.O + rec.targets[t]]);
    expect(Math.abs(out.check?.diff ?? 1)).toBeLessThan(1e-15);
    const [step, seq] = lossFormulas(ctxOf(rec, t, 0));
    expect(step.check?.recorded).toBe(rec.losses[t]);
    expect(Math.abs(step.check?.diff ?? 1)).toBeLessThan(1e-12);
    expect(seq.check?.recorded).toBe(rec.loss);
    expect(row(seq, 'L (recomputed)')).toBe(rec.losses[t]);
    expect(seq.note).toBe(`N = 1 scored step of ${rec.T}: t = ${t}.`);
  });

  it('says an unscored step is not scored and shows its most probable class', () => {
    const [out] = outputFormulas(ctxOf(rec, 0, 0));
    const p = Array.from(rec.p.subarray(0, rec.O));
    expect(out.check?.label).toBe(`p_0[${p.indexOf(Math.max(...p))}]`);
    expect(out.note).toContain('the most probable (step 0 has no target)');
    const [step] = lossFormulas(ctxOf(rec, 0, 0));
    expect(step.check).toBeNull();
    expect(step.rows).toEqual([{ label: 'ℓ_0', sym: 'loss', value: null, text: 'not scored' }]);
  });

  it('recomputes ℓ_t = ½‖y_t − target_t‖² for a linear head, and L over its scored steps', () => {
    const { rec: lin } = recordFor(configFor('gru', { head: 'linear' }));
    expect(lin.p.length).toBe(0);
    const t = lin.tau;
    const [out] = outputFormulas(ctxOf(lin, t, 0));
    expect(out.check).toBeNull();
    expect(out.title).toBe('Output (linear head)');
    const [step, seq] = lossFormulas(ctxOf(lin, t, 0));
    expect(row(step, `ℓ_${t} (recomputed)`)).toBe(0.5 * (lin.y[t] - lin.targets[t]) ** 2);
    expect(Math.abs(step.check?.diff ?? 1)).toBeLessThan(1e-14);
    expect(Math.abs(seq.check?.diff ?? 1)).toBeLessThan(1e-14);
    const [chain] = bpttFormulas(ctxOf(lin, 0, 0));
    expect(row(chain, `∂ℓ_${t}/∂y_${t}[0]`)).toBe(lin.y[t] - lin.targets[t]);
  });
});

describe('BPTT, against real records', () => {
  it('LSTM: recomputes ∂L/∂c_t = ∂L/∂h_t·o·(1 − tanh²c_t) + ∂L/∂c_{t+1}·f_{t+1} under full BPTT, and multiplies the forget gates', () => {
    const { rec } = recordFor(configFor('lstm'));
    let largest = 0;
    for (let t = 0; t < rec.T; t++) {
      for (let j = 0; j < rec.H; j++) {
        const back = bpttFormulas(ctxOf(rec, t, j))[2];
        expect(back.check?.recorded).toBe(rec.dc[t * rec.H + j]);
        largest = Math.max(largest, Math.abs(rec.dc[t * rec.H + j]));
        expect(Math.abs(back.check?.diff ?? 1)).toBeLessThan(1e-12);
      }
    }
    expect(largest).toBeGreaterThan(1e-4); // a check on zeros would prove nothing
    const last = bpttFormulas(ctxOf(rec, rec.T - 1, 0))[2];
    expect(last.numeric).toContain('0 \\ (\\text{last step})');
    const j = 1;
    let p = 1;
    for (let s = 2; s <= rec.tau; s++) p *= Rec.gate(rec, 'f', s, j);
    expect(row(bpttFormulas(ctxOf(rec, 1, j))[1], `∏ f_s[${j}], s = 2…${rec.tau}`)).toBe(p);
  });

  it('vanilla RNN: act′ = 1 − h², the rough guide (ρ⟨act′⟩)^{τ−k}, and the flow profile’s ratio', () => {
    const { rec, session } = recordFor(configFor('rnn'));
    const rho = session.spectral().find((s) => s.name === 'Whh')?.radius ?? NaN;
    const k = 1;
    const [chain, jac] = bpttFormulas(ctxOf(rec, k, 4, rho));
    const h = rec.h[k * rec.H + 4];
    expect(row(jac, `act′(a_${k}[4])`)).toBe(1 - h * h);
    const means: number[] = [];
    for (let s = k + 1; s <= rec.tau; s++) {
      let m = 0;
      for (let u = 0; u < rec.H; u++) m += 1 - rec.h[s * rec.H + u] ** 2;
      means.push(m / rec.H);
    }
    const geo = Math.exp(means.reduce((a, m) => a + Math.log(m), 0) / means.length);
    expect(row(jac, `⟨act′⟩ over steps ${k + 1}…${rec.tau}`)).toBeCloseTo(geo, 12);
    expect(row(jac, 'rough guide (ρ·⟨act′⟩)^(τ−k)')).toBeCloseTo((rho * geo) ** (rec.tau - k), 12);
    const ratio = rec.flowH[k] / rec.flowH[rec.tau];
    expect(row(jac, `‖∂ℓ_${rec.tau}/∂h_${k}‖ / ‖∂ℓ_${rec.tau}/∂h_${rec.tau}‖`)).toBe(ratio);
    expect(row(bpttFormulas(ctxOf(rec, k, 4, null))[1], 'rough guide (ρ·⟨act′⟩)^(τ−k)')).toBeUndefined();
    expect(row(bpttFormulas(ctxOf(rec, rec.tau, 4, rho))[1], 'rough guide (ρ·⟨act′⟩)^(τ−k)')).toBeUndefined();
    // the chain rule: ‖∂ℓ_τ/∂h_k‖ from the flow profile, the mean factor per step, and ∂ℓ_τ/∂y_τ = p_τ − e_target summing to 0
    expect(rec.tau).toBe(rec.T - 1); // echo scores the last step only
    expect(row(chain, `‖∂ℓ_${rec.tau}/∂h_${k}‖`)).toBe(rec.flowH[k]);
    expect(row(chain, 'mean factor per step')).toBeCloseTo(ratio ** (1 / (rec.tau - k)), 14);
    const dy = chain.rows.filter((r) => r.label.startsWith(`∂ℓ_${rec.tau}/∂y_`)).map((r) => r.value as number);
    expect(dy).toHaveLength(rec.O);
    expect(dy[rec.targets[rec.tau]]).toBe(rec.p[rec.tau * rec.O + rec.targets[rec.tau]] - 1);
    expect(dy.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(chain.rows.some((r) => r.label === 'mean factor per step' && r.value !== null)).toBe(true);
    expect(row(bpttFormulas(ctxOf(rec, rec.tau, 0))[0], 'mean factor per step')).toBeUndefined();
  });
});
