/**
 * Whether the page presents: `present=1` in its link (`#lab&present=1`, `#lesson=vanishing&step=3&present=1`, any lab
 * link). The Present button and "Exit presenter mode" change the link in place (replaceState: no history entry, no
 * hashchange, so the lab's run goes on untouched); a link typed or followed is heard through hashchange. The
 * presentation's id names its channel; it lives in sessionStorage, so a reloaded audience window (same tab) keeps its
 * id and the speaker window finds it again, while another tab presents on a channel of its own.
 */
import { useSyncExternalStore } from 'react';
import { newId, validId } from './presentation-id';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** The link's parameters, or none for a hash that is not parameters (`#lessons`, garbage). */
function params(hash: string): URLSearchParams | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return new URLSearchParams(text);
  } catch {
    return null;
  }
}

/** Whether a hash asks for presenter mode. */
export function presentIn(hash: string): boolean {
  return params(hash)?.get('present') === '1';
}

/** The hash with `present=1` added (on) or removed (off), its other keys as they were. */
export function withPresent(hash: string, on: boolean): string {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const kept = text.split('&').filter((part) => part !== '' && !part.startsWith('present='));
  if (on) kept.push('present=1');
  return `#${kept.join('&')}`;
}

/** `next` (a hash the lab writes from its settings) keeping the presenter key `current` has: the lab rewrites its
 * link at every change, and a reloaded audience window must still present. */
export function keepPresent(next: string, current: string): string {
  return presentIn(current) ? withPresent(next, true) : next;
}

export function subscribePresent(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('hashchange', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

const current = () => presentIn(window.location.hash);

/** Turns presenter mode on or off by changing the link in place. */
export function setPresent(on: boolean): void {
  if (current() === on) return;
  window.history.replaceState(window.history.state, '', withPresent(window.location.hash, on));
  notify();
}

/** Whether the page presents, kept current. */
export function usePresenting(): boolean {
  return useSyncExternalStore(subscribePresent, current, () => false);
}

const ID_KEY = 'unrolled.present.id';
const fallbackId = newId();

/** This tab's presentation id: kept across reloads of the tab; a fresh one where sessionStorage is unavailable. */
export function presentationId(): string {
  try {
    const kept = sessionStorage.getItem(ID_KEY);
    if (kept && validId(kept)) return kept;
    const id = newId();
    sessionStorage.setItem(ID_KEY, id);
    return id;
  } catch {
    return fallbackId;
  }
}

/** The speaker window's link: this page's, with `speaker=<id>` added (route.ts sends it to the speaker view). */
export function speakerUrl(id: string): string {
  const { origin, pathname, search, hash } = window.location;
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const kept = text.split('&').filter((part) => part !== '' && !part.startsWith('speaker='));
  kept.push(`speaker=${id}`);
  return `${origin}${pathname}${search}#${kept.join('&')}`;
}
