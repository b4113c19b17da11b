/**
 * "Find the memory unit": which unit best keeps what it stored at step `from` until the last step.
 *
 * The heuristic unrolls the cell's own state update exactly. With a keep gate a_t and a write w_t
 * (LSTM: state c, a = f, w = i·g; GRU: state h, a = z, w = (1 − z)·n), the state at the last step T−1 is
 *
 *   m_{T−1} = m_s · Π_{t=s+1}^{T−1} a_t  +  Σ_{t=s+1}^{T−1} (Π_{r=t+1}^{T−1} a_r) · w_t
 *             └── kept: what survives of step s ──┘   └── written: everything added since ──┘
 *
 * A unit latches when the kept part dominates (forget ≈ 1, input ≈ 0 across the lag). The score is
 * |kept| − Σ|written terms|, highest wins (ties: the lower unit); `share` = |kept| / (|kept| + Σ|written terms|).
 * It reads one sequence only, so it cannot check that the kept value differs between symbols: on the
 * echo task, compare two samples with different first symbols.
 */
import type { InspectRecord } from '../../engine/session';
import { cellOf } from './gates-layout';

/** What one unit does with its memory from step `from` to the last step. */
export interface MemoryStats {
  unit: number;
  /** m_s · Π a_t: the part of the final state that is the state of step s, carried */
  kept: number;
  /** Σ |(Π later a) · w_t|: the size of everything written since */
  written: number;
  /** |kept| / (|kept| + written), 0 when both are 0 */
  share: number;
  /** mean keep gate (f or z) and mean write gate (i or 1 − z) over steps s+1 … T−1 */
  meanKeep: number;
  meanWrite: number;
  /** the state at step s and at the last step */
  start: number;
  end: number;
}

/** A unit latches when it carries at least this share of its final state from step s… */
export const LATCH_SHARE = 0.5;
/** …with a mean keep gate at least this high. */
export const LATCH_KEEP = 0.9;

/** The memory statistics of unit u from step `from` (LSTM or GRU records; null for a vanilla RNN or a last step). */
export function memoryStats(record: InspectRecord, u: number, from = 0): MemoryStats | null {
  const cell = cellOf(record);
  const { T, H } = record;
  if (cell === 'rnn' || from < 0 || from >= T - 1) return null;
  const G = record.gateNames.length;
  const state = cell === 'lstm' ? record.c : record.h;
  const a = (t: number, k: number) => record.gates[t * G * H + k * H + u];
  let kept = state[from * H + u];
  let written = 0;
  let keepSum = 0;
  let writeSum = 0;
  for (let t = from + 1; t < T; t++) {
    const keep = a(t, 0); // f (lstm) or z (gru): both are gate 0
    const w = cell === 'lstm' ? a(t, 1) * a(t, 2) : (1 - keep) * a(t, 2);
    kept *= keep;
    written = written * keep + Math.abs(w);
    keepSum += keep;
    writeSum += cell === 'lstm' ? a(t, 1) : 1 - keep;
  }
  const n = T - 1 - from;
  const total = Math.abs(kept) + written;
  return { unit: u, kept, written, share: total > 0 ? Math.abs(kept) / total : 0, meanKeep: keepSum / n, meanWrite: writeSum / n, start: state[from * H + u], end: state[(T - 1) * H + u] };
}

/** The unit with the highest |kept| − written, with its statistics; null when there is nothing to rank. */
export function findMemoryUnit(record: InspectRecord, from = 0): MemoryStats | null {
  let best: MemoryStats | null = null;
  for (let u = 0; u < record.H; u++) {
    const s = memoryStats(record, u, from);
    if (s && (!best || Math.abs(s.kept) - s.written > Math.abs(best.kept) - best.written)) best = s;
  }
  return best;
}

/** True when the statistics show the textbook latch: the stored value dominates and the keep gate stays near 1. */
export function latches(s: MemoryStats): boolean {
  return s.share >= LATCH_SHARE && s.meanKeep >= LATCH_KEEP;
}
