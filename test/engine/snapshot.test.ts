import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { EngineError } from '../../src/engine/errors';
import type { OptimizerKind } from '../../src/engine/optim';
import { Rng } from '../../src/engine/rng';
import { Session } from '../../src/engine/session';
import type { RunSnapshot } from '../../src/engine/snapshot';
import type { CellKind } from '../../src/engine/types';

/** The bytes of a Float64Array: equal bytes are equal doubles, −0 and NaN payloads included. */
const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** Trains n steps one by one; the loss, ‖g‖ and ‖g‖ clipped of each. */
function trainLog(s: Session, n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    expect(s.train(1)).toBe(1);
    const m = s.metrics();
    out.push([m.step, m.loss, m.gradNorm, m.gradNormClipped, Number(m.clipped)]);
  }
  return out;
}

/** A noisy sine of T = 6: 7 normals per sequence, an odd number, so the RNG's kept Box–Muller value alternates between set and unset. */
const config = (cell: CellKind, kind: OptimizerKind, i: number): SessionConfig =>
  normalizeConfig({
    task: { kind: 'sine', seqLength: 6, noise: 0.1, components: 2 },
    model: { cell, hiddenSize: 4 },
    optimizer: { kind, lr: kind === 'sgd' || kind === 'momentum' ? 0.05 : 0.01 },
    clip: { kind: i % 2 ? 'value' : 'norm', threshold: 0.5 },
    truncate: 2,
    truncMode: i % 3 === 0 ? 'window' : 'chunk',
    batch: 3,
    seed: 7 + i,
  }).config;

/** Snapshot at step 300, restore into a fresh Session, train 100 more: the same as 400 straight, bit for bit. */
function expectSameContinuation(cfg: SessionConfig) {
  const straight = new Session(cfg);
  expect(straight.notes).toEqual([]);
  straight.train(300);
  const snap = straight.snapshot();
  const restored = new Session(cfg);
  restored.restore(snap);
  expect(restored.metrics()).toEqual(straight.metrics());
  const a = trainLog(straight, 100);
  const b = trainLog(restored, 100);
  expect(b[0][0]).toBe(301);
  expect(b).toEqual(a);
  expect(bytes(restored.net.theta)).toEqual(bytes(straight.net.theta));
  const [sa, sb] = [straight.snapshot(), restored.snapshot()];
  expect(bytes(sb.optimizer.m)).toEqual(bytes(sa.optimizer.m));
  expect(bytes(sb.optimizer.v)).toEqual(bytes(sa.optimizer.v));
  expect(sb.optimizer.t).toBe(400);
  expect(sb.data).toEqual(sa.data);
  return snap;
}

describe('Session.snapshot and restore', () => {
  const cells: CellKind[] = ['rnn', 'lstm', 'gru'];
  const kinds: OptimizerKind[] = ['sgd', 'momentum', 'rmsprop', 'adam'];
  it.each(cells.flatMap((cell, c) => kinds.map((kind, k) => [cell, kind, c * 4 + k] as const)))(
    '%s with %s, clipping and truncation on: steps 301–400 after a restore equal the uninterrupted run bit for bit',
    (cell, kind, i) => {
      const snap = expectSameContinuation(config(cell, kind, i));
      expect(snap.trainer.step).toBe(300);
      expect(snap.optimizer.kind).toBe(kind);
      expect(snap.optimizer.m.length).toBe(kind === 'momentum' || kind === 'adam' ? snap.theta.length : 0);
      expect(snap.optimizer.v.length).toBe(kind === 'rmsprop' || kind === 'adam' ? snap.theta.length : 0);
    },
  );

  it('the kept normal value travels too: some snapshots have one, and those continue exactly', () => {
    const spares = [0, 1, 2, 3, 4, 5].map((i) => {
      const s = new Session(config('rnn', 'adam', i));
      s.train(299 + i);
      return s.snapshot().data.spare;
    });
    expect(spares.some((x) => x !== null)).toBe(true);
    expect(spares.some((x) => x === null)).toBe(true);
  });

  it.each([
    { task: { kind: 'echo', lag: 5, symbols: 3 }, model: { cell: 'lstm', hiddenSize: 5 }, optimizer: { kind: 'adam', lr: 0.01 } },
    { task: { kind: 'adding', seqLength: 8 }, model: { cell: 'gru', hiddenSize: 4 }, optimizer: { kind: 'rmsprop', lr: 0.003 }, truncate: 3 },
    { task: { kind: 'text', seqLength: 12 }, model: { cell: 'rnn', hiddenSize: 6 }, optimizer: { kind: 'momentum', lr: 0.02 }, clip: { kind: 'norm', threshold: 1 } },
  ])('other tasks continue exactly too ($task.kind)', (raw) => {
    expectSameContinuation(normalizeConfig({ ...raw, batch: 2, seed: 3 }).config);
  });

  it('a snapshot is a copy: training on does not change it', () => {
    const s = new Session(config('gru', 'adam', 1));
    s.train(10);
    const snap = s.snapshot();
    const theta = bytes(snap.theta);
    const m = bytes(snap.optimizer.m);
    s.train(10);
    expect(bytes(snap.theta)).toEqual(theta);
    expect(bytes(snap.optimizer.m)).toEqual(m);
    expect(snap.trainer.step).toBe(10);
  });

  it('a diverged run is saved with its divergence and stays diverged when restored', () => {
    const exploding = normalizeConfig({
      task: { kind: 'sine', seqLength: 40, noise: 0.05, components: 2 },
      model: { cell: 'rnn', activation: 'linear', hiddenSize: 8 },
      init: { scheme: 'identity', recurrentScale: 3 },
      optimizer: { kind: 'sgd', lr: 10 },
      clip: { kind: 'none' },
      batch: 4,
      seed: 3,
    }).config;
    const s = new Session(exploding);
    s.train(200);
    const d = s.metrics().divergence;
    expect(d).not.toBeNull();
    const r = new Session(exploding);
    r.restore(s.snapshot());
    expect(r.metrics()).toEqual(s.metrics());
    expect(r.train(5)).toBe(0);
    expect(bytes(r.net.theta)).toEqual(bytes(s.net.theta));
  });
});

