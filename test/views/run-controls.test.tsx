import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import { Session } from '../../src/engine/session';
import { LabProvider } from '../../src/state/context';
import { PointRing, TrainingHistory } from '../../src/state/history';
import { makeRunFile } from '../../src/state/run-file';
import { decodeRunFile } from '../../src/state/run-file-read';
import { DEFAULT_SCENARIO, ScenarioProvider } from '../../src/state/scenario';
import type { Scenario } from '../../src/state/scenario';
import { RunControls } from '../../src/views/controls/RunControls';
import { renderLab, stubLab } from './render-lab';

const field = () => screen.getByRole('spinbutton', { name: /^Train to step/ });

/** A real run file of 12 steps of a small echo task. */
function aRunFile() {
  const s = new Session(normalizeConfig({ task: { kind: 'echo', lag: 3, symbols: 2 }, model: { cell: 'gru', hiddenSize: 3 }, batch: 1 }).config);
  const h = new TrainingHistory();
  for (let i = 0; i < 12; i++) {
    s.train(1);
    h.push(s.trainer.step, s.trainer.stats.loss, 1, 1, false);
  }
  return makeRunFile(s.snapshot(), h, new PointRing(), new Date('2025-01-02T03:04:05.000Z'));
}

describe('RunControls: train to step N', () => {
  it('Go trains to the number typed; Enter in the field does too, once', () => {
    const { actions } = renderLab(<RunControls />);
    fireEvent.change(field(), { target: { value: '5000' } });
    fireEvent.blur(field());
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(actions.trainTo).toHaveBeenLastCalledWith(5000);
    fireEvent.change(field(), { target: { value: '750' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(actions.trainTo).toHaveBeenCalledTimes(2);
    expect(actions.trainTo).toHaveBeenLastCalledWith(750);
    // Enter again on the same number goes again (the field has nothing new to commit)
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(actions.trainTo).toHaveBeenLastCalledWith(750);
    expect(actions.trainTo).toHaveBeenCalledTimes(3);
  });

  it('a number out of range is clamped into 0…1,000,000 and shown as used; text that is no number changes nothing', () => {
    const { actions } = renderLab(<RunControls />);
    for (const [typed, used] of [['-40', 0], ['5e9', 1_000_000], ['12.6', 13]] as const) {
      fireEvent.change(field(), { target: { value: typed } });
      fireEvent.keyDown(field(), { key: 'Enter' });
      expect(actions.trainTo).toHaveBeenLastCalledWith(used);
      expect(field()).toHaveValue(used);
    }
    fireEvent.change(field(), { target: { value: 'abc' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(actions.trainTo).toHaveBeenLastCalledWith(13);
  });

  it('says where it is going while it jumps, with a progress bar of the steps reached', () => {
    const { store } = renderLab(<RunControls />, { setup: (s) => s.setState({ jumping: { to: 5000, step: 2300 } }) });
    expect(screen.getByRole('status')).toHaveTextContent('Training to step 5,000…');
    const bar = screen.getByRole('progressbar', { name: 'Reached step 2,300 of 5,000' });
    expect(bar).toHaveAttribute('value', '2300');
    expect(bar).toHaveAttribute('max', '5000');
    act(() => store.setState({ jumping: null }));
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('every control is labelled and reachable by Tab: the field, Go, Save run, Open run…', () => {
    renderLab(<RunControls />);
    const order = [field(), screen.getByRole('button', { name: 'Go' }), screen.getByRole('button', { name: 'Save run' }), screen.getByRole('button', { name: 'Open run…' })];
    for (const el of order) {
      expect(el).not.toHaveAttribute('tabindex', '-1');
      expect(el).toBeEnabled();
    }
    expect(field()).toHaveAccessibleDescription(/drawing nothing until it lands/);
    expect(screen.getByLabelText('Open a saved run file')).toHaveAttribute('type', 'file');
    expect(field().closest('[data-control]')).toHaveAttribute('data-control', 'trainTo');
  });
});

describe('RunControls: save and open', () => {
  const clicks: { href: string; download: string }[] = [];
  const blobs: Blob[] = [];
  beforeEach(() => {
    clicks.length = 0;
    blobs.length = 0;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return `blob:run-${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href')!, download: this.download });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('Save run downloads the run file, named for the task and step, from a Blob (no network)', async () => {
    const file = aRunFile();
    const { actions } = renderLab(<RunControls />);
    actions.exportRun.mockResolvedValue(file);
    fireEvent.click(screen.getByRole('button', { name: 'Save run' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]).toEqual({ href: 'blob:run-1', download: 'unrolled-run-echo-step12.json' });
    const back = decodeRunFile(await blobs[0].text());
    expect(back.ok && back.file.snapshot.trainer.step).toBe(12);
    expect(blobs[0].type).toBe('application/json');
    expect(document.querySelectorAll('a[download]')).toHaveLength(0); // the link went with the click
  });

  it('a save the lab cannot make becomes a notice', async () => {
    const { actions } = renderLab(<RunControls />);
    actions.exportRun.mockRejectedValue(new Error('The run was replaced before it was saved.'));
    fireEvent.click(screen.getByRole('button', { name: 'Save run' }));
    await waitFor(() => expect(actions.notify).toHaveBeenCalledWith('error', 'The run was replaced before it was saved.'));
    expect(clicks).toHaveLength(0);
  });

  it('Open run… reads the chosen file as text and hands it to the lab', async () => {
    const { actions } = renderLab(<RunControls />);
    const input = screen.getByLabelText('Open a saved run file');
    const clicked = vi.spyOn(input, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Open run…' }));
    expect(clicked).toHaveBeenCalled();
    fireEvent.change(input, { target: { files: [new File(['{"format":"unrolled-run"}'], 'run.json', { type: 'application/json' })] } });
    await waitFor(() => expect(actions.importRun).toHaveBeenCalledWith('{"format":"unrolled-run"}'));
  });

  it('a file over 20 MB is refused before it is read', async () => {
    const { actions } = renderLab(<RunControls />);
    const big = new File(['x'], 'huge.json');
    Object.defineProperty(big, 'size', { value: 200 * 1024 * 1024 });
    const read = vi.spyOn(big, 'text');
    fireEvent.change(screen.getByLabelText('Open a saved run file'), { target: { files: [big] } });
    await waitFor(() => expect(actions.notify).toHaveBeenCalledWith('error', 'This run cannot be opened: the file is larger than 20 MB.'));
    expect(read).not.toHaveBeenCalled();
    expect(actions.importRun).not.toHaveBeenCalled();
  });
});

describe('RunControls under a scenario', () => {
  const renderWith = (scenario: Scenario) => {
    const lab = stubLab();
    render(
      <ScenarioProvider value={scenario}>
        <LabProvider lab={lab}>
          <RunControls />
        </LabProvider>
      </ScenarioProvider>,
    );
    return lab;
  };

  it('hidden when the page shows neither control', () => {
    renderWith({ ...DEFAULT_SCENARIO, controls: ['lr', 'playback'] });
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('locked controls are disabled and Go does nothing', () => {
    const lab = renderWith({ ...DEFAULT_SCENARIO, lock: ['trainTo', 'runFile'] });
    expect(field()).toBeDisabled();
    expect(field()).toHaveAccessibleDescription(/locked by this page/);
    expect(screen.getByRole('button', { name: 'Go' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save run' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Open run…' })).toBeDisabled();
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(lab.actions.trainTo).not.toHaveBeenCalled();
  });

  it('only "train to" shown: no file buttons', () => {
    renderWith({ ...DEFAULT_SCENARIO, controls: ['trainTo'] });
    expect(field()).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Save run' })).toBeNull();
  });
});

describe('RunControls: stopping a jump', () => {
  it('a Stop button is there while it jumps, and pauses', () => {
    const { actions, store } = renderLab(<RunControls />);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    act(() => store.setState({ jumping: { to: 9000, step: 10 } }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(actions.pause).toHaveBeenCalledTimes(1);
  });
});
