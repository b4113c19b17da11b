import { parseRoute } from '../app/route';
import { parseScenario } from '../state/scenario';
import type { Scenario } from '../state/scenario';
import { parseOrigins } from './origins';

/** What an embed shows: a lab scenario, or one step of a lesson (step 0-based). */
export type EmbedRoute = { kind: 'lab' } | { kind: 'lesson'; id: string; step: number };

export interface EmbedLink {
  route: EmbedRoute;
  scenario: Scenario;
  /** hosts whose commands are obeyed */
  origins: string[];
  /** what the link reading changed or ignored (the lab's own notes come from fromHash) */
  notes: string[];
}

/**
 * Reads `embed.html#…`: the app's keys (a lab link, or `lesson=<id>&step=<n>`), the scenario (`controls=`,
 * `lock=`, `caption=`, `at=`) and `origins=`. Anything is accepted and made sense of, never thrown on.
 */
export function readEmbedLink(hash: string): EmbedLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const route = parseRoute(hash);
  const { scenario, notes } = parseScenario(hash);
  let originsText: string | null = null;
  try {
    originsText = new URLSearchParams(text).get('origins');
  } catch {
    // an unreadable hash: no allowlist (parseRoute and parseScenario have said what they could)
  }
  const origins = parseOrigins(originsText);
  return {
    route: route.page === 'lesson' ? { kind: 'lesson', id: route.id, step: route.step } : { kind: 'lab' },
    scenario,
    origins: origins.origins,
    notes: [...notes, ...origins.notes],
  };
}
