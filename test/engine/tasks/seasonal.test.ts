/**
 * The seasonal naive forecast with drift (tasks/seasonal.ts) against a hand computation on tiny series, the series
 * task's version of it scored on the metric's own steps, and the bundled CO₂ series named by `csv=co2`.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_SERIES, bundledSeries } from '../../../src/engine/tasks/bundled-series';
import { checkTaskConfig } from '../../../src/engine/tasks/check';
import { CO2_CSV, CO2_MONTHLY } from '../../../src/engine/tasks/co2-mauna-loa';
import { createTask } from '../../../src/engine/tasks/create';
import { seasonalDrift, seasonalForecast, seasonalOneStep } from '../../../src/engine/tasks/seasonal';
import { SeriesTask } from '../../../src/engine/tasks/series';

describe('the seasonal naive forecast with drift', () => {
  // season s = 3; the first M = 7 values are trained on, the last 4 held out
  const z = [1, 4, 2, 2, 5, 3, 4, 7, 5, 6, 8];

  it('drifts by the mean 3-step change over the trained part only', () => {
    // D = ((2−1) + (5−4) + (3−2) + (4−2)) / 4 = 5/4 = (5+3+4 − (1+4+2)) / (7 − 3)
    expect(seasonalDrift(z, 7, 3)).toBe(1.25);
    // the held-out values never enter it
    expect(seasonalDrift([...z.slice(0, 7), 100, -100, 0, 0], 7, 3)).toBe(1.25);
  });

  it('one step ahead: the value a season before plus D', () => {
    expect([7, 8, 9, 10].map((n) => seasonalOneStep(z, n, 1.25, 3))).toEqual([5 + 1.25, 3 + 1.25, 4 + 1.25, 7 + 1.25]);
  });

  it('free-running: the last trained value of the same phase plus k seasons of drift', () => {
    // h = 0, 1, 2: z_4, z_5, z_6 + D; h = 3 (k = 2): z_4 + 2D
    expect(Array.from(seasonalForecast(z, 7, 4, 3))).toEqual([6.25, 4.25, 5.25, 7.5]);
  });

  it('refuses a drift with no full season trained on, and a step with nothing a season before', () => {
    expect(() => seasonalDrift(z, 3, 3)).toThrow(RangeError);
    expect(() => seasonalDrift(z, 7, 0)).toThrow(RangeError);
    expect(() => seasonalOneStep(z, 2, 0, 3)).toThrow(RangeError);
  });
});

describe('the series task’s seasonal baseline', () => {
  it('on a line that jumps by 1 where the tail starts: every one-step and free-running error is that jump, in z units', () => {
    // z_n = n for the M = 20 trained values, then n + 1 for the 4 held out; season 4, so D = 4 and every ẑ_n = n
    const values = Array.from({ length: 24 }, (_, n) => (n < 20 ? n : n + 1));
    const task = new SeriesTask({ kind: 'series', csv: values.join('\n'), seqLength: 4, holdout: 4 });
    const b = task.seasonalBaseline(4);
    const sigma = Math.sqrt((20 * 20 - 1) / 12); // the population spread of 0 … 19
    expect(task.std).toBeCloseTo(sigma, 12);
    expect(b.drift).toBeCloseTo(4 / sigma, 12);
    expect(b.oneStepMse).toBeCloseTo(1 / sigma ** 2, 12);
    const tail = task.tail();
    expect(b.forecast).toHaveLength(4);
    for (let h = 0; h < 4; h++) expect(tail[h] - b.forecast[h]).toBeCloseTo(1 / sigma, 12);
  });

  it('is exact on a series that is a season repeated plus a steady rise', () => {
    const values = Array.from({ length: 60 }, (_, n) => [3, 1, 4, 1, 5, 9][n % 6] + 0.5 * n);
    const task = new SeriesTask({ kind: 'series', csv: values.join('\n'), seqLength: 8, holdout: 12 });
    const b = task.seasonalBaseline(6);
    expect(b.oneStepMse).toBeLessThan(1e-20);
    const tail = task.tail();
    for (let h = 0; h < 12; h++) expect(b.forecast[h]).toBeCloseTo(tail[h], 12);
  });

  it('needs a held-out tail', () => {
    const task = new SeriesTask({ kind: 'series', csv: CO2_CSV, seqLength: 24 });
    expect(() => task.seasonalBaseline(12)).toThrow(/holds none out/);
  });

  it('on the CO₂ series (T = 60, 48 months held out): well below repeating the last value', () => {
    const task = new SeriesTask({ kind: 'series', csv: 'co2', seqLength: 60, holdout: 48 });
    const b = task.seasonalBaseline(12);
    const persistence = task.evaluate(task.evalSet().map((s) => s.inputs)).value;
    // measured: 0.00118 against 0.00205 for the last value; the drift is 1.60 ppm a year (1958–2021)
    expect(b.oneStepMse).toBeCloseTo(0.00118, 5);
    expect(persistence).toBeCloseTo(0.00205, 5);
    expect(b.drift * task.std).toBeCloseTo(1.603, 3);
    let mae = 0;
    for (let h = 0; h < 48; h++) mae += Math.abs(b.forecast[h] - task.tail()[h]) * task.std;
    expect(mae / 48).toBeCloseTo(2.046, 3); // ppm, free-running over the 48 held-out months
  });
});

describe('a bundled series named by csv', () => {
  it('"co2" is the Mauna Loa series: the same task as its CSV, with the name kept in the config', () => {
    expect(bundledSeries('co2')).toBe(BUNDLED_SERIES.co2);
    expect(BUNDLED_SERIES.co2.points).toBe(CO2_MONTHLY.length);
    const named = new SeriesTask({ kind: 'series', csv: 'co2', seqLength: 24, holdout: 48 });
    const full = new SeriesTask({ kind: 'series', csv: CO2_CSV, seqLength: 24, holdout: 48 });
    expect(Array.from(named.normalized)).toEqual(Array.from(full.normalized));
    expect(named.mean).toBe(full.mean);
    expect(named.std).toBe(full.std);
    expect(named.config.csv).toBe('co2');
  });

  it('only the whole value names a series; anything else is read as numbers', () => {
    for (const v of ['co2 ', 'CO2', 'co2\n', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '']) expect(bundledSeries(v)).toBeNull();
  });

  it('checkTaskConfig, without the values, refuses what createTask refuses, with the same message', () => {
    const cases = [
      { kind: 'series' as const, csv: 'co2', seqLength: 60, holdout: 48 },
      { kind: 'series' as const, csv: 'co2', seqLength: 256, holdout: 600 },
      { kind: 'series' as const, csv: 'co2', seqLength: 24, holdout: 800 },
      { kind: 'series' as const, csv: 'co2', seqLength: 24, holdout: 2000 },
    ];
    for (const c of cases) {
      let created: string | null = null;
      let checked: string | null = null;
      try {
        createTask(c);
      } catch (e) {
        created = (e as Error).message;
      }
      try {
        checkTaskConfig(c);
      } catch (e) {
        checked = (e as Error).message;
      }
      expect(checked).toBe(created);
    }
  });
});
