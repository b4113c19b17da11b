/**
 * Next-value prediction on the user's own series z_0…z_{N−1}, pasted as CSV. The series is
 * z-scored, u_n = (z_n − μ)/σ, so the network sees numbers of order 1; labels convert back to the
 * original units. A sequence is a window of T steps at offset s: x_t = u_{s+t}, target_t = u_{s+t+1},
 * every step scored. Metric: MSE in z-score units against persistence û_{n+1} = u_n.
 * With `holdout` K > 0 the last K points are never trained on (μ and σ come from the rest too): the metric scores
 * next-value predictions of the tail only, and a forecast can be checked against a future the network never saw.
 */
import { EngineError } from '../errors';
import { Rng } from '../rng';
import type { Sequence } from '../types';
import { bundledSeries } from './bundled-series';
import { checkSeriesTask } from './check';
import { CO2_MONTHLY } from './co2-mauna-loa';
import { fmt3 } from './labels';
import { persistenceMetric, persistenceMse } from './scoring';
import { seasonalDrift, seasonalForecast, seasonalOneStep } from './seasonal';
import { checkStep, newSequence } from './sequence';
import { EVAL_SEED, type SeriesTaskConfig, type Task, type TaskMetric } from './task';

/** How many windows the evaluation set holds at most. */
export const SERIES_EVAL_WINDOWS = 32;

/** The values of a bundled series by name (bundled-series.ts lists the names the page knows without the data). */
const BUNDLED_VALUES: Readonly<Record<string, readonly number[]>> = { co2: CO2_MONTHLY };

/** The seasonal naive forecast with drift (seasonal.ts) of a held-out tail, z-scored like the task's values. */
export interface SeasonalBaseline {
  /** the season s, in values per cycle */
  season: number;
  /** D/σ: the mean s-step change over the part trained on, z-scored */
  drift: number;
  /** the MSE of ẑ_n = z_{n−s} + D on the evaluation set's scored steps: comparable with the task's metric */
  oneStepMse: number;
  /** ẑ_{M+h} = z_{M+h−k·s} + k·D for h = 0 … K−1, from the trained part only */
  forecast: Float64Array;
}

/** The user-series task. */
export class SeriesTask implements Task {
  readonly kind = 'series' as const;
  readonly config: SeriesTaskConfig;
  readonly head = 'linear' as const;
  readonly inputSize = 1;
  readonly outputSize = 1;
  readonly length: number;
  /** the series in its original units */
  readonly raw: Float64Array;
  /** μ, the mean of the raw series */
  readonly mean: number;
  /** σ, the (population) standard deviation of the raw series */
  readonly std: number;
  /** u_n = (z_n − μ)/σ */
  readonly normalized: Float64Array;
  private evalCache: { set: Sequence[]; starts: number[]; persistence: number } | null = null;

  /** how many last points are held out of training (0: none) */
  readonly holdout: number;

  constructor(config: SeriesTaskConfig) {
    // a bundled series named by `csv` (e.g. "co2") reads its values here; the config keeps the name
    const named = bundledSeries(config.csv);
    const { T, raw, mean, std } = checkSeriesTask(config, named ? Float64Array.from(BUNDLED_VALUES[named.name]) : undefined);
    this.holdout = config.holdout ?? 0;
    this.config = this.holdout > 0 ? { kind: 'series', csv: config.csv, seqLength: T, holdout: this.holdout } : { kind: 'series', csv: config.csv, seqLength: T };
    this.length = T;
    this.raw = raw;
    this.mean = mean;
    this.std = std;
    this.normalized = raw.map((z) => (z - mean) / std);
  }

  /** z in original units for a normalised u: z = μ + σu. */
  denormalize(u: number): number {
    return this.mean + this.std * u;
  }

  /** The window at offset `start`: x_t = u_{start+t}, target_t = u_{start+t+1}. */
  windowAt(start: number): Sequence {
    const T = this.length;
    const u = this.normalized;
    if (!Number.isInteger(start) || start < 0 || start + T >= u.length) {
      throw new EngineError('bad-config', `start ${start} is outside 0…${u.length - T - 1}, where a sequence of ${T} steps fits`, 'start');
    }
    const seq = newSequence(T, 1, 1, false);
    for (let t = 0; t < T; t++) {
      seq.inputs[t] = u[start + t];
      seq.targets[t] = u[start + t + 1];
      seq.mask[t] = 1;
    }
    return seq;
  }

