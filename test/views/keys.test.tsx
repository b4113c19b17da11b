import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { defaultConfig } from '../../src/engine/config';
import { createLab } from '../../src/state/lab';
import { DEFAULT_UI } from '../../src/state/url';
import { loopClient } from '../state/loop-client';

function setup() {
  const w = loopClient();
  const lab = createLab({ config: defaultConfig(), ui: { ...DEFAULT_UI, views: ['curve'], autoplay: false }, client: w.client, raf: w.raf });
  render(<App lab={lab} />);
  act(() => w.settle());
  return { lab, playing: () => lab.store.getState().playing };
}

describe('one rule for the keys', () => {
  it('Space and k play or pause wherever the focus is, also on a button just clicked', () => {
    const { playing } = setup();
    const table = screen.getByRole('button', { name: 'Show as table' });
    fireEvent.click(table);
    table.focus();
    fireEvent.keyDown(table, { key: ' ' });
    expect(playing()).toBe(true);
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(playing()).toBe(false);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(playing()).toBe(true);
  });

  it('a Space that plays is not also a press of the focused button', () => {
    setup();
    const table = screen.getByRole('button', { name: 'Show as table' });
    table.focus();
    const e = fireEvent.keyDown(table, { key: ' ' });
    expect(e).toBe(false); // default prevented: the browser will not press the button
  });

  it('form fields keep their keys: Space, k and r typed into a number field or a select do nothing to the run', () => {
    const { lab, playing } = setup();
    const hidden = screen.getByRole('spinbutton', { name: 'Hidden units' });
    for (const key of [' ', 'k', 'r', 'ArrowRight']) fireEvent.keyDown(hidden, { key });
    expect(playing()).toBe(false);
    expect(lab.store.getState().runId).toBe(1);
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Cell' }), { key: ' ' });
    expect(playing()).toBe(false);
  });

  it('? shows every key, and shows it again after closing', () => {
    setup();
    const dialog = () => document.querySelector('dialog.keys-help') as HTMLDialogElement;
    expect(dialog().open).toBe(false);
    fireEvent.keyDown(document.body, { key: '?' });
    expect(dialog().open).toBe(true);
    expect(dialog()).toHaveTextContent('Space or k');
    expect(dialog()).toHaveTextContent('play or pause');
    fireEvent.click(screen.getByRole('button', { name: 'Close', hidden: true }));
    expect(dialog().open).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Keys' }));
    expect(dialog().open).toBe(true);
  });
});
