import type { Command, WorkerEvent } from './protocol';

/** The main thread's end of the protocol: a real Web Worker, or the same loop in-process where Worker is absent. */
export interface LabClient {
  readonly mode: 'worker' | 'in-process';
  send(cmd: Command): void;
  /** listens to every event; returns the unsubscribe function */
  subscribe(listener: (e: WorkerEvent) => void): () => void;
  /** replaces a crashed (or any) worker by a fresh one; the caller then configures it again */
  restart(): void;
  dispose(): void;
}

interface Backend {
  send(cmd: Command): void;
  dispose(): void;
}

/** Starts a client: a worker when the platform has one (unless inProcess), else the in-process fallback. */
export function createClient(opts: { inProcess?: boolean } = {}): LabClient {
  const listeners = new Set<(e: WorkerEvent) => void>();
  const emit = (e: WorkerEvent) => listeners.forEach((l) => l(e));
  const useWorker = !opts.inProcess && typeof Worker !== 'undefined';
  let backend: Backend = useWorker ? workerBackend(emit) : inProcessBackend(emit);
  return {
    mode: useWorker ? 'worker' : 'in-process',
    send: (cmd) => backend.send(cmd),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart() {
      backend.dispose();
      backend = useWorker ? workerBackend(emit) : inProcessBackend(emit);
    },
    dispose() {
      backend.dispose();
      listeners.clear();
    },
  };
}

/**
 * What a worker's `error` event means, for the page. An exception the worker did not catch comes as an ErrorEvent
 * with its message; a worker whose script could not be fetched (the server gone or unreachable) gets a plain Event
 * with no message (HTML: "fire an event named error"), which is no crash of the training code.
 */
export function workerErrorMessage(e: Event): string {
  const message = 'message' in e && typeof e.message === 'string' ? e.message : '';
  return message
    ? `The training worker crashed: ${message}`
    : 'The training code could not be loaded (the connection or the server may be down).';
}

function workerBackend(emit: (e: WorkerEvent) => void): Backend {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'unrolled-trainer' });
  let lastRun = -1;
  worker.onmessage = (e: MessageEvent<WorkerEvent>) => emit(e.data);
  worker.onerror = (e: Event) => {
    e.preventDefault();
    emit({ type: 'error', runId: lastRun, message: workerErrorMessage(e), recoverable: false });
  };
  worker.onmessageerror = () => emit({ type: 'error', runId: lastRun, message: 'A message from the training worker could not be read.', recoverable: false });
  return {
    send(cmd) {
      lastRun = cmd.runId;
      worker.postMessage(cmd);
    },
    dispose: () => worker.terminate(),
  };
}

/**
 * The same SessionLoop on this thread, with short slices so the page stays responsive; events arrive asynchronously as
 * from a worker. The loop (and the engine behind it) is imported only here, when a platform has no Worker: every page
 * that has one — nearly all — ships without the engine in its first script. Commands wait, in order, for the import.
 */
function inProcessBackend(emit: (e: WorkerEvent) => void): Backend {
  let alive = true;
  let handle: ((cmd: Command) => void) | null = null;
  const queued: Command[] = [];
  void import('./loop').then(
    ({ MAIN_THREAD_LOOP, SessionLoop }) => {
      const loop = new SessionLoop(
        (event) => setTimeout(() => alive && emit(event), 0),
        { now: () => performance.now(), schedule: (fn) => setTimeout(() => alive && fn(), 0) },
        MAIN_THREAD_LOOP,
      );
      handle = (cmd) => setTimeout(() => alive && loop.handle(cmd), 0);
      queued.splice(0).forEach(handle);
    },
    (e: unknown) => alive && emit({ type: 'error', runId: queued.at(-1)?.runId ?? -1, message: `The training code could not be loaded: ${e instanceof Error ? e.message : String(e)}`, recoverable: false }),
  );
  return {
    send(cmd) {
      const copy = structuredClone(cmd);
      if (handle) handle(copy);
      else queued.push(copy);
    },
    dispose() {
      alive = false;
    },
  };
}
