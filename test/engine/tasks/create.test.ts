import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/engine/rng';
import { TASK_LIMITS, createTask, defaultTaskConfig, normalizeTaskConfig } from '../../../src/engine/tasks/create';
import { TASK_KINDS, type SequenceTaskConfig, type TaskConfig } from '../../../src/engine/tasks/task';
import { plain } from './helpers';

const CSV = Array.from({ length: 80 }, (_, i) => (Math.sin(i / 4) + i / 40).toFixed(4)).join('\n');
const configs: SequenceTaskConfig[] = [
  { kind: 'text', seqLength: 16 },
  { kind: 'sine', seqLength: 20, noise: 0.1, components: 3 },
  { kind: 'echo', lag: 6, symbols: 5 },
  { kind: 'adding', seqLength: 12 },
  { kind: 'series', csv: CSV, seqLength: 10 },
];

describe('createTask', () => {
  it('builds every kind with the shapes its config implies', () => {
    const shapes = configs.map((c) => {
      const t = createTask(c);
      return [t.kind, t.inputSize, t.outputSize, t.head, t.length];
    });
    expect(shapes).toEqual([
      ['text', 62, 62, 'softmax', 16],
      ['sine', 1, 1, 'linear', 20],
      ['echo', 6, 5, 'softmax', 7],
      ['adding', 2, 1, 'linear', 12],
      ['series', 1, 1, 'linear', 10],
    ]);
  });
  it('draws identical sequences from two Rng(7) and the same eval set on every call, for every kind', () => {
    for (const c of configs) {
      const task = createTask(c);
      const a = new Rng(7);
      const b = new Rng(7);
      for (let k = 0; k < 3; k++) expect(plain(task.sample(a))).toEqual(plain(task.sample(b)));
      expect(task.evalSet()).toBe(task.evalSet());
      expect(createTask(c).evalSet().map(plain)).toEqual(task.evalSet().map(plain));
      // every sequence is well formed: sizes, a scored step, finite numbers
      for (const s of [...task.evalSet().slice(0, 3), task.sample(a)]) {
        expect(s.length).toBe(task.length);
        expect(s.inputs.length).toBe(task.length * task.inputSize);
        expect(s.targets.length).toBe(task.length * (task.head === 'softmax' ? 1 : task.outputSize));
        expect(s.mask.length).toBe(task.length);
        expect(s.mask.some((m) => m === 1)).toBe(true);
        expect([...s.inputs, ...s.targets].every(Number.isFinite)).toBe(true);
        expect(s.hot !== undefined).toBe(task.kind === 'text' || task.kind === 'echo');
      }
    }
  });
  it('builds the default config of every kind but series (whose CSV starts empty)', () => {
    for (const kind of TASK_KINDS) {
      if (kind === 'series') expect(() => createTask(defaultTaskConfig(kind))).toThrow(/csv: the series is empty/);
      else expect(createTask(defaultTaskConfig(kind)).kind).toBe(kind);
    }
    expect(defaultTaskConfig('echo')).toEqual({ kind: 'echo', lag: 10, symbols: 4 });
    expect(defaultTaskConfig('sine')).toEqual({ kind: 'sine', seqLength: 40, noise: 0.05, components: 2 });
  });
  it('throws EngineError on an unknown kind or a non-object', () => {
    expect(() => createTask({ kind: 'maze' } as unknown as TaskConfig)).toThrow(/kind: unknown task kind "maze"; expected one of text, sine, echo, adding, series, translate, caption/);
    expect(() => createTask(null as unknown as TaskConfig)).toThrow(/a task configuration must be an object, got null/);
  });
});

describe('TASK_LIMITS', () => {
  it('holds the documented ranges and defaults', () => {
    expect(TASK_LIMITS.text.seqLength).toMatchObject({ min: 4, max: 256, default: 32 });
    expect(TASK_LIMITS.echo.lag).toMatchObject({ min: 1, max: 200, default: 10 });
    expect(TASK_LIMITS.echo.symbols).toMatchObject({ min: 2, max: 8, default: 4 });
    expect(TASK_LIMITS.adding.seqLength).toMatchObject({ min: 4, max: 400, default: 50 });
    expect(TASK_LIMITS.sine.noise).toMatchObject({ min: 0, max: 1, default: 0.05, integer: false });
    expect(TASK_LIMITS.sine.components).toMatchObject({ min: 1, max: 4, default: 2 });
  });
  it('accepts its own extremes in createTask', () => {
    expect(createTask({ kind: 'echo', lag: 200, symbols: 8 }).length).toBe(201);
    expect(createTask({ kind: 'echo', lag: 1, symbols: 2 }).length).toBe(2);
    expect(createTask({ kind: 'adding', seqLength: 400 }).length).toBe(400);
    expect(createTask({ kind: 'sine', seqLength: 4, noise: 1, components: 4 }).length).toBe(4);
  });
});

