import type { SessionConfig } from '../engine/config';
import { createSession } from '../engine/create-session';
import type { CellKind } from '../engine/types';
import type { Clock, Post } from './loop';
import { MIN_BENCHMARK_STEPS } from './protocol';
import type { BenchmarkResult, Command } from './protocol';

/** The most steps one cell is timed for, whatever the clock says (a clock that stands still must not hang the worker). */
export const MAX_BENCHMARK_STEPS = 500;

type BenchmarkCommand = Extract<Command, { type: 'benchmark' }>;

/**
 * The mean wall time of a training step of `config` with its cell replaced by `cell`, on a throwaway session (the
 * live run is not touched): one warm-up step — the first step of a cell compiles its code paths —, then steps until
 * `budgetMs` have passed, at least MIN_BENCHMARK_STEPS and at most MAX_BENCHMARK_STEPS. A run that diverges stops
 * the count there; with no step timed, msPerStep is NaN.
 */
export function timeCell(config: SessionConfig, cell: CellKind, budgetMs: number, clock: Pick<Clock, 'now'>): BenchmarkResult {
  const s = createSession({ ...config, model: { ...config.model, cell } });
  s.train(1);
  const t0 = clock.now();
  let steps = 0;
  while (steps < MAX_BENCHMARK_STEPS && (steps < MIN_BENCHMARK_STEPS || clock.now() - t0 < budgetMs)) {
    if (s.train(1) === 0) break;
    steps++;
  }
  const ms = clock.now() - t0;
  return { cell, paramCount: s.shape().model.paramCount, steps, msPerStep: steps > 0 ? ms / steps : NaN };
}

/** Benchmark requests waiting to be timed, oldest first; the loop times one cell per slice. */
export class BenchmarkQueue {
  private readonly jobs: { cmd: BenchmarkCommand; config: SessionConfig; results: BenchmarkResult[] }[] = [];

  constructor(private readonly post: Post, private readonly clock: Pick<Clock, 'now'>) {}

  get pending(): boolean {
    return this.jobs.length > 0;
  }

  /** Queues a request for the live run's config; without a live run it is answered at once with an error. */
  add(cmd: BenchmarkCommand, config: SessionConfig | null): void {
    if (!config) return this.answer(cmd, [], 'There is no run to time yet.');
    // a copy: the request times the settings of when it was asked, whatever runs by the time its turn comes
    this.jobs.push({ cmd, config: JSON.parse(JSON.stringify(config)) as SessionConfig, results: [] });
  }

  /** Times the next cell of the oldest request, and answers the request after its last cell. False when none waits. */
  runOne(): boolean {
    const job = this.jobs[0];
    if (!job) return false;
    const cell = job.cmd.cells[job.results.length];
    try {
      job.results.push(timeCell(job.config, cell, job.cmd.budgetMs, this.clock));
    } catch (e) {
      this.jobs.shift();
      this.answer(job.cmd, [], e instanceof Error ? e.message : String(e));
      return true;
    }
    if (job.results.length === job.cmd.cells.length) {
      this.jobs.shift();
      this.answer(job.cmd, job.results, null);
    }
    return true;
  }

  private answer(cmd: BenchmarkCommand, results: BenchmarkResult[], error: string | null): void {
    this.post({ type: 'benchmark', runId: cmd.runId, requestId: cmd.requestId, results, error }, []);
  }
}
