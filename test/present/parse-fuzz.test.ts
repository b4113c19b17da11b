/**
 * Property-style: real channel messages (made from real worker events) mutated at random by a seeded generator — a
 * field replaced by a hostile value, deleted, or joined by junk; a typed array swapped or poisoned — are never thrown
 * on, and are either refused or come out as a value that passes the same structural checks: parsing it again gives
 * it back unchanged, and the invariants the views rely on (written again here, independently) hold.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng';
import { GATES } from '../../src/engine/types';
import { parseMessage } from '../../src/present/channel-messages';
import type { ChannelMessage } from '../../src/present/channel-messages';
import type { Frame, RunInfo, TaskOutput, WorkerEvent } from '../../src/worker/protocol';
import { divergingEvents, framesOf, realEvents, realSurface } from './real-events';

const ID = 'abc123def456';

/** The messages mutated: every event kind, every output kind, a snapshot and a picture. */
function bases(): unknown[] {
  const events: WorkerEvent[] = [
    ...realEvents('translate', 'lstm'), ...realEvents('caption', 'gru').slice(0, 3), ...realEvents('text', 'rnn').slice(0, 2),
    ...realEvents('series', 'lstm').slice(0, 2), ...realEvents('adding', 'gru').slice(0, 2), ...divergingEvents(), realSurface(),
    { type: 'progress', runId: 1, step: 5, to: 9 }, { type: 'error', runId: 1, message: 'm', recoverable: false },
  ];
  const frame = framesOf(realEvents('caption', 'lstm'))[0];
  const history = { stride: 2, step: new Float64Array([2, 4]), loss: new Float64Array(2), gradNorm: new Float64Array(2), gradNormClipped: new Float64Array(2), clipped: new Float64Array(2), partial: { n: 1, step: 5, loss: 0.1, gradNorm: 1, gradNormClipped: 1, clipped: 0 } };
  const picture = { history, metrics: { step: new Float64Array([4]), value: new Float64Array([0.3]) }, metric: frame.metric!.value, spectral: frame.spectral, output: frame.output };
  return [
    ...events.map((event) => ({ kind: 'event', from: ID, run: 1, sent: 2, event })),
    { kind: 'snapshot', from: ID, to: 'zzz999yyy888', run: 1, sent: 3, state: { lesson: 'vanishing', step: 1, blackout: false, speed: 5 }, events: realEvents('caption', 'lstm').slice(0, 1), picture, frame },
    { kind: 'picture', from: ID, run: 1, picture },
    { kind: 'call', from: ID, name: 'trainTo', args: [50] },
    { kind: 'control', from: ID, control: { type: 'goto', step: 2 } },
  ];
}

type Node = Record<string | number, unknown>;
const isTyped = (v: unknown): v is Float64Array | Uint8Array | Uint8ClampedArray => ArrayBuffer.isView(v);

/** Every [parent, key] under v (typed arrays are leaves; their entries are mutated apart). */
function slots(v: unknown, out: [Node, string | number][] = []): [Node, string | number][] {
  // typed arrays, and the arrays a mutation made huge, are leaves
  if (typeof v !== 'object' || v === null || isTyped(v) || (Array.isArray(v) && v.length > 1000)) return out;
  const node = v as Node;
  for (const k of Array.isArray(v) ? v.keys() : Object.keys(node)) {
    out.push([node, k]);
    slots(node[k], out);
  }
  return out;
}

function hostile(rng: Rng, old: unknown): unknown {
  const n = isTyped(old) ? old.length : Array.isArray(old) ? old.length : 4;
  const pick: (() => unknown)[] = [
    () => NaN, () => Infinity, () => -Infinity, () => -1, () => 0, () => 1.5, () => 2 ** 53, () => 1e308, () => -0,
    () => '', () => 'x'.repeat(1_000_000), () => '__proto__', () => null, () => undefined, () => true, () => ({}), () => [],
    () => new Array(10_000_000), () => new Float64Array(n + 1), () => new Float64Array(Math.max(0, n - 1)), () => new Float32Array(n),
    () => new Uint8Array(n), () => new Uint8ClampedArray(n), () => Array.from({ length: n }, () => 0), () => JSON.parse('{"__proto__": {"polluted": 1}}'),
    () => ({ constructor: { prototype: { polluted: 1 } } }), () => Symbol('s').description, () => (typeof old === 'number' ? old + 1 : 7), () => (typeof old === 'string' ? `${old}x` : 'x'),
  ];
  return pick[rng.int(pick.length)]();
}

/** One to three random mutations of a clone of m. */
function mutate(m: unknown, rng: Rng): unknown {
  const copy = structuredClone(m);
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const all = slots(copy);
    const [node, key] = all[rng.int(all.length)];
    const old = node[key];
    const r = rng.next();
    if (r < 0.25) {
      // junk beside the fields of some object: an own __proto__ or constructor key, or just more
      const objects = [copy, ...all.map(([p, q]) => p[q])].filter((x): x is Node => typeof x === 'object' && x !== null && !isTyped(x) && !Array.isArray(x));
      const target = objects[rng.int(objects.length)];
      const junkKey = ['__proto__', 'constructor', 'toString', 'extra', 'hasOwnProperty'][rng.int(5)];
      Object.defineProperty(target, junkKey, { value: hostile(rng, undefined), enumerable: true, configurable: true, writable: true });
    } else if (isTyped(old) && old.length > 0 && r < 0.5) {
      // poison one entry of a typed array
      old[rng.int(old.length)] = [NaN, Infinity, -1, 2, 255, 1e300][rng.int(6)];
    } else if (r < 0.6) delete node[key];
    else if (r < 0.65 && Array.isArray(old)) old.length = [0, old.length + 1, 10_000_000][rng.int(3)];
    else node[key] = hostile(rng, old);
  }
  return copy;
}

