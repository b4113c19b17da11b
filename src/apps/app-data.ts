/**
 * The bundled data an application's run reads, added to its scenario as link keys. A bundled series is named, not
 * carried: `csv=co2` (engine/tasks/bundled-series.ts) is read by the series task, which loads the 806 CO₂ values in
 * the worker, so neither this module nor a link holds them (the link of the forecast page was ~7,000 characters).
 */
import type { AppEntry } from './registry';
import { labHash } from './registry';

/** The link keys that carry an application's data ('' for none), each starting with '&'. */
export function dataKeys(app: AppEntry): string {
  return app.data === 'co2' ? '&csv=co2' : '';
}

/** The application's run as lab link keys, its data included. */
export const scenarioWithData = (app: AppEntry) => `${app.scenario}${dataKeys(app)}`;

/** The same run in the full lab, its data included. */
export const labHashWithData = (app: AppEntry) => `${labHash(app)}${dataKeys(app)}`;
