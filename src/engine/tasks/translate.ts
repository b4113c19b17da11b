/**
 * A toy translation task for the encoder–decoder: English number words to digits, 0–999
 * ("three hundred twelve" → "3 1 2"). Generated here, no data downloaded; the words are standard US English
 * (no "and", no hyphens: "twenty one" is two words).
 *
 * It has the structure a word-by-word substitution cannot handle:
 * - one word becomes two digits ("twelve" → "1 2", "forty" → "4 0") and two words one digit ("three hundred" → "3");
 * - digits appear with no source word at all ("three hundred five" → "3 0 5", "three hundred" → "3 0 0"), so the
 *   decoder must know where it is in the number, not just what it last read;
 * - the same word means different digits in different places ("three" in "three hundred" vs "twenty three"), and
 *   how many digits come out depends on whether "hundred" was read at all.
 *
 * Split: a number n is held out for the test set iff n ≥ 20 and fmix32(n) mod 5 = 0 (fmix32: MurmurHash3's
 * finalizer) — a fixed rule, not a seed, so every run trains on the same 795 numbers and tests on the same 205, none
 * of which it has seen. 0–19 always train: "zero" appears in no other number, so holding it out could not be learned.
 */
import { EngineError } from '../errors';
import type { Rng } from '../rng';
import { BOUNDARY } from '../seq2seq-decoder';
import type { Seq2SeqExample } from '../seq2seq';
import { positionalMajority, scoreSequences } from '../seq2seq-score';
import type { TaskMetric } from './task';
import { fmix32 } from './split-hash';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The source vocabulary: 29 words, in counting order. */
export const NUMBER_WORDS: readonly string[] = [...UNITS, ...TEENS, ...TENS.slice(2), 'hundred'];
/** The target vocabulary: the end token (index BOUNDARY = 0), then the digits 0–9 at indices 1–10. */
export const DIGIT_TOKENS: readonly string[] = ['</s>', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** n in US English words, 0 ≤ n ≤ 999: 312 → ["three", "hundred", "twelve"], 40 → ["forty"], 0 → ["zero"]. */
export function numberToWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new EngineError('bad-config', `expected an integer in [0, 999], got ${n}`, 'n');
  if (n === 0) return ['zero'];
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h > 0) words.push(UNITS[h], 'hundred');
  if (r >= 20) {
    words.push(TENS[Math.floor(r / 10)]);
    if (r % 10 > 0) words.push(UNITS[r % 10]);
  } else if (r >= 10) words.push(TEENS[r - 10]);
  else if (r > 0) words.push(UNITS[r]);
  return words;
}

/** Whether n belongs to the held-out test set (the rule of the file comment). */
export function isTestNumber(n: number): boolean {
  return n >= 20 && fmix32(n) % 5 === 0;
}

/** One pair: the number, its words as source tokens, its digits as target tokens (end token left out). */
export interface TranslatePair extends Seq2SeqExample {
  readonly n: number;
  readonly source: readonly number[];
  readonly target: readonly number[];
}

/** The number-words-to-digits task: the fixed split, training samples, and the test metric. */
export class TranslateTask {
  readonly kind = 'translate' as const;
  readonly sourceVocab = NUMBER_WORDS;
  readonly targetVocab = DIGIT_TOKENS;
  /** the longest output worth decoding: 3 digits and one to spare */
  readonly maxLength = 4;
  readonly train: readonly TranslatePair[];
  readonly test: readonly TranslatePair[];
  private readonly wordIndex = new Map(NUMBER_WORDS.map((w, i) => [w, i]));

  constructor() {
    const all = Array.from({ length: 1000 }, (_, n) => this.pair(n));
    this.train = all.filter((p) => !isTestNumber(p.n));
    this.test = all.filter((p) => isTestNumber(p.n));
  }

  /** The pair of n. */
  pair(n: number): TranslatePair {
    const source = numberToWords(n).map((w) => this.wordIndex.get(w)!);
    const target = Array.from(String(n), (d) => Number(d) + 1);
    return { n, source, target };
  }

  /** A training pair drawn uniformly from the training numbers. */
  sample(rng: Rng): TranslatePair {
    return this.train[rng.int(this.train.length)];
  }

  /** Words to source tokens ("three hundred twelve" → [3, 28, 12]); an unknown word is refused by name. */
  encodeSource(text: string): number[] {
    const words = text.trim().toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) throw new EngineError('empty', 'type a number in words, e.g. "three hundred twelve"', 'source');
    return words.map((w) => {
      const k = this.wordIndex.get(w);
      if (k === undefined) throw new EngineError('unknown-name', `"${w}" is not a number word (${NUMBER_WORDS.slice(0, 3).join(', ')}, …, hundred)`, 'source');
      return k;
    });
  }

  /** Source tokens as words. */
  sourceText(tokens: ArrayLike<number>): string {
    return Array.from(tokens, (k) => NUMBER_WORDS[k] ?? '?').join(' ');
  }

  /** Target tokens as a digit string (the end token, if present, as nothing). */
  targetText(tokens: ArrayLike<number>): string {
    return Array.from(tokens, (k) => (k === BOUNDARY ? '' : DIGIT_TOKENS[k] ?? '?')).join('');
  }

  /**
   * Exact match on the test set (the whole number right) against the best constant answer (1 in 205: every test
   * number differs); extra: per-token accuracy (digits and the end token, scoreSequences) and its baseline, the
   * constant output of the most frequent token at each position (positionalMajority).
   * `outputs[i]`: the decoded tokens of test[i], end token left out.
   */
  evaluate(outputs: readonly ArrayLike<number>[]): TaskMetric {
    const refs = this.test.map((p) => p.target);
    const s = scoreSequences(refs, outputs);
    const constant = positionalMajority(refs, DIGIT_TOKENS.length);
    const base = scoreSequences(refs, refs.map(() => constant));
    return {
      name: 'exact match',
      value: s.exactMatch,
      baseline: 1 / this.test.length,
      baselineName: `one constant answer (1 of ${this.test.length})`,
      higherIsBetter: true,
      extra: [
        { name: 'per-token accuracy', value: s.tokenAccuracy },
        { name: `per-token accuracy of the constant "${this.targetText(constant)}"`, value: base.tokenAccuracy },
      ],
    };
  }
}
