import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engine/errors';
import { Rng } from '../../../src/engine/rng';
import { positionalMajority, scoreSequences } from '../../../src/engine/seq2seq-score';
import { DIGIT_TOKENS, NUMBER_WORDS, TranslateTask, isTestNumber, numberToWords } from '../../../src/engine/tasks/translate';

describe('number words to digits', () => {
  const task = new TranslateTask();

  it('writes numbers in US English words', () => {
    const cases: [number, string][] = [
      [0, 'zero'], [7, 'seven'], [12, 'twelve'], [40, 'forty'], [47, 'forty seven'], [100, 'one hundred'],
      [305, 'three hundred five'], [312, 'three hundred twelve'], [340, 'three hundred forty'], [999, 'nine hundred ninety nine'],
    ];
    for (const [n, w] of cases) expect(numberToWords(n).join(' ')).toBe(w);
    expect(NUMBER_WORDS.length).toBe(29);
    expect(() => numberToWords(1000)).toThrow(EngineError);
  });

  it('pairs words with digit tokens, end token 0 left out', () => {
    const p = task.pair(305);
    expect(task.sourceText(p.source)).toBe('three hundred five');
    expect(p.target).toEqual([4, 1, 6]);
    expect(task.targetText(p.target)).toBe('305');
    expect(DIGIT_TOKENS[0]).toBe('</s>');
    expect(task.encodeSource(' Three  hundred twelve ')).toEqual(task.pair(312).source);
  });

  it('holds out 205 numbers by a fixed rule: disjoint, complete, every word still seen in training', () => {
    expect(task.train.length).toBe(795);
    expect(task.test.length).toBe(205);
    const test = new Set(task.test.map((p) => p.n));
    expect(task.train.every((p) => !test.has(p.n))).toBe(true);
    expect(new Set([...task.train.map((p) => p.n), ...test]).size).toBe(1000);
    expect(task.test.every((p) => isTestNumber(p.n) && p.n >= 20)).toBe(true);
    expect(task.test.slice(0, 6).map((p) => p.n)).toEqual([21, 22, 24, 25, 36, 45]);
    const seen = new Set(task.train.flatMap((p) => p.source));
    expect(seen.size).toBe(NUMBER_WORDS.length);
    // every tail 0–99 follows "hundred" in some training number
    const tails = new Set(task.train.filter((p) => p.n >= 100).map((p) => p.n % 100));
    expect(tails.size).toBe(100);
    // training samples come from the training numbers only
    const rng = new Rng(1);
    for (let i = 0; i < 2000; i++) expect(test.has(task.sample(rng).n)).toBe(false);
  });

  it('scores exact match and per-token accuracy, with the end token', () => {
    // refs "3 1 2" and "4"; outputs "3 1 5" (3 of 4 positions: 3, 1 and the end token) and "4 4" (1 of 2: the 4)
    const s = scoreSequences([[4, 2, 3], [5]], [[4, 2, 6], [5, 5]]);
    expect(s.exactMatch).toBe(0);
    expect(s.tokenAccuracy).toBe(4 / 6);
    expect(scoreSequences([[4, 2, 3], [5]], [[4, 2, 3], [5]])).toEqual({ exactMatch: 1, tokenAccuracy: 1 });
    // a missing token shifts the rest: "3 2" for "3 1 2" gets only the 3
    expect(scoreSequences([[4, 2, 3]], [[4, 3]]).tokenAccuracy).toBe(1 / 4);
    expect(positionalMajority([[1, 2], [1, 3], [1, 2, 4], [2]], 5)).toEqual([1, 2]);
    expect(() => scoreSequences([[1]], [])).toThrow(EngineError);
  });

  it('evaluates decoded outputs of the test set', () => {
    const perfect = task.evaluate(task.test.map((p) => p.target));
    expect(perfect.value).toBe(1);
    expect(perfect.extra![0].value).toBe(1);
    const none = task.evaluate(task.test.map(() => []));
    expect(none.value).toBe(0);
    expect(none.baseline).toBeCloseTo(1 / 205, 15);
    // the constant "641": measured once, 34% of the test positions (4 per three-digit number)
    expect(none.extra![1].value).toBeCloseTo(0.33915, 5);
  });
});
