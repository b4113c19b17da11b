/**
 * Echo: remember the first symbol across a lag. T = L + 1; step 0 shows one of K symbols
 * (one-hot over K + 1 inputs, index K meaning "blank"), steps 1…L show blank, and only step L is
 * scored, with the first symbol as its target (softmax over K). Chance accuracy is 1/K; a network
 * must carry the symbol through L applications of its recurrence (the vanishing-gradient test).
 */
import { EngineError } from '../errors';
import { Rng } from '../rng';
import type { Sequence } from '../types';
import { checkEchoParams } from './check';
import { scoredAccuracy } from './scoring';
import { argmax, checkOutputs, checkStep, newSequence, setOneHot } from './sequence';
import { EVAL_SEED, type EchoTaskConfig, type Task, type TaskMetric } from './task';

/** The symbols' names, index k → letter. */
export const ECHO_SYMBOL_NAMES: readonly string[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
/** The label of the blank input. */
export const ECHO_BLANK = '·';
/** How many evaluation sequences show each symbol (so the set is balanced: chance is exactly 1/K). */
export const ECHO_EVAL_PER_SYMBOL = 32;

/** The echo task. */
export class EchoTask implements Task {
  readonly kind = 'echo' as const;
  readonly config: EchoTaskConfig;
  readonly head = 'softmax' as const;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly length: number;
  private evalCache: Sequence[] | null = null;

  constructor(config: EchoTaskConfig) {
    const { lag, symbols } = checkEchoParams(config);
    this.config = { kind: 'echo', lag, symbols };
    this.length = lag + 1;
    this.inputSize = symbols + 1;
    this.outputSize = symbols;
  }

  /** The sequence whose first symbol is k: x_0 = e_k, x_1…x_L = e_blank, target_L = k, only step L scored. */
  sequenceFor(k: number): Sequence {
    const K = this.outputSize;
    if (!Number.isInteger(k) || k < 0 || k >= K) throw new EngineError('bad-config', `symbol ${k} is outside 0…${K - 1}`, 'symbol');
    const T = this.length;
    const seq = newSequence(T, this.inputSize, 1, true);
    setOneHot(seq, this.inputSize, 0, k);
    for (let t = 1; t < T; t++) setOneHot(seq, this.inputSize, t, K);
    seq.targets[T - 1] = k;
    seq.mask[T - 1] = 1;
    return seq;
  }

  /** A sequence whose symbol is drawn uniformly from the K. */
  sample(rng: Rng): Sequence {
    return this.sequenceFor(rng.int(this.outputSize));
  }

  /** 32 sequences per symbol (32·K in all), shuffled by a fixed seed, the same every call. */
  evalSet(): readonly Sequence[] {
    if (this.evalCache) return this.evalCache;
    const K = this.outputSize;
    const symbols: number[] = [];
    for (let i = 0; i < ECHO_EVAL_PER_SYMBOL * K; i++) symbols.push(i % K);
    const rng = new Rng(EVAL_SEED);
    // Fisher–Yates shuffle, so the order does not follow the symbols
    for (let i = symbols.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [symbols[i], symbols[j]] = [symbols[j], symbols[i]];
    }
    this.evalCache = symbols.map((k) => this.sequenceFor(k));
    return this.evalCache;
  }

  /** Accuracy: the fraction of sequences whose argmax p_L is the first symbol; baseline chance 1/K. */
  evaluate(outputs: readonly Float64Array[]): TaskMetric {
    const set = this.evalSet();
    checkOutputs(outputs, set, this.outputSize);
    const K = this.outputSize;
    return { name: 'accuracy', value: scoredAccuracy(set, outputs, K), baseline: 1 / K, baselineName: `chance (1/${K})`, higherIsBetter: true };
  }

  /** The symbol name at step t, or · for blank. */
  inputLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    const k = seq.hot ? seq.hot[t] : argmax(seq.inputs, t * this.inputSize, this.inputSize);
    return k === this.outputSize ? ECHO_BLANK : ECHO_SYMBOL_NAMES[k];
  }

  /** The first symbol at the last step; '' elsewhere. */
  targetLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return seq.mask[t] === 1 ? ECHO_SYMBOL_NAMES[seq.targets[t]] : '';
  }

  /** The most probable symbol of the distribution at `offset`. */
  outputLabel(output: Float64Array, offset: number): string {
    return ECHO_SYMBOL_NAMES[argmax(output, offset, this.outputSize)];
  }
}
