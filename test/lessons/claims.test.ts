/**
 * Every claim a lesson makes about what the network does, run on the engine: for each seed, the lesson's own
 * scenario trained for the claim's step budget, the quantity read the same way the page reads it.
 * A lesson whose text says something the engine does not show fails here.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/create-session';
import type { AnySession } from '../../src/engine/create-session';
import { LESSONS } from '../../src/lessons';
import { Rng } from '../../src/engine/rng';
import { TextTask } from '../../src/engine/tasks/text';
import { compare, readQuantity } from '../../src/lessons/quantities';
import type { QuantityId, RunSnapshot } from '../../src/lessons/quantities';
import { CLAIM_QUANTITIES } from '../../src/lessons/types';
import type { ClaimQuantityId } from '../../src/lessons/types';
import { lessonSurfaceRequest } from '../../src/lessons/surface-request';
import { fromHash } from '../../src/state/url';
import { forecastError } from '../../src/views/output/forecast-layout';
import { yardsticks } from '../../src/views/output/seasonal-line';
import { seasonalConfig } from '../../src/views/output/use-seasonal';
import type { SurfaceRequest, SurfaceResult } from '../../src/worker/protocol';
import { computeSurface } from '../../src/worker/surface';
import { parseSurfaceRequest } from '../../src/worker/surface-request';
import { taskOutput } from '../../src/worker/outputs';

/** The spectra as the page gets them: null when they cannot be computed (the worker sends none then, either). */
function spectralOrNull(s: AnySession): ReturnType<AnySession['spectral']> | null {
  try {
    return s.spectral();
  } catch {
    return null;
  }
}

/** A session of the scenario at this seed (the session the page would run: a Seq2SeqSession for translation and captions, a Session for the rest), trained `steps` steps. */
function trainedSession(scenario: string, seed: number, steps: number): AnySession {
  const p = new URLSearchParams(scenario);
  p.set('seed', String(seed));
  const s = createSession(fromHash(`#${p.toString()}`).config);
  if (steps > 0) s.train(steps);
  return s;
}

/** What the page would see of a session: the same frame parts the quantities read. */
function snapshotOf(s: AnySession): RunSnapshot {
  return { step: s.step, loss: s.step > 0 ? s.latest.loss : null, metric: s.evaluate(), record: s.inspect(0), spectral: spectralOrNull(s) };
}

/** What the page would see of the scenario at this seed, trained `steps` steps. */
export function trainedSnapshot(scenario: string, seed: number, steps: number): RunSnapshot {
  return snapshotOf(trainedSession(scenario, seed, steps));
}

/** Claims that read the same run (scenario, seed, steps) share one training: the session and its snapshot are only read. */
const runs = new Map<string, { session: AnySession; snap: RunSnapshot }>();
function trainedRun(scenario: string, seed: number, steps: number): { session: AnySession; snap: RunSnapshot } {
  const key = `${scenario}|${seed}|${steps}`;
  let r = runs.get(key);
  if (!r) {
    const session = trainedSession(scenario, seed, steps);
    runs.set(key, (r = { session, snap: snapshotOf(session) }));
  }
  return r;
}

/** The words of a text as claims count them: runs of letters a–z, lower-cased. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];

/** How many of the output view's samples a sample claim reads (types.ts, CLAIM_QUANTITIES). */
const SAMPLES = 5;

/** A quantity only a claim reads (CLAIM_QUANTITIES in src/lessons/types.ts), measured on the trained session at this seed; null when the run has none. */
export function readClaimQuantity(id: ClaimQuantityId, session: AnySession, seed: number): number | null {
  switch (id) {
    case 'sampleWordShare': {
      if (session.family !== 'sequence' || !(session.task instanceof TextTask)) return null;
      const known = new Set(wordsOf(session.task.decode(session.task.codes)));
      // the output view's samples, drawn as the worker draws them for a run of this seed
      const rng = new Rng(seed);
      const words: string[] = [];
      for (let k = 0; k < SAMPLES; k++) {
        const out = taskOutput(session, rng);
        if (out.kind === 'text') words.push(...wordsOf(out.text));
      }
      return words.length === 0 ? null : words.filter((w) => known.has(w)).length / words.length;
    }
    case 'forecastError': {
      if (session.family !== 'sequence') return null;
      // the output view's first forecast of a run of this seed (a forecast draws nothing at random)
      const out = taskOutput(session, new Rng(seed));
      return out.kind === 'forecast' ? forecastError(out) : null;
    }
    case 'seasonalMse':
    case 'lastValueForecastError': {
      // the yardsticks as the page computes them for the run's task: none unless it forecasts a bundled seasonal series' tail
      const c = session.family === 'sequence' ? seasonalConfig(session.config.task) : null;
      if (!c) return null;
      const y = yardsticks(c.config, c.season);
      return id === 'seasonalMse' ? y.seasonalMse : y.lastValueMae;
    }
  }
}

const surfaces = new Map<string, SurfaceResult>();

/** The error surface a claim speaks of: the surface view's first request with the claim's changes and this seed (built as a lesson step builds the request it sends), as the worker would compute it (claims share results). */
export function claimSurface(patch: Partial<SurfaceRequest>, seed: number): SurfaceResult {
  const req = parseSurfaceRequest({ ...lessonSurfaceRequest(patch), seed });
  expect(req, `the surface request ${JSON.stringify(patch)} is one the worker accepts`).not.toBeNull();
  const key = JSON.stringify(req);
  let r = surfaces.get(key);
  if (!r) surfaces.set(key, (r = computeSurface(req!)));
  return r;
}

// A claim trains up to a few thousand steps on several seeds: seconds on a quiet machine, minutes on a loaded one.
// The bound is only where a claim counts as stuck; what it asserts is the result.
for (const lesson of LESSONS) {
  describe(`lesson "${lesson.id}": what it says, the engine shows`, () => {
    for (const c of lesson.claims) {
      it(`${c.says} — ${c.holds.quantity} ${c.holds.op} ${c.holds.value} after ${c.steps} steps, seeds ${c.seeds.join(', ')}`, { timeout: 600_000 }, () => {
        for (const seed of c.seeds) {
          const run = trainedRun(c.scenario, seed, c.steps);
          const snap = { ...run.snap, ...(c.surface ? { surface: claimSurface(c.surface, seed) } : {}) };
          expect(snap.step, `seed ${seed} trained without diverging`).toBe(c.steps);
          const q = c.holds.quantity;
          const v = q in CLAIM_QUANTITIES ? readClaimQuantity(q as ClaimQuantityId, run.session, seed) : readQuantity(q as QuantityId, snap);
          expect(v, `seed ${seed}: ${c.holds.quantity} is measured`).not.toBeNull();
          expect(compare(v!, c.holds.op, c.holds.value), `seed ${seed}: ${c.holds.quantity} = ${v}`).toBe(true);
        }
      });
    }
  });
}
