import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Session } from '../../../src/engine/session';
import type { SessionConfig } from '../../../src/engine/config';
import type { LabOptions } from '../../../src/state/lab';
import { CompareView } from '../../../src/views/flow/CompareView';
import { configKey, mirrorConfig, otherCells, sharedAxes } from '../../../src/views/flow/compare-layout';
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
