import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, workerErrorMessage } from '../../src/worker/client';
import type { WorkerEvent } from '../../src/worker/protocol';

/** A stand-in Worker: records what it was sent and lets the test fire its error event. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage() {}
  terminate() {}
}

describe('the worker client', () => {
  afterEach(() => vi.unstubAllGlobals());

  // a worker whose script could not be fetched (the preview server gone mid-walk on a loaded machine) gets a plain
  // Event with no message: the page said "The training worker crashed: unknown error", as if the engine had thrown
  it('says the training code could not be loaded when the worker script fails to load, and crashed only for an uncaught error', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createClient();
    expect(client.mode).toBe('worker');
    const events: WorkerEvent[] = [];
    client.subscribe((e) => events.push(e));
    client.send({ type: 'play', runId: 4 });
    FakeWorker.last!.onerror!(new Event('error', { cancelable: true }));
    FakeWorker.last!.onerror!(Object.assign(new Event('error', { cancelable: true }), { message: 'Uncaught RangeError: Invalid array length' }));
    expect(events).toEqual([
      { type: 'error', runId: 4, message: 'The training code could not be loaded (the connection or the server may be down).', recoverable: false },
      { type: 'error', runId: 4, message: 'The training worker crashed: Uncaught RangeError: Invalid array length', recoverable: false },
    ]);
    client.dispose();
  });

  it('reads a message-less error event as a load failure', () => {
    expect(workerErrorMessage(new Event('error'))).not.toMatch(/crashed|unknown/);
    expect(workerErrorMessage(Object.assign(new Event('error'), { message: '' }))).toMatch(/could not be loaded/);
  });
});
