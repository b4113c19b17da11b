import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Session } from '../../../src/engine/session';
import type { SessionConfig } from '../../../src/engine/config';
import type { LabOptions } from '../../../src/state/lab';
import { CompareView } from '../../../src/views/flow/CompareView';
import { baselineVerdict, buildMiniCurve, CARD_CHROME, COLUMN_MIN, COMPARE_GAP, compareColumns, configKey, mirrorConfig, otherCells, sharedAxes } from '../../../src/views/flow/compare-layout';
import { buildProfile } from '../../../src/views/flow/profile-model';
import { labelExtent, textWidth } from '../../../src/views/flow/flow-layout';
import type { TaskMetric } from '../../../src/engine/tasks/task';
import { TrainingHistory, PointRing } from '../../../src/state/history';
import { renderLab, stubLab } from '../render-lab';
import { frameOf } from './flow-fixtures';

const RNN: SessionConfig = new Session({ model: { cell: 'rnn', activation: 'tanh', hiddenSize: 4 }, task: { kind: 'echo', lag: 3, symbols: 3 }, batch: 2 }).config;

/** Renders the comparison with stub extra labs, recording how they were made. */
function setup(playing = false) {
  const made: ReturnType<typeof stubLab>[] = [];
  const opts: LabOptions[] = [];
  const makeLab = vi.fn((o: LabOptions) => {
    const lab = stubLab(o.config, o.ui);
    made.push(lab);
    opts.push(o);
    return lab;
  });
  const r = renderLab(<CompareView makeLab={makeLab} />, { config: RNN, setup: (s) => s.setState({ playing }) });
  return { ...r, made, opts, makeLab };
}

describe('compare-layout', () => {
  it('runs the two other cells with everything else the same', () => {
    expect(otherCells('rnn')).toEqual(['lstm', 'gru']);
    expect(otherCells('lstm')).toEqual(['rnn', 'gru']);
    expect(otherCells('gru')).toEqual(['rnn', 'lstm']);
    expect(mirrorConfig(RNN, 'gru')).toEqual({ ...RNN, model: { ...RNN.model, cell: 'gru' } });
    // a config and the worker's normalized echo of it key alike
    expect(configKey({ ...RNN, optimizer: { kind: RNN.optimizer.kind, lr: RNN.optimizer.lr } })).toBe(configKey(RNN));
  });

  it('shares the step and loss axes over the columns', () => {
    const a = new TrainingHistory();
    const b = new TrainingHistory();
    a.push(1, 0.02, 1, 1, false);
    b.push(1, 3, 1, 1, false);
    b.push(40, 5, 1, 1, false);
    const axes = sharedAxes([
      { history: a, metrics: new PointRing(), metric: null },
      { history: b, metrics: new PointRing(), metric: null },
    ]);
    expect(axes.lastStep).toBe(40);
    expect(axes.loss).toEqual([0.01, 10]);
  });
});

