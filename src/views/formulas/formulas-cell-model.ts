/**
 * The cell's equations with the record's numbers at (t, unit j): the vanilla RNN's hidden update, the LSTM's
 * gates, memory and output, the GRU's gates, candidate and update. Gate values come from the record, and so do
 * the three parts of each pre-activation (W_x· x_t)[j], (W_h· h_{t−1})[j], b_·[j] (the weights themselves are not
 * streamed): each gate is shown as act(part + part + part) = act(a) = value and checked against the record.
 */
import type { Activation, CellKind } from '../../engine/types';
import { Numbers, check, indexed, texText } from './formula-parts';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { activate, gruStep, inputAt, lstmStep, rnnHidden } from './formulas-values';
import { actTex, sym } from './formulas-tex';
import { preactParts } from './preact-values';

/** The numeric part of a formula block (its id, title and symbolic TeX come from cellTex). */
export type NumericPart = Pick<Formula, 'numeric' | 'rows' | 'check' | 'checks' | 'note'>;

const NOT_STREAMED = 'the weights are not streamed, so the parts W_x·x_t, W_h·h_{t−1} and b_· of each pre-activation are not known separately';
const STREAMED = 'the three parts of each pre-activation are streamed (computed from the weights after the forward pass); the weights themselves are not';

type GateSym = 'h' | 'f' | 'i' | 'g' | 'o' | 'z' | 'r' | 'n';

/**
 * `op(Wx + Wh + b) = op(a) = value` for gate `name` at (t, j) from the streamed parts, and the check that
 * act(a) equals the recorded gate value; null when the record carries no parts.
 */
function substituted(ctx: FormulaContext, nb: Numbers, name: GateSym, act: Activation, recorded: number): { tex: string; check: Check } | null {
  const { rec, t, unit: j } = ctx;
  const p = preactParts(rec, name, t, j);
  if (!p) return null;
  const hLabel = name === 'n' ? `(W_hn (r⊙h_${t - 1}))[${j}]` : `(W_h${name} h_${t - 1})[${j}]`;
  const v = activate(act, p.a);
  const op = actTex(act);
  const aLabel = name === 'h' ? `a_${t}[${j}]` : `a_${name},${t}[${j}]`;
  // braced: a leading minus right after \big( would be spaced as a binary minus
  const tex = `${op}\\big({${nb.n(`(W_x${name} x_${t})[${j}]`, p.x, 'Wxh')}} + ${nb.n(hLabel, p.h, 'Whh', true)} + ${nb.n(`b_${name}[${j}]`, p.b, 'bh', true)}\\big) = ${op}(${nb.n(aLabel, p.a)}) = ${nb.n(`${name}_${t}[${j}] (recomputed)`, v, name)}`;
  return { tex, check: check(`${name}_${t}[${j}]`, v, recorded) };
}

/** One line `name_t[j] &= …` of a gate block: substituted from the streamed parts, else the pre-activation recovered by inverting. */
function gateLine(ctx: FormulaContext, nb: Numbers, name: GateSym, act: Activation, a: number | null, v: number, checks: Check[]): string {
  const { t, unit: j } = ctx;
  const sub = substituted(ctx, nb, name, act, v);
  if (sub) checks.push(sub.check);
  return `${indexed(name, name, t, j)} &= ${sub ? sub.tex : activated(nb, actTex(act), `a_${name},${t}[${j}] (recovered)`, a, `${name}_${t}[${j}]`, v, name)}`;
}

/** A block's check and further checks, from its list of gate checks. */
function checksOf(list: Check[]): Pick<Formula, 'check' | 'checks'> {
  return { check: list[0] ?? null, checks: list.slice(1) };
}

/** The givens of a step: "with x_5 = e_2 ("C"), h_4[j] = 0.11" as a TeX line of an aligned block. */
function givens(ctx: FormulaContext, nb: Numbers, hPrev: number): string {
  const { t, unit: j } = ctx;
  return `&\\text{with } ${inputTex(ctx, nb)},\\ ${indexed('hprev', 'h', t - 1, j)} = ${nb.n(`h_${t - 1}[${j}]`, hPrev, 'hprev')}`;
}

/** "x_5 = one-hot "C"" or "x_5 = (0.31, 1)" as TeX, for the givens of a hidden update. */
function inputTex(ctx: FormulaContext, nb: Numbers): string {
  const { rec, t } = ctx;
  const { x, hot } = inputAt(rec, t);
  const lhs = sym('x', `x_{${t}}`);
  if (hot >= 0) return `${lhs} = e_{${hot}}\\ (\\text{“${texText(rec.inputLabels[t])}”})`;
  const shown = x.length <= 4 ? x : x.slice(0, 3);
  return `${lhs} = (${shown.map((v, m) => nb.n(`x_${t}[${m}]`, v, 'x')).join(', ')}${x.length > 4 ? ', \\ldots' : ''})`;
}

