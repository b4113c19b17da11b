/**
 * The adding problem (Hochreiter & Schmidhuber 1997, experiment 4; in the U(0, 1) form of Le, Jaitly &
 * Hinton 2015). Two input channels per step: a value v_t ~ U(0, 1) and a marker m_t ∈ {0, 1} that is 1
 * at exactly one step i of the first half [0, ⌊T/2⌋) and one step j of the second half [⌊T/2⌋, T).
 * Only the last step is scored; its target is v_i + v_j. Linear head, one output.
 * Answering the mean 1.0 scores E[(v_i + v_j − 1)²] = Var(v_i + v_j) = 2 · 1/12 = 1/6 in expectation;
 * the metric's baseline is that answer's MSE on the evaluation set itself (0.148 for T = 50, not
 * 0.167, by sampling noise), so a network that only learned the mean sits exactly at the baseline.
 */
import { Rng } from '../rng';
import type { Sequence } from '../types';
import { fmt3 } from './labels';
import { checkAddingParams } from './check';
import { scoredMse } from './scoring';
import { checkOutputs, checkStep, newSequence } from './sequence';
import { EVAL_SEED, type AddingTaskConfig, type Task, type TaskMetric } from './task';

/** The expected MSE of always answering 1.0: Var(U₁ + U₂) = 1/6 for independent U(0, 1). */
export const ADDING_BASELINE_MSE = 1 / 6;
/** How many sequences the evaluation set holds. */
export const ADDING_EVAL_SIZE = 256;

/** The adding task. */
export class AddingTask implements Task {
  readonly kind = 'adding' as const;
  readonly config: AddingTaskConfig;
  readonly head = 'linear' as const;
  /** channel 0: the value v_t; channel 1: the marker m_t */
  readonly inputSize = 2;
  readonly outputSize = 1;
  readonly length: number;
  private evalCache: { set: Sequence[]; constantMse: number } | null = null;

  constructor(config: AddingTaskConfig) {
    const seqLength = checkAddingParams(config);
    this.config = { kind: 'adding', seqLength };
    this.length = seqLength;
  }

  /** One sequence: T values, markers at i ∈ [0, ⌊T/2⌋) and j ∈ [⌊T/2⌋, T), target_{T−1} = v_i + v_j. */
  sample(rng: Rng): Sequence {
    const T = this.length;
    const half = Math.floor(T / 2);
    const seq = newSequence(T, 2, 1, false);
    for (let t = 0; t < T; t++) seq.inputs[2 * t] = rng.next();
    const i = rng.int(half);
    const j = half + rng.int(T - half);
    seq.inputs[2 * i + 1] = 1;
    seq.inputs[2 * j + 1] = 1;
    seq.targets[T - 1] = seq.inputs[2 * i] + seq.inputs[2 * j];
    seq.mask[T - 1] = 1;
    return seq;
  }

  private ensureEval(): { set: Sequence[]; constantMse: number } {
    if (!this.evalCache) {
      const rng = new Rng(EVAL_SEED);
      const set: Sequence[] = [];
      for (let k = 0; k < ADDING_EVAL_SIZE; k++) set.push(this.sample(rng));
      this.evalCache = { set, constantMse: scoredMse(set, set.map((s) => new Float64Array(s.length).fill(1))) };
    }
    return this.evalCache;
  }

  /** 256 sequences drawn from a fixed seed, the same every call. */
  evalSet(): readonly Sequence[] {
    return this.ensureEval().set;
  }

  /** MSE of y_{T−1} against v_i + v_j; baseline: the MSE of always answering 1.0 on the same set (≈ 1/6). */
  evaluate(outputs: readonly Float64Array[]): TaskMetric {
    const { set, constantMse } = this.ensureEval();
    checkOutputs(outputs, set, 1);
    return { name: 'MSE', value: scoredMse(set, outputs), baseline: constantMse, baselineName: 'always answer 1.0 (expected 1/6)', higherIsBetter: false };
  }

  /** v_t with 3 significant digits, followed by * when the step is marked. */
  inputLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return fmt3(seq.inputs[2 * t]) + (seq.inputs[2 * t + 1] === 1 ? '*' : '');
  }

  /** The sum at the last step; '' elsewhere. */
  targetLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return seq.mask[t] === 1 ? fmt3(seq.targets[t]) : '';
  }

  /** The predicted sum. */
  outputLabel(output: Float64Array, offset: number): string {
    return fmt3(output[offset]);
  }
}
