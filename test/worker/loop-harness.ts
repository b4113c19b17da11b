import { SessionLoop } from '../../src/worker/loop';
import type { Command, WorkerEvent } from '../../src/worker/protocol';

/** A loop driven by hand, each clock reading 1 ms later; the page's part (acks) is done by the test. */
export function loopHarness(config: unknown) {
  const events: WorkerEvent[] = [];
  let queue: (() => void)[] = [];
  let now = 0;
  const loop = new SessionLoop((e) => events.push(e), { now: () => now++, schedule: (fn) => queue.push(fn) }, { sliceMs: 5, metricEveryMs: 100, spectralEveryMs: 100, outputEveryMs: 100 });
  const send = (c: Command) => loop.handle(c);
  const frames = () => events.filter((e): e is Extract<WorkerEvent, { type: 'frame' }> => e.type === 'frame').map((e) => e.frame);
  const of = <T extends WorkerEvent['type']>(type: T) => events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  /** runs scheduled slices (up to max), acking every frame as the page would; returns the slices run */
  const run = (max = 100000) => {
    let n = 0;
    for (; n < max && queue.length; n++) {
      const q = queue;
      queue = [];
      q.forEach((f) => f());
      const last = events.at(-1);
      if (last?.type === 'frame') send({ type: 'ack', runId: last.runId, frameId: last.frame.frameId });
    }
    return n;
  };
  send({ type: 'configure', runId: 1, config });
  run();
  return { loop, events, frames, of, send, run, tick: (ms: number) => (now += ms) };
}