  /** A window at a uniformly random offset s ∈ {0, …, N−K−T−1}: its targets stop before the held-out last K points. */
  sample(rng: Rng): Sequence {
    return this.windowAt(rng.int(this.normalized.length - this.holdout - this.length));
  }

  /** The held-out last K points, z-scored (empty without a holdout). */
  tail(): Float64Array {
    return this.normalized.slice(this.normalized.length - this.holdout);
  }

  /** The window whose inputs are the T points just before the held-out tail: what a forecast of the tail reads. */
  beforeTail(): Sequence {
    return this.windowAt(this.normalized.length - this.holdout - this.length);
  }

  private ensureEval(): { set: Sequence[]; starts: number[]; persistence: number } {
    if (!this.evalCache) {
      // with a holdout, the K windows whose last target is in the tail, each scored on its targets in the tail only
      const K = this.holdout;
      const first = K > 0 ? this.normalized.length - K - this.length : 0;
      const span = K > 0 ? K : this.normalized.length - this.length;
      const n = Math.min(SERIES_EVAL_WINDOWS, span);
      const rng = new Rng(EVAL_SEED);
      const set: Sequence[] = [];
      const starts: number[] = [];
      for (let i = 0; i < n; i++) {
        // stratified: one start in each of n equal slices of the valid offsets
        const lo = Math.floor((i * span) / n);
        const hi = Math.floor(((i + 1) * span) / n);
        const start = first + lo + rng.int(hi - lo);
        const seq = this.windowAt(start);
        if (K > 0) for (let t = 0; t < seq.length; t++) if (start + t + 1 < this.normalized.length - K) seq.mask[t] = 0;
        set.push(seq);
        starts.push(start);
      }
      this.evalCache = { set, starts, persistence: persistenceMse(set) };
    }
    return this.evalCache;
  }

  /** Up to 32 windows spread over the whole series, or over the held-out tail (jittered by a fixed seed), the same every call. */
  evalSet(): readonly Sequence[] {
    return this.ensureEval().set;
  }

  /** MSE in z-score units, baseline the MSE of persistence û_{n+1} = u_n on the same windows. */
  evaluate(outputs: readonly Float64Array[]): TaskMetric {
    const { set, persistence } = this.ensureEval();
    return persistenceMetric('MSE (z-scored)', set, outputs, persistence);
  }

  /**
   * The seasonal naive forecast with drift of the held-out tail (seasonal.ts), season `season`: one step ahead,
   * scored on the same steps as `evaluate` (so its MSE stands beside the metric and its persistence baseline), and
   * free-running over the K held-out values. Throws without a holdout or with no more than `season` values trained on.
   */
  seasonalBaseline(season: number): SeasonalBaseline {
    const K = this.holdout;
    if (K === 0) throw new EngineError('bad-config', 'a seasonal baseline scores a held-out tail; this series holds none out', 'holdout');
    const u = this.normalized;
    const M = u.length - K;
    const drift = seasonalDrift(u, M, season);
    const { set, starts } = this.ensureEval();
    let sum = 0;
    let count = 0;
    set.forEach((seq, i) => {
      for (let t = 0; t < seq.length; t++) {
        if (seq.mask[t] !== 1) continue;
        sum += (seasonalOneStep(u, starts[i] + t + 1, drift, season) - seq.targets[t]) ** 2;
        count++;
      }
    });
    return { season, drift, oneStepMse: count === 0 ? 0 : sum / count, forecast: seasonalForecast(u, M, K, season) };
  }

  /** The input value in original units, 3 significant digits. */
  inputLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return fmt3(this.denormalize(seq.inputs[t]));
  }

  /** The next value in original units. */
  targetLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return seq.mask[t] === 1 ? fmt3(this.denormalize(seq.targets[t])) : '';
  }

  /** The predicted next value in original units. */
  outputLabel(output: Float64Array, offset: number): string {
    return fmt3(this.denormalize(output[offset]));
  }
}
