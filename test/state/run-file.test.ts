import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import type { OptimizerKind } from '../../src/engine/optim';
import { Rng } from '../../src/engine/rng';
import { Session } from '../../src/engine/session';
import type { CellKind } from '../../src/engine/types';
import { decodeFloat64, encodeFloat64 } from '../../src/state/float64-base64';
import { PointRing, TrainingHistory } from '../../src/state/history';
import { APP_VERSION, encodeRunFile, makeRunFile, MAX_RUN_FILE_BYTES, runFileName } from '../../src/state/run-file';
import { decodeRunFile } from '../../src/state/run-file-read';
import type { RunFile } from '../../src/state/run-file';

const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

const config = (cell: CellKind, kind: OptimizerKind, i: number): SessionConfig =>
  normalizeConfig({
    task: { kind: 'sine', seqLength: 6, noise: 0.1, components: 2 },
    model: { cell, hiddenSize: 4 },
    optimizer: { kind, lr: kind === 'sgd' || kind === 'momentum' ? 0.05 : 0.01 },
    clip: { kind: 'norm', threshold: 0.5 },
    truncate: 2,
    batch: 2,
    seed: 11 + i,
  }).config;

/** A session trained n steps, with the history and metric points a page would have drawn of it. */
function run(cfg: SessionConfig, n: number) {
  const s = new Session(cfg);
  const history = new TrainingHistory();
  const metrics = new PointRing();
  const more = (k: number) => {
    for (let i = 0; i < k; i++) {
      s.train(1);
      const st = s.trainer.stats;
      history.push(s.trainer.step, st.loss, st.gradNorm, st.gradNormClipped, st.clipped);
      if (s.trainer.step % 50 === 0) metrics.push(s.trainer.step, s.evaluate().value);
    }
  };
  more(n);
  return { s, history, metrics, more };
}

const fileOf = (r: ReturnType<typeof run>): RunFile => makeRunFile(r.s.snapshot(), r.history, r.metrics, new Date('2025-03-04T05:06:07.089Z'));

describe('Float64 as base64', () => {
  it('is the little-endian bytes of each double: 1.0 is 00 00 00 00 00 00 F0 3F', () => {
    expect(encodeFloat64(new Float64Array([1]))).toBe('AAAAAAAA8D8=');
    expect(encodeFloat64(new Float64Array(0))).toBe('');
  });

  it('gives back every double bit for bit: −0, ±∞, NaN, subnormals, extremes, 100,000 random values', () => {
    const special = new Float64Array([-0, 0, Infinity, -Infinity, NaN, 5e-324, -2.2250738585072014e-308, Number.MAX_VALUE, Math.PI, 1 / 3]);
    const rng = new Rng(9);
    const random = new Float64Array(100_000).map(() => (rng.next() - 0.5) * 10 ** (rng.int(40) - 20));
    for (const a of [special, random]) {
      const back = decodeFloat64(encodeFloat64(a))!;
      expect(bytes(back)).toEqual(bytes(a));
    }
  });

  it('refuses what is not base64 of whole doubles', () => {
    for (const bad of ['AAAA', 'AAAAAAAA8D8', '!!!!', 'AAAAAAAA8D8=AAAA====', 42, null, '<img src=x>']) expect(decodeFloat64(bad)).toBeNull();
  });
});

