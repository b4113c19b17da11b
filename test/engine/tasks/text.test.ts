import { describe, it, expect } from 'vitest';
import type { EngineError } from '../../../src/engine/errors';
import { Rng } from '../../../src/engine/rng';
import { ALICE_CHAPTER_1_OPENING } from '../../../src/engine/tasks/corpus';
import { MAX_TEXT_CHARS, MAX_VOCAB } from '../../../src/engine/tasks/limits';
import { TextTask, normalizeLineEndings, sampleIndex, vocabularyOf } from '../../../src/engine/tasks/text';
import { oneHotIndices, perfectOutputs, plain, uniformOutputs } from './helpers';

const make = (text?: string, seqLength = 8): TextTask => new TextTask(text === undefined ? { kind: 'text', seqLength } : { kind: 'text', seqLength, text });

describe('bundled corpus', () => {
  it('is 3–6 KB of the opening of Alice chapter I', () => {
    expect(ALICE_CHAPTER_1_OPENING.length).toBeGreaterThanOrEqual(3000);
    expect(ALICE_CHAPTER_1_OPENING.length).toBeLessThanOrEqual(6000);
    expect(ALICE_CHAPTER_1_OPENING.startsWith('Alice was beginning to get very tired of sitting by her sister on the bank')).toBe(true);
    expect(ALICE_CHAPTER_1_OPENING.endsWith('and the fall was over.')).toBe(true);
    expect(/^[\x20-\x7e\n]*$/.test(ALICE_CHAPTER_1_OPENING)).toBe(true);
  });
  it('gives the default task a vocabulary of 62 sorted characters', () => {
    const task = new TextTask({ kind: 'text', seqLength: 32 });
    expect(task.inputSize).toBe(62);
    expect(task.outputSize).toBe(62);
    expect(task.vocab[0]).toBe('\n');
    expect(task.vocab[1]).toBe(' ');
    expect([...task.vocab].sort()).toEqual([...task.vocab]);
    expect(task.isDefaultText).toBe(true);
  });
});

