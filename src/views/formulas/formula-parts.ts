/**
 * The parts every formula block is made of: its table rows, the check of both sides, the builder that turns
 * the record's numbers into hoverable TeX numbers, and small TeX helpers.
 */
import type { InspectRecord } from '../../engine/session';
import type { Activation, TruncMode } from '../../engine/types';
import { formatNumber, shownPrecision, sym, texNumber } from './formulas-tex';
import type { Highlight } from './formulas-tex';

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
}

/** One formula block of the view. */
export interface Formula {
  id: string;
  title: string;
  /** the formula in symbols (TeX) */
  symbolic: string;
  /** the formula with today's numbers (TeX), or null when there is nothing to substitute */
  numeric: string | null;
  rows: Row[];
  check: Check | null;
  /** further checks of the same block (a block of several gates checks each gate: `check` the first, these the rest) */
  checks?: Check[];
  /** what is not streamed or not scored, in plain words */
  note: string | null;
}

/** What the view knows besides the record: the RNN's activation, ρ(W_hh) as last streamed, the BPTT window. */
export interface FormulaContext {
  rec: InspectRecord;
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
    let k = this.rows.findIndex((r) => r.label === label && r.value === v);
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

/** `base_{sub}[j]` in TeX, marked with its highlight. */
export function indexed(s: Highlight | null, base: string, sub: string | number, j: number | string): string {
  const tex = `${base}_{${sub}}[${j}]`;
  return s ? sym(s, tex) : tex;
}

/** A label/value list for TeX: up to `max` entries, then "…" and the last. */
export function elide<T>(items: T[], max: number): (T | null)[] {
  return items.length <= max ? items : [...items.slice(0, max - 2), null, items[items.length - 1]];
}

/** Characters of a task label made safe inside \text{…}. */
export function texText(s: string): string {
  return s.replace(/[\\{}$&#^_%~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`));
}

/** Text of a check for the page: "✓ equals the recorded c_t[j] = 0.283 (difference 2.8e−17)". */
export function checkText(c: Check): string {
  const d = c.diff === 0 ? 'exactly' : `difference ${formatNumber(c.diff)}`;
  return `${c.agree ? '✓ equals' : '✗ differs from'} the recorded ${c.label} = ${formatNumber(c.recorded)} (${d})`;
}
