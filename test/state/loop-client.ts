import type { Rng } from '../../src/engine/rng';
import type { LabClient } from '../../src/worker/client';
import { SessionLoop } from '../../src/worker/loop';
import type { Command, WorkerEvent } from '../../src/worker/protocol';
import { parseCommand } from '../../src/worker/protocol';

/**
 * A LabClient backed by the real SessionLoop, with both threads simulated by hand: the worker's event loop
 * (commands and the loop's own slices, FIFO) and the main thread's (events and animation frames, FIFO) are
 * two queues. `run(rng)` lets a seeded coin pick which thread runs next, so messages in flight overtake
 * actions in every order a real page could see. Commands cross as structured clones and are parsed as
 * worker.ts does.
 */
export function loopClient(sliceMs = 3) {
  const worker: (() => void)[] = [];
  const main: (() => void)[] = [];
  let now = 0;
  let listener: ((e: WorkerEvent) => void) | null = null;
  const loop = new SessionLoop(
    (event) => main.push(() => listener?.(event)),
    { now: () => now++, schedule: (fn) => worker.push(fn) },
    { sliceMs, metricEveryMs: 50, spectralEveryMs: 50, outputEveryMs: 50 },
  );
  const client: LabClient = {
    mode: 'in-process',
    send: (cmd: Command) => {
      const copy = structuredClone(cmd);
      worker.push(() => {
        const parsed = parseCommand(copy);
        if (parsed) loop.handle(parsed);
      });
    },
    subscribe: (l) => {
      listener = l;
      return () => (listener = null);
    },
    restart: () => {},
    dispose: () => {},
  };
  const raf = (cb: () => void) => main.push(cb);
  /** runs up to `n` tasks, the thread of each chosen by `rng` (or alternately); returns how many ran */
  const run = (n: number, rng?: Rng) => {
    let done = 0;
    for (; done < n && (worker.length || main.length); done++) {
      const pickWorker = main.length === 0 || (worker.length > 0 && (rng ? rng.next() < 0.5 : done % 2 === 0));
      (pickWorker ? worker : main).shift()!();
    }
    return done;
  };
  /** runs until both threads are idle (the run must be paused, or it trains forever); throws if it never settles */
  const settle = (limit = 20000) => {
    const n = run(limit);
    if (worker.length || main.length) throw new Error(`still busy after ${n} tasks`);
  };
  return { client, raf, loop, run, settle };
}
