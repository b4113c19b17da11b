/**
 * The forecast's seasonal yardstick, for the run's task when it forecasts the held-out tail of a bundled seasonal
 * series (`csv=co2`): loaded with `import()`, so the series' values and the task class reach the page only when a
 * view asks for them, and kept per config (the chart and the metric readout share one computation).
 */
import { useEffect, useState } from 'react';
import { bundledSeries } from '../../engine/tasks/bundled-series';
import type { SeriesTaskConfig, TaskConfig } from '../../engine/tasks/task';
import type { Yardsticks } from './seasonal-line';

/** The config the yardsticks are computed for, or null when the task has none (no season, no tail past a season). */
export function seasonalConfig(task: TaskConfig): { config: SeriesTaskConfig; season: number; key: string } | null {
  if (task.kind !== 'series') return null;
  const season = bundledSeries(task.csv)?.season;
  const K = task.holdout ?? 0;
  if (season === undefined || K < 1) return null;
  return { config: task, season, key: `${task.csv}|${task.seqLength}|${K}|${season}` };
}

const cache = new Map<string, Promise<Yardsticks | null>>();

/** The yardsticks of `task` (computed once per config), or null. */
export function loadYardsticks(task: TaskConfig): Promise<Yardsticks | null> {
  const c = seasonalConfig(task);
  if (!c) return Promise.resolve(null);
  let p = cache.get(c.key);
  if (!p) {
    // a config the task refuses (the lab refuses it too) has no yardsticks
    p = import('./seasonal-line').then((m) => m.yardsticks(c.config, c.season)).catch(() => null);
    cache.set(c.key, p);
  }
  return p;
}

/** The yardsticks of the run's task once loaded; null before, and for a task without them. */
export function useYardsticks(task: TaskConfig): Yardsticks | null {
  const key = seasonalConfig(task)?.key ?? null;
  const [state, setState] = useState<{ key: string; value: Yardsticks | null } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void loadYardsticks(task).then((value) => {
      if (live) setState({ key, value });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names everything of `task` the yardsticks read
  }, [key]);
  return state !== null && state.key === key ? state.value : null;
}
