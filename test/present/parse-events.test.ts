/**
 * The presenter channel's worker-event parser, field by field: real events (made by the worker's own loop on real
 * sessions) cross unchanged; each hostile variant — wrong types, NaN/∞, sizes that do not match, huge arrays and
 * strings, prototype keys, missing fields — is refused without throwing.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseEvent, parseMessage } from '../../src/present/channel-messages';
import { presentChannel } from '../../src/present/channel';
import { MAX_CHUNK } from '../../src/present/parse-record';
import { LIMITS } from '../../src/present/parse-values';
import type { Frame, WorkerEvent } from '../../src/worker/protocol';
import { channelHub } from './fake-channel';
import { divergingEvents, frameWith, framesOf, realEvents, realSurface, TASKS } from './real-events';
import type { TaskName } from './real-events';

const ID = 'abc123def456';
const CELLS = ['rnn', 'lstm', 'gru'] as const;

type Path = (string | number)[];
/** A structured clone of `v` with the value at `path` replaced (or deleted, for DELETE). */
const DELETE = Symbol('delete');
function edit<T>(v: T, path: Path, value: unknown): T {
  const copy = structuredClone(v) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return copy as unknown as T;
}

/** parseEvent of a frame event carrying `f`, never throwing (the assertion is the caller's). */
const frameEvent = (f: unknown) => ({ type: 'frame', runId: 2, frame: f });
const parsesFrame = (f: unknown): WorkerEvent | null => {
  const out: { e: WorkerEvent | null } = { e: null };
  expect(() => (out.e = parseEvent(frameEvent(f)))).not.toThrow();
  return out.e;
};
const readyOf = (task: TaskName, cell = 'lstm' as (typeof CELLS)[number]) => realEvents(task, cell).find((e) => e.type === 'ready') as Extract<WorkerEvent, { type: 'ready' }>;

