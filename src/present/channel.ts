/**
 * One presentation's channel: a BroadcastChannel named after the presentation's id, so that two presentations in
 * two tabs never hear each other. Every message that arrives is parsed (channel-messages.ts); a malformed one is
 * dropped with a console warning. Tests pass a pair of fake ports instead of BroadcastChannel.
 */
import { parseMessage } from './channel-messages';
import type { ChannelMessage } from './channel-messages';

/** The little of BroadcastChannel this needs (tests implement it in memory). */
export interface Port {
  postMessage(data: unknown): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  close(): void;
}

export interface PresentChannel {
  post(msg: ChannelMessage): void;
  /** hears every valid message from the other windows; returns the unsubscribe function */
  subscribe(listener: (msg: ChannelMessage) => void): () => void;
  close(): void;
}

export const channelName = (id: string): string => `unrolled-present-${id}`;

// the ids are presentation-id.ts: the page reads its presentation's id without loading the channel and its parsers
export { newId, validId } from './presentation-id';

/** Wraps a port: posts as they are (structured clone), parses what arrives. */
export function presentChannel(port: Port): PresentChannel {
  const listeners = new Set<(msg: ChannelMessage) => void>();
  port.onmessage = (e) => {
    const parsed = parseMessage(e.data);
    if (!parsed.ok) {
      console.warn(`Presenter channel: ignored a message (${parsed.why}).`);
      return;
    }
    listeners.forEach((l) => l(parsed.value));
  };
  let closed = false;
  return {
    post(msg) {
      if (closed) return;
      try {
        port.postMessage(msg);
      } catch (e) {
        // a message that cannot be cloned is a bug here, not the other window's: say so, keep presenting
        console.warn(`Presenter channel: could not send ${msg.kind}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      port.onmessage = null;
      port.close();
    },
  };
}

/** The channel of presentation `id`, or null where BroadcastChannel does not exist (presenting still works, alone). */
export function openChannel(id: string): PresentChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  return presentChannel(new BroadcastChannel(channelName(id)) as unknown as Port);
}
