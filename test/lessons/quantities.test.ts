/**
 * The quantities the vanishing lesson added: the share of saturated tanh values, and ρ(W_hh) gated by a shrinking
 * error (one number for a Try whose goal is "ρ large and the error still shrinks"). Read on hand-made snapshots, then
 * on the engine's own record of the lesson's scenario.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/create-session';
import type { InspectRecord } from '../../src/engine/session';
import { readQuantity, SATURATED } from '../../src/lessons/quantities';
import type { RunSnapshot } from '../../src/lessons/quantities';
import { fromHash } from '../../src/state/url';

/** A snapshot with only what these quantities read: h, the error's flow back (flowH, τ) and the spectral radius. */
function snap(h: number[], flowH: number[], radius: number | null): RunSnapshot {
  const record = { h: Float64Array.from(h), flowH: Float64Array.from(flowH), tau: flowH.length - 1 } as unknown as InspectRecord;
  return { step: 0, loss: null, metric: null, record, spectral: radius === null ? null : [{ name: 'Wh', radius, sigmaMax: radius }] };
}

describe('saturatedShare', () => {
  it('counts the values of h beyond ±0.95, of all steps and units', () => {
    expect(SATURATED).toBe(0.95);
    expect(readQuantity('saturatedShare', snap([0, 0.5, -0.96, 0.99, 0.95, -1], [1, 1], 1))).toBeCloseTo(3 / 6, 12);
    expect(readQuantity('saturatedShare', snap([], [1, 1], 1))).toBeNull();
    expect(readQuantity('saturatedShare', snap([0.99, Number.NaN], [1, 1], 1))).toBeNull();
  });
});

describe('rhoWhileShrinking', () => {
  it('is ρ(W_hh) when the error shrinks on its way back, 0 when it does not, null when either is missing', () => {
    // flowH[0] is the error at step 0, flowH[τ] at the last step: 0.25 of it over 2 steps back is 0.5 per step
    expect(readQuantity('rhoWhileShrinking', snap([0], [0.25, 0.5, 1], 3))).toBe(3);
    expect(readQuantity('rhoWhileShrinking', snap([0], [4, 2, 1], 3))).toBe(0);
    expect(readQuantity('rhoWhileShrinking', snap([0], [1, 1, 1], 3))).toBe(0);
    expect(readQuantity('rhoWhileShrinking', snap([0], [0.25, 0.5, 1], null))).toBeNull();
  });

  it('on the engine: tanh with W_hh = 3·I saturates and shrinks (ρ = 3); the orthogonal start at the same ρ grows (0)', () => {
    const at = (init: string) => {
      const s = createSession(fromHash(`#task=adding&T=20&cell=rnn&act=tanh&init=${init}&rscale=3&seed=1`).config);
      return { step: 0, loss: null, metric: s.evaluate(), record: s.inspect(0), spectral: s.spectral() } as RunSnapshot;
    };
    const identity = at('identity');
    expect(readQuantity('rhoWhileShrinking', identity)).toBeCloseTo(3, 9);
    expect(readQuantity('saturatedShare', identity)).toBeGreaterThan(0.5);
    expect(readQuantity('rhoWhileShrinking', at('orthogonal'))).toBe(0);
  });
});
