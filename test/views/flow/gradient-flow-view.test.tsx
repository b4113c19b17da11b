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
  it('in a lesson (ui.viewKnobs false) leaves its causes and cures out: the lesson offers its own settings', () => {
    renderLab(<GradientFlowView />, { ui: { viewKnobs: false } });
    expect(screen.queryByText('Causes and cures')).toBeNull();
    expect(screen.queryByRole('slider', { name: /Recurrent scale/ })).toBeNull();
  });

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

describe('GradientFlowView: words for what was measured', () => {
  /** the default LSTM on the lag-10 echo with truncation k = 3 (chunks), its profile replaced by the U the run shows after 1,000 steps */
  function uShaped() {
    const lstm = new Session({ model: { cell: 'lstm', hiddenSize: 16 }, task: { kind: 'echo', lag: 10, symbols: 4 }, truncate: 3 });
    const rec = lstm.inspect(0);
    rec.flowH = Float64Array.from([3.5e-4, 2.0e-4, 1.0e-4, 5.4e-5, 2.9e-5, 1.4e-5, 8.4e-6, 8.7e-6, 2.8e-5, 2.0e-4, 7.6e-4]);
    rec.flowC = Float64Array.from([4.3e-4, 2.5e-4, 1.3e-4, 6.3e-5, 3.0e-5, 1.6e-5, 1.0e-5, 8.4e-6, 8.5e-6, 1.0e-5, 1.4e-5]);
    return renderLab(<GradientFlowView />, { config: lstm.config, setup: (store) => store.setState({ frame: frameOf(rec), spectral: lstm.spectral() }) });
  }

  it('calls a U-shaped profile "falls, then rises" instead of "0.462 of it is left (vanishing)", and states the rule', () => {
    const { container } = uShaped();
    expect(factor()).toHaveAttribute('data-trend', 'falls-rises');
    expect(factor()).toHaveTextContent(/^Falls, then rises: going back from τ, the error falls to 0\.0111 of its size by k = 6/);
    expect(factor().textContent).not.toMatch(/vanishing gradient/);
    expect(factor()).toHaveTextContent(/Through c: rising: each step back multiplies the error through the cell state by 1\.41; after 10 steps it is 30\.7× larger \(exploding gradient\)\./);
    expect(screen.getByTestId('flow-rule')).toHaveTextContent('"vanishing" or "exploding" when the factor per step between its ends is below 0.98 or above 1.02 and the curve does not turn');
    // the dashed line joins the measured ends
    const fit = container.querySelector('.flow-fit')!;
    const h = pathPoints(series(container, 'h')!.getAttribute('d')!);
    expect(Number(fit.getAttribute('y1'))).toBeCloseTo(h[10][1], 2);
    expect(Number(fit.getAttribute('y2'))).toBeCloseTo(h[0][1], 2);
  });

  it('says, with truncation k = 3 on the lag-10 echo, that the state still carries the symbol through forget gates near 0.73', () => {
    uShaped();
    const note = screen.getByTestId('flow-trunc-lag');
    expect(note).toHaveTextContent(/^Truncation k = 3 is shorter than this task's lag: the echo asks at step 10 for the symbol shown at step 0/);
    expect(note).toHaveTextContent(/Truncation limits what the gradient can teach, not what the state carries/);
    expect(note).toHaveTextContent(/through forget gates averaging 0\.7\d per step/);
    // the LSTM's own words: its forget gate, not ρ·⟨act′⟩
    expect(screen.getByTestId('flow-guide')).toHaveTextContent(/^In an LSTM the error's direct path runs along the cell state c, multiplied at each step by the forget gate f: it averages 0\.\d\d here/);
    expect(screen.getByTestId('flow-spectral')).toHaveTextContent(/so ρ alone does not say whether it vanishes\.$/);
  });

  it('has no lag caption without truncation, or when the window reaches the input', () => {
    show(new Session({ model: { cell: 'lstm', hiddenSize: 4 }, task: { kind: 'echo', lag: 5, symbols: 4 } }));
    expect(screen.queryByTestId('flow-trunc-lag')).toBeNull();
    show(new Session({ model: { cell: 'lstm', hiddenSize: 4 }, task: { kind: 'echo', lag: 5, symbols: 4 }, truncate: 6, truncMode: 'window' }));
    expect(screen.queryByTestId('flow-trunc-lag')).toBeNull();
  });

  it('shows ρ·⟨act′⟩ as a rough guide beside the measured factor of a vanilla RNN, and why they disagree', () => {
    const s = new Session({ model: { cell: 'rnn', activation: 'tanh', hiddenSize: 16 }, init: { scheme: 'xavier', recurrentScale: 1.7 }, task: { kind: 'echo', lag: 10, symbols: 4 } });
    show(s);
    const g = screen.getByTestId('flow-guide');
    expect(g).toHaveTextContent(/^Rough guide: ρ\(Whh\) · ⟨tanh′⟩ = \d\.\d\d × 0\.\d\d = \d\.\d\d per step \([a-z ,]+\), [\d.e-]+ over 10 steps; measured: [\d.]+ \(×0\.\d\d per step, vanishing\)\./);
    expect(g).toHaveAttribute('data-agrees', 'false');
    expect(g).toHaveTextContent(/They disagree because the product of the Jacobians is not the product of their norms/);
    // the spectral words beside the knob do not promise an explosion beside a vanishing curve
    expect(screen.getByTestId('flow-spectral').textContent).not.toMatch(/explode/);
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
  /** steps 1…10; norm 1 except 5,000 at step 7 (an explosion) and 3 at step 10; clipping by norm at 2 (the config's threshold). */
  function history(store: LabStore) {
    const s = store.getState();
    [1, 1, 1, 1, 1, 1, 5000, 1, 2, 3].forEach((g, i) => s.history.push(i + 1, 0.5, g, Math.min(g, 2), g > 2));
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
    // domain [1, 1e4] over 132…12: y(2) = 132 − 30·log10 2
    const line = svg.querySelector('.flow-threshold line')!;
    expect(Number(line.getAttribute('y1'))).toBeCloseTo(132 - 30 * Math.log10(2), 3);
    // the explosion threshold 1,000 as a line, named, the ▼ above it
    const boom = svg.querySelector('.flow-explosion-line line')!;
    expect(Number(boom.getAttribute('y1'))).toBeCloseTo(132 - 90, 3);
    expect(within(svg as unknown as HTMLElement).getByText('explosion: above 1,000')).toBeInTheDocument();
    expect(within(svg as unknown as HTMLElement).getByText('clipping threshold 2')).toBeInTheDocument();
    const after = pathPoints(svg.querySelector('[data-series="after"]')!.getAttribute('d')!);
    after.forEach(([, y]) => expect(y).toBeGreaterThanOrEqual(Number(line.getAttribute('y1'))));
    expect(screen.getByTestId('flow-history-summary')).toHaveTextContent('step 10: ‖∇θ‖ = 3 → 2 after clipping; 2 of 10 steps clipped; 1 explosion marked ▼ (‖∇θ‖ above 1,000, or overflowed to ∞/NaN).');
    expect(screen.getByText(/explosion: ‖∇θ‖ above 1,000, or overflowed to ∞\/NaN/)).toBeInTheDocument();
  });

  it('counts what it marks after a 1e25 spike at step 2, and keeps the later norms off the floor', () => {
    const s = linearRnn(0.5);
    const g = [2.48, 1e25, 19.6, 4.61, 4.68, 4.13, 4.74, 4.11, 4.65, 4.15, 4.2, 4.72];
    const { container } = renderLab(<GradientFlowView />, {
      config: { ...s.config, clip: { kind: 'none' } },
      setup: (store) => {
        const st = store.getState();
        g.forEach((v, i) => st.history.push(i + 1, 0.1, v, v, false));
        store.setState({ historyVersion: 1 });
      },
    });
    const svg = container.querySelector('.norm-history')!;
    const marks = svg.querySelector('.flow-spikes')!;
    expect(marks).toHaveAttribute('data-count', '1');
    expect(marks.getAttribute('d')!.match(/M/g)).toHaveLength(1);
    expect(screen.getByTestId('flow-history-summary')).toHaveTextContent('1 explosion marked ▼');
    const labels = [...svg.querySelectorAll('.axis-left .axis-label')].map((t) => t.textContent);
    expect(labels).toEqual(['1', '1e10', '1e20']);
    const ys = pathPoints(svg.querySelector('[data-series="before"]')!.getAttribute('d')!).map((p) => p[1]);
    ys.slice(2).forEach((y) => expect(y).toBeLessThan(130));
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
