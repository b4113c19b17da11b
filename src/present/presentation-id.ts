/**
 * A presentation's id, which names its channel (channel.ts) and travels in the speaker link. Apart from the channel,
 * so that the page can keep its id (present-flag.ts) without loading the channel's message parsers.
 */

/** A fresh random id: 12 base-36 characters from the platform's generator (not guessable by another tab's page). */
export function newId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** Whether an id from a link has the shape ours have (the speaker link's `speaker=`). */
export const validId = (id: string): boolean => /^[a-z0-9]{6,32}$/.test(id);
