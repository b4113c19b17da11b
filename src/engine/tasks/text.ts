/**
 * Character-level language model (as in Karpathy's char-rnn): the vocabulary is the sorted set of
 * distinct characters, x_t = one-hot(c_{s+t}) and target_t = c_{s+t+1} at every step of a window
 * starting at a random offset s. Metric: bits per character, −(1/N) Σ log₂ p_t[target_t].
 */
import { exp, log, log2 } from '../detmath';
import { EngineError } from '../errors';
import { Rng } from '../rng';
import type { Sequence } from '../types';
import { checkText, checkTextParams, normalizeLineEndings } from './check';
import { ALICE_CHAPTER_1_OPENING } from './corpus';
import { showChar } from './labels';
import { scoredAccuracy } from './scoring';
import { argmax, checkOutputs, checkStep, newSequence, setOneHot } from './sequence';
import { EVAL_SEED, type Task, type TaskMetric, type TextTaskConfig } from './task';

/** How many windows the evaluation set holds at most (fewer when the text is short). */
export const TEXT_EVAL_WINDOWS = 32;

// checked and read by check.ts, which the page loads without this class
export { normalizeLineEndings, vocabularyOf } from './check';

/** The characters of `text` as Unicode code points (a surrogate pair is one character). */
function toChars(text: string): string[] {
  return Array.from(text);
}

/** The character-level language-model task. */
export class TextTask implements Task {
  readonly kind = 'text' as const;
  readonly config: TextTaskConfig;
  readonly head = 'softmax' as const;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly length: number;
  /** the vocabulary: index → character, sorted by code point */
  readonly vocab: readonly string[];
  /** character → index in `vocab` */
  readonly charToIndex: ReadonlyMap<string, number>;
  /** the whole text as vocabulary indices */
  readonly codes: Int32Array;
  /** true when the bundled passage is used */
  readonly isDefaultText: boolean;
  private evalCache: Sequence[] | null = null;

  constructor(config: TextTaskConfig) {
    const T = checkTextParams(config);
    this.isDefaultText = config.text === undefined;
    const text = normalizeLineEndings(config.text ?? ALICE_CHAPTER_1_OPENING);
    const { vocab } = checkText(text, T);
    this.config = config.text === undefined ? { kind: 'text', seqLength: T } : { kind: 'text', seqLength: T, text };
    this.length = T;
    this.vocab = vocab;
    this.inputSize = vocab.length;
    this.outputSize = vocab.length;
    this.charToIndex = new Map(vocab.map((c, i) => [c, i]));
    this.codes = this.encode(text);
  }

  /** The indices of the characters of `text`; throws `unknown-name` for a character outside the vocabulary. */
  encode(text: string): Int32Array {
    const chars = toChars(text);
    const out = new Int32Array(chars.length);
    for (let i = 0; i < chars.length; i++) {
      const k = this.charToIndex.get(chars[i]);
      if (k === undefined) throw new EngineError('unknown-name', `character ${JSON.stringify(chars[i])} at position ${i} is not in the vocabulary`, 'text');
      out[i] = k;
    }
    return out;
  }

  /** The text spelled by vocabulary indices; throws `bad-config` for an index outside 0…V−1. */
  decode(indices: ArrayLike<number>): string {
    let s = '';
    for (let i = 0; i < indices.length; i++) {
      const k = indices[i];
      if (!Number.isInteger(k) || k < 0 || k >= this.vocab.length) {
        throw new EngineError('bad-config', `index ${k} at position ${i} is outside 0…${this.vocab.length - 1}`, 'indices');
      }
      s += this.vocab[k];
    }
    return s;
  }

  /** The window starting at character `start`: x_t = one-hot(c_{start+t}), target_t = c_{start+t+1}. */
  windowAt(start: number): Sequence {
    const T = this.length;
    const V = this.inputSize;
    if (!Number.isInteger(start) || start < 0 || start + T >= this.codes.length) {
      throw new EngineError('bad-config', `start ${start} is outside 0…${this.codes.length - T - 1}, where a sequence of ${T} steps fits`, 'start');
    }
    const seq = newSequence(T, V, 1, true);
    for (let t = 0; t < T; t++) {
      setOneHot(seq, V, t, this.codes[start + t]);
      seq.targets[t] = this.codes[start + t + 1];
      seq.mask[t] = 1;
    }
    return seq;
  }

  /** A window at a uniformly random start s ∈ {0, …, N−T−1}. */
  sample(rng: Rng): Sequence {
    return this.windowAt(rng.int(this.codes.length - this.length));
  }

