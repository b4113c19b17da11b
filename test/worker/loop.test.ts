import { describe, expect, it } from 'vitest';
import { SessionLoop } from '../../src/worker/loop';
import type { Command, Frame, WorkerEvent } from '../../src/worker/protocol';
import { frameTransferables, parseCommand } from '../../src/worker/protocol';

/** A loop driven by hand: `run()` executes scheduled slices; each clock reading advances time by 1 ms (so a slice ends), `tick` by more. */
function harness(config: unknown = { task: { kind: 'echo', lag: 3, symbols: 2 }, model: { cell: 'lstm', hiddenSize: 4 }, batch: 2 }) {
  const events: WorkerEvent[] = [];
  let queue: (() => void)[] = [];
  let now = 0;
  const loop = new SessionLoop((e) => events.push(e), { now: () => now++, schedule: (fn) => queue.push(fn) }, { sliceMs: 5, metricEveryMs: 100, spectralEveryMs: 100, outputEveryMs: 100 });
  const run = (maxSlices = 50) => {
    for (let i = 0; i < maxSlices && queue.length; i++) {
      const q = queue;
      queue = [];
      q.forEach((f) => f());
    }
  };
  const frames = () => events.filter((e): e is Extract<WorkerEvent, { type: 'frame' }> => e.type === 'frame').map((e) => e.frame);
  const send = (c: Command) => loop.handle(c);
  const ack = (f: Frame, runId = 1) => send({ type: 'ack', runId, frameId: f.frameId });
  send({ type: 'configure', runId: 1, config });
  run();
  return { loop, events, frames, send, run, ack, tick: (ms: number) => (now += ms), pending: () => queue.length };
}