describe('text task sequences', () => {
  const task = make('hello world, hello there', 6);
  it('encodes and decodes through the sorted vocabulary', () => {
    expect(task.vocab).toEqual([' ', ',', 'd', 'e', 'h', 'l', 'o', 'r', 't', 'w']);
    expect(task.charToIndex.get('h')).toBe(4);
    expect([...task.encode('hello')]).toEqual([4, 3, 5, 5, 6]);
    expect(task.decode(task.encode('there, world'))).toBe('there, world');
    expect(() => task.encode('x')).toThrow(/"x" at position 0 is not in the vocabulary/);
    expect(() => task.decode([10])).toThrow(/index 10 at position 0 is outside 0…9/);
  });
  it('has one-hot inputs matching hot, the next character as target, every step scored', () => {
    const seq = task.windowAt(2);
    expect(seq.length).toBe(6);
    expect(seq.inputs.length).toBe(6 * 10);
    expect(seq.targets.length).toBe(6);
    expect([...seq.mask]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(oneHotIndices(seq, 10)).toEqual([...(seq.hot ?? [])]);
    expect(task.decode([...(seq.hot ?? [])])).toBe('llo wo');
    expect(task.decode([...seq.targets])).toBe('lo wor');
    expect(task.inputLabel(seq, 3)).toBe('␣');
    expect(task.targetLabel(seq, 3)).toBe('w');
  });
  it('draws windows whose target is always the next character of the text', () => {
    const big = make(undefined, 16);
    const rng = new Rng(3);
    for (let k = 0; k < 50; k++) {
      const seq = big.sample(rng);
      const chars = big.decode([...(seq.hot ?? []), seq.targets[15]]);
      expect(ALICE_CHAPTER_1_OPENING.includes(chars)).toBe(true);
      for (let t = 0; t < 15; t++) expect(seq.targets[t]).toBe(seq.hot?.[t + 1]);
    }
  });
  it('is deterministic for a given Rng state and has a fixed eval set', () => {
    const big = make(undefined, 32);
    const a = new Rng(7);
    const b = new Rng(7);
    for (let k = 0; k < 5; k++) expect(plain(big.sample(a))).toEqual(plain(big.sample(b)));
    const e1 = big.evalSet().map(plain);
    expect(make(undefined, 32).evalSet().map(plain)).toEqual(e1);
    expect(big.evalSet()).toHaveLength(32);
  });
});

describe('text metric', () => {
  const task = make(undefined, 16);
  it('is 0 bits per character for perfect outputs and log2 V for uniform ones', () => {
    const perfect = task.evaluate(perfectOutputs(task));
    expect(perfect.value).toBe(0);
    expect(perfect.extra?.[0]).toEqual({ name: 'next-character accuracy', value: 1 });
    const uniform = task.evaluate(uniformOutputs(task));
    expect(uniform.value).toBeCloseTo(Math.log2(62), 12);
    expect(uniform.baseline).toBeCloseTo(Math.log2(62), 12);
    expect(uniform.higherIsBetter).toBe(false);
  });
  it('gives 1 bit when the target has probability 1/2', () => {
    const outs = perfectOutputs(task).map((o) => o.map((v) => v / 2));
    expect(task.evaluate(outs).value).toBeCloseTo(1, 12);
  });
  it('refuses outputs of the wrong count, size or with NaN', () => {
    const outs = uniformOutputs(task);
    expect(() => task.evaluate(outs.slice(1))).toThrow(/expected 32 output arrays/);
    expect(() => task.evaluate([new Float64Array(3), ...outs.slice(1)])).toThrow(/outputs\[0\]: must be a Float64Array of 16×62 = 992 numbers, got 3/);
    outs[4][10] = NaN;
    expect(() => task.evaluate(outs)).toThrow(/outputs\[4\]: step 0 holds NaN/);
  });
});

describe('text validation', () => {
  const err = (f: () => unknown): EngineError => {
    try {
      f();
    } catch (e) {
      return e as EngineError;
    }
    throw new Error('did not throw');
  };
  it('rejects an empty and a too short text', () => {
    expect(err(() => make('', 8)).message).toBe('text: the text is empty; paste at least a few sentences');
    expect(err(() => make('', 8)).code).toBe('empty');
    expect(err(() => make('abcdefghi', 8)).message).toBe('text: the text has 9 characters; sequences of length 8 need at least 10');
    expect(make('abcdefghij', 8).length).toBe(8);
  });
  it('names the limit hit: length or distinct characters', () => {
    expect(err(() => make('ab'.repeat(MAX_TEXT_CHARS / 2) + 'c', 8)).message).toBe('text: the text has 200,001 characters; the limit is 200,000');
    const many = Array.from({ length: MAX_VOCAB + 1 }, (_, i) => String.fromCodePoint(0x100 + i)).join('');
    expect(err(() => make(many, 8)).message).toBe('text: the text uses 97 distinct characters; the limit is 96');
  });
  it('normalises line endings and counts astral characters once', () => {
    expect(normalizeLineEndings('a\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(make('ab\r\ncd\r\nab\r\ncd', 4).vocab).toEqual(['\n', 'a', 'b', 'c', 'd']);
    expect(vocabularyOf('😀a😀b')).toEqual(['a', 'b', '😀']);
  });
  it('rejects a non-string text and an out-of-range seqLength', () => {
    expect(err(() => new TextTask({ kind: 'text', seqLength: 8, text: 5 as unknown as string })).message).toBe('text: must be a string, got number');
    expect(err(() => make(undefined, 3)).message).toBe('seqLength: must be between 4 and 256, got 3');
    expect(err(() => make(undefined, 8.5)).message).toBe('seqLength: must be a whole number, got 8.5');
  });
});

describe('sampleIndex', () => {
  const p = Float64Array.from([0.1, 0.2, 0.6, 0.1, 0.5, 0.5]);
  it('is the argmax at temperature 0 and near 0', () => {
    const rng = new Rng(1);
    expect(sampleIndex(p, 0, 4, 0, rng)).toBe(2);
    for (let k = 0; k < 100; k++) expect(sampleIndex(p, 0, 4, 1e-3, rng)).toBe(2);
  });
  it('draws from p at temperature 1 and from p^(1/τ) at τ = 0.5', () => {
    const rng = new Rng(2);
    const n = 40000;
    const counts = [0, 0, 0, 0];
    for (let k = 0; k < n; k++) counts[sampleIndex(p, 0, 4, 1, rng)]++;
    [0.1, 0.2, 0.6, 0.1].forEach((q, i) => expect(Math.abs(counts[i] / n - q)).toBeLessThan(0.01));
    const sharp = [0, 0, 0, 0];
    for (let k = 0; k < n; k++) sharp[sampleIndex(p, 0, 4, 0.5, rng)]++;
    const z = 0.01 + 0.04 + 0.36 + 0.01; // p_k² normalised
    [0.01, 0.04, 0.36, 0.01].forEach((q, i) => expect(Math.abs(sharp[i] / n - q / z)).toBeLessThan(0.01));
  });
  it('reads the slice at offset and never picks a zero-probability index', () => {
    const rng = new Rng(4);
    const q = Float64Array.from([9, 9, 0, 1, 0]);
    for (let k = 0; k < 200; k++) expect(sampleIndex(q, 2, 3, 2, rng)).toBe(1);
  });
  it('validates temperature, slice and probabilities', () => {
    const rng = new Rng(5);
    expect(() => sampleIndex(p, 0, 4, -1, rng)).toThrow(/temperature: must be a finite number ≥ 0, got -1/);
    expect(() => sampleIndex(p, 0, 4, NaN, rng)).toThrow(/temperature/);
    expect(() => sampleIndex(p, 0, 4, Infinity, rng)).toThrow(/temperature/);
    expect(() => sampleIndex(p, 4, 4, 1, rng)).toThrow(/offset 4 \+ size 4 does not fit in an array of 6/);
    expect(() => sampleIndex(Float64Array.from([0, 0]), 0, 2, 1, rng)).toThrow(/all probabilities are 0/);
    expect(() => sampleIndex(Float64Array.from([0.5, NaN]), 0, 2, 1, rng)).toThrow(/p\[1\] is NaN/);
  });
});
