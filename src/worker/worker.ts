/// <reference lib="webworker" />
/** The training worker: the protocol's far end. Messages that are not valid commands are ignored. */
import { SessionLoop, WORKER_LOOP } from './loop';
import { parseCommand } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// A MessageChannel posts a macrotask without setTimeout's 4 ms clamp, and lets queued commands run first.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const loop = new SessionLoop(
  (event, transfer) => self.postMessage(event, transfer),
  {
    now: () => performance.now(),
    schedule: (fn) => {
      queue.push(fn);
      channel.port2.postMessage(0);
    },
  },
  WORKER_LOOP,
);

self.onmessage = (e: MessageEvent<unknown>) => {
  const cmd = parseCommand(e.data);
  if (cmd) loop.handle(cmd);
};
