import type { LabClient } from '../../src/worker/client';
import type { Command, WorkerEvent } from '../../src/worker/protocol';

/** A worker client that records the commands it is sent and lets a test deliver events; `restart` is noted as a pause of run −99. */
export function fakeClient() {
  const sent: Command[] = [];
  let listener: ((e: WorkerEvent) => void) | null = null;
  const client: LabClient = {
    mode: 'in-process',
    send: (c) => sent.push(c),
    subscribe: (l) => {
      listener = l;
      return () => (listener = null);
    },
    restart: () => sent.push({ type: 'pause', runId: -99 }),
    dispose: () => {},
  };
  return { client, sent, emit: (e: WorkerEvent) => listener?.(e) };
}
