import { act, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/engine/session';
import { ModelSettings } from '../../../src/views/controls/ModelSettings';
import { renderLab } from '../render-lab';

describe('ModelSettings: the recurrent scale says what it does, with the live ρ beside it', () => {
  it('shows ρ(Whh) of the run: 0.2-something at scale 1 with the uniform init, where "above 1 explodes, below 1 vanishes" was false', () => {
    const s = new Session({ model: { cell: 'rnn', activation: 'tanh', hiddenSize: 16 }, init: { scheme: 'uniform', scale: 0.1, recurrentScale: 1 }, task: { kind: 'echo', lag: 10, symbols: 4 } });
    const { store } = renderLab(<ModelSettings />, { config: s.config });
    expect(screen.getByTestId('settings-rho')).toHaveTextContent('ρ appears with the first frame.');
    act(() => store.setState({ spectral: s.spectral() }));
    const rho = s.spectral()[0].radius;
    expect(rho).toBeLessThan(0.5);
    expect(screen.getByTestId('settings-rho')).toHaveTextContent(`Now ρ(Whh) = ${rho.toFixed(2)}.`);
    const field = screen.getByRole('spinbutton', { name: 'Recurrent scale' });
    const hint = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(hint).toHaveTextContent("Multiplies the initial recurrent weights Wh·. What decides vanishing or exploding is roughly ρ(Whh) times the activation's slope, not the scale itself.");
    expect(document.body.textContent).not.toMatch(/invites explosion/);
  });

  it('names the gate for an LSTM, and the largest ρ', () => {
    const s = new Session({ model: { cell: 'lstm', hiddenSize: 8 }, task: { kind: 'echo', lag: 5, symbols: 4 } });
    renderLab(<ModelSettings />, { config: s.config, setup: (st) => st.setState({ spectral: s.spectral() }) });
    expect(screen.getByTestId('settings-rho')).toHaveTextContent(/^Now ρ\(Wh[figo]\) = \d\.\d\d \(largest of the recurrent matrices\)\.$/);
    expect(document.body.textContent).toMatch(/In an LSTM the forget gate sets how much error flows back, more than ρ does\./);
  });
});

describe('text size: nothing under 12 px in the flow and compare views', () => {
  it('sets every font size in flow.css and chart.css at 12 px or more', () => {
    for (const file of ['src/views/flow/flow.css', 'src/views/chart/chart.css']) {
      const css = readFileSync(file, 'utf8');
      const sizes = [...css.matchAll(/font-size:\s*([\d.]+)(px|rem|em)/g)].map((m) => Number(m[1]) * (m[2] === 'px' ? 1 : 16));
      expect(sizes.length).toBeGreaterThan(0);
      for (const px of sizes) expect(px, file).toBeGreaterThanOrEqual(12);
      expect(css).not.toMatch(/font-size:\s*(smaller|x-small|xx-small|small)\b/);
    }
  });
});
