import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import type { LabStore } from '../../../src/state/store';
import { GradientFlowView } from '../../../src/views/flow/GradientFlowView';
import { renderLab } from '../render-lab';
import { frameOf, linearRnn, pathPoints } from './flow-fixtures';

/** Renders the view on a real engine record of `session`, with its config in the store. */
function show(session: Session, setup?: (store: LabStore) => void) {
  return renderLab(<GradientFlowView />, {
    config: session.config,
    setup: (store) => {
      store.setState({ frame: frameOf(session.inspect(0)), spectral: session.spectral() });
      setup?.(store);
    },
  });
}

const factor = () => screen.getByTestId('flow-factor');
const series = (c: HTMLElement, name: string) => c.querySelector(`.flow-chart [data-series="${name}"]`) as SVGPathElement | null;

describe('GradientFlowView: the profile', () => {
  it('waits for the first frame but offers the knobs at once', () => {
    renderLab(<GradientFlowView />);
    expect(screen.getByText(/the gradient-flow profile appears with the first frame/)).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: /Recurrent scale/ })).toBeInTheDocument();
  });

  it('prints the fitted factor of a linear RNN with Whh = 0.5·I, falling, and draws 12 points left to right from τ = 11', () => {
    const { container } = show(linearRnn(0.5));
    expect(factor()).toHaveAttribute('data-trend', 'falling');
    expect(Number(factor().getAttribute('data-factor'))).toBeCloseTo(0.5, 12);
    expect(factor()).toHaveTextContent('Falling: each step back multiplies the error by 0.50; after 11 steps 0.000488 of it is left (vanishing gradient).');
    const pts = pathPoints(series(container, 'h')!.getAttribute('d')!);
    // x(k) = 66 + 476·(11 − k)/11: k = 0 at the right edge (542), τ = 11 at the left (66)
    pts.forEach(([x], k) => expect(x).toBeCloseTo(66 + (476 * (11 - k)) / 11, 2));
    expect(pts[0][0]).toBe(542);
    expect(pts[11][0]).toBe(66);
    // falling left to right: k = 11 (x 66) highest on screen
    expect(pts[11][1]).toBeLessThan(pts[0][1]);
    expect(container.querySelector('.flow-chart')).toHaveAttribute('aria-label', expect.stringContaining('at k = 11 and 8.203e-7 at k = 0'));
    expect(screen.getByTestId('flow-spectral')).toHaveTextContent('ρ(Whh) = 0.50, σmax = 0.50: ρ < 1, so repeated products with Whh shrink the error — it tends to vanish.');
    expect(screen.getByTestId('flow-bound')).toHaveTextContent('One step back scales the error by at most max linear′ · σmax = 1 × 0.50 = 0.50 < 1: it must vanish.');
  });

  it('flips to rising when the run behind it has recurrent scale 1.5', () => {
    const { store, container } = show(linearRnn(0.5));
    const up = linearRnn(1.5);
    act(() => store.setState({ frame: frameOf(up.inspect(0)), spectral: up.spectral(), config: up.config }));
    expect(factor()).toHaveAttribute('data-trend', 'rising');
    expect(factor()).toHaveTextContent('Rising: each step back multiplies the error by 1.50; after 11 steps it is 86.5× larger (exploding gradient).');
    const pts = pathPoints(series(container, 'h')!.getAttribute('d')!);
    expect(pts[0][1]).toBeLessThan(pts[11][1]);
    expect(screen.getByTestId('flow-spectral')).toHaveTextContent('ρ(Whh) = 1.50, σmax = 1.50: ρ > 1');
    expect(screen.getByTestId('flow-bound')).toHaveTextContent('= 1 × 1.50 = 1.50 ≥ 1: vanishing is not guaranteed.');
  });

  it('draws the cell-state line for an LSTM and lists it in the legend and the table', () => {
    const lstm = new Session({ model: { cell: 'lstm', hiddenSize: 4 }, task: { kind: 'echo', lag: 5, symbols: 4 } });
    const rec = lstm.inspect(0);
    const { container } = show(lstm);
    expect(series(container, 'c')).not.toBeNull();
    expect(screen.getByText('‖∂ℓτ/∂ck‖ (through the cell state c)')).toBeInTheDocument();
    expect(factor()).toHaveTextContent(/Through c: (falling|rising|level): each step back multiplies the error through the cell state by/);
    expect(screen.getByTestId('flow-spectral')).toHaveTextContent(/^largest ρ over Whf, Whi, Whg, Who: ρ\(Wh[figo]\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = container.querySelector('[data-table="profile"]') as HTMLTableElement;
    const head = [...table.querySelectorAll('th')].map((th) => th.textContent);
    expect(head).toEqual(['k', '‖∂ℓτ/∂hk‖', '‖∂ℓτ/∂ck‖']);
    const first = [...table.querySelectorAll('tbody tr')][0].querySelectorAll('td');
    expect(first[0]).toHaveTextContent(String(rec.tau));
    expect(Number(first[1].textContent)).toBeCloseTo(rec.flowH[rec.tau], 3);
    expect(Number(first[2].textContent)).toBeCloseTo(rec.flowC[rec.tau], 3);
  });

  it('lights the h line when a formula names dh, and sets that name on hover', () => {
    const { container, store, actions } = show(linearRnn(0.5));
    act(() => store.setState((s) => ({ selection: { ...s.selection, highlight: 'dh' } })));
    expect(series(container, 'h')).toHaveClass('lit');
    fireEvent.mouseLeave(series(container, 'h')!);
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: null });
    fireEvent.mouseEnter(series(container, 'h')!);
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: 'dh' });
  });

  it('shades the steps truncated BPTT trains on', () => {
    const { container } = show(linearRnn(0.5, { truncate: 4 }));
    const w = container.querySelector('.flow-window')!;
    expect(w).toHaveAttribute('data-from', '8');
    expect(w).toHaveAttribute('data-to', '11');
    expect(screen.getByText(/the 4 steps k = 8…11 that truncated BPTT trains on \(chunks of 4 steps: from the start of τ's chunk to τ\)/)).toBeInTheDocument();
  });

  it('names the window mode and shades its window', () => {
    const { container } = show(linearRnn(0.5, { truncate: 5, truncMode: 'window' }));
    const w = container.querySelector('.flow-window')!;
    expect(w).toHaveAttribute('data-from', '7');
    expect(w).toHaveAttribute('data-to', '11');
    expect(screen.getByText(/the 5 steps k = 7…11 that truncated BPTT trains on \(a window of 5 steps per loss, ending at τ\)/)).toBeInTheDocument();
  });

  it('offers the scored steps as τ and re-inspects through select({ tau })', () => {
    const text = new Session({ model: { cell: 'rnn', hiddenSize: 4 }, task: { kind: 'echo', lag: 2, symbols: 3 } });
    const rec = text.inspect(0);
    const scored = [...rec.mask].flatMap((m, t) => (m === 1 ? [t] : []));
    const { actions } = show(text);
    const select = screen.getByRole('combobox', { name: 'error of step τ' });
    const options = within(select).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(options).toEqual(['', ...scored.map(String)]);
    fireEvent.change(select, { target: { value: String(scored[0]) } });
    expect(actions.select).toHaveBeenCalledWith({ tau: scored[0] });
    fireEvent.change(select, { target: { value: '' } });
    expect(actions.select).toHaveBeenLastCalledWith({ tau: null });
  });
});

describe('GradientFlowView: the knobs', () => {
  it('bounds a sigmoid RNN\'s step by σ′ ≤ 1/4 times σmax(Whh)', () => {
    const sig = new Session({ model: { cell: 'rnn', activation: 'sigmoid', hiddenSize: 4 }, init: { scheme: 'orthogonal', recurrentScale: 2 }, task: { kind: 'adding', seqLength: 6 } });
    show(sig);
    // orthogonal × 2: every singular value is 2, so the bound is 0.25 · 2 = 0.5
    expect(sig.spectral()[0].sigmaMax).toBeCloseTo(2, 9);
    expect(screen.getByTestId('flow-bound')).toHaveTextContent('max sigmoid′ · σmax = 0.25 × 2.00 = 0.50 < 1: it must vanish.');
    // and the engine's profile obeys it: no step back keeps more than half the error
    const r = sig.inspect(0);
    for (let k = 1; k <= r.tau; k++) expect(r.flowH[k - 1] / r.flowH[k]).toBeLessThanOrEqual(0.5 + 1e-12);
  });

  const base = linearRnn(0.5);
  const cfg: SessionConfig = base.config;

  it('applies the recurrent scale on release, not while dragging', () => {
    const { actions } = show(base);
    const slider = screen.getByRole('slider', { name: /Recurrent scale/ });
    expect(slider).toHaveValue('0.5');
    fireEvent.change(slider, { target: { value: '1.5' } });
    expect(actions.configure).not.toHaveBeenCalled();
    expect(screen.getByText('×1.50')).toBeInTheDocument();
    fireEvent.pointerUp(slider);
    fireEvent.mouseUp(slider);
    expect(actions.configure).toHaveBeenCalledTimes(1);
    expect(actions.configure).toHaveBeenCalledWith({ ...cfg, init: { ...cfg.init, recurrentScale: 1.5 } });
  });

  it('changes activation, initialization, cell and optimizer with the right patch', () => {
    const { actions } = show(base);
    fireEvent.change(screen.getByRole('combobox', { name: 'Activation (gradient-flow view)' }), { target: { value: 'tanh' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...cfg, model: { ...cfg.model, activation: 'tanh' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Initialization (gradient-flow view)' }), { target: { value: 'orthogonal' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...cfg, init: { ...cfg.init, scheme: 'orthogonal' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Cell (gradient-flow view)' }), { target: { value: 'gru' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...cfg, model: { ...cfg.model, cell: 'gru' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Optimizer (gradient-flow view)' }), { target: { value: 'rmsprop' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...cfg, optimizer: { ...cfg.optimizer, kind: 'rmsprop' } });
    expect(actions.configure).toHaveBeenCalledTimes(4);
  });

  it('switches clipping off and on, and sets its threshold on a log slider', () => {
    const { actions } = show(base);
    expect(cfg.clip).toEqual({ kind: 'norm', threshold: 1 });
    fireEvent.change(screen.getByRole('combobox', { name: 'Gradient clipping (gradient-flow view)' }), { target: { value: 'none' } });
    expect(actions.configure).toHaveBeenLastCalledWith({ ...cfg, clip: { kind: 'none' } });
    const t = screen.getByRole('slider', { name: /Clipping threshold/ });
    expect(t).toHaveValue('0'); // log10 1
    fireEvent.change(t, { target: { value: '1' } });
    fireEvent.keyUp(t);
    expect(actions.configure).toHaveBeenLastCalledWith({ ...cfg, clip: { kind: 'norm', threshold: 10 } });
  });

  it('sets the truncation window k on release, up to the sequence length', () => {
    const { actions } = show(base);
    const k = screen.getByRole('slider', { name: /Truncated BPTT k/ });
    expect(k).toHaveAttribute('max', '12');
    expect(k).toHaveAttribute('aria-valuetext', 'full');
    fireEvent.change(k, { target: { value: '5' } });
    fireEvent.blur(k);
    expect(actions.configure).toHaveBeenLastCalledWith({ ...cfg, truncate: 5 });
  });

  it('hides the activation for gated cells', () => {
    show(new Session({ model: { cell: 'gru', hiddenSize: 4 }, task: { kind: 'echo', lag: 3, symbols: 3 } }));
    expect(screen.queryByRole('combobox', { name: 'Activation (gradient-flow view)' })).toBeNull();
    expect(screen.queryByTestId('flow-bound')).toBeNull();
  });
});

describe('GradientFlowView: the norm history', () => {
  /** steps 1…10; norm 1 except 50 at step 7 and 3 at step 10; clipping by norm at 2 (the config's threshold). */
  function history(store: LabStore) {
    const s = store.getState();
    [1, 1, 1, 1, 1, 1, 50, 1, 2, 3].forEach((g, i) => s.history.push(i + 1, 0.5, g, Math.min(g, 2), g > 2));
    store.setState({ historyVersion: s.historyVersion + 1 });
  }
  const clipCfg = (s: Session) => ({ ...s.config, clip: { kind: 'norm' as const, threshold: 2 } });

  it('ticks exactly the clipped steps, marks the explosion, and draws the threshold at its y', () => {
    const s = linearRnn(0.5);
    const { container } = renderLab(<GradientFlowView />, { config: clipCfg(s), setup: history });
    const svg = container.querySelector('.norm-history')!;
    const clips = svg.querySelector('.flow-clips')!;
    expect(clips).toHaveAttribute('data-count', '2');
    const xs = [...(clips.getAttribute('d') ?? '').matchAll(/M([\d.]+),/g)].map((m) => Number(m[1]));
    // x = 66 + 476·(step − 1)/9 for steps 7 and 10
    expect(xs[0]).toBeCloseTo(66 + (476 * 6) / 9, 1);
    expect(xs[1]).toBeCloseTo(542, 1);
    expect(svg.querySelector('.flow-spikes')).toHaveAttribute('data-count', '1');
    // domain [1, 100] over 132…12: y(2) = 132 − 60·log10 2
    const line = svg.querySelector('.flow-threshold line')!;
    expect(Number(line.getAttribute('y1'))).toBeCloseTo(132 - 60 * Math.log10(2), 3);
    expect(within(svg as unknown as HTMLElement).getByText('clipping threshold 2')).toBeInTheDocument();
    const after = pathPoints(svg.querySelector('[data-series="after"]')!.getAttribute('d')!);
    after.forEach(([, y]) => expect(y).toBeGreaterThanOrEqual(Number(line.getAttribute('y1'))));
    expect(screen.getByTestId('flow-history-summary')).toHaveTextContent('step 10: ‖∇θ‖ = 3 → 2 after clipping; 2 of 10 steps clipped; 1 explosion marked ▼.');
  });

  it('lists the last 20 points in the table', () => {
    const s = linearRnn(0.5);
    const { container } = renderLab(<GradientFlowView />, {
      config: clipCfg(s),
      setup: (store) => {
        const st = store.getState();
        for (let i = 1; i <= 25; i++) st.history.push(i, 0.5, i, Math.min(i, 2), i > 2);
        store.setState({ historyVersion: 1, frame: frameOf(s.inspect(0)) });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = [...container.querySelectorAll('[data-table="history"] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual(['6', '6', '2', 'yes']);
    expect(rows[19]).toEqual(['25', '25', '2', 'yes']);
  });
});
