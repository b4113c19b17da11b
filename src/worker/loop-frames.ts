import type { AnySession } from '../engine/create-session';
import { EngineError } from '../engine/errors';
import { Rng } from '../engine/rng';
import type { TaskMetric } from '../engine/tasks/task';
import { EVAL_OUTPUT_QUANTITY } from '../engine/trainer';
import type { HistoryCollector } from './history';
import type { Clock, LoopOptions } from './loop-options';
import { taskOutput } from './outputs';
import type { Frame } from './protocol';

/** What a frame tells of the loop beside the session: whether it plays, what it handled, which sequence is inspected. */
export interface FrameRun {
  /** asked as the frame is made: a divergence met while building it pauses the loop */
  playing: () => boolean;
  handled: number;
  history: HistoryCollector;
  sample: number;
  tau: number | null;
  /** the evaluation outputs were not finite: the loop declares and reports the divergence */
  diverged: () => void;
}

/**
 * Builds the loop's frames: numbers them, and recomputes the costlier parts (metric, spectra, task output) only when
 * their interval has passed or something forces a refresh (a pause, a step, a new run, a divergence).
 */
export class FrameBuilder {
  /** the last frame's id: the ack that names it lets the next one go */
  frameId = 0;
  private outputRng = new Rng(1);
  private last = { metric: -Infinity, spectral: -Infinity, output: -Infinity };
  private force = { metric: true, spectral: true, output: true };
  private rate = { t: 0, step: 0, value: 0 };

  constructor(private readonly clock: Clock, private readonly options: LoopOptions) {}

  /** The next frame carries every costlier part, whatever its interval. */
  refreshAll(): void {
    this.force = { metric: true, spectral: true, output: true };
  }

  /** A run from step 0 samples its output text from its own seed again, as a fresh run would. */
  reseed(seed: number): void {
    this.outputRng = new Rng(seed);
  }

  /** The frame of the session as it stands; takes the history collected since the previous one. */
  build(s: AnySession, run: FrameRun): Frame {
    const now = this.clock.now();
    const due = (k: 'metric' | 'spectral' | 'output', every: number) => this.force[k] || (now - this.last[k] >= every);
    let metric: Frame['metric'] = null;
    if (due('metric', this.options.metricEveryMs)) {
      const value = evaluateOrDiverge(s, run.diverged);
      metric = value ? { step: s.step, value } : null;
      this.last.metric = now;
      this.force.metric = false;
    }
    let spectral: Frame['spectral'] = null;
    if (due('spectral', this.options.spectralEveryMs)) {
      spectral = safe(() => s.spectral());
      this.last.spectral = now;
      this.force.spectral = false;
    }
    let output: Frame['output'] = null;
    if (due('output', this.options.outputEveryMs)) {
      output = safe(() => taskOutput(s, this.outputRng, run.sample));
      this.last.output = now;
      this.force.output = false;
    }
    const step = s.step;
    // steps per second over the last second or more; a step behind the last measured one (a restart) starts over
    if (now - this.rate.t >= 1000 || step < this.rate.step) {
      this.rate.value = this.rate.t > 0 && step >= this.rate.step ? ((step - this.rate.step) * 1000) / (now - this.rate.t) : 0;
      this.rate.t = now;
      this.rate.step = step;
    }
    const playing = run.playing();
    return {
      frameId: ++this.frameId,
      step,
      playing,
      handled: run.handled,
      stepsPerSecond: playing ? this.rate.value : 0,
      history: run.history.take(),
      metric,
      record: s.inspect(run.sample, s.scoredStep(run.sample, run.tau)),
      spectral,
      output,
    };
  }
}

/** The task metric, or null when the weights no longer give finite outputs (which is then a divergence). */
function evaluateOrDiverge(s: AnySession, diverged: () => void): TaskMetric | null {
  try {
    return s.evaluate();
  } catch (e) {
    if (!(e instanceof EngineError) || e.code !== 'non-finite') throw e;
    s.declareDivergence(EVAL_OUTPUT_QUANTITY);
    diverged();
    return null;
  }
}

/** fn(), or null when it throws (e.g. the spectrum of weights that overflowed). */
function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