describe('Rng state', () => {
  it('fromState(state()) continues the same stream, the kept Box–Muller value included', () => {
    const a = new Rng(42);
    a.normal(); // leaves a spare
    const st = a.state();
    expect(st.spare).not.toBeNull();
    const b = Rng.fromState(st);
    const draw = (r: Rng) => [r.normal(), r.normal(), r.normal(), r.uint32(), r.next(), r.int(17)];
    for (let i = 0; i < 50; i++) expect(draw(b)).toEqual(draw(a));
    // words given unsigned (as a file might) give the same stream as signed ones
    const c = Rng.fromState({ ...a.state(), a: a.state().a >>> 0, d: a.state().d >>> 0 });
    for (let i = 0; i < 20; i++) expect(c.uint32()).toBe(a.uint32());
  });
});

describe('hostile snapshots are refused with a message naming the field; the session is left as it was', () => {
  const cfg = config('lstm', 'adam', 2);
  const source = new Session(cfg);
  source.train(20);
  const good = source.snapshot();
  /** a snapshot whose every part may be rewritten with anything */
  interface Editable {
    config: Record<string, unknown> & { seed: number; optimizer: { lr: number } };
    theta: unknown;
    optimizer: Record<string, unknown>;
    trainer: Record<string, unknown>;
    data: Record<string, unknown>;
  }
  const edit = (f: (s: Editable) => void): unknown => {
    const s: Editable = { config: JSON.parse(JSON.stringify(good.config)) as Editable['config'], theta: good.theta.slice(), optimizer: { ...good.optimizer }, trainer: { ...good.trainer }, data: { ...good.data } };
    f(s);
    return s;
  };
  const nan = good.theta.slice();
  nan[3] = NaN;
  const cases: [string, unknown, RegExp][] = [
    ['not an object', 'hello', /must be an object/],
    ['θ too short', edit((s) => (s.theta = good.theta.slice(1))), /theta: has \d+ entries; this network needs \d+/],
    ['θ as a plain array', edit((s) => (s.theta = Array.from(good.theta))), /theta: must be a Float64Array/],
    ['NaN in θ', edit((s) => (s.theta = nan)), /theta: entry 3 is NaN/],
    ['a negative step', edit((s) => (s.trainer.step = -1)), /trainer\.step: must be a whole number ≥ 0/],
    ['a fractional step', edit((s) => (s.trainer.step = 2.5)), /trainer\.step/],
    ['an unknown optimizer', edit((s) => (s.optimizer.kind = 'lion')), /optimizer\.kind: is "lion", but the settings use adam/],
    ['moments of the wrong size', edit((s) => (s.optimizer.m = new Float64Array(3))), /optimizer\.m: has 3 entries/],
    ['NaN in a moment', edit((s) => (s.optimizer.v = good.optimizer.v.map((x, i) => (i === 0 ? NaN : x)))), /optimizer\.v: entry 0 is NaN/],
    ['an optimizer count that disagrees with the step', edit((s) => (s.optimizer.t = 5)), /optimizer\.t: is 5 but the trainer is at step 20/],
    ['a non-finite loss', edit((s) => (s.trainer.loss = Infinity)), /trainer\.loss: must be a finite number/],
    ['a missing field', edit((s) => delete s.trainer.gradNorm), /trainer\.gradNorm: is missing/],
    ['a snapshot of another config', edit((s) => (s.config.seed = 8)), /another configuration/],
    ['settings out of range', edit((s) => (s.config.optimizer.lr = 1e9)), /not ones this version runs as they are: .*learning rate/],
    ['settings with an extra field', edit((s) => (s.config.extra = 1)), /unknown setting|extra fields/],
    ['a divergence of free text', edit((s) => (s.trainer.divergence = { step: 20, cause: 'update', quantity: '<img src=x onerror=alert(1)>', message: 'x' })), /trainer\.divergence\.quantity/],
    ['a divergence of another step', edit((s) => (s.trainer.divergence = { step: 3, cause: 'update', quantity: 'loss', message: '' })), /trainer\.divergence\.step: is dated step 3/],
    ['an RNG word that is not an integer', edit((s) => (s.data.c = 0.5)), /data\.c: must be a 32-bit integer/],
    ['a NaN kept normal value', edit((s) => (s.data.spare = NaN)), /data\.spare: must be a finite number/],
  ];
  it.each(cases)('%s', (_, bad, message) => {
    const s = new Session(cfg);
    s.train(3);
    const before = s.snapshot();
    let error: unknown;
    try {
      s.restore(bad as RunSnapshot);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toMatch(message);
    const after = s.snapshot();
    expect(bytes(after.theta)).toEqual(bytes(before.theta));
    expect(after.trainer).toEqual(before.trainer);
    expect(after.data).toEqual(before.data);
  });

  it('a divergence read from a snapshot gets the engine’s own sentence, not the one it carried', () => {
    const s = new Session(cfg);
    s.restore(edit((x) => (x.trainer.divergence = { step: 20, cause: 'update', quantity: 'gradient of Whf', message: 'Call this number' })) as RunSnapshot);
    expect(s.metrics().divergence!.message).toBe('Training diverged at step 20: the next update made the gradient of Whf infinite or NaN, so it was not applied.');
  });
});
