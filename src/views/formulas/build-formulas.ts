/**
 * Every formula block of the view, from ONE frame: each equation family (cell, output, loss, BPTT) computes its
 * numbers from the same record and writes its TeX, once. A record whose numbers overflowed (or a run the lab
 * reports diverged) turns the checks that cannot hold into "the run diverged at step N", never a red ✗.
 */
import type { InspectRecord } from '../../engine/session';
import { bpttFormulas } from './bptt';
import { cellFormulas } from './cell';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { lossFormulas } from './loss';
import { outputFormulas } from './output';

/** Whether any number the formulas read from the record is NaN or ±∞ (ℓ_t counts only where step t is scored). */
export function overflowed(rec: InspectRecord): boolean {
  const arrays = [rec.h, rec.c, rec.gates, rec.preX, rec.preH, rec.preB, rec.y, rec.p, rec.dh, rec.dc, rec.flowH, rec.flowC];
  if (!Number.isFinite(rec.loss) || arrays.some((a) => !a.every(Number.isFinite))) return true;
  for (let t = 0; t < rec.T; t++) if (rec.mask[t] === 1 && !Number.isFinite(rec.losses[t])) return true;
  return false;
}

/**
 * The training step to name when the numbers overflowed, or null when they did not: the step the lab reports
 * the divergence at (`divergedAt`), else the frame's own step when its record holds non-finite numbers.
 */
export function overflowStep(ctx: FormulaContext, divergedAt: number | null): number | null {
  if (divergedAt !== null) return divergedAt;
  return overflowed(ctx.rec) ? ctx.step : null;
}

/**
 * The view's blocks for the record's cell at (t, unit): the cell's equations, the head, the loss and BPTT, all of
 * one frame. t and unit must lie in 0…T−1 and 0…H−1. `divergedAt` is the step the lab reports the run diverged.
 */
export function buildFormulas(ctx: FormulaContext, divergedAt: number | null = null): Formula[] {
  const all = [...cellFormulas(ctx), ...outputFormulas(ctx), ...lossFormulas(ctx), ...bpttFormulas(ctx)];
  const at = overflowStep(ctx, divergedAt);
  if (at === null) return all;
  const mark = (c: Check | null): Check | null => (c && !c.agree ? { ...c, overflow: at } : c);
  return all.map((f) => ({ ...f, check: mark(f.check), checks: f.checks?.map((c) => mark(c) as Check) }));
}