describe('SessionLoop', () => {
  it('answers configure with ready and a step-0 frame, then waits for the ack before the next frame', () => {
    const h = harness();
    expect(h.events[0].type).toBe('ready');
    expect(h.frames()).toHaveLength(1);
    expect(h.frames()[0].step).toBe(0);
    h.send({ type: 'step', runId: 1 });
    h.run();
    expect(h.frames()).toHaveLength(1); // not acknowledged yet: no second frame
    h.ack(h.frames()[0]);
    h.run();
    expect(h.frames()).toHaveLength(2);
    expect(h.frames()[1].step).toBe(1);
  });

  it('step advances exactly one training step and records it in the history', () => {
    const h = harness();
    h.ack(h.frames()[0]);
    for (let i = 0; i < 3; i++) {
      h.send({ type: 'step', runId: 1 });
      h.run();
      const f = h.frames().at(-1)!;
      expect(f.step).toBe(i + 1);
      expect(Array.from(f.history.step)).toEqual([i + 1]);
      h.ack(f);
    }
  });

  it('play trains, pause stops: no step is taken after pause', () => {
    const h = harness();
    h.ack(h.frames()[0]);
    h.send({ type: 'play', runId: 1 });
    for (let i = 0; i < 5; i++) {
      h.tick(6);
      h.run(1);
      const f = h.frames().at(-1)!;
      h.ack(f);
    }
    h.run(3);
    const playing = h.frames().at(-1)!;
    expect(playing.step).toBeGreaterThan(0);
    h.send({ type: 'pause', runId: 1 });
    h.run();
    h.ack(h.frames().at(-1)!);
    h.run();
    const stepAtPause = h.frames().at(-1)!.step;
    h.tick(100);
    h.run();
    expect(h.frames().at(-1)!.step).toBe(stepAtPause);
    expect(h.frames().at(-1)!.playing).toBe(false);
    expect(h.pending()).toBe(0); // nothing keeps running while paused
  });

  it('the history of consecutive frames covers every step exactly once', () => {
    const h = harness();
    h.ack(h.frames()[0]);
    h.send({ type: 'play', runId: 1 });
    for (let i = 0; i < 8; i++) {
      h.tick(3);
      h.run(1);
      h.ack(h.frames().at(-1)!);
    }
    h.send({ type: 'pause', runId: 1 });
    h.run();
    const steps = h.frames().flatMap((f) => Array.from(f.history.step));
    const last = h.frames().at(-1)!.step;
    expect(steps).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  });

  it('reset with a new run id restores step 0 and the same initial record', () => {
    const h = harness();
    const first = h.frames()[0];
    h.ack(first);
    for (let i = 0; i < 4; i++) {
      h.send({ type: 'step', runId: 1 });
      h.run();
      h.ack(h.frames().at(-1)!);
    }
    h.send({ type: 'reset', runId: 2 });
    h.run();
    const after = h.events.filter((e) => e.type === 'frame').at(-1)!;
    expect(after.runId).toBe(2);
    const f = (after as { frame: Frame }).frame;
    expect(f.step).toBe(0);
    expect(f.record.loss).toBe(first.record.loss);
    expect(Array.from(f.record.h)).toEqual(Array.from(first.record.h));
  });

  it('commands of an older run are ignored', () => {
    const h = harness();
    h.ack(h.frames()[0]);
    h.send({ type: 'reset', runId: 2 });
    h.run();
    const n = h.frames().length;
    h.send({ type: 'step', runId: 1 });
    h.run();
    expect(h.frames().length).toBe(n);
  });

  it('divergence pauses the run and reports the step and the quantity', () => {
    const h = harness({
      task: { kind: 'adding', seqLength: 20 },
      model: { cell: 'rnn', activation: 'linear', hiddenSize: 8 },
      init: { scheme: 'identity', recurrentScale: 3 },
      optimizer: { kind: 'sgd', lr: 10 },
      clip: { kind: 'none' },
    });
    h.ack(h.frames()[0]);
    h.send({ type: 'play', runId: 1 });
    for (let i = 0; i < 40 && !h.events.some((e) => e.type === 'diverged'); i++) {
      h.tick(6);
      h.run(1);
      const f = h.frames().at(-1)!;
      h.ack(f);
    }
    const d = h.events.find((e) => e.type === 'diverged');
    expect(d).toBeDefined();
    if (d?.type !== 'diverged') return;
    expect(d.divergence.step).toBeGreaterThanOrEqual(0);
    expect(d.divergence.quantity).toMatch(/hidden state|gradient|weights|output|loss/);
    h.run();
    h.ack(h.frames().at(-1)!);
    h.run();
    expect(h.frames().at(-1)!.playing).toBe(false);
    expect(h.frames().at(-1)!.step).toBe(d.divergence.step); // one step number: the counter's
  });

  it('outputs that overflow on the evaluation set are a divergence too, not a raw error', () => {
    // one SGD step leaves a finite training loss (~6e34) but weights whose evaluation outputs overflow
    const h = harness({
      task: { kind: 'adding', seqLength: 50 },
      model: { cell: 'rnn', activation: 'linear', hiddenSize: 16 },
      init: { scheme: 'identity', recurrentScale: 3 },
      optimizer: { kind: 'sgd', lr: 1 },
      clip: { kind: 'none' },
    });
    h.ack(h.frames()[0]);
    h.send({ type: 'step', runId: 1 });
    h.run();
    expect(h.events.some((e) => e.type === 'error')).toBe(false);
    const d = h.events.find((e) => e.type === 'diverged');
    expect(d?.type === 'diverged' && d.divergence).toMatchObject({ step: 1, cause: 'weights', quantity: 'output on the evaluation set' });
    expect(h.frames().at(-1)!.metric).toBeNull();
    expect(h.frames().at(-1)!.playing).toBe(false);
  });

  it('a refused config is answered with refused, and the previous session goes on as the new run from step 0', () => {
    const h = harness();
    h.ack(h.frames()[0]);
    h.send({ type: 'step', runId: 1 });
    h.run();
    h.ack(h.frames().at(-1)!);
    const before = h.events.length;
    h.send({ type: 'configure', runId: 2, config: { task: { kind: 'text', text: '' } } });
    h.run();
    const after = h.events.slice(before);
    expect(after[0]).toMatchObject({ type: 'refused', runId: 2 });
    expect((after[0] as { message: string }).message).toMatch(/empty|short/i);
    // the old session, announced as run 2 (its config, its configure's run id), at step 0
    expect(after[1]).toMatchObject({ type: 'ready', runId: 2, info: { configRunId: 1, config: { task: { kind: 'echo' } } } });
    expect(after[2]).toMatchObject({ type: 'frame', runId: 2, frame: { step: 0 } });
    expect(h.loop.live()).toMatchObject({ runId: 2, step: 0 });
    // run 1's commands are now stale; run 2's work
    h.send({ type: 'step', runId: 1 });
    h.ack((after[2] as { frame: Frame }).frame, 2);
    h.send({ type: 'step', runId: 2 });
    h.run();
    expect(h.loop.live()).toMatchObject({ runId: 2, step: 1 });
  });

  it('a refused first config leaves no run: refused, and nothing else', () => {
    const events: WorkerEvent[] = [];
    const loop = new SessionLoop((e) => events.push(e), { now: () => 0, schedule: (fn) => fn() });
    loop.handle({ type: 'configure', runId: 1, config: { task: { kind: 'text', text: '' } } });
    loop.handle({ type: 'play', runId: 1 });
    expect(events.map((e) => e.type)).toEqual(['refused']);
  });

  it('every run start, after a configure or a reset, is announced with ready', () => {
    const h = harness();
    h.ack(h.frames()[0]);
    h.send({ type: 'reset', runId: 2 });
    h.run();
    const ready = h.events.filter((e) => e.type === 'ready');
    expect(ready.map((e) => e.runId)).toEqual([1, 2]);
    expect(ready.every((e) => e.type === 'ready' && e.info.configRunId === 1)).toBe(true);
  });

  it('frames carry their typed arrays as transferables', () => {
    const h = harness();
    h.ack(h.frames()[0]);
    h.send({ type: 'step', runId: 1 });
    h.run();
    const f = h.frames().at(-1)!;
    expect(f.history.loss.length).toBe(1);
    const buffers = frameTransferables(f);
    expect(buffers).toContain(f.record.h.buffer);
    expect(buffers).toContain(f.record.flowH.buffer);
    expect(buffers).toContain(f.history.loss.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});

describe('parseCommand', () => {
  it('accepts well-formed commands', () => {
    expect(parseCommand({ type: 'play', runId: 3 })).toEqual({ type: 'play', runId: 3 });
    expect(parseCommand({ type: 'inspect', runId: 1, sample: 2.7, tau: null })).toEqual({ type: 'inspect', runId: 1, sample: 2, tau: null });
  });
  it('rejects hostile or malformed data', () => {
    for (const bad of [null, 42, 'play', {}, { type: 'play' }, { type: 'play', runId: '1' }, { type: 'eval', runId: 1 }, { type: 'speed', runId: 1, stepsPerSecond: NaN },
      { type: 'speed', runId: 1, stepsPerSecond: -5 }, { type: 'inspect', runId: 1, sample: Infinity, tau: null }, { type: 'ack', runId: 1 }, { type: '__proto__', runId: 1 }]) {
      expect(parseCommand(bad)).toBeNull();
    }
  });
});
