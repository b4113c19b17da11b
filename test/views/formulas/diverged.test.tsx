/**
 * A run that diverged: its record holds NaN (or numbers near 10¹³⁰), and the view says the run diverged at step N
 * instead of failing its checks, and prints every number formatted.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/engine/config';
import type { SessionConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import { FormulasView } from '../../../src/views/formulas/FormulasView';
import { frameWith } from '../frames';
import { renderLab } from '../render-lab';

/** The brief's diverging run: a linear RNN with recurrent weights 5× too large, SGD at lr 10, no clipping. */
const DIVERGING: SessionConfig = {
  ...defaultConfig(),
  task: { kind: 'echo', lag: 10, symbols: 4 },
  model: { cell: 'rnn', activation: 'linear', hiddenSize: 16 },
  init: { scheme: 'uniform', scale: 1, recurrentScale: 5, forgetBias: 1 },
  optimizer: { kind: 'sgd', lr: 10 },
  clip: { kind: 'none' },
};

/** The record after `steps` training steps, and the divergence the trainer reported (if any). */
function after(steps: number) {
  const session = new Session(DIVERGING);
  session.train(steps);
  return { rec: session.inspect(0), divergence: session.metrics().divergence };
}

/** "1.5465736937803773e+129", "1.55e+129" or "-3e-200": a number printed raw, in JavaScript's exponent notation. */
const RAW = /\d(\.\d+)?e[+-]\d/;

describe('a diverged run in the equations view', { timeout: 30_000 }, () => {
  it('says the run diverged at step N instead of a red ✗, in every check, and prints no raw number', () => {
    const { rec, divergence } = after(3);
    if (!divergence) throw new Error('the run did not diverge');
    const N = divergence.step;
    expect(Number.isFinite(rec.loss)).toBe(false);
    const { container } = renderLab(<FormulasView />, {
      config: DIVERGING,
      setup: (s) => s.setState({ frame: frameWith(rec, N), status: 'diverged', divergence, playing: false }),
    });
    expect(container.querySelectorAll('.formula-check-bad')).toHaveLength(0);
    expect(container.textContent).not.toContain('✗');
    const checks = Array.from(container.querySelectorAll('.formula-check'));
    expect(checks.length).toBeGreaterThanOrEqual(4); // h, p, ℓ, L
    const says = `the run diverged at step ${N}: these numbers overflowed`;
    for (const c of checks) expect(c.textContent === says || c.textContent?.startsWith('✓ equals')).toBe(true);
    expect(checks.filter((c) => c.textContent === says).length).toBeGreaterThanOrEqual(4);
    expect(screen.getByTestId('formulas-diverged')).toHaveTextContent(`The run diverged at step ${N}: these numbers overflowed`);
    expect(container.textContent).not.toMatch(RAW);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    expect(table.textContent).not.toContain('✗');
    expect(table.textContent).not.toMatch(RAW);
    expect(table).toHaveTextContent(says);
  });

  it('says so from the record alone, before the lab reports the divergence, naming the frame’s step', () => {
    const { rec } = after(2);
    const { container } = renderLab(<FormulasView />, { config: DIVERGING, setup: (s) => s.setState({ frame: frameWith(rec, 2), playing: true }) });
    expect(container.querySelectorAll('.formula-check-bad')).toHaveLength(0);
    expect(screen.getByTestId('check-hidden')).toHaveTextContent('the run diverged at step 2: these numbers overflowed');
  });

  it('formats numbers near 10¹³⁰ everywhere: in the formulas, the tooltip and the table', () => {
    const { rec } = after(1);
    const values = [rec.h, rec.preX, rec.preH, rec.preB].flatMap((a) => Array.from(a));
    expect(values.every(Number.isFinite)).toBe(true);
    expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(1e100);
    const { container } = renderLab(<FormulasView />, { config: DIVERGING, setup: (s) => s.setState({ frame: frameWith(rec, 1), playing: false }) });
    expect(container.textContent).not.toMatch(RAW);
    for (const n of Array.from(container.querySelectorAll<HTMLElement>('.formula-numeric .katex-html [data-n]'))) {
      fireEvent.mouseOver(n);
      const tip = container.querySelector('.formulas .tooltip');
      expect(tip).not.toBeNull();
      expect(tip?.textContent).not.toMatch(RAW);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(screen.getByRole('table').textContent).not.toMatch(RAW);
  });
});
