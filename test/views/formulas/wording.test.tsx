/** What the view says in words: the GRU's update convention, and the rule of thumb as a rough guide beside the measured ratio. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionConfig } from '../../../src/engine/config';
import { FormulasView } from '../../../src/views/formulas/FormulasView';
import * as R from '../../../src/worker/record';
import { renderLab } from '../render-lab';
import { configFor, frameOf, recordFor } from './records';

function show(config: SessionConfig, t: number, rho: number | null = null) {
  const { rec } = recordFor(config);
  const spectral = rho === null ? null : [{ name: 'Whh', radius: rho, sigmaMax: rho }];
  const r = renderLab(<FormulasView />, { config, setup: (s) => s.setState({ frame: frameOf(rec), spectral, selection: { sample: 0, t, unit: 0, tau: null, highlight: null } }) });
  return { ...r, rec };
}

describe('the GRU section', { timeout: 20_000 }, () => {
  it('says in one sentence that z near 1 keeps the old state here, the reverse of some texts', () => {
    const { container } = show(configFor('gru'), 2);
    const note = container.querySelector('[data-formula="gru-hidden"] .formula-note')?.textContent ?? '';
    const sentence = note.split(/(?<=\.)\s+/).find((s) => /z near 1 keeps the old state/.test(s));
    expect(sentence).toMatch(/^Here z near 1 keeps the old state h_\{t−1\} and z near 0 replaces it by the candidate n — the reverse of texts \(the lecture notes among them\) that write h_t = z ⊙ n \+ \(1 − z\) ⊙ h_\{t−1\}\.$/);
  });
});

describe('the rule of thumb of the vanilla RNN', { timeout: 20_000 }, () => {
  /** The record's measured ratio ‖∂ℓ_τ/∂h_k‖ / ‖∂ℓ_τ/∂h_τ‖ and the ρ that makes the guide (ρ·⟨tanh′⟩)^{τ−k} equal `guide`. */
  function rhoFor(config: SessionConfig, k: number, guide: number) {
    const { rec } = recordFor(config);
    const steps = rec.tau - k;
    let logSum = 0;
    for (let s = k + 1; s <= rec.tau; s++) {
      let m = 0;
      for (let u = 0; u < rec.H; u++) m += 1 - R.h(rec, s, u) ** 2;
      logSum += Math.log(m / rec.H);
    }
    const mean = Math.exp(logSum / steps);
    return { rho: guide ** (1 / steps) / mean, measured: rec.flowH[k] / rec.flowH[rec.tau] };
  }
  const config = configFor('rnn');
  const k = 1;

  it('is shown as a rough guide beside the measured ratio, and when they disagree says why in one sentence', () => {
    const { measured } = rhoFor(config, k, 1);
    // a guide on the other side of 1 from what was measured: 3.48 when the error shrank, 0.2 when it grew
    const guide = measured < 1 ? 3.48 : 0.2;
    const { rho } = rhoFor(config, k, guide);
    const { container } = show(config, k, rho);
    const block = container.querySelector('[data-formula="jacobian"]') as HTMLElement;
    const tex = block.querySelector('.formula-numeric annotation')?.textContent ?? '';
    expect(tex).toMatch(/\\text\{rough guide: \}.*\\\\ \\text\{measured: \}/);
    const note = block.querySelector('.formula-note')?.textContent ?? '';
    expect(note).toContain('The guide is only a rough estimate of the measured ratio');
    const why = measured < 1 ? `the guide 3.48 predicts growth but the error shrank to` : 'the guide 0.2 predicts decay but the error grew by';
    expect(note).toContain(`Here ${why}`);
    expect(note).toMatch(/because the product of the Jacobians is not the product of their norms: saturated units \(act′ ≈ 0\) cut their rows, and the error grows like ρ\(W_hh\) per step only where it lies along W_hh's leading eigenvectors\.$/);
    expect(screen.queryByText(/✗/)).toBeNull();
  });

  it('says they agree when they do', () => {
    const { measured } = rhoFor(config, k, 1);
    const { rho } = rhoFor(config, k, measured * 1.5);
    const { container } = show(config, k, rho);
    const note = container.querySelector('[data-formula="jacobian"] .formula-note')?.textContent ?? '';
    expect(note).toMatch(/Here the guide \S+ and the measured \S+ agree: both (below|above) 1\.$/);
    expect(note).not.toContain('not the product of their norms');
  });
});
