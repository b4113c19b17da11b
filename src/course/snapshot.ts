import type { RunSnapshot } from '../lessons/quantities';
import type { LabState } from '../state/store';

/** What a lesson's quantities read of the live lab: the committed frame, the latest figures it brought, and the error surface shown. */
export function snapshotOf(s: LabState): RunSnapshot {
  const n = s.history.length;
  return { step: s.step, loss: n > 0 ? s.history.loss[n - 1] : null, metric: s.metric, record: s.frame?.record ?? null, spectral: s.spectral, surface: s.surface };
}
