import * as rec from '../../worker/record';
import type { InspectRecord } from '../../worker/record';
import type { UnrollStats } from './unroll-model';

/** A value with 4 significant digits (the tooltips' "exact" value), "—" when not finite. */
export function formatExact(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  return Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6 ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

/** The input label of step t, quoted, for tooltips. */
const input = (r: InspectRecord, t: number) => `input ‘${r.inputLabels[t]}’`;

/**
 * The tooltip of a hover target of kind `kind` (its data-tip) at step t: a hidden strip names h_t[u] exactly with its
 * step and unit (u from the pointer's height); a backward arrow names ‖∂L/∂h_t‖; a loss marker names ℓ_t. Null otherwise.
 */
export function tipText(kind: string | null, t: number, u: number | null, r: InspectRecord, stats: UnrollStats): string | null {
  if (kind === 'init') return rec.startsFromState(r) ? 'initial state h₀ (before step 0): the vector the decoder starts from — the encoder’s meaning vector, or the picture’s' : 'initial state h = 0 (before step 0)';
  if (!Number.isInteger(t) || t < 0 || t >= r.T) return null;
  if (kind === 'h') {
    if (u === null || !Number.isInteger(u) || u < 0 || u >= r.H) return null;
    return `t = ${t} (${input(r, t)}), unit ${u}: h = ${formatExact(rec.h(r, t, u))}`;
  }
  if (kind === 'dh') {
    const n = stats.dhNorms[t];
    // a NaN norm (a diverged run) is not 0: it must not read "no error reaches"
    if (Number.isNaN(n)) return `‖∂L/∂h_${t}‖ is not a number: the error at step ${t} diverged`;
    return n > 0
      ? `‖∂L/∂h_${t}‖ = ${formatExact(n)}: the error at step ${t}, sent back to ${t - 1 < 0 ? 'the initial state' : `step ${t - 1}`}`
      : `‖∂L/∂h_${t}‖ = 0: no error reaches step ${t}`;
  }
  if (kind === 'loss') return `ℓ_${t} = ${formatExact(r.losses[t])}: step ${t}'s error enters the chain at h_${t}`;
  return null;
}
