import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { createLab } from '../../src/state/lab';
import { lockPrecheck, parseScenario, ScenarioProvider } from '../../src/state/scenario';
import { lockedLab, startAt } from '../../src/state/locked-lab';
import { encodeRunFile } from '../../src/state/run-file';
import { DEFAULT_UI, fromHash, toHash } from '../../src/state/url';
import { loopClient } from '../state/loop-client';

/** The lab page as Site's LabPage makes it from a link: the scenario's precheck, the locked actions, the provider. */
function openLink(link: string) {
  window.history.replaceState(null, '', link);
  const { scenario } = parseScenario(link);
  const { config, ui } = fromHash(link);
  const w = loopClient();
  const lab = createLab({ config, ui: { ...ui, autoplay: false, speed: 0 }, client: w.client, raf: w.raf, precheck: lockPrecheck(scenario, config) });
  startAt(lab, scenario.at);
  const shown = lockedLab(lab, scenario);
  render(
    <ScenarioProvider value={scenario}>
      <App lab={shown} views={[]} />
    </ScenarioProvider>,
  );
  act(() => w.settle());
  const notices = () => lab.store.getState().notices.map((n) => n.text);
  return { lab, shown, w, scenario, notices, config: () => lab.store.getState().config };
}

afterEach(() => window.history.replaceState(null, '', '#'));

