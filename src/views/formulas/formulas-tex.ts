/**
 * TeX for the lecture's formulas. Every symbol that names a figure element is wrapped in
 * `\htmlData{sym=<highlight>}{…}` so hovering it can light the element in every view, and every substituted
 * number in `\htmlData{sym=…,n=<row>}{…}` so hovering it shows its exact value.
 */
import type { Activation, CellKind } from '../../engine/types';

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

/** v to 3 significant digits as plain text ("0.283", "−0.13", "3.2e-12"), "—" when not finite. */
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

/** `act(W_{x·} x_t + W_{h·} h + b_·)` for gate `g` (`h` for the vanilla RNN); `hIn` replaces h_{t−1} (the GRU's r ⊙ h_{t−1}). */
export function affine(g: string, op: string, hIn = SYM.hPrev): string {
  return `${op}\\big(${sym('Wxh', `W_{x${g}}`)}\\, ${SYM.x} + ${sym('Whh', `W_{h${g}}`)}\\, ${hIn} + ${sym('bh', `b_{${g}}`)}\\big)`;
}

/** A gate's symbol at step t (f_t, i_t, g_t, o_t, z_t, r_t, n_t), marked with its own highlight. */
export function gateSym(g: 'f' | 'i' | 'g' | 'o' | 'z' | 'r' | 'n', step = 't'): string {
  return sym(g, `${g}_{${step}}`);
}

/** The symbolic hidden-state equations of a cell, one TeX string per formula block (id → TeX). */
export function cellTex(cell: CellKind, act: Activation): { id: string; title: string; tex: string }[] {
  const s = '\\sigma';
  switch (cell) {
    case 'rnn':
      return [{ id: 'hidden', title: 'Hidden update', tex: `${SYM.h} = ${affine('h', actTex(act))}` }];
    case 'lstm':
      return [
        {
          id: 'lstm-gates',
          title: 'LSTM gates: forget, input, candidate, output',
          tex: `\\begin{aligned} ${gateSym('f')} &= ${affine('f', s)} \\\\ ${gateSym('i')} &= ${affine('i', s)} \\\\ ${gateSym('g')} &= ${affine('g', '\\tanh')} \\\\ ${gateSym('o')} &= ${affine('o', s)} \\end{aligned}`,
        },
        { id: 'lstm-memory', title: 'Memory: flush (forget) and write (input × candidate)', tex: `${SYM.c} = ${gateSym('f')} \\odot ${SYM.cPrev} + ${gateSym('i')} \\odot ${gateSym('g')}` },
        { id: 'lstm-hidden', title: 'Read from memory (output gate)', tex: `${SYM.h} = ${gateSym('o')} \\odot \\tanh(${SYM.c})` },
      ];
    case 'gru':
      return [
        { id: 'gru-gates', title: 'GRU gates: update and reset', tex: `\\begin{aligned} ${gateSym('z')} &= ${affine('z', s)} \\\\ ${gateSym('r')} &= ${affine('r', s)} \\end{aligned}` },
        { id: 'gru-candidate', title: 'Candidate (reset applied before the recurrent product)', tex: `${gateSym('n')} = ${affine('n', '\\tanh', `(${gateSym('r')} \\odot ${SYM.hPrev})`)}` },
        { id: 'gru-hidden', title: 'Hidden update: keep (z) or replace (1 − z)', tex: `${SYM.h} = (1 - ${gateSym('z')}) \\odot ${gateSym('n')} + ${gateSym('z')} \\odot ${SYM.hPrev}` },
      ];
  }
}

/** y_t = W_hy h_t + b_y, and p_t = softmax(y_t) for a softmax head. */
export function outputTex(softmax: boolean): string {
  const y = `${SYM.y} = ${SYM.Why}\\, ${SYM.h} + ${SYM.by}`;
  return softmax ? `${y}, \\qquad ${SYM.p} = \\operatorname{softmax}(${SYM.y})` : y;
}

/** ℓ_t = −log p_t[target_t] (softmax) or ½‖y_t − target_t‖² (linear). */
export function stepLossTex(softmax: boolean): string {
  return softmax ? `${SYM.loss} = -\\log ${SYM.p}[\\text{target}_t]` : `${SYM.loss} = \\tfrac12 \\lVert ${SYM.y} - \\text{target}_t \\rVert^2`;
}

/** L = (1/N) Σ_{scored t} ℓ_t. */
export const LOSS_TEX = `${SYM.L} = \\frac{1}{N} \\sum_{t\\ \\text{scored}} ${SYM.loss}`;

/** The chain rule of BPTT: ∂ℓ_τ/∂h_k = ∂ℓ_τ/∂h_τ ∏_{j=k+1}^{τ} ∂h_j/∂h_{j−1}. */
export const BPTT_TEX = `${sym('dh', '\\frac{\\partial \\ell_\\tau}{\\partial h_k}')} = ${sym('dh', '\\frac{\\partial \\ell_\\tau}{\\partial h_\\tau}')} \\prod_{j=k+1}^{\\tau} \\frac{\\partial h_j}{\\partial h_{j-1}}`;

/** The per-step Jacobian and the vanishing/exploding rule of each cell. */
export function jacobianTex(cell: CellKind, act: Activation): string {
  const whh = sym('Whh', 'W_{hh}');
  switch (cell) {
    case 'rnn':
      return `\\frac{\\partial h_j}{\\partial h_{j-1}} = \\operatorname{diag}\\big(${actTex(act)}'(a_j)\\big)\\, ${whh}, \\qquad \\Big\\lVert \\prod_{j=k+1}^{\\tau} \\frac{\\partial h_j}{\\partial h_{j-1}} \\Big\\rVert \\approx \\big(\\rho(${whh}) \\cdot \\lvert ${actTex(act)}' \\rvert\\big)^{\\tau-k}`;
    case 'lstm':
      return `\\frac{\\partial c_j}{\\partial c_{j-1}} = \\operatorname{diag}(${gateSym('f', 'j')}) + (\\text{terms through } h_{j-1}), \\qquad \\text{memory line: } \\prod_{j=k+1}^{\\tau} ${gateSym('f', 'j')}`;
    case 'gru':
      return `\\frac{\\partial h_j}{\\partial h_{j-1}} = \\operatorname{diag}(${gateSym('z', 'j')}) + (\\text{terms through } ${gateSym('r', 'j')}, ${gateSym('n', 'j')}, ${gateSym('z', 'j')}), \\qquad \\text{direct path: } \\prod_{j=k+1}^{\\tau} ${gateSym('z', 'j')}`;
  }
}

/** ∂L/∂h_t's recursion (and the LSTM's ∂L/∂c_t), as the engine's backward step computes them. */
export function backwardTex(cell: CellKind): string {
  const dy = '\\frac{\\partial \\ell_t}{\\partial y_t}';
  const dh = (eq: string) => `${SYM.dh} ${eq} \\tfrac{1}{N} ${sym('Why', 'W_{hy}^{\\top}')} ${dy} + \\Big(\\frac{\\partial h_{t+1}}{\\partial h_t}\\Big)^{\\!\\top} ${SYM.dhNext}`;
  if (cell !== 'lstm') return dh('=');
  const dc = `${SYM.dc} &= ${SYM.dh} \\odot ${gateSym('o')} \\odot (1 - \\tanh^2 ${SYM.c}) + ${SYM.dcNext} \\odot ${gateSym('f', 't+1')}`;
  return `\\begin{aligned} ${dh('&=')} \\\\ ${dc} \\end{aligned}`;
}
