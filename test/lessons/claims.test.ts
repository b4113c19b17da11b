/**
 * Every claim a lesson makes about what the network does, run on the engine: for each seed, the lesson's own
 * scenario trained for the claim's step budget, the quantity read the same way the page reads it.
 * A lesson whose text says something the engine does not show fails here.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session';
import { LESSONS } from '../../src/lessons';
import { compare, readQuantity } from '../../src/lessons/quantities';
import type { RunSnapshot } from '../../src/lessons/quantities';
import { fromHash } from '../../src/state/url';

/** What the page would see of a session trained `steps` steps: the same frame parts the quantities read. */
export function trainedSnapshot(scenario: string, seed: number, steps: number): RunSnapshot {
  const p = new URLSearchParams(scenario);
  p.set('seed', String(seed));
  const s = new Session(fromHash(`#${p.toString()}`).config);
  if (steps > 0) s.train(steps);
  return { step: s.trainer.step, loss: steps > 0 ? s.trainer.stats.loss : null, metric: s.evaluate(), record: s.inspect(0), spectral: s.spectral() };
}

for (const lesson of LESSONS) {
  describe(`lesson "${lesson.id}": what it says, the engine shows`, () => {
    for (const c of lesson.claims) {
      it(`${c.says} — ${c.holds.quantity} ${c.holds.op} ${c.holds.value} after ${c.steps} steps, seeds ${c.seeds.join(', ')}`, { timeout: 120_000 }, () => {
        for (const seed of c.seeds) {
          const snap = trainedSnapshot(c.scenario, seed, c.steps);
          expect(snap.step, `seed ${seed} trained without diverging`).toBe(c.steps);
          const v = readQuantity(c.holds.quantity, snap);
          expect(v, `seed ${seed}: ${c.holds.quantity} is measured`).not.toBeNull();
          expect(compare(v!, c.holds.op, c.holds.value), `seed ${seed}: ${c.holds.quantity} = ${v}`).toBe(true);
        }
      });
    }
  });
}