describe('compare layout: nothing is cut', () => {
  /** Every piece of text the column's SVGs draw, as [left, right] in the SVG's pixels (labels at 13 px). */
  function extents(width: number) {
    const { colWidth } = compareColumns(width);
    const rec = new Session(mirrorConfig(RNN, 'gru')).inspect(0);
    const out: { what: string; x: [number, number]; svg: number }[] = [];
    for (const trunc of [0, 1, 2, 3]) {
      const p = buildProfile(rec, colWidth, trunc, trunc === 2 ? 'window' : 'chunk', { height: 200, minWidth: COLUMN_MIN });
      // AxisBottom labels are centred on their tick; AxisLeft labels end 9 px left of the axis; the compact title is centred on the plot
      p.xTicks.forEach((t) => out.push({ what: `x tick ${t.label}`, x: [t.pos - textWidth(t.label) / 2, t.pos + textWidth(t.label) / 2], svg: p.box.width }));
      p.yTicks.forEach((t) => out.push({ what: `y tick ${t.label}`, x: [p.box.left - 9 - textWidth(t.label), p.box.left - 9], svg: p.box.width }));
      const title = 'step k (back in time →)';
      const mid = (p.box.left + p.box.right) / 2;
      out.push({ what: 'title', x: [mid - textWidth(title) / 2, mid + textWidth(title) / 2], svg: p.box.width });
      for (const l of [p.endLabels.h, p.endLabels.c, p.windowLabel]) if (l) out.push({ what: l.text, x: labelExtent(l), svg: p.box.width });
    }
    const m = buildMiniCurve({ history: new TrainingHistory(), metrics: new PointRing(), metric: null }, sharedAxes([]), colWidth);
    m.stepTicks.forEach((t) => out.push({ what: `step ${t.label}`, x: [t.pos - textWidth(t.label) / 2, t.pos + textWidth(t.label) / 2], svg: m.box.width }));
    return { colWidth, out };
  }

  it('lays out three cards and two gaps within the width, or stacks them, at every width from 258 to 2,560 px', () => {
    for (let w = COLUMN_MIN + CARD_CHROME; w <= 2560; w++) {
      const { stacked, colWidth } = compareColumns(w);
      expect(colWidth).toBeGreaterThanOrEqual(COLUMN_MIN);
      if (stacked) expect(colWidth + CARD_CHROME).toBeLessThanOrEqual(w);
      else expect(3 * (colWidth + CARD_CHROME) + 2 * COMPARE_GAP).toBeLessThanOrEqual(w);
      // the SVGs get exactly the card's content width
      expect(buildProfile({ tau: 3, flowH: Float64Array.of(1, 2, 3, 4), flowC: new Float64Array(0) }, colWidth, 0, 'chunk', { height: 200, minWidth: COLUMN_MIN }).box.width).toBe(colWidth);
      expect(buildMiniCurve({ history: new TrainingHistory(), metrics: new PointRing(), metric: null }, sharedAxes([]), colWidth).box.width).toBe(colWidth);
    }
    // the page at 1280 × 720 gives the comparison 878 px: cards of 266 px content (the GRU's profile used to be 300 wide and lost its "0" tick and "via h")
    expect(compareColumns(878)).toEqual({ stacked: false, colWidth: 266 });
    expect(compareColumns(300)).toEqual({ stacked: true, colWidth: 282 });
  });

  it('keeps every tick, title and label of a column inside its SVG, at the widths the page uses', () => {
    for (const w of [300, 360, 414, 768, 820, 828, 878, 900, 1000, 1100, 1366, 1920]) {
      const { colWidth, out } = extents(w);
      for (const e of out) {
        expect(e.svg, `${w}px: ${e.what}`).toBe(colWidth);
        expect(e.x[0], `${w}px: ${e.what}`).toBeGreaterThanOrEqual(0);
        expect(e.x[1], `${w}px: ${e.what}`).toBeLessThanOrEqual(colWidth);
      }
    }
  });
});

describe('the comparison\'s verdict', () => {
  const mse = (value: number): TaskMetric => ({ name: 'MSE', value, baseline: 0.148, baselineName: 'always answer 1.0', higherIsBetter: false });
  const ring = (values: number[]) => {
    const r = new PointRing();
    values.forEach((v, i) => r.push(10 * (i + 1), v));
    return r;
  };

  it('does not flicker on noise: 0.145 then 0.165 against 0.148 is at the baseline, not ✓ then ✗', () => {
    const seq = [0.16, 0.15, 0.145, 0.165, 0.15, 0.149, 0.147];
    const verdicts = seq.map((_, i) => baselineVerdict(ring(seq.slice(0, i + 1)), mse(seq[i]))!.verdict);
    expect(new Set(verdicts)).toEqual(new Set(['at']));
    // judged on the mean of the last 5 evaluations
    const v = baselineVerdict(ring(seq), mse(0.147))!;
    expect(v.count).toBe(5);
    expect(v.value).toBeCloseTo((0.145 + 0.165 + 0.15 + 0.149 + 0.147) / 5, 12);
  });

  it('says better or worse beyond 10% of the baseline, by the metric\'s direction', () => {
    expect(baselineVerdict(ring([0.02, 0.01, 0.012]), mse(0.012))!.verdict).toBe('better');
    expect(baselineVerdict(ring([0.3, 0.25, 0.2]), mse(0.2))!.verdict).toBe('worse');
    const acc = (value: number): TaskMetric => ({ name: 'accuracy', value, baseline: 0.25, baselineName: 'chance', higherIsBetter: true });
    expect(baselineVerdict(ring([0.9, 1, 1]), acc(1))!.verdict).toBe('better');
    expect(baselineVerdict(ring([0.26, 0.24]), acc(0.24))!.verdict).toBe('at');
    expect(baselineVerdict(ring([0.1, 0.12]), acc(0.12))!.verdict).toBe('worse');
  });

  it('skips non-finite evaluations, falls back on the latest metric, and is null with nothing finite', () => {
    expect(baselineVerdict(ring([NaN, Infinity, 0.01]), mse(0.01))).toEqual({ value: 0.01, count: 1, verdict: 'better' });
    expect(baselineVerdict(new PointRing(), mse(0.5))).toEqual({ value: 0.5, count: 1, verdict: 'worse' });
    expect(baselineVerdict(ring([NaN]), mse(NaN))).toBeNull();
    expect(baselineVerdict(ring([1]), { ...mse(1), baseline: NaN })).toBeNull();
    const huge = baselineVerdict(ring([1.7e308, 1.7e308, 1.7e308]), mse(1.7e308))!;
    expect(huge.value).toBe(1.7e308);
    expect(huge.verdict).toBe('worse');
  });
});

