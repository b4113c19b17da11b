import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, defaultConfig, normalizeConfig } from '../../src/engine/config';
import { EngineError } from '../../src/engine/errors';
import type { EngineErrorCode } from '../../src/engine/errors';
import { Session } from '../../src/engine/session';
import { MAX_TEXT_CHARS } from '../../src/engine/tasks/limits';
import { runTrace } from '../../src/engine/trace';
import type { ModelShape, Sequence } from '../../src/engine/types';
import { validateSequence } from '../../src/engine/validate';

/** Runs f and returns the EngineError it throws (failing the test if it throws anything else or nothing). */
function engineError(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError, nothing was thrown');
}

function expectError(f: () => unknown, code: EngineErrorCode, message: RegExp): void {
  const e = engineError(f);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
  expect(e.message).not.toContain('\n');
}

describe('normalizeConfig never throws and says what it changed', () => {
  const garbage: [string, unknown][] = [
    ['undefined', undefined], ['null', null], ['a string', 'lstm'], ['a number', 42], ['NaN', NaN], ['Infinity', Infinity],
    ['an array', [1, { seed: 2 }]], ['a function', () => 1], ['a symbol', Symbol('x')], ['a bigint', 10n],
    ['an object without prototype', Object.create(null)],
    ['sections of the wrong type', { task: 'echo', model: [], init: 3, optimizer: null, clip: 'norm' }],
    ['nested junk', { task: { kind: { kind: 'echo' }, seqLength: [[1]] }, model: { cell: { a: { b: [] } }, hiddenSize: { value: 4 } } }],
  ];
  it.each(garbage)('%s gives a valid config', (_name, raw) => {
    const { config, notes } = normalizeConfig(raw);
    expect(() => new Session(config)).not.toThrow();
    for (const n of notes) {
      expect(typeof n).toBe('string');
      expect(n).not.toContain('\n');
    }
    // only an empty object (or nothing) is a valid config as it stands; everything else is reported
    const empty = raw === undefined || (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 0);
    expect(notes.length > 0).toBe(!empty);
  });

  it('repairs every bad field with one note naming it', () => {
    const raw = {
      task: { kind: 'echo', lag: 'NaN', symbols: 1e300 },
      model: { cell: 'RNN', activation: 5, hiddenSize: -3 },
      init: { scheme: {}, scale: Infinity, recurrentScale: '2', forgetBias: [1] },
      optimizer: { kind: 'nadam', lr: 'fast', beta1: 2, beta2: -1 },
      clip: { kind: 'norm', threshold: 0 },
      truncate: 3.7,
      truncMode: 'sliding',
      batch: '12abc',
      seed: -5,
      extra: { nested: [1] },
    };
    const { config, notes } = normalizeConfig(raw);
    const expected: [RegExp, unknown][] = [
      [/^lag was "NaN", not a number/, config.task.kind === 'echo' && config.task.lag === 10],
      [/^symbols 1e\+300 is outside 2…8; using 8/, config.task.kind === 'echo' && config.task.symbols === 8],
      [/^Unknown cell "RNN"; using lstm/, config.model.cell === 'lstm'],
      [/^Unknown activation 5/, config.model.activation === 'tanh'],
      [/^hidden size -3 is outside 1…128; using 1/, config.model.hiddenSize === 1],
      [/^Unknown initialization an object/, config.init.scheme === 'xavier'],
      [/^init scale was Infinity/, config.init.scale === CONFIG_LIMITS.initScale.default],
      [/^forget-gate bias was an array/, config.init.forgetBias === 1],
      [/^Unknown optimizer "nadam"/, config.optimizer.kind === 'adam'],
      [/^learning rate was "fast"/, config.optimizer.lr === 0.01],
      [/^beta1 2 is outside/, config.optimizer.beta1 === 0.999],
      [/^beta2 -1 is outside/, config.optimizer.beta2 === 0],
      [/^clipping threshold 0 is outside/, config.clip.kind === 'norm' && config.clip.threshold === 1e-3],
      [/^truncation k must be a whole number; rounded 3.7 to 4/, config.truncate === 4],
      [/^Unknown truncation mode "sliding"; using chunk/, config.truncMode === 'chunk'],
      [/^batch size was "12abc"/, config.batch === 16],
      [/^seed -5 is outside/, config.seed === 0],
      [/^Ignored the unknown setting "extra"/, true],
    ];
    for (const [re, ok] of expected) {
      expect(notes.filter((n) => re.test(n)), String(re)).toHaveLength(1);
      expect(ok, String(re)).toBe(true);
    }
    expect(notes).toHaveLength(expected.length);
    // a numeric string from a URL is a number, silently
    expect(config.init.recurrentScale).toBe(2);
  });

  it('clamps huge and tiny numbers into CONFIG_LIMITS', () => {
    const { config, notes } = normalizeConfig({ model: { hiddenSize: 1e9 }, optimizer: { kind: 'sgd', lr: 1e-300 }, batch: JSON.parse('1e309') as number, truncate: -1 });
    expect(config.model.hiddenSize).toBe(CONFIG_LIMITS.hiddenSize.max);
    expect(config.optimizer.lr).toBe(CONFIG_LIMITS.lr.min);
    expect(config.batch).toBe(CONFIG_LIMITS.batch.default); // JSON's 1e309 parses as Infinity: not a number
    expect(config.truncate).toBe(0);
    expect(notes).toHaveLength(4);
  });

  it('ignores __proto__ keys from JSON without polluting any prototype', () => {
    const raw = JSON.parse('{"__proto__": {"seed": 5, "polluted": true}, "model": {"__proto__": {"cell": "gru"}}, "task": {"kind": "echo", "__proto__": {"lag": 3}}}') as unknown;
    const { config, notes } = normalizeConfig(raw);
    expect(config.seed).toBe(1);
    expect(config.model.cell).toBe('lstm');
    expect(config.task).toEqual({ kind: 'echo', lag: 10, symbols: 4 });
    expect(notes.some((n) => n.includes('"__proto__"'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  it('keeps a valid config as it is, with no notes', () => {
    const d = defaultConfig();
    const { config, notes } = normalizeConfig(JSON.parse(JSON.stringify(d)));
    expect(config).toEqual(d);
    expect(notes).toEqual([]);
  });

  it('keeps the optimizer\'s ε (OptimizerConfig.eps), or says it dropped it', () => {
    const { config, notes } = normalizeConfig({ optimizer: { kind: 'adam', lr: 0.01, eps: 1e-4 } });
    const kept = config.optimizer.eps === 1e-4;
    const reported = notes.some((n) => /eps|ε/.test(n));
    expect(kept || reported, `optimizer became ${JSON.stringify(config.optimizer)} with notes ${JSON.stringify(notes)}`).toBe(true);
  });

  it('cuts a too long text with a note', () => {
    const { config, notes } = normalizeConfig({ task: { kind: 'text', text: 'ab'.repeat(MAX_TEXT_CHARS) } });
    expect(config.task.kind === 'text' && config.task.text?.length).toBe(MAX_TEXT_CHARS);
    expect(notes).toEqual(['The text had 400,000 characters; kept the first 200,000.']);
  });
});

describe('Session refuses task data it cannot use, with an EngineError', () => {
  it('an empty text', () => {
    expectError(() => new Session({ task: { kind: 'text', text: '' } }), 'empty', /^text: the text is empty/);
  });
  it('a text shorter than one sequence', () => {
    expectError(() => new Session({ task: { kind: 'text', text: 'abc', seqLength: 8 } }), 'empty', /^text: the text has 3 characters; sequences of length 8 need at least 10/);
  });
  it('a CSV with letters', () => {
    expectError(() => new Session({ task: { kind: 'series', csv: '1\n2\nabc\n4' } }), 'bad-config', /^csv: line 3: "abc" is not a number/);
  });
  it('a CSV with NaN', () => {
    expectError(() => new Session({ task: { kind: 'series', csv: '1\nNaN\n3' } }), 'non-finite', /^csv: line 2: "NaN" is not a finite number/);
  });
  it('an empty series', () => {
    expectError(() => new Session({ task: { kind: 'series', csv: '' } }), 'empty', /^csv: the series is empty/);
  });
});

const SHAPE: ModelShape = { cell: 'rnn', activation: 'tanh', inputSize: 2, hiddenSize: 3, outputSize: 3, head: 'softmax' };
const LINEAR: ModelShape = { ...SHAPE, head: 'linear' };

function seq(T: number, o: Partial<Sequence> = {}, head = SHAPE.head): Sequence {
  return {
    length: T,
    inputs: new Float64Array(T * 2).fill(0.5),
    targets: new Float64Array(head === 'softmax' ? T : T * 3),
    mask: new Uint8Array(T).fill(1),
    ...o,
  };
}

describe('validateSequence', () => {
  it('accepts a well-formed sequence', () => {
    expect(() => validateSequence(SHAPE, seq(4))).not.toThrow();
    expect(() => validateSequence(LINEAR, seq(4, {}, 'linear'))).not.toThrow();
  });
  const cases: [string, ModelShape, Sequence, EngineErrorCode, RegExp][] = [
    ['NaN input', SHAPE, seq(3, { inputs: Float64Array.from([0, 0, 0, NaN, 0, 0]) }), 'non-finite', /^sequence: input at step 1 is NaN/],
    ['Infinity input', SHAPE, seq(3, { inputs: Float64Array.from([0, 0, 0, 0, -Infinity, 0]) }), 'non-finite', /^sequence: input at step 2 is -Infinity/],
    ['Infinity target (linear)', LINEAR, seq(2, { targets: Float64Array.from([0, 0, 0, 0, Infinity, 0]) }, 'linear'), 'non-finite', /^sequence: target at step 1 is Infinity/],
    ['inputs of the wrong size', SHAPE, seq(3, { inputs: new Float64Array(5) }), 'bad-shape', /^sequence: inputs hold 5 numbers, expected T·inputSize = 6/],
    ['a mask of the wrong size', SHAPE, seq(3, { mask: new Uint8Array(2).fill(1) }), 'bad-shape', /^sequence: mask has 2 entries, expected 3/],
    ['targets of the wrong size', LINEAR, seq(3, { targets: new Float64Array(3) }, 'linear'), 'bad-shape', /^sequence: targets hold 3 numbers, expected 9/],
    ['an empty sequence', SHAPE, seq(0), 'empty', /^sequence: the sequence is empty/],
    ['a sequence longer than 2000', SHAPE, seq(2001), 'bad-config', /^sequence\.length: expected an integer in \[1, 2000\], got 2001/],
    ['a class target out of range', SHAPE, seq(3, { targets: Float64Array.from([0, 3, 0]) }), 'bad-shape', /^sequence: target at step 1 is 3, expected a class index in \[0, 2\]/],
    ['a fractional class target', SHAPE, seq(3, { targets: Float64Array.from([0, 0, 1.5]) }), 'bad-shape', /^sequence: target at step 2 is 1.5/],
    ['a negative class target', SHAPE, seq(3, { targets: Float64Array.from([-1, 0, 0]) }), 'bad-shape', /target at step 0 is -1/],
    ['every target null', SHAPE, seq(3, { mask: new Uint8Array(3) }), 'empty', /^sequence: no step has a target/],
    ['a wrong one-hot mark', SHAPE, seq(2, { hot: Int32Array.from([0, -1]) }), 'bad-shape', /^sequence: step 0 is marked one-hot at 0 but its input is not/],
  ];
  it.each(cases)('rejects %s', (_name, shape, s, code, message) => {
    expectError(() => validateSequence(shape, s), code, message);
  });
  it('ignores the target of an unscored step', () => {
    expect(() => validateSequence(SHAPE, seq(2, { targets: Float64Array.from([99, 0]), mask: Uint8Array.from([0, 1]) }))).not.toThrow();
  });
});

/** A valid rnn spec: I = 2, H = 2, O = 3, T = 3, softmax. */
function spec(): Record<string, unknown> {
  return {
    cell: 'rnn', activation: 'tanh', inputSize: 2, hiddenSize: 2, outputSize: 3, output: 'softmax',
    weights: { Wxh: [[0.1, -0.2], [0.3, 0.1]], Whh: [[0.5, 0], [0.1, 0.4]], bh: [0, 0.1], Why: [[1, 0], [0, 1], [0.5, 0.5]], by: [0, 0, 0] },
    inputs: [[1, 0], [0, 1], [0.5, 0.5]],
    targets: [0, null, 2],
  };
}

function patched(f: (s: Record<string, unknown>) => void): Record<string, unknown> {
  const s = spec();
  f(s);
  return s;
}

const W = (s: Record<string, unknown>): Record<string, unknown> => s.weights as Record<string, unknown>;

describe('runTrace', () => {
  it('accepts the valid spec', () => {
    const out = runTrace(spec());
    expect(out.steps).toHaveLength(3);
    expect(out.steps[1].loss).toBeNull();
    expect(Number.isFinite(out.loss)).toBe(true);
  });
  const cases: [string, unknown, EngineErrorCode, RegExp][] = [
    ['a spec that is not an object', [spec()], 'bad-config', /^the spec must be a JSON object/],
    ['an unknown cell', patched((s) => (s.cell = 'transformer')), 'unknown-name', /^cell: unknown cell "transformer" \(expected rnn, lstm, gru\)/],
    ['an unknown activation', patched((s) => (s.activation = 'gelu')), 'unknown-name', /^activation: unknown activation "gelu"/],
    ['an unknown output', patched((s) => (s.output = 'sigmoid')), 'unknown-name', /^output: unknown output "sigmoid"/],
    ['a negative hidden size', patched((s) => (s.hiddenSize = -2)), 'bad-config', /^hiddenSize: expected an integer in \[1, 256\], got -2/],
    ['a hidden size given as a string', patched((s) => (s.hiddenSize = '2')), 'bad-config', /^hiddenSize: expected an integer/],
    ['an unknown weight name', patched((s) => (W(s).Wxf = [[0, 0], [0, 0]])), 'unknown-name', /^weights: unknown weight "Wxf" for a rnn \(expected Wxh, Whh, bh, Why, by\)/],
    ['a missing weight', patched((s) => delete W(s).Whh), 'bad-config', /^weights\.Whh: missing/],
    ['weights that are not an object', patched((s) => (s.weights = [])), 'bad-config', /^weights: expected an object of named weights/],
    ['a weight with too few rows', patched((s) => (W(s).Why = [[1, 0]])), 'bad-shape', /^weights\.Why: expected 3 rows of 2/],
    ['a weight row too long', patched((s) => (W(s).Wxh = [[0, 0, 0], [0, 0]])), 'bad-shape', /^weights\.Wxh\[0\]: expected 2 numbers, got 3/],
    ['a bias of the wrong length', patched((s) => (W(s).by = [0, 0])), 'bad-shape', /^weights\.by: expected 3 numbers, got 2/],
    ['NaN in a weight', patched((s) => (W(s).Whh = [[0, NaN], [0, 0]])), 'non-finite', /^weights\.Whh\[0\]\[1\]: NaN is not a finite number/],
    ['"NaN" given as a string', patched((s) => (s.inputs = [[1, 0], ['NaN', 1], [0, 0]])), 'bad-config', /^inputs\[1\]\[0\]: expected a number, got string/],
    ['Infinity in an input', patched((s) => (s.inputs = [[1, 0], [0, Infinity], [0, 0]])), 'non-finite', /^inputs\[1\]\[1\]: Infinity is not a finite number/],
    ['an input of the wrong width', patched((s) => (s.inputs = [[1, 0], [0], [0, 0]])), 'bad-shape', /^inputs\[1\]: expected 2 numbers, got 1/],
    ['an empty sequence', patched((s) => { s.inputs = []; s.targets = []; }), 'empty', /^inputs: the sequence is empty/],
    ['fewer targets than inputs', patched((s) => (s.targets = [0, 1])), 'bad-shape', /^targets: expected 3 targets/],
    ['a class target out of range', patched((s) => (s.targets = [0, 3, null])), 'bad-shape', /^spec: target at step 1 is 3, expected a class index in \[0, 2\]/],
    ['a vector target for a softmax head', patched((s) => (s.targets = [0, [1, 0, 0], null])), 'bad-config', /^targets\[1\]: expected a number, got object/],
    ['every target null', patched((s) => (s.targets = [null, null, null])), 'empty', /^spec: no step has a target/],
    ['h0 of the wrong length', patched((s) => (s.h0 = [0, 0, 0])), 'bad-shape', /^h0: expected 2 numbers, got 3/],
    ['c0 for an rnn', patched((s) => (s.c0 = [0, 0])), 'bad-config', /^c0: only an lstm has a cell state/],
    ['a negative truncation window', patched((s) => (s.truncate = -1)), 'bad-config', /^truncate: expected a non-negative integer/],
    ['an unknown truncation mode', patched((s) => (s.truncMode = 'sliding')), 'unknown-name', /^truncMode: unknown truncation mode "sliding" \(expected chunk, window\)/],
    ['weights so large the loss overflows', patched((s) => (W(s).by = [-1e308, 1e308, 0])), 'non-finite', /^the forward pass overflowed: the loss is Infinity/],
  ];
  it.each(cases)('rejects %s', (_name, raw, code, message) => {
    expectError(() => runTrace(raw), code, message);
  });

  it('refuses finite weights whose gradient overflows, rather than return ±Infinity (printed as null in JSON)', () => {
    // h = (1, 1) gives y = 0, so L = ln 3 is finite, but ∂L/∂h = Whyᵀ(p − e₂) = ±2·10³⁰⁸ overflows
    const big = 1.5e308;
    const raw = patched((s) => {
      s.activation = 'linear';
      s.inputs = [[1, 1]];
      s.targets = [2];
      W(s).Wxh = [[1, 0], [1, 0]]; // h = (1, 1), so every y is 0
      W(s).bh = [0, 0];
      W(s).Why = [[big, -big], [big, -big], [-big, big]];
    });
    expectError(() => runTrace(raw), 'non-finite', /overflow|finite/);
  });

  it('rejects linear targets of the wrong width or with NaN', () => {
    const lin = (targets: unknown[]) => patched((s) => { s.output = 'linear'; s.targets = targets; });
    expectError(() => runTrace(lin([[0, 0, 0], [0, 0], null])), 'bad-shape', /^targets\[1\]: expected 3 numbers, got 2/);
    expectError(() => runTrace(lin([[0, NaN, 0], null, null])), 'non-finite', /^targets\[0\]\[1\]: NaN is not a finite number/);
  });
});
