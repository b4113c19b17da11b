import type { SessionConfig } from '../engine/config';
import { EngineError } from '../engine/errors';
import { createSession } from '../engine/create-session';
import type { TaskMetric } from '../engine/tasks/task';
import type { Divergence } from '../engine/trainer';

/** How long to train and how often to report, beside the session config. */
export interface RunOptions {
  steps: number;
  /** evaluate the task metric every this many steps (and at the end) */
  evalEvery: number;
}

/** One progress line of `npm run train`. */
export interface ProgressLine {
  step: number;
  loss: number;
  gradNorm: number;
  gradNormClipped: number;
  clippedSteps: number;
  metric: TaskMetric;
}

/** The last line of `npm run train`. */
export interface SummaryLine {
  summary: true;
  steps: number;
  seconds: number;
  stepsPerSec: number;
  /** the task metric at the end; null when the weights no longer give finite outputs (after a divergence) */
  metric: TaskMetric | null;
  divergence: Divergence | null;
  notes: string[];
  config: SessionConfig;
}

/** Splits a train file into run options (steps, evalEvery) and the session config. */
export function splitRunOptions(raw: unknown): { options: RunOptions; config: Record<string, unknown> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new EngineError('bad-config', 'the config must be a JSON object');
  const { steps = 1000, evalEvery, ...config } = raw as Record<string, unknown>;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 1e7) throw new EngineError('bad-config', `expected an integer in [1, 10000000], got ${String(steps)}`, 'steps');
  const every = evalEvery ?? Math.max(1, Math.round(steps / 10));
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1) throw new EngineError('bad-config', `expected a positive integer, got ${String(evalEvery)}`, 'evalEvery');
  return { options: { steps, evalEvery: every }, config };
}

/** Trains a session for options.steps, calling `log` every evalEvery steps; returns the summary. */
export function runTraining(config: unknown, options: RunOptions, log: (line: ProgressLine) => void = () => {}): SummaryLine {
  const session = createSession(config);
  const t0 = performance.now();
  let clippedSteps = 0;
  while (session.step < options.steps) {
    const n = Math.min(options.evalEvery - (session.step % options.evalEvery), options.steps - session.step);
    for (let k = 0; k < n; k++) {
      if (session.train(1) === 0) break;
      if (session.latest.clipped) clippedSteps++;
    }
    const m = session.metrics();
    if (m.divergence) break;
    log({ step: m.step, loss: m.loss, gradNorm: m.gradNorm, gradNormClipped: m.gradNormClipped, clippedSteps, metric: session.evaluate() });
  }
  const seconds = (performance.now() - t0) / 1000;
  const m = session.metrics();
  let metric: TaskMetric | null = null;
  try {
    metric = session.evaluate();
  } catch (e) {
    if (!m.divergence) throw e;
  }
  return { summary: true, steps: m.step, seconds, stepsPerSec: m.step / seconds, metric, divergence: m.divergence, notes: session.notes, config: session.config };
}
