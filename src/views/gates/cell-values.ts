/**
 * The numbers of one unit at one step, as the cell diagram shows them: what comes in on the memory line,
 * what each gate lets through, what goes out. Read from the record; nothing is recomputed but the
 * products the diagram names (f·c_{t−1}, i·g, …), so the printed numbers add up the way the equations say.
 */
import * as rec from '../../worker/record';
import type { InspectRecord } from '../../worker/record';

/** LSTM unit u at step t: c_t = f·c_{t−1} + i·g and h_t = o·tanh(c_t). */
export interface LstmValues {
  t: number;
  unit: number;
  /** the input label of step t */
  x: string;
  /** c_{t−1}, h_{t−1} as step t read them (0 at t = 0: the engine starts from c_0 = h_0 = 0; 0 at every step with recurrence off) */
  cPrev: number;
  hPrev: number;
  f: number;
  i: number;
  g: number;
  o: number;
  /** f·c_{t−1}: what the forget gate keeps of the memory */
  kept: number;
  /** (1 − f)·c_{t−1}: what it flushes */
  flushed: number;
  /** i·g: what the input gate writes */
  written: number;
  c: number;
  tanhC: number;
  h: number;
}

/** GRU unit u at step t: h_t = (1 − z)·n + z·h_{t−1}, n = tanh(Wxn x + Whn (r ⊙ h_{t−1}) + bn). */
export interface GruValues {
  t: number;
  unit: number;
  x: string;
  hPrev: number;
  z: number;
  r: number;
  n: number;
  /** r·h_{t−1}: this unit's share of what the reset gate lets into the candidate */
  resetH: number;
  /** z·h_{t−1}: what the update gate keeps */
  kept: number;
  /** (1 − z)·h_{t−1}: what it drops */
  dropped: number;
  /** (1 − z)·n: what it writes */
  written: number;
  h: number;
}

/** The state step t read for unit u: the previous step's, or 0 when the recurrence is off (every step starts from the zero state). */
function readPrev(record: InspectRecord, state: (r: InspectRecord, t: number, u: number) => number, t: number, u: number): number {
  return record.recurrence === 'off' ? 0 : state(record, t - 1, u);
}

/** The LSTM diagram's numbers at (t, u). */
export function lstmValues(record: InspectRecord, t: number, u: number): LstmValues {
  const cPrev = readPrev(record, rec.c, t, u);
  const hPrev = readPrev(record, rec.h, t, u);
  const [f, i, g, o] = ['f', 'i', 'g', 'o'].map((k) => rec.gate(record, k, t, u));
  const c = rec.c(record, t, u);
  return { t, unit: u, x: record.inputLabels[t] ?? '', cPrev, hPrev, f, i, g, o, kept: f * cPrev, flushed: (1 - f) * cPrev, written: i * g, c, tanhC: Math.tanh(c), h: rec.h(record, t, u) };
}

/** The GRU diagram's numbers at (t, u). */
export function gruValues(record: InspectRecord, t: number, u: number): GruValues {
  const hPrev = readPrev(record, rec.h, t, u);
  const [z, r, n] = ['z', 'r', 'n'].map((k) => rec.gate(record, k, t, u));
  return { t, unit: u, x: record.inputLabels[t] ?? '', hPrev, z, r, n, resetH: r * hPrev, kept: z * hPrev, dropped: (1 - z) * hPrev, written: (1 - z) * n, h: rec.h(record, t, u) };
}