/** `op(a) = value` for a gate or activation whose pre-activation a was recovered (or "saturated" when it was not). */
function activated(nb: Numbers, op: string, aLabel: string, a: number | null, vLabel: string, v: number, s: 'h' | 'f' | 'i' | 'g' | 'o' | 'z' | 'r' | 'n'): string {
  const value = nb.n(vLabel, v, s);
  if (a === null) return `${op}(\\ldots) = ${value}\\ \\text{(saturated: the pre-activation is not recoverable)}`;
  return `${op}(${nb.n(aLabel, a)}) = ${value}`;
}

function rnnParts(ctx: FormulaContext, act: Activation): NumericPart[] {
  const { rec, t, unit: j } = ctx;
  const v = rnnHidden(rec, act, t, j);
  const nb = new Numbers();
  const op = actTex(act);
  const a = indexed(null, 'a', t, j);
  const parts = `(${sym('Wxh', 'W_{xh}')}\\, ${sym('x', `x_{${t}}`)})[${j}] + (${sym('Whh', 'W_{hh}')}\\, ${sym('hprev', `h_{${t - 1}}`)})[${j}] + ${indexed('bh', 'b', 'h', j)}`;
  const sub = substituted(ctx, nb, 'h', act, v.h);
  if (sub) {
    return [{
      numeric: `\\begin{aligned} ${indexed('h', 'h', t, j)} &= ${op}\\big(${parts}\\big) \\\\ &= ${sub.tex} \\\\ ${givens(ctx, nb, v.hPrev)} \\end{aligned}`,
      rows: nb.rows,
      check: sub.check,
      note: `The sum a_${t}[${j}] of the three parts is the pre-activation; ${STREAMED}.`,
    }];
  }
  let rhs: string;
  if (v.a === null && act === 'relu') rhs = `${op}(${a}) = ${nb.n(`h_${t}[${j}]`, v.h, 'h')} \\quad (${a} \\le 0)`;
  else rhs = activated(nb, op, `a_${t}[${j}] (recovered)`, v.a, `h_${t}[${j}]`, v.h, 'h');
  const numeric = `\\begin{aligned} ${indexed('h', 'h', t, j)} &= ${op}\\big(\\underbrace{${parts}}_{${a}}\\big) = ${rhs} \\\\ ${givens(ctx, nb, v.hPrev)} \\end{aligned}`;
  nb.text('W_xh, W_hh, b_h', 'not streamed', 'Whh');
  const recovered = act === 'tanh' ? 'tanh⁻¹' : act === 'sigmoid' ? 'σ⁻¹' : act === 'linear' ? 'the identity' : 'ReLU⁻¹ (where h > 0)';
  return [{
    numeric,
    rows: nb.rows,
    // act(act⁻¹(h)) = h would always agree: no check, the note says where a comes from
    check: null,
    note: `The sum a_${t}[${j}] is recovered from the record as ${recovered}(h_${t}[${j}]); ${NOT_STREAMED}.`,
  }];
}

function lstmParts(ctx: FormulaContext): NumericPart[] {
  const { rec, t, unit: j } = ctx;
  const v = lstmStep(rec, t, j);
  const g = new Numbers();
  const gc: Check[] = [];
  const lines = [gateLine(ctx, g, 'f', 'sigmoid', v.aF, v.f, gc), gateLine(ctx, g, 'i', 'sigmoid', v.aI, v.i, gc), gateLine(ctx, g, 'g', 'tanh', v.aG, v.g, gc), gateLine(ctx, g, 'o', 'sigmoid', v.aO, v.o, gc)];
  const gates: NumericPart = {
    numeric: `\\begin{aligned} ${lines.join(' \\\\ ')} \\\\ ${givens(ctx, g, v.hPrev)} \\end{aligned}`,
    rows: g.rows,
    ...checksOf(gc),
    note: gc.length > 0 ? `Each gate is its activation of the sum of three parts; ${STREAMED}.` : `Each pre-activation is recovered from its gate value as σ⁻¹ or tanh⁻¹; ${NOT_STREAMED}.`,
  };
  const m = new Numbers();
  const f = m.n(`f_${t}[${j}]`, v.f, 'f');
  const i = m.n(`i_${t}[${j}]`, v.i, 'i');
  const gg = m.n(`g_${t}[${j}]`, v.g, 'g', true);
  const memory: NumericPart = {
    numeric: `${indexed('c', 'c', t, j)} = ${f} \\cdot ${m.n(`c_${t - 1}[${j}]`, v.cPrev, 'c', true)} + ${i} \\cdot ${gg} = ${m.n(`f·c_${t - 1}`, v.f * v.cPrev, null, false)} + ${m.n(`i·g`, v.i * v.g, null, true)} = ${m.n(`c_${t}[${j}] (recomputed)`, v.cRhs, 'c')}`,
    rows: m.rows,
    check: check(`c_${t}[${j}]`, v.cRhs, v.c),
    note: t === 0 ? 'c_{−1} = 0: the memory starts empty.' : null,
  };
  const h = new Numbers();
  const read: NumericPart = {
    numeric: `${indexed('h', 'h', t, j)} = ${h.n(`o_${t}[${j}]`, v.o, 'o')} \\cdot \\tanh(${h.n(`c_${t}[${j}]`, v.c, 'c')}) = ${h.n(`o_${t}[${j}]`, v.o, 'o')} \\cdot ${h.n(`tanh c_${t}[${j}]`, v.tanhC, null, true)} = ${h.n(`h_${t}[${j}] (recomputed)`, v.hRhs, 'h')}`,
    rows: h.rows,
    check: check(`h_${t}[${j}]`, v.hRhs, v.h),
    note: null,
  };
  return [gates, memory, read];
}