// ---- the invariants the views rely on, written again without the parser's code ----

function recordOk(r: Frame['record']): boolean {
  const { T, H, I, O, cell, tau } = r;
  const G = GATES[cell].length;
  const lstm = cell === 'lstm';
  const sizes: [ArrayLike<number>, number][] = [
    [r.inputs, T * I], [r.mask, T], [r.h, T * H], [r.c, lstm ? T * H : 0], [r.gates, T * G * H], [r.preX, T * G * H], [r.preH, T * G * H], [r.preB, G * H],
    [r.y, T * O], [r.losses, T], [r.dh, T * H], [r.dc, lstm ? T * H : 0], [r.flowH, tau + 1], [r.flowC, lstm ? tau + 1 : 0], [r.blockGradNorms, r.blockNames.length],
  ];
  return (
    sizes.every(([a, n]) => a.length === n) && [r.inputLabels, r.targetLabels, r.outputLabels].every((l) => l.length === T && l.every((s) => typeof s === 'string')) &&
    (r.h0 === undefined || r.h0.length === H) && (r.c0 === undefined || (lstm && r.c0.length === H)) && r.gateNames.join() === GATES[cell].join() && [...r.mask].every((b) => b === 0 || b === 1)
  );
}

function outputOk(o: TaskOutput): boolean {
  if (!Number.isSafeInteger(o.step) || o.step < 0) return false;
  switch (o.kind) {
    case 'text':
      return Number.isFinite(o.temperature) && o.temperature > 0 && o.text.length <= 20_000;
    case 'forecast':
      return o.predicted instanceof Object && (o.truth.length === 0 || o.truth.length === o.predicted.length);
    case 'answers':
      return o.items.length <= 64 && o.items.every((it) => typeof it.input === 'string' && (it.error === null || !(it.error < 0)));
    case 'translations':
      return o.items.length <= Math.min(64, o.evalSize) && o.meaning.h.length > 0 && (o.meaning.c.length === 0 || o.meaning.c.length === o.meaning.h.length) && o.items.every((it) => typeof it.correct === 'boolean' && it.source.length <= 2000);
    case 'captions': {
      const S = o.features.size;
      return o.features.image.length === 4 * S * S && o.features.maps.length === o.features.channels * S * S && o.items.every((it) => it.size === S && it.image.length === 4 * S * S && typeof it.correct === 'boolean');
    }
  }
}

function infoOk(i: RunInfo): boolean {
  const sum = i.model.blocks.reduce((a, b) => a + b.rows * b.cols, 0);
  return sum === i.model.paramCount && ['reference', 'fast'].includes((i as { kernels?: string }).kernels ?? '') && i.config.task.kind === i.task.kind && i.notes.length <= 20 && Number.isSafeInteger(i.task.evalSize);
}

function eventOk(e: WorkerEvent): boolean {
  if (!Number.isSafeInteger(e.runId)) return false;
  if (e.type === 'frame') {
    const f = e.frame;
    const n = f.history.step.length;
    return recordOk(f.record) && (f.output === null || outputOk(f.output)) && [f.history.loss, f.history.gradNorm, f.history.gradNormClipped, f.history.clipped].every((a) => a.length === n) && Number.isFinite(f.stepsPerSecond);
  }
  if (e.type === 'ready') return infoOk(e.info);
  if (e.type === 'surface') return e.result.loss.length === e.result.request.nw * e.result.request.nb;
  return true;
}

function messageOk(m: ChannelMessage): boolean {
  if (m.kind === 'event') return eventOk(m.event);
  if (m.kind === 'snapshot') return m.events.every(eventOk) && (m.frame === null || eventOk({ type: 'frame', runId: 0, frame: m.frame })) && (m.picture.output === null || outputOk(m.picture.output));
  if (m.kind === 'picture') return m.picture.output === null || outputOk(m.picture.output);
  return true;
}

describe('random mutations of real messages', () => {
  it('never throw; each is refused or parses to a value that passes the same checks again', { timeout: 120_000 }, () => {
    const rng = new Rng(20261201);
    const all = bases();
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const base = all[i % all.length];
      const m = mutate(base, rng);
      let parsed: ReturnType<typeof parseMessage> | undefined;
      expect(() => (parsed = parseMessage(m)), `case ${i}`).not.toThrow();
      if (!parsed!.ok) {
        refused++;
        expect(parsed!.why.length).toBeLessThan(200);
        // refused by a check, not by the guard that catches a parser's exception
        expect(parsed!.why, `case ${i}`).not.toMatch(/^unreadable/);
        continue;
      }
      accepted++;
      const value = parsed!.value;
      expect(messageOk(value), `case ${i}: ${JSON.stringify(value).slice(0, 200)}`).toBe(true);
      // a parsed value is a fixed point of the parser: nothing in it would be refused or changed
      expect(parseMessage(structuredClone(value)), `case ${i}`).toStrictEqual({ ok: true, value: structuredClone(value) });
    }
    // both outcomes occur, so the property says something of each
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the unmutated messages all parse, and to themselves', () => {
    for (const m of bases()) expect(parseMessage(structuredClone(m))).toStrictEqual({ ok: true, value: structuredClone(m) });
  });
});
