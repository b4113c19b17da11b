/** The worker's side of "train to step N" and saved runs: trainTo, exportRun, importRun on the real SessionLoop. */
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import { Session } from '../../src/engine/session';
import type { RunSnapshot } from '../../src/engine/snapshot';
import { PROGRESS_EVERY_MS } from '../../src/worker/loop';
import { MAX_TRAIN_TO, parseCommand, snapshotTransferables } from '../../src/worker/protocol';
import { loopHarness } from './loop-harness';

const CONFIG = normalizeConfig({ task: { kind: 'sine', seqLength: 6, noise: 0.1, components: 2 }, model: { cell: 'gru', hiddenSize: 4 }, optimizer: { kind: 'adam', lr: 0.01 }, clip: { kind: 'norm', threshold: 1 }, truncate: 2, batch: 2, seed: 5 }).config;
const EXPLODING = { task: { kind: 'adding', seqLength: 20 }, model: { cell: 'rnn', activation: 'linear', hiddenSize: 8 }, init: { scheme: 'identity', recurrentScale: 3 }, optimizer: { kind: 'sgd', lr: 10 }, clip: { kind: 'none' } };

const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** The shared hand-driven loop (loop-harness.ts) on this file's default run. */
const harness = (config: unknown = CONFIG) => loopHarness(config);

/** A plain session trained n steps: what a run reaches at step n. */
function plain(n: number, config: unknown = CONFIG): Session {
  const s = new Session(config);
  s.train(n);
  return s;
}

/** The worker's snapshot of the live run, by exportRun. */
function exported(h: ReturnType<typeof harness>, runId = 1): RunSnapshot {
  const before = h.of('exported').length;
  h.send({ type: 'exportRun', runId, requestId: 100 + before });
  h.run();
  const e = h.of('exported');
  expect(e).toHaveLength(before + 1);
  expect(e.at(-1)!.requestId).toBe(100 + before);
  return e.at(-1)!.snapshot;
}