function gruParts(ctx: FormulaContext): NumericPart[] {
  const { rec, t, unit: j } = ctx;
  const v = gruStep(rec, t, j);
  const g = new Numbers();
  const gc: Check[] = [];
  const lines = [gateLine(ctx, g, 'z', 'sigmoid', v.aZ, v.z, gc), gateLine(ctx, g, 'r', 'sigmoid', v.aR, v.r, gc)];
  const gates: NumericPart = {
    numeric: `\\begin{aligned} ${lines.join(' \\\\ ')} \\\\ ${givens(ctx, g, v.hPrev)} \\end{aligned}`,
    rows: g.rows,
    ...checksOf(gc),
    note: gc.length > 0 ? `Each gate is σ of the sum of three parts; ${STREAMED}.` : `Each pre-activation is recovered from its gate value as σ⁻¹; ${NOT_STREAMED}.`,
  };
  const c = new Numbers();
  const nc: Check[] = [];
  const nLine = gateLine(ctx, c, 'n', 'tanh', v.aN, v.n, nc);
  const rh = `${c.n(`r_${t}[${j}]`, v.r, 'r')} \\cdot ${c.n(`h_${t - 1}[${j}]`, v.hPrev, 'hprev', true)} = ${c.n(`(r⊙h_${t - 1})[${j}]`, v.rh)}`;
  const candidate: NumericPart = {
    numeric: `\\begin{aligned} ${nLine} \\\\ &\\text{where } (${indexed('r', 'r', t, j)} \\odot ${indexed('hprev', 'h', t - 1, j)}) = ${rh} \\end{aligned}`,
    rows: c.rows,
    ...checksOf(nc),
    note: `(r ⊙ h_{t−1})[${j}] is entry ${j} of the vector W_hn multiplies (its recurrent part sums over all units): the reset gate decides how much of the past enters the candidate. ${nc.length > 0 ? STREAMED[0].toUpperCase() + STREAMED.slice(1) : NOT_STREAMED[0].toUpperCase() + NOT_STREAMED.slice(1)}.`,
  };
  const h = new Numbers();
  const z = h.n(`z_${t}[${j}]`, v.z, 'z');
  const update: NumericPart = {
    numeric: `${indexed('h', 'h', t, j)} = (1 - ${z}) \\cdot ${h.n(`n_${t}[${j}]`, v.n, 'n', true)} + ${z} \\cdot ${h.n(`h_${t - 1}[${j}]`, v.hPrev, 'hprev', true)} = ${h.n(`(1−z)·n`, (1 - v.z) * v.n)} + ${h.n('z·h_prev', v.z * v.hPrev, null, true)} = ${h.n(`h_${t}[${j}] (recomputed)`, v.hRhs, 'h')}`,
    rows: h.rows,
    check: check(`h_${t}[${j}]`, v.hRhs, v.h),
    note: t === 0 ? 'h_{−1} = 0: the state starts at zero.' : null,
  };
  return [gates, candidate, update];
}

/** The numeric parts of the cell's formula blocks, in cellTex's order. */
export function cellFormulas(cell: CellKind, ctx: FormulaContext): NumericPart[] {
  switch (cell) {
    case 'rnn':
      return rnnParts(ctx, ctx.activation);
    case 'lstm':
      return lstmParts(ctx);
    case 'gru':
      return gruParts(ctx);
  }
}
