/**
 * A presenter's clicker inside a reveal.js deck. Clicking a button in an embed leaves the keyboard focus in its
 * iframe, and from then on the clicker's keys reach the embed, not the deck: the talk is stuck on the slide. The
 * embed passes those keys back to its host through reveal.js's postMessage API (`{"method":"next","args":[]}`, on by
 * default), so the clicker works wherever the focus is; a host that is not a deck ignores the string. Only the clicker's keys: → and Space stay the embed's (a step, play/pause) while it has the focus.
 */

/** The reveal.js API methods a clicker key calls: what reveal.js's own keyboard does for the same key. */
export type DeckMethod = 'next' | 'prev' | 'togglePause';

/** PageDown/PageUp are what clickers send for forward/back; b and . for their "blank screen" button. */
const CLICKER: Readonly<Record<string, DeckMethod>> = {
  PageDown: 'next',
  PageUp: 'prev',
  b: 'togglePause',
  B: 'togglePause',
  '.': 'togglePause',
};

/** The deck method for a key, or null for a key that is not a clicker's. */
export function deckMethod(key: string): DeckMethod | null {
  return Object.hasOwn(CLICKER, key) ? CLICKER[key] : null;
}

/** The message reveal.js's postMessage API reads: a JSON string with the method and its arguments. */
export function deckMessage(method: DeckMethod): string {
  return JSON.stringify({ method, args: [] });
}
