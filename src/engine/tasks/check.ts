/**
 * What `createTask` refuses in a task configuration, checked without building the task. The tasks' constructors
 * call these same functions, so a configuration `checkTaskConfig` refuses is the one `createTask` refuses, with the
 * same message. The page checks every configuration with it before sending it (state/scenario.ts `taskProblem`):
 * this module and what it imports are small, while the task classes bring their data, the corpus, the caption
 * pictures and the sequence machinery, which only the worker needs.
 */
import { EngineError } from '../errors';
import { bundledSeries } from './bundled-series';
import { parseSeries } from './csv';
import { fmt3 } from './labels';
import { MAX_TEXT_CHARS, MAX_VOCAB, TASK_LIMITS, checkParam, describe } from './limits';
import { TASK_KINDS } from './task';
import type { AddingTaskConfig, EchoTaskConfig, SeriesTaskConfig, SineTaskConfig, TaskConfig, TaskKind, TextTaskConfig } from './task';

/** The kind of a task configuration; throws on something that is not an object or names no known kind. */
export function checkTaskKind(config: unknown): TaskKind {
  if (typeof config !== 'object' || config === null) throw new EngineError('bad-config', `a task configuration must be an object, got ${describe(config)}`, 'task');
  const kind = (config as { kind?: unknown }).kind;
  if (!(TASK_KINDS as readonly unknown[]).includes(kind)) throw new EngineError('unknown-name', `unknown task kind ${describe(kind)}; expected one of ${TASK_KINDS.join(', ')}`, 'kind');
  return kind as TaskKind;
}

