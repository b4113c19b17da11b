import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { KEYS } from '../../src/app/useKeyboard';
import { defaultConfig } from '../../src/engine/config';
import { presenterAction } from '../../src/present/presenter-keys';
import { createLab } from '../../src/state/lab';
import { DEFAULT_UI } from '../../src/state/url';
import { loopClient } from '../state/loop-client';
import { manyListeners } from './many-listeners';

const key = (k: string, over: Partial<KeyboardEvent> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, defaultPrevented: false, target: document.body, ...over });

describe("the presenter's keys", () => {
  it('map to their actions: clicker keys, arrows, b or ., f, s, Escape', () => {
    const expected: Record<string, string | null> = {
      PageDown: 'next', ArrowRight: 'next', PageUp: 'prev', ArrowLeft: 'prev', b: 'blackout', B: 'blackout', '.': 'blackout',
      f: 'fullscreen', F: 'fullscreen', s: 'speaker', S: 'speaker', Escape: 'exit', ' ': null, k: null, r: null, x: null, ArrowUp: null,
    };
    for (const [k, action] of Object.entries(expected)) expect(presenterAction(key(k)), k).toBe(action);
  });

  it('are not theirs with a modifier, when another handler took the key, or in a form field', () => {
    expect(presenterAction(key('b', { ctrlKey: true }))).toBeNull();
    expect(presenterAction(key('f', { metaKey: true }))).toBeNull();
    expect(presenterAction(key('PageDown', { altKey: true }))).toBeNull();
    expect(presenterAction(key('ArrowRight', { defaultPrevented: true }))).toBeNull();
    for (const tag of ['input', 'textarea', 'select']) expect(presenterAction(key('b', { target: document.createElement(tag) })), tag).toBeNull();
  });

  it('are listed apart in the keys help, each with what it does', () => {
    const presenting = KEYS.filter((k) => k.presenting).map((k) => k.keys.join(' '));
    expect(presenting).toEqual(['PageDown →', 'PageUp ←', 'b .', 'f', 's', 'Escape']);
    expect(KEYS.find((k) => k.keys.includes('PageUp') && k.presenting)?.does).toContain('in the lab: nothing');
  });
});

function setup(hash: string) {
  window.history.replaceState(null, '', hash);
  const w = loopClient();
  const lab = createLab({ config: defaultConfig(), ui: { ...DEFAULT_UI, views: ['curve'], autoplay: false }, client: manyListeners(w.client), raf: w.raf });
  render(<App lab={lab} />);
  act(() => w.settle());
  const press = (k: string, target: Element = document.body) => {
    act(() => void fireEvent.keyDown(target, { key: k }));
    act(() => w.settle());
  };
  return { lab, w, press, step: () => lab.store.getState().step, notices: () => lab.store.getState().notices.map((n) => n.text) };
}

describe('the lab in presenter mode, by the keys', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    vi.restoreAllMocks();
    window.history.replaceState(null, '', '#');
  });

  it('present=1 marks the page; → and PageDown take one training step each, ← none; the link keeps present=1', () => {
    const { press, step } = setup('#play=0&present=1');
    expect(document.documentElement.dataset.present).toBe('true');
    press('ArrowRight');
    expect(step()).toBe(1);
    press('PageDown');
    expect(step()).toBe(2);
    press('ArrowLeft');
    press('PageUp');
    expect(step()).toBe(2);
    expect(window.location.hash).toContain('present=1');
    expect(screen.getByRole('button', { name: 'Exit presenter mode' })).toBeInTheDocument();
  });

  it("the views' own settings fold away while presenting, and come back after", () => {
    const { lab, press } = setup('#play=0&present=1');
    expect(lab.store.getState().ui.viewKnobs).toBe(false);
    press('Escape');
    expect(lab.store.getState().ui.viewKnobs).not.toBe(false);
  });

  it('b blanks the screen; the next key only brings it back (Space does not also play); . too, and a click', () => {
    const { press, lab } = setup('#play=0&present=1');
    press('b');
    expect(screen.getByTestId('blackout')).toBeInTheDocument();
    press('Shift');
    expect(screen.getByTestId('blackout')).toBeInTheDocument();
    press(' ');
    expect(screen.queryByTestId('blackout')).toBeNull();
    expect(lab.store.getState().playing).toBe(false);
    press('.');
    expect(screen.getByTestId('blackout')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('blackout'));
    expect(screen.queryByTestId('blackout')).toBeNull();
  });

  it('keys typed into a form field stay there: b, s, f and → in the hidden-units field do nothing', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { press, step } = setup('#play=0&present=1');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const field = screen.getByRole('spinbutton', { name: 'Hidden units' });
    for (const k of ['b', 's', 'f', 'ArrowRight', 'PageDown', 'Escape']) press(k, field);
    expect(screen.queryByTestId('blackout')).toBeNull();
    expect(open).not.toHaveBeenCalled();
    expect(step()).toBe(0);
    expect(document.documentElement.dataset.present).toBe('true');
  });

  it('s opens the speaker window on this page with speaker=<id>; a blocked pop-up is a notice with the link', () => {
    const focus = vi.fn();
    const open = vi.spyOn(window, 'open').mockReturnValueOnce({ focus } as unknown as Window).mockReturnValueOnce(null);
    const { press, notices } = setup('#play=0&present=1');
    press('s');
    expect(open).toHaveBeenCalledTimes(1);
    const url = String(open.mock.calls[0][0]);
    const id = sessionStorage.getItem('unrolled.present.id');
    expect(id).toMatch(/^[a-z0-9]{12}$/);
    expect(url).toContain(`present=1&speaker=${id}`);
    expect(focus).toHaveBeenCalled();
    press('S');
    expect(notices().some((t) => t.startsWith('The browser blocked the speaker window.') && t.includes(`speaker=${id}`))).toBe(true);
  });

  it('f asks for full screen; a refusal is a notice, not an error', async () => {
    const request = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(document.documentElement, 'requestFullscreen', { value: request, configurable: true });
    const { press, notices } = setup('#play=0&present=1');
    press('f');
    expect(request).toHaveBeenCalledTimes(1);
    await act(async () => {});
    expect(notices()).toContain('The browser did not go full screen. Press F again, or use its own full-screen key (often F11).');
    delete (document.documentElement as unknown as Record<string, unknown>).requestFullscreen;
  });

  it('Escape leaves presenter mode (but not while a dialog is open); Present comes back; outside presenter mode b and s do nothing', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { press, step } = setup('#play=0&present=1');
    press('?');
    press('Escape');
    expect(document.documentElement.dataset.present).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Close', hidden: true }));
    press('Escape');
    expect(document.documentElement.dataset.present).toBeUndefined();
    expect(window.location.hash).not.toContain('present');
    press('b');
    press('s');
    expect(screen.queryByTestId('blackout')).toBeNull();
    expect(open).not.toHaveBeenCalled();
    // → is a training step again
    press('ArrowRight');
    expect(step()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Present' }));
    expect(document.documentElement.dataset.present).toBe('true');
    expect(window.location.hash).toContain('present=1');
  });
});
