/**
 * The yardsticks of a forecast of a bundled seasonal series (engine/tasks/bundled-series.ts, e.g. `csv=co2`),
 * computed on the page from the run's task config: the seasonal naive forecast with drift (engine/tasks/seasonal.ts)
 * one step ahead and free-running over the held-out tail, and the last value repeated. This module builds the series
 * task and so brings the series' values: load it with `import()` (use-seasonal.ts), never statically from the lab.
 */
import { SeriesTask } from '../../engine/tasks/series';
import type { SeriesTaskConfig } from '../../engine/tasks/task';

/** What the page shows of the two yardsticks, in the series' own units except the z-scored MSE. */
export interface Yardsticks {
  /** the seasonal naive forecast with drift of the held-out tail, free-running, in the series' units */
  seasonal: Float64Array;
  /** its next-value MSE on the metric's scored steps, z-scored like the metric */
  seasonalMse: number;
  /** the repeated last trained value's MSE, which is the metric's own baseline (persistence), for reference */
  lastValueMse: number;
  /** mean |ẑ − z| of the free-running seasonal forecast over the held-out tail, in the series' units */
  seasonalMae: number;
  /** the same for repeating the last trained value */
  lastValueMae: number;
  season: number;
}

/** The yardsticks of a series task config with a held-out tail longer than the season `season`. */
export function yardsticks(config: SeriesTaskConfig, season: number): Yardsticks {
  const task = new SeriesTask(config);
  const b = task.seasonalBaseline(season);
  const tail = task.tail();
  const last = task.normalized[task.normalized.length - tail.length - 1];
  let seasonalMae = 0;
  let lastValueMae = 0;
  for (let h = 0; h < tail.length; h++) {
    seasonalMae += Math.abs(b.forecast[h] - tail[h]);
    lastValueMae += Math.abs(last - tail[h]);
  }
  return {
    seasonal: b.forecast.map((u) => task.denormalize(u)),
    seasonalMse: b.oneStepMse,
    lastValueMse: task.evaluate(task.evalSet().map((s) => s.inputs)).value,
    seasonalMae: (seasonalMae / tail.length) * task.std,
    lastValueMae: (lastValueMae / tail.length) * task.std,
    season,
  };
}