describe('normalizeTaskConfig', () => {
  it('passes a valid config through unchanged, without notes', () => {
    for (const c of configs) expect(normalizeTaskConfig(c)).toEqual({ config: c, notes: [] });
  });
  it('fills missing fields with defaults silently', () => {
    expect(normalizeTaskConfig({ kind: 'echo' })).toEqual({ config: { kind: 'echo', lag: 10, symbols: 4 }, notes: [] });
  });
  it('clamps, rounds and replaces garbage, one sentence per change', () => {
    const r = normalizeTaskConfig({ kind: 'echo', lag: 500, symbols: 'many' });
    expect(r.config).toEqual({ kind: 'echo', lag: 200, symbols: 4 });
    expect(r.notes).toEqual(['lag 500 is outside 1…200; using 200.', 'symbols was "many", not a number; using the default 4.']);
    const s = normalizeTaskConfig({ kind: 'sine', seqLength: 12.6, noise: -0.5, components: Infinity });
    expect(s.config).toEqual({ kind: 'sine', seqLength: 13, noise: 0, components: 2 });
    expect(s.notes).toEqual(['seqLength must be a whole number; rounded 12.6 to 13.', 'noise -0.5 is outside 0…1; using 0.', 'components was Infinity, not a number; using the default 2.']);
  });
  it('accepts numbers written as strings (from a URL)', () => {
    expect(normalizeTaskConfig({ kind: 'adding', seqLength: '100' })).toEqual({ config: { kind: 'adding', seqLength: 100 }, notes: [] });
    expect(normalizeTaskConfig({ kind: 'adding', seqLength: '100x' }).notes).toEqual(['seqLength was "100x", not a number; using the default 50.']);
  });
  it('replaces an unknown kind or a non-object by the default text task', () => {
    expect(normalizeTaskConfig({ kind: 'maze', lag: 3 })).toEqual({
      config: { kind: 'text', seqLength: 32 },
      notes: ['Unknown task kind "maze"; using text.', 'Ignored the field "lag", which the text task does not use.'],
    });
    expect(normalizeTaskConfig('echo')).toEqual({ config: { kind: 'text', seqLength: 32 }, notes: ['The task configuration was "echo", not an object; using the default text task.'] });
    expect(normalizeTaskConfig({}).notes).toEqual(['No task kind was given; using text.']);
  });
  it('normalises line endings, truncates an over-long text and keeps an empty one for createTask to refuse', () => {
    expect(normalizeTaskConfig({ kind: 'text', text: 'a\r\nb' }).config).toEqual({ kind: 'text', seqLength: 32, text: 'a\nb' });
    const long = normalizeTaskConfig({ kind: 'text', text: 'x'.repeat(200_005) });
    expect((long.config as { text: string }).text.length).toBe(200_000);
    expect(long.notes).toEqual(['The text had 200,005 characters; kept the first 200,000.']);
    const empty = normalizeTaskConfig({ kind: 'text', seqLength: 8, text: '' });
    expect(empty.notes).toEqual([]);
    expect(() => createTask(empty.config)).toThrow(/text: the text is empty/);
    expect(normalizeTaskConfig({ kind: 'text', text: 42 }).notes).toEqual(['text was 42, not text; using the bundled Alice passage.']);
  });
  it('keeps a series CSV as given and reports a non-text one', () => {
    expect(normalizeTaskConfig({ kind: 'series', csv: '1\n2' }).config).toEqual({ kind: 'series', csv: '1\n2', seqLength: 32 });
    expect(normalizeTaskConfig({ kind: 'series', csv: [1, 2] })).toEqual({ config: { kind: 'series', csv: '', seqLength: 32 }, notes: ['csv was an array, not text; using an empty series.'] });
  });
  it('always yields a config createTask accepts, for garbage numbers of every kind', () => {
    const garbage: unknown[] = [NaN, -1e9, 1e9, 'x', null, {}, [], 3.7];
    for (const kind of ['text', 'sine', 'echo', 'adding'] as const) {
      for (const g of garbage) {
        const { config } = normalizeTaskConfig({ kind, seqLength: g, noise: g, components: g, lag: g, symbols: g });
        expect(createTask(config).kind).toBe(kind);
      }
    }
  });
});
