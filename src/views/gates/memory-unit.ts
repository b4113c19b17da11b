/**
 * "Find the memory unit": which unit best keeps what it stored at step `from` until the last step.
 *
 * The heuristic unrolls the cell's own state update exactly. With a keep gate a_t and a write w_t
 * (LSTM: state c, a = f, w = i·g; GRU: state h, a = z, w = (1 − z)·n), the state at the last step T−1 is
 *
 *   m_{T−1} = m_s · Π_{t=s+1}^{T−1} a_t  +  Σ_{t=s+1}^{T−1} (Π_{r=t+1}^{T−1} a_r) · w_t
 *             └── kept: what survives of step s ──┘   └── written: everything added since ──┘
 *
 * A unit latches when the kept part dominates (forget ≈ 1, input ≈ 0 across the lag). Units are ranked by
 * `share` = |kept| / (|kept| + Σ|written terms|), the number the view shows (ties: the lower unit).
 * It reads one sequence only, so it cannot check that the kept value differs between symbols: on the
 * echo task, compare two samples with different first symbols.
 */
import * as rec from '../../worker/record';
import type { InspectRecord } from '../../worker/record';

/** What one unit does with its memory from step `from` to the last step. */
export interface MemoryStats {
  unit: number;
  /** m_s · Π a_t: the part of the final state that is the state of step s, carried */
  kept: number;
  /** Σ |(Π later a) · w_t|: the size of everything written since */
  written: number;
  /** Σ (Π later a) · w_t, signed: end = kept + writtenNet */
  writtenNet: number;
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

/**
 * The memory statistics of unit u from step `from` (LSTM or GRU records; null for a vanilla RNN, a last step, or a
 * run with recurrence off, where every step starts from the zero state and nothing is carried to be ranked).
 */
export function memoryStats(record: InspectRecord, u: number, from = 0): MemoryStats | null {
  const cell = rec.cellOf(record);
  const { T } = record;
  if (cell === 'rnn' || record.recurrence === 'off' || from < 0 || from >= T - 1) return null;
  const state = (t: number) => (cell === 'lstm' ? rec.c(record, t, u) : rec.h(record, t, u));
  const [keepGate, writeGate] = cell === 'lstm' ? ['f', 'i'] : ['z', 'z'];
  let kept = state(from);
  let written = 0;
  let writtenNet = 0;
  let keepSum = 0;
  let writeSum = 0;
  for (let t = from + 1; t < T; t++) {
    const keep = rec.gate(record, keepGate, t, u);
    // the write w_t: LSTM i·g, GRU (1 − z)·n
    const w = cell === 'lstm' ? rec.gate(record, writeGate, t, u) * rec.gate(record, 'g', t, u) : (1 - keep) * rec.gate(record, 'n', t, u);
    kept *= keep;
    // the size of each write as it reaches the end: |Π later a|·|w_t|. A tanh forget gate can be negative, and a signed
    // decay made this sum of sizes negative (a share above 1, the wrong unit found)
    written = written * Math.abs(keep) + Math.abs(w);
    writtenNet = writtenNet * keep + w;
    keepSum += keep;
    writeSum += cell === 'lstm' ? rec.gate(record, writeGate, t, u) : 1 - keep;
  }
  const n = T - 1 - from;
  // |kept| / (|kept| + written), divided through by the larger: the plain sum overflows (1e308 + 1e308 = ∞ gave a
  // share of 0), and a NaN (a diverged run) stays NaN, printed "—", where `total > 0 ? … : 0` printed "0%"
  const k = Math.abs(kept);
  const share = k === 0 && written === 0 ? 0 : k >= written ? 1 / (1 + written / k) : k / written / (1 + k / written);
  return { unit: u, kept, written, writtenNet, share, meanKeep: keepSum / n, meanWrite: writeSum / n, start: state(from), end: state(T - 1) };
}

/** The unit that keeps the largest share of its final state from step `from` (ties: the lower unit); null when there is nothing to rank. */
export function findMemoryUnit(record: InspectRecord, from = 0): MemoryStats | null {
  let best: MemoryStats | null = null;
  for (let u = 0; u < record.H; u++) {
    const s = memoryStats(record, u, from);
    // a unit whose share is not a number (NaN > x is false) never keeps the place of one whose share is
    if (s && (!best || s.share > best.share || (Number.isNaN(best.share) && !Number.isNaN(s.share)))) best = s;
  }
  return best;
}

/** A share as a percentage that never rounds a non-zero share to "0%" or a partial one to "100%". */
export function sharePercent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  const p = share * 100;
  if (p === 0 || p === 100) return `${p}%`;
  if (p < 1) return p < 0.1 ? '< 0.1%' : `${p.toFixed(1)}%`;
  if (p > 99) return p > 99.9 ? '> 99.9%' : `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/** True when the statistics show the textbook latch: the stored value dominates and the keep gate stays near 1. */
export function latches(s: MemoryStats): boolean {
  return s.share >= LATCH_SHARE && s.meanKeep >= LATCH_KEEP;
}

/**
 * True when the stored value dominates but the keep gate stays near −1 (a tanh forget gate): the unit keeps the size
 * of what it stored and flips its sign at every step.
 */
export function flips(s: MemoryStats): boolean {
  return s.share >= LATCH_SHARE && s.meanKeep <= -LATCH_KEEP;
}