  /** Up to 32 windows at starts spread evenly over the text (jittered by a fixed seed), the same every call. */
  evalSet(): readonly Sequence[] {
    if (this.evalCache) return this.evalCache;
    const span = this.codes.length - this.length; // number of valid starts
    const n = Math.min(TEXT_EVAL_WINDOWS, span);
    const rng = new Rng(EVAL_SEED);
    const set: Sequence[] = [];
    for (let i = 0; i < n; i++) {
      // stratified: one start drawn in each of n equal slices of the valid range
      const lo = Math.floor((i * span) / n);
      const hi = Math.floor(((i + 1) * span) / n);
      set.push(this.windowAt(lo + rng.int(hi - lo)));
    }
    this.evalCache = set;
    return set;
  }

  /** Bits per character −(1/N) Σ log₂ p_t[target_t] (p clamped at 1e−300), baseline log₂ V; extra: accuracy. */
  evaluate(outputs: readonly Float64Array[]): TaskMetric {
    const set = this.evalSet();
    checkOutputs(outputs, set, this.outputSize);
    const V = this.outputSize;
    let nats = 0;
    let n = 0;
    for (let i = 0; i < set.length; i++) {
      const seq = set[i];
      for (let t = 0; t < seq.length; t++) {
        if (seq.mask[t] !== 1) continue;
        nats -= log(Math.max(outputs[i][t * V + seq.targets[t]], 1e-300));
        n++;
      }
    }
    return {
      name: 'bits per character',
      value: nats / n / Math.LN2,
      baseline: log2(V),
      baselineName: `uniform guess over ${V} characters`,
      higherIsBetter: false,
      extra: [{ name: 'next-character accuracy', value: scoredAccuracy(set, outputs, V) }],
    };
  }

  /** The character shown at step t (newline as ↵, space as ␣). */
  inputLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    const k = seq.hot ? seq.hot[t] : argmax(seq.inputs, t * this.inputSize, this.inputSize);
    return showChar(this.vocab[k]);
  }

  /** The next character, the target of step t. */
  targetLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return seq.mask[t] === 1 ? showChar(this.vocab[seq.targets[t]]) : '';
  }

  /** The most probable character of the distribution p at `offset`. */
  outputLabel(output: Float64Array, offset: number): string {
    return showChar(this.vocab[argmax(output, offset, this.outputSize)]);
  }
}

/**
 * A draw k ~ softmax(log p / τ) over p[offset … offset+size−1], i.e. P(k) ∝ p_k^{1/τ}:
 * τ = 1 samples p itself, τ → 0 sharpens to the argmax (τ = 0 is exactly argmax), τ > 1 flattens.
 */
export function sampleIndex(p: Float64Array, offset: number, size: number, temperature: number, rng: Rng): number {
  if (!Number.isInteger(size) || size < 1) throw new EngineError('bad-config', `must be a whole number ≥ 1, got ${size}`, 'size');
  if (!Number.isInteger(offset) || offset < 0 || offset + size > p.length) {
    throw new EngineError('bad-shape', `offset ${offset} + size ${size} does not fit in an array of ${p.length}`, 'offset');
  }
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature < 0) {
    throw new EngineError('bad-config', `must be a finite number ≥ 0, got ${temperature}`, 'temperature');
  }
  let max = -Infinity;
  for (let r = 0; r < size; r++) {
    const v = p[offset + r];
    if (!Number.isFinite(v) || v < 0) throw new EngineError('non-finite', `p[${r}] is ${v}, probabilities must be finite and ≥ 0`, 'p');
    if (v > max) max = v;
  }
  if (max <= 0) throw new EngineError('bad-config', 'all probabilities are 0', 'p');
  if (temperature === 0) return argmax(p, offset, size);
  // w_k = (p_k / p_max)^{1/τ} = exp((log p_k − log p_max)/τ): the largest weight is 1, so small τ cannot overflow.
  const logMax = log(max);
  let total = 0;
  const w = new Float64Array(size);
  for (let r = 0; r < size; r++) {
    const v = p[offset + r];
    w[r] = v > 0 ? exp((log(v) - logMax) / temperature) : 0;
    total += w[r];
  }
  let u = rng.next() * total;
  for (let r = 0; r < size; r++) {
    u -= w[r];
    if (u < 0) return r;
  }
  // rounding left u ≥ 0 after the last subtraction: return the last index with weight
  for (let r = size - 1; r >= 0; r--) if (w[r] > 0) return r;
  return argmax(p, offset, size);
}
