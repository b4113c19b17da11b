/**
 * The embed's keys in a reveal.js deck: a clicker's keys (PageDown, PageUp, b, .) pressed while the focus is in the
 * embed go to the host in reveal.js's API, and are taken once a deck has spoken to the embed; the embed's own keys
 * stay its own; a field keeps its keys.
 */
import { fireEvent, render, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deckMethod } from '../../src/embed/deck-keys';
import type { DeckMethod } from '../../src/embed/deck-keys';
import { useEmbedKeys } from '../../src/embed/use-embed-keys';
import type { LabActions } from '../../src/state/lab';

function setup(onDeck: boolean) {
  const calls: string[] = [];
  const actions = {
    togglePlay: () => calls.push('togglePlay'),
    step: () => calls.push('step'),
    reset: () => calls.push('reset'),
  } as unknown as LabActions;
  const guest = {
    toDeck: (m: DeckMethod) => {
      calls.push(`deck ${m}`);
      return onDeck;
    },
  };
  renderHook(() => useEmbedKeys(actions, guest));
  /** presses a key on the embed's window; true when the embed took it (default prevented) */
  const press = (key: string, target: Element = document.body) => !fireEvent.keyDown(target, { key });
  return { calls, press };
}

describe('the embed’s keys', () => {
  it('maps the clicker’s keys to what reveal.js’s own keyboard does, and nothing else', () => {
    expect(['PageDown', 'PageUp', 'b', 'B', '.'].map(deckMethod)).toEqual(['next', 'prev', 'togglePause', 'togglePause', 'togglePause']);
    expect([' ', 'ArrowRight', 'ArrowLeft', 'r', 'k', 'n', 'constructor', 'toString'].map(deckMethod)).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('on a deck, a clicker key goes to the deck and is taken; Space, → and r stay the embed’s', () => {
    const { calls, press } = setup(true);
    expect(press('PageDown')).toBe(true);
    expect(press('PageUp')).toBe(true);
    expect(press('.')).toBe(true);
    expect(press(' ')).toBe(true);
    expect(press('ArrowRight')).toBe(true);
    expect(press('r')).toBe(true);
    expect(calls).toEqual(['deck next', 'deck prev', 'deck togglePause', 'togglePlay', 'step', 'reset']);
  });

  it('where no deck has spoken yet, the key is passed on but also left to the browser (PageDown scrolls)', () => {
    const { calls, press } = setup(false);
    expect(press('PageDown')).toBe(false);
    expect(calls).toEqual(['deck next']);
  });

  it('a key typed into a field stays in the field', () => {
    const { calls, press } = setup(true);
    const { container } = render(<input aria-label="text" />);
    expect(press('b', container.querySelector('input')!)).toBe(false);
    expect(calls).toEqual([]);
  });
});
