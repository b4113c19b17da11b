/**
 * The series bundled with the lab, named by the series task's `csv` field (a link's `csv=co2`) instead of carried
 * as numbers. Names and sizes only — no data: the page checks a configuration with them (check.ts) without loading
 * the values, which only the task (series.ts, in the worker and in the pages that draw the series) imports.
 *
 * Why the name goes in `csv` rather than in a link key of its own: a series task then has one source of its values
 * (one field, no "which wins" between a key and a CSV), a config that names a series stays short everywhere it
 * travels (the address bar, a saved run, a lesson's scenario, an embed's attributes), and every place that already
 * handles `csv` (the link keys, locking, sharing) handles the name unchanged. A name cannot be mistaken for a series:
 * a CSV of one line without a number is a header with no values, which the task refuses, so no series that trained
 * before means something else now.
 */

/** One bundled series: what the page calls it, how many values it has, and its season (values per cycle). */
export interface BundledSeries {
  readonly name: string;
  readonly title: string;
  readonly points: number;
  /** values per yearly cycle, for the seasonal baseline (seasonal.ts); absent for a series without one */
  readonly season?: number;
}

export const BUNDLED_SERIES: Readonly<Record<string, BundledSeries>> = {
  co2: { name: 'co2', title: 'monthly CO₂ at Mauna Loa, March 1958 to April 2025 (NOAA GML)', points: 806, season: 12 },
};

/** The names of the bundled series, in order. */
export const BUNDLED_SERIES_NAMES: readonly string[] = Object.keys(BUNDLED_SERIES);

/** The bundled series a `csv` value names (the whole value, exactly), or null for a series given as numbers. */
export function bundledSeries(csv: unknown): BundledSeries | null {
  return typeof csv === 'string' && Object.hasOwn(BUNDLED_SERIES, csv) ? BUNDLED_SERIES[csv] : null;
}

/** A one-word value: a name (bundled or not) rather than numbers; a CSV of one word has no values to train on. */
export function looksLikeSeriesName(csv: string): boolean {
  return /^[A-Za-z][\w.-]*$/.test(csv);
}