describe('CompareView', () => {
  it('creates no extra lab until asked', () => {
    const { makeLab } = setup();
    expect(makeLab).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Start comparison' })).toBeInTheDocument();
  });

  it('starts an LSTM and a GRU lab mirroring the RNN page, restarts the page so all three start together, and keeps it playing', () => {
    const { made, opts, actions } = setup(true);
    fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    expect(made).toHaveLength(2);
    expect(opts[0].config).toEqual({ ...RNN, model: { ...RNN.model, cell: 'lstm' } });
    expect(opts[1].config).toEqual({ ...RNN, model: { ...RNN.model, cell: 'gru' } });
    expect(opts.map((o) => o.ui.autoplay)).toEqual([false, false]);
    expect(actions.reset).toHaveBeenCalledTimes(1);
    expect(actions.play).toHaveBeenCalledTimes(1);
    // the page's new run resets the extras too, and they play with the page
    made.forEach((l) => expect(l.actions.reset).toHaveBeenCalledTimes(1));
    made.forEach((l) => expect(l.actions.play).toHaveBeenCalled());
    made.forEach((l) => expect(l.actions.pause).not.toHaveBeenCalled());
  });

  it('shows the three cells in the order RNN, LSTM, GRU, the page’s own run named, profiles on one log axis', () => {
    const { made, container } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    const heads = [...container.querySelectorAll('.compare-col h3')].map((h) => h.textContent);
    expect(heads).toEqual(["RNN (tanh) · this page's run", 'LSTM ', 'GRU ']);
    // give each lab a frame: the three records' profiles differ, the axis is shared
    const records = (['lstm', 'gru'] as const).map((cell) => new Session(mirrorConfig(RNN, cell)).inspect(0));
    act(() => made.forEach((l, i) => l.store.setState({ frame: frameOf(records[i]), step: 7 })));
    expect(screen.getByTestId('compare-step-lstm')).toHaveTextContent('step 7');
    const ticks = (cell: string) => [...container.querySelectorAll(`[data-cell="${cell}"] .flow-chart .axis-left .axis-label`)].map((t) => t.textContent);
    expect(ticks('lstm').length).toBeGreaterThan(1);
    expect(ticks('gru')).toEqual(ticks('lstm'));
    const lstmFit = Number(screen.getByTestId('compare-factor-lstm').getAttribute('data-factor'));
    expect(lstmFit).toBeGreaterThan(0);
    expect(container.querySelector('[data-cell="lstm"] [data-series="c"]')).not.toBeNull();
    expect(container.querySelector('[data-cell="gru"] [data-series="c"]')).toBeNull();
  });

  it("carries out the page's commands on both extras: config (cells re-assigned), reset, play/pause, speed, each single step", () => {
    const { made, actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    const [lstm, gru] = made;
    // a new lag on the page restarts both with it
    const lag9 = { ...RNN, task: { kind: 'echo' as const, lag: 9, symbols: 3 } };
    act(() => void actions.configure(lag9));
    expect(lstm.actions.configure).toHaveBeenLastCalledWith(mirrorConfig(lag9, 'lstm'));
    expect(gru.actions.configure).toHaveBeenLastCalledWith(mirrorConfig(lag9, 'gru'));
    // the page turns LSTM: the slots become RNN and GRU
    act(() => void actions.configure(mirrorConfig(lag9, 'lstm')));
    expect(lstm.actions.configure).toHaveBeenLastCalledWith(mirrorConfig(lag9, 'rnn'));
    expect(gru.actions.configure).toHaveBeenLastCalledWith(mirrorConfig(lag9, 'gru'));
    act(() => actions.reset());
    made.forEach((l) => expect(l.actions.reset).toHaveBeenCalledTimes(2)); // once when the comparison started, once now
    act(() => actions.play());
    made.forEach((l) => expect(l.actions.play).toHaveBeenCalledTimes(1));
    act(() => actions.pause());
    made.forEach((l) => expect(l.actions.pause).toHaveBeenCalledTimes(1));
    act(() => actions.setSpeed(7));
    made.forEach((l) => expect(l.actions.setSpeed).toHaveBeenLastCalledWith(7));
    // three Steps on the page are three Steps of each, whatever the counters say
    act(() => [1, 2, 3].forEach(() => actions.step()));
    made.forEach((l) => expect(l.actions.step).toHaveBeenCalledTimes(3));
    // after Stop the extras no longer follow
    fireEvent.click(screen.getByRole('button', { name: 'Stop comparison' }));
    act(() => actions.step());
    made.forEach((l) => expect(l.actions.step).toHaveBeenCalledTimes(3));
  });

  it('disposes the extra labs on Stop and on unmount', () => {
    const first = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop comparison' }));
    first.made.forEach((l) => expect(l.dispose).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('button', { name: 'Start comparison' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    const again = first.made.slice(2);
    expect(again).toHaveLength(2);
    first.unmount();
    again.forEach((l) => expect(l.dispose).toHaveBeenCalledTimes(1));
  });

  it('shows the smoothed verdict and lays each profile out exactly as wide as its column', () => {
    const { made, container } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    const rec = new Session(mirrorConfig(RNN, 'gru')).inspect(0);
    act(() =>
      made[1].store.setState((st) => {
        [0.16, 0.15, 0.145, 0.165].forEach((v, i) => st.metrics.push(10 * (i + 1), v));
        return { frame: frameOf(rec), metric: { name: 'MSE', value: 0.165, baseline: 0.148, baselineName: 'always answer 1.0', higherIsBetter: false }, historyVersion: st.historyVersion + 1 };
      }),
    );
    const v = screen.getByTestId('compare-verdict-gru');
    expect(v).toHaveAttribute('data-verdict', 'at');
    expect(v).toHaveTextContent('MSE 0.155 (mean of last 4) vs 0.148 for always answer 1.0: ≈ at the baseline');
    expect(screen.getByText(/judge the mean of the last 5 evaluations; within 10% of the trivial predictor's score counts as at the baseline/)).toBeInTheDocument();
    // jsdom lays out at the fallback width 900: columns of floor(876 / 3) − 18 = 274 px
    const svg = container.querySelector('[data-cell="gru"] .flow-chart')!;
    expect(svg).toHaveAttribute('width', '274');
    expect(container.querySelector('[data-cell="gru"] .mini-curve')).toHaveAttribute('width', '274');
    expect(screen.getByTestId('compare-factor-gru')).toHaveTextContent(/per step back \((vanishing|exploding|roughly constant|falls, then rises|rises, then falls)\)/);
  });

  it('offers the comparison as a table', () => {
    const { made, container } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    const rec = new Session(mirrorConfig(RNN, 'gru')).inspect(0);
    act(() => made[1].store.setState({ frame: frameOf(rec) }));
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = [...container.querySelectorAll('[data-table="compare"] tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(['RNN', 'LSTM', 'GRU']);
    const gru = [...rows[2].querySelectorAll('td')].map((td) => td.textContent);
    expect(gru[3]).toBe(String(rec.tau));
  });
});
