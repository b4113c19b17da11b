import type { Port } from '../../src/present/channel';

/**
 * BroadcastChannel in memory: a message posted on one port reaches every other open port of the hub (never its own),
 * as a structured clone, asynchronously — here when the test calls `flush`, so it decides when messages cross.
 */
export function channelHub() {
  const ports = new Set<Port>();
  const queue: (() => void)[] = [];
  const port = (): Port => {
    const p: Port = {
      onmessage: null,
      postMessage(data: unknown) {
        const copy = structuredClone(data);
        for (const other of ports) if (other !== p) queue.push(() => ports.has(other) && other.onmessage?.({ data: copy }));
      },
      close: () => void ports.delete(p),
    };
    ports.add(p);
    return p;
  };
  /** delivers every queued message (and those they cause); returns how many */
  const flush = (limit = 10_000) => {
    let n = 0;
    for (; queue.length > 0 && n < limit; n++) queue.shift()!();
    return n;
  };
  /** posts raw data as if from another window */
  const inject = (data: unknown) => {
    const p = port();
    p.postMessage(data);
    p.close();
  };
  return { port, flush, inject, pending: () => queue.length };
}
