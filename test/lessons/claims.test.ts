/**
 * Every claim a lesson makes about what the network does, run on the engine: for each seed, the lesson's own
 * scenario trained for the claim's step budget, the quantity read the same way the page reads it.
 * A lesson whose text says something the engine does not show fails here.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/create-session';
import type { AnySession } from '../../src/engine/create-session';
import { LESSONS } from '../../src/lessons';
import { compare, readQuantity } from '../../src/lessons/quantities';
import type { RunSnapshot } from '../../src/lessons/quantities';
import { fromHash } from '../../src/state/url';
import { DEFAULT_SURFACE_REQUEST } from '../../src/views/surface/surface-summary';
import type { SurfaceRequest, SurfaceResult } from '../../src/worker/protocol';
import { computeSurface } from '../../src/worker/surface';
import { parseSurfaceRequest } from '../../src/worker/surface-request';

/** What the page would see of a session trained `steps` steps: the same frame parts the quantities read. */
/** The spectra as the page gets them: null when they cannot be computed (the worker sends none then, either). */
function spectralOrNull(s: AnySession): ReturnType<AnySession['spectral']> | null {
  try {
    return s.spectral();
  } catch {
    return null;
  }
}

export function trainedSnapshot(scenario: string, seed: number, steps: number): RunSnapshot {
  const p = new URLSearchParams(scenario);
  p.set('seed', String(seed));
  // the session the page would run: a Seq2SeqSession for translation and captions, a Session for the rest
  const s = createSession(fromHash(`#${p.toString()}`).config);
  if (steps > 0) s.train(steps);
  return { step: s.step, loss: steps > 0 ? s.latest.loss : null, metric: s.evaluate(), record: s.inspect(0), spectral: spectralOrNull(s) };
}

/** Claims that read the same run (scenario, seed, steps) share one training: the snapshot is only read. */
const runs = new Map<string, RunSnapshot>();
function trainedRun(scenario: string, seed: number, steps: number): RunSnapshot {
  const key = `${scenario}|${seed}|${steps}`;
  let r = runs.get(key);
  if (!r) runs.set(key, (r = trainedSnapshot(scenario, seed, steps)));
  return r;
}

const surfaces = new Map<string, SurfaceResult>();

/** The error surface a claim speaks of: the surface view's first request with the claim's changes and this seed, as the worker would compute it (claims share results). */
export function claimSurface(patch: Partial<SurfaceRequest>, seed: number): SurfaceResult {
  const req = parseSurfaceRequest({ ...DEFAULT_SURFACE_REQUEST, ...patch, seed });
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
          const snap = { ...trainedRun(c.scenario, seed, c.steps), ...(c.surface ? { surface: claimSurface(c.surface, seed) } : {}) };
          expect(snap.step, `seed ${seed} trained without diverging`).toBe(c.steps);
          const v = readQuantity(c.holds.quantity, snap);
          expect(v, `seed ${seed}: ${c.holds.quantity} is measured`).not.toBeNull();
          expect(compare(v!, c.holds.op, c.holds.value), `seed ${seed}: ${c.holds.quantity} = ${v}`).toBe(true);
        }
      });
    }
  });
}
