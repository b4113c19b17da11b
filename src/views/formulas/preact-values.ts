/**
 * The streamed parts of a gate pre-activation a_t[j] = (W_x· x_t)[j] + (W_h· h_{t−1})[j] + b_·[j] at (t, j),
 * read from the record's preX, preH, preB (for the GRU's n: (W_hn (r_t ⊙ h_{t−1}))[j]).
 */
import type { InspectRecord } from '../../engine/session';

/** The three parts of a_t[j] and their sum. */
export interface PreactValues {
  /** (W_x· x_t)[j] */
  x: number;
  /** (W_h· h_{t−1})[j] (GRU n: (W_hn (r_t ⊙ h_{t−1}))[j]) */
  h: number;
  /** b_·[j] */
  b: number;
  /** x + h + b, the pre-activation */
  a: number;
}

/** The parts of gate `gate`'s pre-activation at (t, j), or null when the record does not carry them. */
export function preactParts(rec: InspectRecord, gate: string, t: number, j: number): PreactValues | null {
  const g = rec.gateNames.indexOf(gate);
  const R = rec.gateNames.length * rec.H;
  if (g < 0 || rec.preX.length < (t + 1) * R || rec.preH.length < (t + 1) * R || rec.preB.length < R) return null;
  const r = g * rec.H + j;
  const x = rec.preX[t * R + r];
  const h = rec.preH[t * R + r];
  const b = rec.preB[r];
  return { x, h, b, a: x + h + b };
}
