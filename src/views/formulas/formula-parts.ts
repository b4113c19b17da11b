/**
 * What every formula block is made of: its table rows, the check of both sides, the builder that turns the
 * record's numbers into hoverable TeX numbers, the context each equation family reads, and the activations.
 */
import type { InspectRecord } from '../../engine/session';
import type { Activation, TruncMode } from '../../engine/types';
import { formatStep } from '../chart/format';
import { formatNumber, shownPrecision, texNumber } from './tex';
import type { Highlight } from './tex';

/** One symbol of a formula at (t, unit) and its value (null with `text` when it is not a number the record holds). */
export interface Row {
  label: string;
  sym: Highlight | null;
  value: number | null;
  text?: string;
}

/** Both sides of a formula computed apart: the right-hand side from the substituted values, the left from the record. */
export interface Check {
  /** what the record holds, e.g. "c_t[j]" */
  label: string;
  recomputed: number;
  recorded: number;
  /** recomputed − recorded */
  diff: number;
  /** |diff| within half a unit of the last digit shown (or 1e-12) */
  agree: boolean;
  /** the training step at which the run diverged, when this check cannot hold because its numbers overflowed */
  overflow?: number;
}

/** One formula block of the view. */
export interface Formula {
  id: string;
  title: string;
  /** the formula in symbols (TeX) */
  symbolic: string;
  /** the formula with the frame's numbers (TeX), or null when there is nothing to substitute */
  numeric: string | null;
  rows: Row[];
  check: Check | null;
  /** further checks of the same block (a block of several gates checks each gate: `check` the first, these the rest) */
  checks?: Check[];
  /** what is not streamed or not scored, in plain words */
  note: string | null;
}

/**
 * Everything a formula is computed from: ONE frame's record and training step, ρ(W_hh) as streamed with that
 * frame, and the view's settings (the RNN's activation, the BPTT window, the selected step t and unit).
 */
export interface FormulaContext {
  rec: InspectRecord;
  /** the training step of the frame the record came with */
  step: number;
  activation: Activation;
  t: number;
  unit: number;
  rho: number | null;
  /** training's truncated-BPTT k (0 = full) and how it cuts (chunks of k, or a window of k per loss) */
  truncate: number;
  truncMode: TruncMode;
}

/** The numbers of one formula's substitution, each becoming a hoverable TeX number and a table row. */
export class Numbers {
  readonly rows: Row[] = [];

  /** v as TeX marked with its highlight and row index; `paren` wraps a negative v in parentheses (inside a sum). */
  n(label: string, v: number, s: Highlight | null = null, paren = false): string {
    const tex = texNumber(v);
    return this.mark(label, v, s, paren && v < 0 ? `(${tex})` : tex);
  }

  /** A probability: as n(), but one within 10⁻³ of 1 is written 1 − ε (so −log p never reads −log 1). */
  prob(label: string, v: number, s: Highlight | null = null): string {
    return v > 0.999 && v < 1 ? this.mark(label, v, s, `(1 - ${texNumber(1 - v)})`) : this.n(label, v, s);
  }

  private mark(label: string, v: number, s: Highlight | null, body: string): string {
    let k = this.rows.findIndex((r) => r.label === label && Object.is(r.value, v));
    if (k < 0) k = this.rows.push({ label, sym: s, value: v }) - 1;
    return `\\htmlData{${s ? `sym=${s},` : ''}n=${k}}{${body}}`;
  }

  /** A row that has no number in the record (e.g. a weight that is not streamed). */
  text(label: string, text: string, s: Highlight | null = null): void {
    if (!this.rows.some((r) => r.label === label)) this.rows.push({ label, sym: s, value: null, text });
  }
}

/** Compares a recomputed right-hand side with the recorded value. */
export function check(label: string, recomputed: number, recorded: number): Check {
  const diff = recomputed - recorded;
  return { label, recomputed, recorded, diff, agree: Math.abs(diff) <= Math.max(shownPrecision(recorded), 1e-12) };
}

/** Text of a check for the page: "✓ equals the recorded c_t[j] = 0.283 (difference 2.8e−17)", or why it cannot hold. */
export function checkText(c: Check): string {
  if (c.overflow !== undefined) return `the run diverged at step ${formatStep(c.overflow)}: these numbers overflowed`;
  const d = c.diff === 0 ? 'exactly' : `difference ${formatNumber(c.diff)}`;
  return `${c.agree ? '✓ equals' : '✗ differs from'} the recorded ${c.label} = ${formatNumber(c.recorded)} (${d})`;
}

/** act(a) for a vanilla RNN's activation (or a gate's σ / tanh). */
export function activate(act: Activation, a: number): number {
  switch (act) {
    case 'tanh':
      return Math.tanh(a);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-a));
    case 'relu':
      return a > 0 ? a : 0;
    case 'linear':
      return a;
  }
}

/** act′(a) written through the output v = act(a): tanh 1 − v², σ v(1 − v), ReLU [v > 0], linear 1. */
export function derivativeFromOutput(act: Activation, v: number): number {
  switch (act) {
    case 'tanh':
      return 1 - v * v;
    case 'sigmoid':
      return v * (1 - v);
    case 'relu':
      return v > 0 ? 1 : 0;
    case 'linear':
      return 1;
  }
}
