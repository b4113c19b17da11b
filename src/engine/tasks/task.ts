/**
 * The contract every training task implements, and the configuration that selects one.
 * A task draws sequences (inputs, targets, mask) for training, owns a fixed evaluation set,
 * turns network outputs on that set into one human-readable metric, and labels steps for the views.
 */
import type { Rng } from '../rng';
import type { HeadKind, Sequence } from '../types';

/**
 * The task families: character language model, sine forecasting, echo (recall), adding problem, user series — trained
 * on sequences by a Network (Session) —, and translation and captioning, trained on whole examples by an
 * encoder–decoder or a captioner (Seq2SeqSession).
 */
export type TaskKind = 'text' | 'sine' | 'echo' | 'adding' | 'series' | 'translate' | 'caption';

/** Every task kind, in the order the UI lists them. */
export const TASK_KINDS: readonly TaskKind[] = ['text', 'sine', 'echo', 'adding', 'series', 'translate', 'caption'];

/** The kinds a Seq2SeqSession trains (an encoder–decoder or a captioner), not a Network. */
export type ExampleTaskKind = 'translate' | 'caption';
export const EXAMPLE_TASK_KINDS: readonly ExampleTaskKind[] = ['translate', 'caption'];

/** A secondary number reported beside the main metric (e.g. accuracy beside bits per character). */
export interface MetricExtra {
  name: string;
  value: number;
}

/** The task's score on its evaluation set, next to the score of a trivial predictor. */
export interface TaskMetric {
  /** e.g. 'bits per character', 'MSE', 'accuracy' */
  name: string;
  value: number;
  /** the trivial predictor's score (uniform guess, persistence, chance, constant 1.0) */
  baseline: number;
  baselineName: string;
  /** true for accuracy, false for losses */
  higherIsBetter: boolean;
  /** optional further numbers (text: next-character accuracy) */
  extra?: readonly MetricExtra[];
}

/** Character-level language model on a text: x_t = one-hot(c_t), target_t = c_{t+1}. */
export interface TextTaskConfig {
  kind: 'text';
  /** T */
  seqLength: number;
  /** the training text; the bundled Alice passage when absent */
  text?: string;
}

/** Next-value prediction of s_t = Σ_k a_k sin(2πt/P_k + φ_k) + ε_t, ε_t ~ N(0, noise²). */
export interface SineTaskConfig {
  kind: 'sine';
  seqLength: number;
  /** σ of the observation noise */
  noise: number;
  /** how many of the fixed sine components are summed (1…4) */
  components: number;
}

/** Recall the symbol shown at step 0 after `lag` blank steps (T = lag + 1). */
export interface EchoTaskConfig {
  kind: 'echo';
  /** L */
  lag: number;
  /** K */
  symbols: number;
}

/** Hochreiter & Schmidhuber's adding problem: the sum of the two marked values, answered at the last step. */
export interface AddingTaskConfig {
  kind: 'adding';
  seqLength: number;
}

/** Next-value prediction on the user's own numeric series, given as CSV text. */
export interface SeriesTaskConfig {
  kind: 'series';
  csv: string;
  seqLength: number;
  /** the last `holdout` points are never trained on: the metric and the forecast are scored on them (absent = 0) */
  holdout?: number;
}

/** Number words to digits with an encoder–decoder (tasks/translate.ts). */
export interface TranslateTaskConfig {
  kind: 'translate';
  /** the encoder reads the words last first (Sutskever et al. 2014) */
  reverse: boolean;
}

/** Captions of generated pictures with a captioner (tasks/caption.ts); nothing to set. */
export interface CaptionTaskConfig {
  kind: 'caption';
}

/** The configuration of a task a Network trains on sequences. */
export type SequenceTaskConfig = TextTaskConfig | SineTaskConfig | EchoTaskConfig | AddingTaskConfig | SeriesTaskConfig;
/** The configuration of a task trained on whole examples (Seq2SeqSession). */
export type ExampleTaskConfig = TranslateTaskConfig | CaptionTaskConfig;
/** The configuration of any task, discriminated by `kind`. */
export type TaskConfig = SequenceTaskConfig | ExampleTaskConfig;

/** Whether the task is trained on whole examples by an encoder–decoder or a captioner rather than on sequences. */
export function isExampleTask(config: TaskConfig): config is ExampleTaskConfig {
  return (EXAMPLE_TASK_KINDS as readonly string[]).includes(config.kind);
}

/** A training task: the data a network learns from and how its answers are scored. */
export interface Task {
  readonly kind: SequenceTaskConfig['kind'];
  /** the configuration the task was built from (after line-ending normalisation) */
  readonly config: SequenceTaskConfig;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly head: HeadKind;
  /** T of the sequences it draws */
  readonly length: number;
  /** one training sequence; all randomness from rng */
  sample(rng: Rng): Sequence;
  /** a fixed evaluation set: the same sequences every call for the same config (derived from a fixed internal seed); do not mutate */
  evalSet(): readonly Sequence[];
  /** the task's metric, given the network outputs for each evalSet() sequence (softmax head: p_t; linear head: y_t; each Float64Array T×outputSize row-major) */
  evaluate(outputs: readonly Float64Array[]): TaskMetric;
  /** what step t's input shows, for the views: a character, a symbol name, a number with 3 significant digits */
  inputLabel(seq: Sequence, t: number): string;
  /** what step t's target is ('' when the step is not scored) */
  targetLabel(seq: Sequence, t: number): string;
  /** what an output vector means at step t: predicted character / symbol / value */
  outputLabel(output: Float64Array, offset: number): string;
}

/** The seed every task derives its evaluation set from, so the set depends on the config alone. */
export const EVAL_SEED = 0x5eed_2013;
