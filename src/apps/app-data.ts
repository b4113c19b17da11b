/**
 * The bundled data an application's run reads, added to its scenario as link keys. Kept out of registry.ts, which
 * the gallery loads with the first page: the 806 CO₂ values load with the application's page only.
 */
import { CO2_CSV } from '../engine/tasks/co2-mauna-loa';
import type { AppEntry } from './registry';
import { labHash } from './registry';

/** The link keys that carry an application's data ('' for none), each starting with '&'. */
export function dataKeys(app: AppEntry): string {
  return app.data === 'co2' ? `&csv=${encodeURIComponent(CO2_CSV)}` : '';
}

/** The application's run as lab link keys, its data included. */
export const scenarioWithData = (app: AppEntry) => `${app.scenario}${dataKeys(app)}`;

/** The same run in the full lab, its data included. */
export const labHashWithData = (app: AppEntry) => `${labHash(app)}${dataKeys(app)}`;
