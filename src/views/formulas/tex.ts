/**
 * TeX and number formats for the formulas. Every symbol that names a figure element is wrapped in
 * `\htmlData{sym=<highlight>}{…}` so hovering it can light the element in every view, and every substituted
 * number in `\htmlData{sym=…,n=<row>}{…}` so hovering it shows its exact value.
 */
import type { Activation } from '../../engine/types';

/** The shared highlight names (LabState.selection.highlight) that the formulas' symbols carry. */
export const HIGHLIGHTS = ['x', 'h', 'hprev', 'y', 'p', 'Wxh', 'Whh', 'Why', 'bh', 'by', 'f', 'i', 'g', 'o', 'c', 'z', 'r', 'n', 'dh', 'dc', 'loss'] as const;
/** One of HIGHLIGHTS. */
export type Highlight = (typeof HIGHLIGHTS)[number];

/** `tex` marked as naming the highlight `name`. */
export function sym(name: Highlight, tex: string): string {
  return `\\htmlData{sym=${name}}{${tex}}`;
}

/** The exponent e and mantissa m (3 significant digits) with v ≈ m·10^e, or null where v is shown plainly (10⁻³ ≤ |v| < 10⁵, or 0). */
function scientific(v: number): { m: string; e: number } | null {
  const a = Math.abs(v);
  if (v === 0 || (a >= 1e-3 && a < 1e5)) return null;
  const [m, e] = v.toExponential(2).split('e');
  return { m: String(Number(m)), e: Number(e) };
}

/** v to 3 significant digits as plain text ("0.283", "−0.13", "3.2e−12"), "—" for NaN, "∞" for ±∞. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : '−∞';
  const s = scientific(v);
  const text = s ? `${s.m}e${s.e}` : String(Number(v.toPrecision(3)));
  return text.replace(/-/g, '−');
}

/** v to 3 significant digits as TeX ("0.283", "-0.13", "3.2 \times 10^{-12}"). */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '\\text{NaN}' : v > 0 ? '\\infty' : '-\\infty';
  const s = scientific(v);
  return s ? `${s.m} \\times 10^{${s.e}}` : String(Number(v.toPrecision(3)));
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '+': '', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * v for the tooltip and the table: every digit (or `digits` significant ones), plainly in 10⁻⁴ ≤ |v| < 10⁶,
 * else as m×10ⁿ ("1.5465736937803773×10¹²⁹", never "1.5465736937803773e+129"); "NaN", "∞" when not finite.
 */
export function exactNumber(v: number, digits?: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  let text: string;
  if (v === 0 || (a >= 1e-4 && a < 1e6)) text = String(digits ? Number(v.toPrecision(digits)) : v);
  else {
    const [m, e] = (digits ? v.toExponential(digits - 1) : v.toExponential()).split('e');
    text = `${String(Number(m))}×10${Array.from(e, (ch) => SUPERSCRIPT[ch]).join('')}`;
  }
  return text.replace(/^-/, '−');
}

/** Half a unit in the last digit formatNumber shows of v: two numbers closer than this print alike (or nearly). */
export function shownPrecision(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  return 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2);
}

/** The activation as a TeX operator. */
export function actTex(act: Activation): string {
  return { tanh: '\\tanh', sigmoid: '\\sigma', relu: '\\operatorname{ReLU}', linear: '\\operatorname{id}' }[act];
}

/** Common symbols, each marked with its highlight name. */
export const SYM = {
  x: sym('x', 'x_t'),
  h: sym('h', 'h_t'),
  hPrev: sym('hprev', 'h_{t-1}'),
  y: sym('y', 'y_t'),
  p: sym('p', 'p_t'),
  c: sym('c', 'c_t'),
  cPrev: sym('c', 'c_{t-1}'),
  Why: sym('Why', 'W_{hy}'),
  by: sym('by', 'b_y'),
  loss: sym('loss', '\\ell_t'),
  L: sym('loss', 'L'),
  dh: sym('dh', '\\frac{\\partial L}{\\partial h_t}'),
  dhNext: sym('dh', '\\frac{\\partial L}{\\partial h_{t+1}}'),
  dc: sym('dc', '\\frac{\\partial L}{\\partial c_t}'),
  dcNext: sym('dc', '\\frac{\\partial L}{\\partial c_{t+1}}'),
} as const;

/** A gate's symbol at step t (f_t, i_t, g_t, o_t, z_t, r_t, n_t), marked with its own highlight. */
export function gateSym(g: 'f' | 'i' | 'g' | 'o' | 'z' | 'r' | 'n', step = 't'): string {
  return sym(g, `${g}_{${step}}`);
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

/** An aligned TeX block of `lines`, each with its `&=` (or other alignment point) already in place. */
export function aligned(lines: string[]): string {
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}