/** An object with an own `__proto__` key, as JSON.parse and a structured clone make one. */
const protoKey = (inner: unknown = { polluted: true }) => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}}`) as Record<string, unknown>;
/** An array claiming 10⁷ entries (sparse: cheap to make, costly only to a parser that walks it first). */
const huge = () => new Array<unknown>(10_000_000);
const longString = 'x'.repeat(1_000_000);
/** `v` as the parser returns it: a structured clone (its typed arrays of the clone's realm, as the channel's are). */
const same = <T>(v: T): T => structuredClone(v);

describe('real worker events cross the channel unchanged', () => {
  it('every event of a run of every task and cell: ready, frames (each output kind, records with h0/c0), export, benchmark, restart', () => {
    let kinds = new Set<string>();
    for (const task of Object.keys(TASKS) as TaskName[]) {
      for (const cell of CELLS) {
        const events = realEvents(task, cell);
        expect(new Set(events.map((e) => e.type))).toEqual(new Set(['ready', 'frame', 'exported', 'benchmark', 'restarted']));
        for (const e of events) {
          expect(parseEvent(structuredClone(e)), `${task} ${cell} ${e.type}`).toStrictEqual(same(e));
          // and inside the channel's own message
          const msg = { kind: 'event', from: ID, run: 1, sent: 3, event: e };
          expect(parseMessage(structuredClone(msg))).toStrictEqual({ ok: true, value: same(msg) });
        }
        kinds = new Set([...kinds, ...framesOf(events).flatMap((f) => (f.output ? [f.output.kind] : []))]);
      }
    }
    expect(kinds).toEqual(new Set(['text', 'forecast', 'answers', 'translations', 'captions']));
  });

  it('the decoders’ records carry h0 (and c0 for the LSTM) and keep them', () => {
    for (const task of ['translate', 'caption'] as const) {
      for (const cell of CELLS) {
        const f = framesOf(realEvents(task, cell))[0];
        expect(f.record.h0?.length).toBe(f.record.H);
        expect(f.record.c0?.length).toBe(cell === 'lstm' ? f.record.H : undefined);
        const back = parseEvent(structuredClone(frameEvent(f))) as Extract<WorkerEvent, { type: 'frame' }>;
        expect(back.frame.record.h0).toStrictEqual(same(f.record.h0));
        expect(back.frame.record.c0).toStrictEqual(same(f.record.c0));
      }
    }
  });

  it('a run that diverges: its divergence and frames full of NaN and ±∞ still cross (those values are what the views show)', () => {
    const events = divergingEvents();
    expect(events.some((e) => e.type === 'diverged')).toBe(true);
    const frames = framesOf(events);
    expect(frames.some((f) => Number.isNaN(f.record.loss) && [...f.record.h, ...f.record.y, ...f.record.dh].some((x) => !Number.isFinite(x)))).toBe(true);
    for (const e of events) expect(parseEvent(structuredClone(e)), e.type).toStrictEqual(same(e));
  });

  it('an error surface with descents, restarts and annealing', () => {
    const e = realSurface();
    expect(e.type === 'surface' && e.result.restarts && e.result.annealing).toBeTruthy();
    expect(parseEvent(structuredClone(e))).toStrictEqual(same(e));
  });

  it('a snapshot message (the catch-up) made of real parts', () => {
    const events = realEvents('translate', 'lstm');
    const frame = framesOf(events)[0];
    const ready = events[0];
    const picture = { history: { stride: 1, step: new Float64Array([1, 2]), loss: new Float64Array(2), gradNorm: new Float64Array(2), gradNormClipped: new Float64Array(2), clipped: new Float64Array(2), partial: { n: 0, step: 0, loss: 0, gradNorm: 0, gradNormClipped: 0, clipped: 0 } }, metrics: { step: new Float64Array([1]), value: new Float64Array([0.5]) }, metric: frame.metric!.value, spectral: frame.spectral, output: frame.output };
    const msg = { kind: 'snapshot', from: ID, to: 'zzz999yyy888', run: 1, sent: 3, state: { lesson: null, step: 0, blackout: false, speed: 5 }, events: [ready], picture, frame };
    expect(parseMessage(structuredClone(msg))).toStrictEqual({ ok: true, value: same(msg) });
  });

  it('progress, refused and error events', () => {
    for (const e of [
      { type: 'progress', runId: 3, step: 500, to: 1000 },
      { type: 'refused', runId: 3, message: 'csv: the series is empty' },
      { type: 'error', runId: 3, message: 'boom', recoverable: true },
    ]) expect(parseEvent(structuredClone(e))).toStrictEqual(same(e));
  });
});

describe('each task output kind: hostile variants are refused, none throws', () => {
  const cases: Record<string, { frame: () => Frame; bad: [Path, unknown][] }> = {
    text: {
      frame: () => frameWith('text', 'text'),
      bad: [[['output', 'temperature'], NaN], [['output', 'temperature'], 0], [['output', 'temperature'], Infinity], [['output', 'text'], longString], [['output', 'text'], 42], [['output', 'step'], -1], [['output', 'step'], 1.5], [['output', 'kind'], 'nope'], [['output', 'kind'], '__proto__'], [['output', 'text'], DELETE]],
    },
    forecast: {
      frame: () => frameWith('series', 'forecast'),
      bad: [[['output', 'truth'], new Float64Array(3)], [['output', 'predicted'], [1, 2]], [['output', 'context'], new Float64Array(5000)], [['output', 'context'], new Float32Array(4)], [['output', 'truthName'], longString], [['output', 'truthName'], 7], [['output', 'predicted'], DELETE]],
    },
    answers: {
      frame: () => frameWith('adding', 'answers'),
      bad: [[['output', 'items'], huge()], [['output', 'items'], Array.from({ length: 65 }, () => ({ input: '', target: '', output: '', correct: null, error: null }))], [['output', 'items', 0, 'error'], -1], [['output', 'items', 0, 'error'], '0.1'], [['output', 'items', 0, 'correct'], 'yes'], [['output', 'items', 0, 'input'], longString], [['output', 'items', 0, 'target'], DELETE], [['output', 'items', 0], protoKey()], [['output', 'items', 0], null]],
    },
    translations: {
      frame: () => frameWith('translate', 'translations'),
      bad: [
        [['output', 'evalSize'], 0], [['output', 'evalSize'], NaN], [['output', 'evalSize'], 2.5], [['output', 'evalSize'], 3], [['output', 'evalSize'], 1e12],
        [['output', 'items'], huge()], [['output', 'items'], 'items'], [['output', 'items', 0, 'source'], longString], [['output', 'items', 0, 'output'], 12], [['output', 'items', 0, 'correct'], 1], [['output', 'items', 0, 'reference'], DELETE], [['output', 'items', 1], protoKey({ source: 'x' })],
        [['output', 'meaning'], DELETE], [['output', 'meaning'], protoKey()], [['output', 'meaning', 'h'], Array.from({ length: 6 }, () => 0)], [['output', 'meaning', 'h'], new Float32Array(6)], [['output', 'meaning', 'h'], new Float64Array(0)],
        [['output', 'meaning', 'h'], new Float64Array(7)], [['output', 'meaning', 'c'], new Float64Array(5)], [['output', 'meaning', 'c'], null], [['output', 'meaning', 'source'], longString], [['output', 'meaning', 'output'], undefined],
      ],
    },
    captions: {
      frame: () => frameWith('caption', 'captions'),
      bad: [
        [['output', 'evalSize'], -1], [['output', 'items'], huge()], [['output', 'items', 0, 'image'], new Uint8Array(1024)], [['output', 'items', 0, 'image'], new Uint8ClampedArray(1000)], [['output', 'items', 0, 'size'], 15], [['output', 'items', 0, 'size'], '16'],
        [['output', 'items', 0, 'reference'], longString], [['output', 'items', 0, 'correct'], null], [['output', 'items', 2], protoKey()],
        [['output', 'features', 'size'], Infinity], [['output', 'features', 'size'], 1e7], [['output', 'features', 'channels'], 0], [['output', 'features', 'channels'], 1e9], [['output', 'features', 'maps'], new Float64Array(10)], [['output', 'features', 'maps'], new Float32Array(1536)],
        [['output', 'features', 'image'], [0, 0, 0, 255]], [['output', 'features', 'image'], new Uint8Array(1024)], [['output', 'features', 'caption'], longString], [['output', 'features'], DELETE], [['output', 'features', 'constructor'], 'x'], [['output', 'features'], { __proto__: { image: 1 } }],
      ],
    },
  };

  for (const [kind, c] of Object.entries(cases)) {
    it(`${kind}: the real output crosses; ${c.bad.length} hostile variants do not`, () => {
      const f = c.frame();
      expect(parsesFrame(structuredClone(f))).toStrictEqual(same(frameEvent(f)));
      for (const [path, value] of c.bad) {
        // `constructor` set as a field is junk and dropped: the output still crosses, rebuilt without it
        if (path.at(-1) === 'constructor') {
          const out = parsesFrame(edit(f, path, value)) as Extract<WorkerEvent, { type: 'frame' }> | null;
          expect(out?.frame.output).toStrictEqual(same(f.output));
          continue;
        }
        expect(parsesFrame(edit(f, path, value)), `${path.join('.')} = ${String(value).slice(0, 40)}`).toBeNull();
      }
    });
  }

  it('extra nested junk and prototype keys are left behind, not passed on', () => {
    const f = frameWith('translate', 'translations');
    let junk = edit(f, ['output', 'junk'], { deep: [1, { deeper: 'x' }] });
    junk = edit(junk, ['output', 'meaning', 'extra'], new Float64Array(1e5));
    junk = edit(junk, ['output', 'items', 0, 'note'], longString);
    const withProto = Object.assign(protoKey({ isAdmin: true }), structuredClone(f.output));
    for (const g of [junk, { ...structuredClone(f), output: withProto }]) {
      const out = parsesFrame(g) as Extract<WorkerEvent, { type: 'frame' }>;
      expect(out.frame.output).toStrictEqual(same(f.output));
      expect(Object.hasOwn(out.frame.output!, '__proto__')).toBe(false);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    }
  });

  it("a frame's meaning vector has as many units as its record", () => {
    const f = frameWith('translate', 'translations');
    const wider = edit(f, ['output', 'meaning'], { ...f.output.meaning, h: new Float64Array(f.record.H + 1), c: new Float64Array(f.record.H + 1) });
    expect(parsesFrame(wider)).toBeNull();
  });

  it('a picture (the catch-up of a page’s output) checks its output the same way', () => {
    const f = frameWith('caption', 'captions');
    const picture = (output: unknown) => ({ history: { stride: 1, step: new Float64Array(0), loss: new Float64Array(0), gradNorm: new Float64Array(0), gradNormClipped: new Float64Array(0), clipped: new Float64Array(0), partial: { n: 0, step: 0, loss: 0, gradNorm: 0, gradNormClipped: 0, clipped: 0 } }, metrics: { step: new Float64Array(0), value: new Float64Array(0) }, metric: null, spectral: null, output });
    expect(parseMessage({ kind: 'picture', from: ID, run: 1, picture: picture(f.output) }).ok).toBe(true);
    expect(parseMessage({ kind: 'picture', from: ID, run: 1, picture: picture(edit(f.output, ['features', 'maps'], new Float64Array(3))) }).ok).toBe(false);
    expect(parseMessage({ kind: 'picture', from: ID, run: 1, picture: picture({ kind: 'captions', step: 1 }) }).ok).toBe(false);
    // a picture has no record to size the meaning vector by: an empty one is refused on its own
    const t = frameWith('translate', 'translations', 'gru');
    expect(parseMessage({ kind: 'picture', from: ID, run: 1, picture: picture(t.output) }).ok).toBe(true);
    expect(parseMessage({ kind: 'picture', from: ID, run: 1, picture: picture(edit(t.output, ['meaning', 'h'], new Float64Array(0))) }).ok).toBe(false);
  });
});

describe('the initial states h0 and c0 of a record', () => {
  const lstm = () => framesOf(realEvents('translate', 'lstm'))[0];
  const gru = () => framesOf(realEvents('caption', 'gru'))[0];
  const plain = () => framesOf(realEvents('echo', 'lstm'))[0];

  it('absent from a sequence task’s record, and absent stays absent', () => {
    const f = plain();
    expect('h0' in f.record || 'c0' in f.record).toBe(false);
    const out = parsesFrame(structuredClone(f)) as Extract<WorkerEvent, { type: 'frame' }>;
    expect('h0' in out.frame.record || 'c0' in out.frame.record).toBe(false);
  });

  it('refused when of the wrong class or length, or c0 on a cell without c', () => {
    const H = lstm().record.H;
    const bad: [() => Frame, string, unknown][] = [
      [lstm, 'h0', new Float64Array(H + 1)], [lstm, 'h0', new Float64Array(0)], [lstm, 'h0', new Float32Array(H)], [lstm, 'h0', Array.from({ length: H }, () => 0)], [lstm, 'h0', null], [lstm, 'h0', 'h0'], [lstm, 'h0', huge()],
      [lstm, 'c0', new Float64Array(H - 1)], [lstm, 'c0', new Float64Array(1e6)], [lstm, 'c0', {}], [lstm, 'c0', protoKey()],
      [gru, 'c0', new Float64Array(gru().record.H)], [gru, 'h0', new Uint8Array(gru().record.H)], [plain, 'h0', new Float64Array(plain().record.H * 2)],
    ];
    for (const [frame, key, value] of bad) expect(parsesFrame(edit(frame(), ['record', key], value)), `${key} = ${String(value).slice(0, 30)}`).toBeNull();
  });

  it('a record as long as LIMITS.steps is accepted, one step longer is not (even with every array to match)', () => {
    const rnnRecord = (T: number) => {
      const z = (n: number) => new Float64Array(n);
      return {
        T, H: 1, I: 1, O: 1, cell: 'rnn', gateNames: ['h'], inputs: z(T), targets: z(T), mask: new Uint8Array(T).fill(1), h: z(T), c: z(0), gates: z(T), preX: z(T), preH: z(T), preB: z(1),
        y: z(T), p: z(0), losses: z(T), loss: 0, dh: z(T), dc: z(0), tau: 0, flowH: z(1), flowC: z(0), blockNames: [], blockGradNorms: z(0),
        inputLabels: Array<string>(T).fill(''), targetLabels: Array<string>(T).fill(''), outputLabels: Array<string>(T).fill(''),
      };
    };
    const f = framesOf(realEvents('echo', 'rnn'))[0];
    expect(parsesFrame({ ...f, record: rnnRecord(LIMITS.steps) })).not.toBeNull();
    expect(parsesFrame({ ...f, record: rnnRecord(LIMITS.steps + 1) })).toBeNull();
  });

  it('a record whose other arrays do not match T and H is refused too', () => {
    const f = lstm();
    const { T, H } = f.record;
    const bad: [string, unknown][] = [
      ['h', new Float64Array(T * H + 1)], ['c', new Float64Array(0)], ['gates', new Float64Array(T * H)], ['preB', new Float64Array(H)], ['dh', new Float64Array(T)], ['flowH', new Float64Array(T + 5)],
      ['mask', new Uint8Array(T).fill(2)], ['mask', new Float64Array(T)], ['T', T + 1], ['T', 1e7], ['H', 0], ['tau', T], ['tau', -1], ['cell', 'gru'], ['gateNames', ['x', 'y', 'z', 'w']],
      ['recurrence', 'sometimes'], ['forgetGate', 'relu'], ['loss', '0'], ['inputLabels', huge()], ['inputLabels', Array.from({ length: T }, () => longString)], ['blockNames', huge()], ['blockGradNorms', new Float64Array(1)],
    ];
    for (const [key, value] of bad) expect(parsesFrame(edit(f, ['record', key], value)), key).toBeNull();
  });
});

describe('RunInfo: every field of the shape', () => {
  it('the real ready of every task crosses, kernels included', () => {
    for (const task of Object.keys(TASKS) as TaskName[]) {
      const e = readyOf(task);
      expect(e.info.kernels).toBe('reference');
      expect(parseEvent(structuredClone(e))).toStrictEqual(same(e));
    }
  });

  it("kernels: exactly 'reference' or 'fast'; absent (an older build) is 'reference'", () => {
    const e = readyOf('echo');
    const fast = parseEvent(edit(e, ['info', 'kernels'], 'fast'));
    expect(fast?.type === 'ready' && fast.info.kernels).toBe('fast');
    const absent = parseEvent(edit(e, ['info', 'kernels'], DELETE));
    expect(absent).toStrictEqual(same(e));
    for (const k of ['turbo', 'Fast', '', null, 1, true, ['fast'], longString]) expect(parseEvent(edit(e, ['info', 'kernels'], k)), String(k).slice(0, 20)).toBeNull();
  });

  it('hostile shapes are refused', () => {
    const e = readyOf('translate');
    const info = e.info;
    const bad: [Path, unknown][] = [
      [['configRunId'], 1.5], [['configRunId'], NaN], [['configRunId'], '1'], [['configRunId'], DELETE],
      [['task'], DELETE], [['task', 'kind'], 'nope'], [['task', 'kind'], 'echo'], [['task', 'inputSize'], 0], [['task', 'inputSize'], 1.5], [['task', 'outputSize'], Infinity], [['task', 'outputSize'], 1e9],
      [['task', 'head'], 'relu'], [['task', 'length'], 0], [['task', 'length'], NaN], [['task', 'evalSize'], -1], [['task', 'evalSize'], DELETE], [['task'], protoKey({ kind: 'text' })],
      [['model', 'cell'], 'transformer'], [['model', 'cell'], 'gru'], [['model', 'paramCount'], info.model.paramCount + 1], [['model', 'paramCount'], -4], [['model', 'blocks'], huge()], [['model', 'blocks'], []],
      [['model', 'blocks', 0, 'name'], longString], [['model', 'blocks', 0, 'name'], ''], [['model', 'blocks', 0, 'rows'], 0], [['model', 'blocks', 0, 'cols'], 2.5], [['model', 'blocks', 0], protoKey({ name: 'W', rows: 1, cols: 1 })], [['model', 'blocks', 0], null],
      [['notes'], huge()], [['notes'], [1, 2]], [['notes'], 'note'], [['config'], 'x'], [['config'], null],
    ];
    for (const [path, value] of bad) expect(parseEvent(edit(e, ['info', ...path], value)), `${path.join('.')} = ${String(value).slice(0, 30)}`).toBeNull();
  });

  it('what it keeps: the checked fields only; notes cut to 20 of 500 characters; a config normalized', () => {
    const e = readyOf('echo');
    const junk = { ...structuredClone(e.info), extra: { deep: 1 }, task: { ...e.info.task, junk: 'x' }, notes: Array.from({ length: 30 }, () => longString) };
    const out = parseEvent({ type: 'ready', runId: 1, info: junk }) as Extract<WorkerEvent, { type: 'ready' }>;
    expect(out.info.task).toStrictEqual(same(e.info.task));
    expect('extra' in out.info).toBe(false);
    expect(out.info.notes.length).toBe(20);
    expect(out.info.notes[0].length).toBe(500);
    const fixed = parseEvent(edit(e, ['info', 'config', 'model', 'hiddenSize'], 1e6)) as Extract<WorkerEvent, { type: 'ready' }>;
    expect(fixed.info.config.model.hiddenSize).toBe(128);
  });
});

describe('the other events, field by field', () => {
  const events = realEvents('sine', 'gru');
  const of = <T extends WorkerEvent['type']>(t: T) => events.find((e) => e.type === t) as Extract<WorkerEvent, { type: T }>;

  it('a frame’s own fields, history, metric and spectra', () => {
    const f = framesOf(events)[0];
    const two = () => new Float64Array([0.5, NaN]);
    const chunk2 = { step: new Float64Array([1, 2]), loss: two(), gradNorm: two(), gradNormClipped: two(), clipped: new Uint8Array([0, 1]) };
    // NaN in the loss and norms is what an explosion looks like: it crosses
    expect(parsesFrame({ ...f, history: chunk2 })).not.toBeNull();
    const bad: [Path, unknown][] = [
      [['frameId'], -1], [['frameId'], 0.5], [['step'], Infinity], [['handled'], NaN], [['stepsPerSecond'], -3], [['stepsPerSecond'], NaN], [['playing'], 'no'],
      [['history', 'step'], new Float64Array(f.history.step.length + 1)], [['history', 'clipped'], new Float64Array(f.history.step.length)], [['history'], { ...chunk2, clipped: new Uint8Array([0, 3]) }], [['history'], { ...chunk2, step: new Float64Array([1, NaN]) }], [['history'], { ...chunk2, step: new Float64Array([1, -2]) }],
      [['metric', 'step'], -1], [['metric', 'value', 'value'], NaN], [['metric', 'value', 'name'], longString], [['metric', 'value', 'extra'], huge()], [['metric', 'value', 'extra'], [{ name: 'x', value: Infinity }]],
      [['spectral'], huge()], [['spectral', 0, 'radius'], -1], [['spectral', 0, 'radius'], '1'], [['spectral', 0, 'name'], longString], [['spectral', 0], null], [['output'], { kind: 'forecast' }],
    ];
    expect(f.metric && f.spectral && f.output).toBeTruthy();
    for (const [path, value] of bad) expect(parsesFrame(edit(f, path, value)), `${path.join('.')} = ${String(value).slice(0, 30)}`).toBeNull();
  });

  it('a history chunk as long as a trainTo can make is accepted; a longer one is not', () => {
    const f = framesOf(events)[0];
    const chunk = (n: number) => {
      const buf = new ArrayBuffer(8 * n);
      return { step: new Float64Array(buf), loss: new Float64Array(buf), gradNorm: new Float64Array(buf), gradNormClipped: new Float64Array(buf), clipped: new Uint8Array(n) };
    };
    expect(parsesFrame({ ...f, history: chunk(MAX_CHUNK) })).not.toBeNull();
    expect(parsesFrame({ ...f, history: chunk(MAX_CHUNK + 1) })).toBeNull();
  });

  it('answers: exported run, benchmark, surface', () => {
    const exported = of('exported');
    const benchmark = of('benchmark');
    const surface = realSurface();
    const bad: [WorkerEvent, Path, unknown][] = [
      [exported, ['requestId'], 1.5], [exported, ['snapshot'], null], [exported, ['snapshot', 'theta'], [1, 2]], [exported, ['snapshot', 'theta', 0], NaN], [exported, ['snapshot', 'optimizer', 'kind'], 'lion'],
      [exported, ['snapshot', 'optimizer', 'm'], new Float64Array(3)], [exported, ['snapshot', 'trainer', 'loss'], Infinity], [exported, ['snapshot', 'trainer', 'divergence'], { step: 1 }], [exported, ['snapshot', 'data', 'a'], 2 ** 40], [exported, ['snapshot', 'config'], 'x'],
      [benchmark, ['requestId'], '4'], [benchmark, ['results'], huge()], [benchmark, ['results', 0, 'cell'], 'cnn'], [benchmark, ['results', 0, 'msPerStep'], NaN], [benchmark, ['results', 0, 'steps'], -1], [benchmark, ['error'], 7],
      [surface, ['result', 'request', 'nw'], 'x'], [surface, ['result', 'loss'], new Float64Array(3)], [surface, ['result', 'lossMin'], NaN], [surface, ['result', 'cliff', 'b'], new Float64Array(1)], [surface, ['result', 'descent', 'w'], new Float64Array(0)],
      [surface, ['result', 'restarts', 'best'], 99], [surface, ['result', 'annealing', 'acceptance'], 2], [surface, ['result', 'annealing', 'path', 'loss'], new Float64Array(1e5)], [surface, ['result', 'clipped'], DELETE],
    ];
    for (const [e, path, value] of bad) expect(parseEvent(edit(e, path, value)), `${e.type} ${path.join('.')}`).toBeNull();
  });

  it('ready, diverged, progress, refused, error, restarted', () => {
    const diverged = divergingEvents().find((e) => e.type === 'diverged')!;
    const bad: unknown[] = [
      edit(diverged, ['divergence', 'cause'], 'boredom'), edit(diverged, ['divergence', 'quantity'], longString), edit(diverged, ['divergence', 'step'], NaN), edit(diverged, ['divergence'], DELETE),
      { type: 'progress', runId: 1, step: 11, to: 10 }, { type: 'progress', runId: 1, step: 1, to: 1e7 }, { type: 'progress', runId: 1, step: NaN, to: 10 },
      { type: 'refused', runId: 1 }, { type: 'error', runId: 1, message: 'x', recoverable: 'yes' }, { type: 'restarted', runId: 1.5 }, { type: 'restarted' },
      { type: 'nope', runId: 1 }, { type: '__proto__', runId: 1 }, { type: 'constructor', runId: 1 }, { type: 'toString', runId: 1 }, protoKey({ type: 'restarted', runId: 1 }),
    ];
    for (const e of bad) expect(parseEvent(e), JSON.stringify(e)?.slice(0, 80)).toBeNull();
    // prose is cut, not refused
    const long = parseEvent(edit(diverged, ['divergence', 'message'], longString));
    expect(long?.type === 'diverged' && long.divergence.message.length).toBe(500);
    expect(parseEvent({ type: 'restarted', runId: 4, junk: longString })).toStrictEqual({ type: 'restarted', runId: 4 });
  });

  it('a hostile event reaching the channel is dropped with a warning; the channel goes on', () => {
    const hub = channelHub();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const channel = presentChannel(hub.port());
    const got: string[] = [];
    channel.subscribe((m) => got.push(m.kind === 'event' ? m.event.type : m.kind));
    const f = frameWith('translate', 'translations');
    hub.inject({ kind: 'event', from: ID, run: 1, sent: 0, event: frameEvent(edit(f, ['output', 'meaning', 'h'], new Float64Array(0))) });
    hub.inject({ kind: longString, from: ID });
    hub.inject({ kind: 'event', from: ID, run: 1, sent: 0, event: frameEvent(f) });
    hub.flush();
    expect(got).toEqual(['frame']);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.every(([m]) => String(m).length < 200)).toBe(true);
    warn.mockRestore();
    channel.close();
  });
});

describe('arrays with holes, and data that throws when read', () => {
  /** a copy of `a` with a hole at `i` (a structured clone keeps holes) */
  const holed = (a: readonly unknown[], i = 0) => {
    const b = [...a];
    delete b[i];
    return b;
  };

  it('a hole in labels, block names, gate names or notes is refused, though Array.prototype.every would skip it', () => {
    const f = framesOf(realEvents('echo', 'lstm'))[0];
    for (const key of ['inputLabels', 'targetLabels', 'outputLabels', 'blockNames', 'gateNames'] as const) {
      const e = frameEvent(edit(f, ['record', key], holed(f.record[key] as readonly unknown[], 1)));
      expect(parseEvent(structuredClone(e)), key).toBeNull();
    }
    const ready = readyOf('echo');
    expect(parseEvent(structuredClone(edit(ready, ['info', 'notes'], holed(['a', 'b'], 0))))).toBeNull();
  });

  it('a snapshot brings at most 8 events', () => {
    const ready = readyOf('echo');
    const f = framesOf(realEvents('echo', 'lstm'))[0];
    const picture = { history: { stride: 1, step: new Float64Array(0), loss: new Float64Array(0), gradNorm: new Float64Array(0), gradNormClipped: new Float64Array(0), clipped: new Float64Array(0), partial: { n: 0, step: 0, loss: 0, gradNorm: 0, gradNormClipped: 0, clipped: 0 } }, metrics: { step: new Float64Array(0), value: new Float64Array(0) }, metric: null, spectral: null, output: null };
    const msg = (n: number) => ({ kind: 'snapshot', from: ID, to: 'zzz999yyy888', run: 1, sent: 0, state: { lesson: null, step: 0, blackout: false, speed: 0 }, events: Array.from({ length: n }, () => ready), picture, frame: f });
    expect(parseMessage(msg(8)).ok).toBe(true);
    expect(parseMessage(msg(9)).ok).toBe(false);
    expect(parseMessage({ ...msg(0), events: huge() }).ok).toBe(false);
  });

  it('a message whose reading throws (a getter: not from a clone, but from a caller of this module) is refused, not thrown', () => {
    const evil = { kind: 'state', from: ID };
    Object.defineProperty(evil, 'state', { enumerable: true, get: () => { throw new Error('gotcha'); } });
    let parsed: ReturnType<typeof parseMessage> | undefined;
    expect(() => (parsed = parseMessage(evil))).not.toThrow();
    expect(parsed).toMatchObject({ ok: false, why: expect.stringContaining('gotcha') });
  });
});

describe('a polluted Object.prototype adds nothing to a message', () => {
  it('a field the message lacks is not read from the prototype', () => {
    const ready = readyOf('echo');
    const withoutKernels = edit(ready, ['info', 'kernels'], DELETE);
    const forecast = frameWith('series', 'forecast');
    const withoutName = edit(forecast, ['output', 'truthName'], DELETE);
    const proto = Object.prototype as Record<string, unknown>;
    Object.defineProperty(Object.prototype, 'kernels', { value: 'fast', configurable: true, writable: true });
    Object.defineProperty(Object.prototype, 'truthName', { value: 'polluted', configurable: true, writable: true });
    try {
      const info = parseEvent(withoutKernels);
      expect(info?.type === 'ready' && (info.info as { kernels?: string }).kernels).toBe('reference');
      const f = parsesFrame(withoutName);
      expect(f?.type === 'frame' && f.frame.output?.kind === 'forecast' && Object.hasOwn(f.frame.output, 'truthName')).toBe(false);
    } finally {
      delete proto.kernels;
      delete proto.truthName;
    }
  });
});