/** The text with \r\n and lone \r turned into \n (so a pasted Windows text has the same vocabulary). */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The sorted distinct characters of `text`, as Unicode code points (sorted by code point, so the order is stable). */
export function vocabularyOf(text: string): string[] {
  return [...new Set(Array.from(text))].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

/** The text task's sequence length T, and that its text, if it gives one, is a string. */
export function checkTextParams(config: TextTaskConfig): number {
  const T = checkParam(config.seqLength, TASK_LIMITS.text.seqLength, 'seqLength');
  if (config.text !== undefined && typeof config.text !== 'string') {
    throw new EngineError('bad-config', `must be a string, got ${typeof config.text}`, 'text');
  }
  return T;
}

/** A training text (line endings normalized) checked for windows of T steps: its characters and vocabulary. */
export function checkText(text: string, T: number): { chars: string[]; vocab: string[] } {
  const chars = Array.from(text);
  if (chars.length === 0) throw new EngineError('empty', 'the text is empty; paste at least a few sentences', 'text');
  if (chars.length < T + 2) {
    throw new EngineError('empty', `the text has ${chars.length} characters; sequences of length ${T} need at least ${T + 2}`, 'text');
  }
  if (chars.length > MAX_TEXT_CHARS) {
    throw new EngineError('bad-config', `the text has ${chars.length.toLocaleString('en-US')} characters; the limit is ${MAX_TEXT_CHARS.toLocaleString('en-US')}`, 'text');
  }
  const vocab = vocabularyOf(text);
  if (vocab.length > MAX_VOCAB) {
    throw new EngineError('bad-config', `the text uses ${vocab.length} distinct characters; the limit is ${MAX_VOCAB}`, 'text');
  }
  return { chars, vocab };
}

/** That `points` values leave T + 2 to train on after holding out the last `holdout` (absent = 0); returns K. */
function checkSeriesLength(points: number, T: number, holdout: number | undefined): number {
  if (points < T + 2) {
    throw new EngineError('empty', `the series has ${points} point${points === 1 ? '' : 's'}; sequences of length ${T} need at least ${T + 2}`, 'csv');
  }
  const K = holdout === undefined ? 0 : checkParam(holdout, TASK_LIMITS.series.holdout, 'holdout');
  if (points - K < T + 2) {
    throw new EngineError('bad-config', `holding out the last ${K} of ${points} points leaves ${points - K}; sequences of length ${T} need at least ${T + 2} to train on`, 'holdout');
  }
  return K;
}

/**
 * What the series task refuses, without its values when `csv` names a bundled series (bundled-series.ts): a named
 * series is checked by its size, so the page need not load the data; one given as numbers is parsed and checked.
 */
export function checkSeriesConfig(config: SeriesTaskConfig): void {
  const named = bundledSeries(config.csv);
  if (!named) {
    checkSeriesTask(config);
    return;
  }
  checkSeriesLength(named.points, checkParam(config.seqLength, TASK_LIMITS.series.seqLength, 'seqLength'), config.holdout);
}

/**
 * The user series checked for windows of T steps: T, its values in their units, the mean μ and spread σ of the part
 * trained on. `values` are the values of the bundled series `csv` names (the task loads them); without them `csv` is
 * parsed as numbers.
 */
export function checkSeriesTask(config: SeriesTaskConfig, values?: Float64Array): { T: number; raw: Float64Array; mean: number; std: number } {
  const T = checkParam(config.seqLength, TASK_LIMITS.series.seqLength, 'seqLength');
  if (typeof config.csv !== 'string') throw new EngineError('bad-config', `must be text, got ${typeof config.csv}`, 'csv');
  const raw = values ?? parseSeries(config.csv);
  const K = checkSeriesLength(raw.length, T, config.holdout);
  // μ and σ of the points trained on only: the held-out tail must not leak into the scaling
  const N = raw.length - K;
  let mean = 0;
  for (let n = 0; n < N; n++) mean += raw[n];
  mean /= N;
  let v = 0;
  for (let n = 0; n < N; n++) v += (raw[n] - mean) ** 2;
  const std = Math.sqrt(v / N);
  if (!Number.isFinite(mean) || !Number.isFinite(std)) {
    throw new EngineError('non-finite', 'the values are too large to normalise (their mean or spread overflows)', 'csv');
  }
  // σ this small relative to |μ| is rounding noise of a constant series, not a signal
  if (!(std > 1e-12 * Math.max(1, Math.abs(mean)))) {
    throw new EngineError('bad-config', `the series is constant (every value is ${fmt3(raw[0])}); there is nothing to predict`, 'csv');
  }
  return { T, raw, mean, std };
}

/** The sine task's settings, checked. */
export function checkSineParams(config: SineTaskConfig): { seqLength: number; noise: number; components: number } {
  const L = TASK_LIMITS.sine;
  return { seqLength: checkParam(config.seqLength, L.seqLength, 'seqLength'), noise: checkParam(config.noise, L.noise, 'noise'), components: checkParam(config.components, L.components, 'components') };
}

/** The echo task's settings, checked. */
export function checkEchoParams(config: EchoTaskConfig): { lag: number; symbols: number } {
  return { lag: checkParam(config.lag, TASK_LIMITS.echo.lag, 'lag'), symbols: checkParam(config.symbols, TASK_LIMITS.echo.symbols, 'symbols') };
}

/** The adding task's sequence length, checked. */
export function checkAddingParams(config: AddingTaskConfig): number {
  return checkParam(config.seqLength, TASK_LIMITS.adding.seqLength, 'seqLength');
}

/**
 * Throws the `EngineError` that `createTask(config)` would throw, without building the task. A text task without a
 * text trains on the bundled passage, which fits every allowed T (test/engine/tasks/check.test.ts); translate and
 * caption have nothing to refuse.
 */
export function checkTaskConfig(config: TaskConfig): void {
  switch (checkTaskKind(config)) {
    case 'text': {
      const c = config as TextTaskConfig;
      const T = checkTextParams(c);
      if (c.text !== undefined) checkText(normalizeLineEndings(c.text), T);
      return;
    }
    case 'sine':
      checkSineParams(config as SineTaskConfig);
      return;
    case 'echo':
      checkEchoParams(config as EchoTaskConfig);
      return;
    case 'adding':
      checkAddingParams(config as AddingTaskConfig);
      return;
    case 'series':
      checkSeriesConfig(config as SeriesTaskConfig);
      return;
    case 'translate':
    case 'caption':
      return;
  }
}
