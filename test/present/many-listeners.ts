import type { LabClient } from '../../src/worker/client';
import type { WorkerEvent } from '../../src/worker/protocol';

/** The loop client hears one listener; a page's client (createClient) any number: the lab's and the presenter relay's. */
export function manyListeners(client: LabClient): LabClient {
  const listeners = new Set<(e: WorkerEvent) => void>();
  client.subscribe((e) => listeners.forEach((l) => l(e)));
  return {
    ...client,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