describe('a scenario hides and locks the lab controls', () => {
  it('shows only the visible settings; a locked one is disabled, marked, and described as locked', () => {
    openLink('#task=echo&lag=5&controls=lr,seed,lag,playback&lock=seed');
    const settings = screen.getByRole('form', { name: 'Run settings' });
    expect(within(settings).getByRole('spinbutton', { name: /Learning rate/ })).toBeEnabled();
    expect(within(settings).getByRole('spinbutton', { name: /Lag/ })).toBeEnabled();
    const seed = within(settings).getByRole('spinbutton', { name: 'Seed' });
    expect(seed).toBeDisabled();
    expect(seed).toHaveAccessibleDescription(/locked by this page/);
    expect(seed.closest('.field')).toHaveTextContent(/locked/);
    // hidden: the task picker, the network group, the other training fields, speed and the view picker
    expect(within(settings).queryByRole('combobox', { name: 'Task' })).toBeNull();
    expect(within(settings).queryByRole('group', { name: 'Network' })).toBeNull();
    expect(within(settings).queryByRole('spinbutton', { name: /Batch size/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Speed' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Views' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Step' })).toBeEnabled();
  });

  it('without a scenario every control is there and free', () => {
    openLink('#task=echo');
    const settings = screen.getByRole('form', { name: 'Run settings' });
    expect(within(settings).getByRole('spinbutton', { name: /Seed/ })).toBeEnabled();
    expect(within(settings).getByRole('combobox', { name: 'Cell' })).toBeEnabled();
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeEnabled();
    expect(screen.queryByText(/locked/)).toBeNull();
  });

  it('a locked field cannot change through the UI', () => {
    const { config, w } = openLink('#task=echo&controls=seed,cell&lock=seed,cell');
    const before = config();
    const seed = screen.getByRole('spinbutton', { name: /Seed/ });
    fireEvent.change(seed, { target: { value: String(before.seed + 3) } });
    fireEvent.keyDown(seed, { key: 'Enter' });
    fireEvent.blur(seed);
    fireEvent.change(screen.getByRole('combobox', { name: /Cell/ }), { target: { value: 'gru' } });
    act(() => w.settle());
    expect(config().seed).toBe(before.seed);
    expect(config().model.cell).toBe(before.model.cell);
  });

  it('configure with a changed locked value is refused with a notice naming it, on the raw lab and the locked one', () => {
    const { lab, shown, notices, config, w } = openLink('#task=echo&seed=4&lock=seed');
    const runId = lab.store.getState().runId;
    expect(lab.actions.configure({ ...config(), seed: 9 })).toBe(false);
    expect(notices().some((n) => n.includes('Seed (seed) stays 4'))).toBe(true);
    expect(shown.actions.configure({ ...config(), seed: 9 })).toBe(false);
    expect(lab.store.getState().runId).toBe(runId);
    // an unlocked change goes through
    expect(shown.actions.configure({ ...config(), batch: 3 })).toBe(true);
    act(() => w.settle());
    expect(config().batch).toBe(3);
    expect(config().seed).toBe(4);
  });

  it('a hash typed into the address bar that changes a locked key is refused, with a notice, and the address put back', () => {
    const { notices, config, lab, w } = openLink('#task=echo&lr=0.01&lock=lr&caption=hi');
    act(() => w.settle());
    const runId = lab.store.getState().runId;
    const typed = toHash({ ...config(), optimizer: { ...config().optimizer, lr: 0.5 } }, DEFAULT_UI);
    window.history.replaceState(null, '', typed);
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(config().optimizer.lr).toBe(0.01);
    expect(lab.store.getState().runId).toBe(runId);
    expect(notices().some((n) => /Learning rate \(lr\) stays 0\.01.*refused/.test(n))).toBe(true);
    expect(window.location.hash).toContain('lr=0.01');
    expect(window.location.hash).toContain('lock=lr');
    expect(window.location.hash).toContain('caption=hi');
  });

  it('a typed hash that changes only free keys is applied, and the scenario stays in the address', () => {
    const { config, w } = openLink('#task=echo&lock=lr');
    const typed = `${toHash({ ...config(), seed: 12 }, DEFAULT_UI)}`;
    window.history.replaceState(null, '', typed);
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    act(() => w.settle());
    expect(config().seed).toBe(12);
    expect(window.location.hash).toContain('lock=lr');
  });
});

describe('locked playback, speed and views', () => {
  it('Space, k, → and r do nothing, the buttons are disabled, and a notice says why', () => {
    const { lab, notices } = openLink('#task=echo&lock=playback');
    const before = lab.store.getState();
    for (const key of [' ', 'k', 'ArrowRight', 'r']) fireEvent.keyDown(document.body, { key });
    const after = lab.store.getState();
    expect(after.playing).toBe(false);
    expect(after.runId).toBe(before.runId);
    expect(after.sent).toBe(before.sent);
    expect(notices()).toContain('Playback is locked by this page.');
    for (const name of ['Play', 'Step', 'Reset']) {
      const b = screen.getByRole('button', { name });
      expect(b).toBeDisabled();
      expect(b).toHaveAccessibleDescription(/locked by this page/);
    }
  });

  it('hidden playback is locked too: no buttons, and Space does nothing', () => {
    const { lab } = openLink('#task=echo&controls=lr');
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(lab.store.getState().playing).toBe(false);
  });

  it('a locked speed select is disabled and setSpeed is refused; locked views are disabled and kept', () => {
    const { shown, lab } = openLink('#task=echo&speed=5&views=curve,output&lock=speed,views');
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    expect(speed).toBeDisabled();
    act(() => shown.actions.setSpeed(100));
    expect(lab.store.getState().ui.speed).toBe(0);
    const picker = screen.getByRole('group', { name: 'Views' });
    expect(picker).toHaveAccessibleDescription('locked by this page');
    expect(picker).toBeDisabled();
    act(() => shown.actions.setUi({ views: ['flow'], logScale: true }));
    expect(lab.store.getState().ui.views).toEqual(['curve', 'output']);
    expect(lab.store.getState().ui.logScale).toBe(true);
  });
});

describe('start step, train to, and opened runs under a scenario', () => {
  it('at= trains to its step as the page opens, and stops there', () => {
    const { lab } = openLink('#task=echo&lag=3&at=25');
    expect(lab.store.getState().step).toBe(25);
    expect(lab.store.getState().playing).toBe(false);
  });

  it('a locked "train to" is refused; a free one trains', () => {
    const locked = openLink('#task=echo&lock=trainTo');
    expect(locked.shown.actions.trainTo(10)).toBe(false);
    act(() => locked.w.settle());
    expect(locked.lab.store.getState().step).toBe(0);
    expect(locked.notices()).toContain('Train to a step is locked by this page.');
  });

  it('opening a saved run is refused when runFile is locked, or when its settings differ in a locked one', async () => {
    const source = openLink('#task=echo&seed=8');
    act(() => {
      source.lab.actions.trainTo(5);
      source.w.settle();
    });
    let file = '';
    await act(async () => {
      const saving = source.lab.actions.exportRun();
      source.w.settle();
      file = encodeRunFile(await saving);
    });
    expect(file).toMatch(/"seed": ?8/);

    const files = openLink('#task=echo&seed=8&lock=runFile');
    expect(await files.shown.actions.importRun(file)).toBe(false);
    expect(files.notices()).toContain('Save or open a run is locked by this page.');

    const seed = openLink('#task=echo&seed=4&lock=seed');
    expect(await seed.shown.actions.importRun(file)).toBe(false);
    expect(await seed.lab.actions.importRun(file)).toBe(false);
    expect(seed.notices().some((n) => n.includes('Seed (seed) stays 4'))).toBe(true);
    expect(seed.config().seed).toBe(4);

    const free = openLink('#task=echo&seed=8&lock=seed');
    expect(await free.shown.actions.importRun(file)).toBe(true);
    act(() => free.w.settle());
    expect(free.lab.store.getState().step).toBe(5);
  });
});