describe('trainTo', () => {
  it('lands on exactly step N with one frame, paused, its history every step since the last frame; no frame between', () => {
    const h = harness();
    const framesBefore = h.frames().length;
    h.send({ type: 'trainTo', runId: 1, step: 250 });
    const slices = h.run();
    expect(slices).toBeGreaterThan(5); // it trained in slices, yielding between them
    const after = h.frames().slice(framesBefore);
    expect(after).toHaveLength(1);
    const f = after[0];
    expect(f).toMatchObject({ step: 250, playing: false, handled: 2 }); // configure + trainTo
    expect(Array.from(f.history.step)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(f.metric?.step).toBe(250); // the costlier parts are fresh for the step it lands on
    expect(f.spectral).not.toBeNull();
    expect(h.loop.live()).toMatchObject({ step: 250, playing: false, jumping: false });
    expect(bytes(exported(h).theta)).toEqual(bytes(plain(250).net.theta));
  });

  it('says how far it got now and then, without a frame', () => {
    const h = harness();
    const framesBefore = h.frames().length;
    h.send({ type: 'trainTo', runId: 1, step: 400 });
    for (let i = 0; i < 10; i++) {
      h.run(1);
      h.tick(PROGRESS_EVERY_MS);
    }
    expect(h.frames()).toHaveLength(framesBefore);
    const progress = h.of('progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((p) => p.to === 400 && p.step > 0 && p.step < 400)).toBe(true);
    expect(progress.map((p) => p.step)).toEqual([...progress.map((p) => p.step)].sort((a, b) => a - b));
    h.run();
    expect(h.frames().at(-1)!.step).toBe(400);
  });

  it('a pause during the jump stops it where it is; nothing trains after', () => {
    const h = harness();
    h.send({ type: 'trainTo', runId: 1, step: 5000 });
    h.run(3);
    const mid = h.loop.live();
    expect(mid.jumping).toBe(true);
    expect(mid.step).toBeGreaterThan(0);
    h.send({ type: 'pause', runId: 1 });
    h.run();
    const f = h.frames().at(-1)!;
    expect(f.step).toBe(mid.step);
    expect(f.handled).toBe(3);
    expect(h.loop.live()).toMatchObject({ step: mid.step, playing: false, jumping: false });
    h.tick(1000);
    h.run();
    expect(h.loop.live().step).toBe(mid.step);
  });

  it('play and step end a jump too; speed and inspect do not', () => {
    const h = harness();
    h.send({ type: 'trainTo', runId: 1, step: 300 });
    h.run(2);
    h.send({ type: 'speed', runId: 1, stepsPerSecond: 10 });
    h.send({ type: 'inspect', runId: 1, sample: 1, tau: null });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 300, handled: 4 });
    h.send({ type: 'trainTo', runId: 1, step: 900 });
    h.run(2);
    const at = h.loop.live().step;
    h.send({ type: 'step', runId: 1 });
    h.run();
    expect(h.loop.live()).toMatchObject({ step: at + 1, jumping: false });
  });

  it('behind the current step, the run goes back to its seed and lands on exactly the state a plain run reaches', () => {
    const h = harness();
    h.send({ type: 'trainTo', runId: 1, step: 120 });
    h.run();
    const framesBefore = h.frames().length;
    h.send({ type: 'trainTo', runId: 1, step: 47 });
    h.run();
    expect(h.of('restarted')).toEqual([{ type: 'restarted', runId: 1 }]);
    const after = h.frames().slice(framesBefore);
    expect(after).toHaveLength(1);
    expect(after[0].step).toBe(47);
    expect(Array.from(after[0].history.step)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    const s = exported(h);
    const ref = plain(47).snapshot();
    expect(bytes(s.theta)).toEqual(bytes(ref.theta));
    expect(bytes(s.optimizer.m)).toEqual(bytes(ref.optimizer.m));
    expect(s.data).toEqual(ref.data);
    expect(s.trainer).toEqual(ref.trainer);
  });

  it('to the current step: one frame, nothing trained', () => {
    const h = harness();
    h.send({ type: 'trainTo', runId: 1, step: 0 });
    h.run();
    expect(h.frames().at(-1)).toMatchObject({ step: 0, handled: 2, playing: false });
    expect(h.of('restarted')).toHaveLength(0);
  });

  it('a divergence on the way stops the jump there and is reported as when playing', () => {
    const h = harness(EXPLODING);
    h.send({ type: 'trainTo', runId: 1, step: 500 });
    h.run();
    const d = h.of('diverged');
    expect(d).toHaveLength(1);
    const f = h.frames().at(-1)!;
    expect(f.step).toBe(d[0].divergence.step);
    expect(f.step).toBeLessThan(500);
    expect(f).toMatchObject({ playing: false, handled: 2 });
    expect(h.loop.live().jumping).toBe(false);
  });
});

describe('exportRun and importRun', () => {
  it('exportRun answers the snapshot of the live run, its arrays transferable; the next frame counts it', () => {
    const h = harness();
    h.send({ type: 'trainTo', runId: 1, step: 30 });
    h.run();
    const s = exported(h);
    expect(s.trainer.step).toBe(30);
    expect(s.config).toEqual(CONFIG);
    expect(snapshotTransferables(s)).toHaveLength(3);
    expect(h.frames().at(-1)).toMatchObject({ step: 30, handled: 3 });
  });

  it('importRun starts run runId at the snapshot step (ready says it), and training goes on as the saved run would', () => {
    const src = harness();
    src.send({ type: 'trainTo', runId: 1, step: 60 });
    src.run();
    const snap = exported(src);
    const other = normalizeConfig({ task: { kind: 'echo', lag: 3, symbols: 2 }, model: { cell: 'lstm', hiddenSize: 3 } }).config;
    const h = harness(other);
    h.send({ type: 'step', runId: 1 });
    h.run();
    const before = h.events.length;
    h.send({ type: 'importRun', runId: 2, snapshot: structuredClone(snap) });
    h.run();
    const after = h.events.slice(before);
    expect(after[0]).toMatchObject({ type: 'ready', runId: 2, step: 60, info: { configRunId: 2, config: CONFIG, notes: [] } });
    expect(after.find((e) => e.type === 'frame')).toMatchObject({ runId: 2, frame: { step: 60, handled: 1, playing: false } });
    expect(h.loop.live()).toMatchObject({ runId: 2, step: 60, config: CONFIG });
    h.send({ type: 'trainTo', runId: 2, step: 90 });
    h.run();
    const f = h.frames().at(-1)!;
    expect(Array.from(f.history.step)).toEqual(Array.from({ length: 30 }, (_, i) => 61 + i));
    const ref = plain(60);
    const losses: number[] = [];
    for (let i = 0; i < 30; i++) {
      ref.train(1);
      losses.push(ref.metrics().loss);
    }
    expect(Array.from(f.history.loss)).toEqual(losses);
    expect(bytes(exported(h, 2).theta)).toEqual(bytes(ref.net.theta));
  });

  it('an imported diverged run is announced diverged again', () => {
    const s = new Session(EXPLODING);
    s.train(100);
    expect(s.metrics().divergence).not.toBeNull();
    const h = harness();
    h.send({ type: 'importRun', runId: 2, snapshot: s.snapshot() });
    h.run();
    expect(h.of('diverged').at(-1)).toMatchObject({ runId: 2, divergence: s.metrics().divergence! });
  });

  it('a refused snapshot is answered refused; the previous session goes on as the new run, as after a refused configure', () => {
    const h = harness();
    h.send({ type: 'trainTo', runId: 1, step: 10 });
    h.run();
    const good = plain(20).snapshot();
    const bad = { ...good, theta: good.theta.slice(0, 5) };
    const before = h.events.length;
    h.send({ type: 'importRun', runId: 2, snapshot: bad });
    h.run();
    const after = h.events.slice(before);
    expect(after[0]).toMatchObject({ type: 'refused', runId: 2 });
    expect((after[0] as { message: string }).message).toMatch(/theta: has 5 entries/);
    expect(after[1]).toMatchObject({ type: 'ready', runId: 2, step: 0, info: { configRunId: 1 } });
    expect(h.loop.live()).toMatchObject({ runId: 2, config: CONFIG });
    // a snapshot without a config is refused, not read as the defaults
    h.send({ type: 'importRun', runId: 3, snapshot: { ...good, config: undefined } as unknown as RunSnapshot });
    h.run();
    expect(h.of('refused').at(-1)).toMatchObject({ runId: 3 });
    expect(h.of('refused').at(-1)!.message).toMatch(/config: is missing/);
  });
});

describe('parseCommand for the new commands', () => {
  it('accepts them well-formed', () => {
    expect(parseCommand({ type: 'trainTo', runId: 2, step: 5000 })).toEqual({ type: 'trainTo', runId: 2, step: 5000 });
    expect(parseCommand({ type: 'trainTo', runId: 2, step: MAX_TRAIN_TO })).not.toBeNull();
    expect(parseCommand({ type: 'exportRun', runId: 2, requestId: 7 })).toEqual({ type: 'exportRun', runId: 2, requestId: 7 });
    expect(parseCommand({ type: 'importRun', runId: 2, snapshot: {} })).toMatchObject({ type: 'importRun' });
  });
  it('refuses them malformed', () => {
    for (const bad of [
      { type: 'trainTo', runId: 1 }, { type: 'trainTo', runId: 1, step: -1 }, { type: 'trainTo', runId: 1, step: 2.5 }, { type: 'trainTo', runId: 1, step: NaN },
      { type: 'trainTo', runId: 1, step: Infinity }, { type: 'trainTo', runId: 1, step: MAX_TRAIN_TO + 1 }, { type: 'trainTo', runId: 1, step: '10' },
      { type: 'exportRun', runId: 1 }, { type: 'exportRun', runId: 1, requestId: 0.5 }, { type: 'importRun', runId: 1 }, { type: 'importRun', runId: 1, snapshot: 'x' },
    ]) {
      expect(parseCommand(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