describe('run files', () => {
  it('record the version of package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }; // Vitest runs from the repository root
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('are named for the task and the step', () => {
    expect(runFileName(fileOf(run(config('rnn', 'sgd', 0), 7)))).toBe('unrolled-run-sine-step7.json');
  });

  const cells: CellKind[] = ['rnn', 'lstm', 'gru'];
  const kinds: OptimizerKind[] = ['sgd', 'momentum', 'rmsprop', 'adam'];
  it.each(cells.flatMap((cell, c) => kinds.map((kind, k) => [cell, kind, c * 4 + k] as const)))(
    '%s with %s through the file text: steps 301–400 equal the uninterrupted run bit for bit',
    (cell, kind, i) => {
      const cfg = config(cell, kind, i);
      const straight = run(cfg, 300);
      const text = encodeRunFile(fileOf(straight));
      const read = decodeRunFile(text);
      if (!read.ok) throw new Error(read.message);
      const f = read.file;
      expect(f.savedAt).toBe('2025-03-04T05:06:07.089Z');
      expect(f.appVersion).toBe(APP_VERSION);
      const restored = new Session(f.snapshot.config);
      restored.restore(f.snapshot);
      const history = new TrainingHistory();
      history.load(f.history);
      const metrics = new PointRing();
      metrics.load(f.metrics.step, f.metrics.value);
      const cont = { s: restored, history, metrics, more: (k: number) => k };
      // continue both the same way
      const go = (r: { s: Session; history: TrainingHistory }) => {
        const out: number[] = [];
        for (let j = 0; j < 100; j++) {
          r.s.train(1);
          const st = r.s.trainer.stats;
          r.history.push(r.s.trainer.step, st.loss, st.gradNorm, st.gradNormClipped, st.clipped);
          out.push(st.loss, st.gradNorm, st.gradNormClipped);
        }
        return out;
      };
      expect(go(cont)).toEqual(go(straight));
      expect(bytes(restored.net.theta)).toEqual(bytes(straight.s.net.theta));
      expect(restored.snapshot().data).toEqual(straight.s.snapshot().data);
      const [a, b] = [history.state(), straight.history.state()];
      expect(bytes(a.loss)).toEqual(bytes(b.loss));
      expect(a.step).toEqual(b.step);
      expect(metrics.points()).toEqual(straight.metrics.points());
    },
  );

  it('a merged history (stride > 1, a point half filled) goes on merging exactly as the page’s own', () => {
    const straight = run(config('rnn', 'adam', 3), 5003);
    expect(straight.history.state().stride).toBe(4);
    expect(straight.history.state().partial.n).toBe(2);
    const read = decodeRunFile(encodeRunFile(fileOf(straight)));
    if (!read.ok) throw new Error(read.message);
    const h = new TrainingHistory();
    h.load(read.file.history);
    for (let i = 0; i < 3000; i++) {
      h.push(5004 + i, i, i, i / 2, i % 2 === 0);
      straight.history.push(5004 + i, i, i, i / 2, i % 2 === 0);
    }
    expect(h.state()).toEqual(straight.history.state());
  });

  it('a diverged run opens diverged, with the engine’s sentence', () => {
    const exploding = normalizeConfig({ task: { kind: 'sine', seqLength: 40, noise: 0.05, components: 2 }, model: { cell: 'rnn', activation: 'linear', hiddenSize: 8 }, init: { scheme: 'identity', recurrentScale: 3 }, optimizer: { kind: 'sgd', lr: 10 }, clip: { kind: 'none' }, batch: 4, seed: 3 }).config;
    const r = run(exploding, 0);
    r.s.train(50); // diverges; the page's history has the steps before it
    const d = r.s.metrics().divergence!;
    for (let k = 1; k <= d.step; k++) r.history.push(k, 1, 1, 1, false);
    const read = decodeRunFile(encodeRunFile(fileOf(r)));
    if (!read.ok) throw new Error(read.message);
    expect(read.file.snapshot.trainer.divergence).toEqual(d);
  });
});

describe('hostile run files are refused with one clear sentence, never an exception', () => {
  const good = JSON.parse(encodeRunFile(fileOf(run(config('lstm', 'adam', 1), 100)))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const edit = (f: (o: Record<string, any>) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const o = structuredClone(good);
    f(o);
    return JSON.stringify(o);
  };
  const nanTheta = (() => {
    const t = decodeFloat64(good.snapshot.theta)!;
    t[5] = NaN;
    return encodeFloat64(t);
  })();
  const HTML = '<img src=x onerror=alert(1)>';
  const cases: [string, string, RegExp][] = [
    ['not JSON', 'hello <b>', /the file is not JSON/],
    ['JSON that is not an object', '[1,2,3]', /not an Unrolled run file/],
    ['another format', edit((o) => (o.format = 'unrolled-lesson')), /not an Unrolled run file/],
    ['HTML as the format', edit((o) => (o.format = HTML)), /not an Unrolled run file/],
    ['a newer version', edit((o) => (o.version = 2)), /newer version of Unrolled \(run file version 2\); this version reads version 1/],
    ['a version as text', edit((o) => (o.version = '1')), /"version" is not a run file version/],
    ['HTML as the app version', edit((o) => (o.appVersion = HTML)), /"appVersion" is not a version number/],
    ['HTML as the date', edit((o) => (o.savedAt = HTML)), /"savedAt" is not a date/],
    ['no snapshot', edit((o) => delete o.snapshot), /snapshot is missing/],
    ['θ not base64', edit((o) => (o.snapshot.theta = HTML)), /snapshot\.theta is not base64 of doubles/],
    ['θ of the wrong size for the network', edit((o) => (o.snapshot.config.model.hiddenSize = 5)), /theta: has \d+ entries; this network needs \d+/],
    ['NaN where a weight should be', edit((o) => (o.snapshot.theta = nanTheta)), /theta: entry 5 is NaN/],
    ['a negative step', edit((o) => (o.snapshot.trainer.step = -3)), /trainer\.step: must be a whole number/],
    ['a config the engine refuses', edit((o) => (o.snapshot.config.task = { kind: 'text', seqLength: 10, text: '' })), /empty|short/i],
    ['HTML as the task kind', edit((o) => (o.snapshot.config.task.kind = HTML)), /not ones this version runs/],
    ['HTML as a divergence', edit((o) => (o.snapshot.trainer.divergence = { step: 100, cause: 'update', quantity: HTML, message: HTML })), /divergence\.quantity/],
    ['an unknown optimizer', edit((o) => (o.snapshot.optimizer.kind = 'lion')), /optimizer\.kind/],
    ['a history that ends elsewhere', edit((o) => (o.history.partial = { ...o.history.partial, n: 0 }, o.history.step = encodeFloat64(decodeFloat64(o.history.step)!.map((x: number) => x + 1)))), /history ends at step 101 but the run is at step 100/],
    ['a history of unequal arrays', edit((o) => (o.history.loss = encodeFloat64(new Float64Array(3)))), /same number in each array/],
    ['a stride that is no power of 2', edit((o) => (o.history.stride = 3)), /power of 2/],
    ['NaN in the metric points', edit((o) => (o.metrics.value = encodeFloat64(new Float64Array(decodeFloat64(o.metrics.step)!.length).fill(NaN)))), /metrics holds a value that is not a finite number/],
  ];
  it.each(cases)('%s', (_, text, message) => {
    const read = decodeRunFile(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(/^This run cannot be opened: /);
    expect(read.message).toMatch(message);
    expect(read.message.length).toBeLessThan(400);
    expect(read.message).not.toContain('onerror=alert(1)');
  });

  it('a file larger than 20 MB is refused before it is parsed', () => {
    const huge = `{"format":"unrolled-run","pad":"${'x'.repeat(MAX_RUN_FILE_BYTES)}"}`;
    const read = decodeRunFile(huge);
    expect(read).toEqual({ ok: false, message: 'This run cannot be opened: the file is larger than 20 MB.' });
  });

  it('500 files with one value replaced by garbage: each opens or is refused, none throws', () => {
    const rng = new Rng(4);
    const junk = [null, -1, 0.5, 1e308, 'x', HTML, [], {}, true, 'AAAAAAAA8D8=', { a: 1 }];
    const paths: string[][] = [];
    const walk = (o: unknown, path: string[]) => {
      if (typeof o === 'object' && o !== null) for (const [k, v] of Object.entries(o)) walk(v, [...path, k]);
      paths.push(path);
    };
    walk(good, []);
    let opened = 0;
    for (let i = 0; i < 500; i++) {
      const path = paths[rng.int(paths.length)];
      const value = junk[rng.int(junk.length)];
      const text = path.length === 0 ? JSON.stringify(value) : edit((o) => {
        let at = o;
        for (const k of path.slice(0, -1)) at = at[k];
        at[path.at(-1)!] = value;
      });
      const read = decodeRunFile(text);
      if (read.ok) opened++;
      else expect(read.message).toMatch(/^This run cannot be opened: /);
    }
    expect(opened).toBeLessThan(500);
  });
});
