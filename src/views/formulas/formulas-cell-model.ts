/**
 * The cell's equations with the record's numbers at (t, unit j): the vanilla RNN's hidden update, the LSTM's
 * gates, memory and output, the GRU's gates, candidate and update. Gate values come from the record; their
 * pre-activations W_x· x_t + W_h· h_{t−1} + b_· only as a whole (the weights are not streamed).
 */
import type { Activation, CellKind } from '../../engine/types';
import { Numbers, check, indexed, texText } from './formula-parts';
import type { Formula, FormulaContext } from './formula-parts';
import { gruStep, inputAt, lstmStep, rnnHidden } from './formulas-values';
import { actTex, sym } from './formulas-tex';

/** The numeric part of a formula block (its id, title and symbolic TeX come from cellTex). */
export type NumericPart = Pick<Formula, 'numeric' | 'rows' | 'check' | 'note'>;

const NOT_STREAMED = 'the weights are not streamed, so the parts W_x·x_t, W_h·h_{t−1} and b_· of each pre-activation are not known separately';

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
  const parts = `\\underbrace{(${sym('Wxh', 'W_{xh}')} ${sym('x', `x_{${t}}`)})[${j}] + (${sym('Whh', 'W_{hh}')} ${sym('hprev', `h_{${t - 1}}`)})[${j}] + ${indexed('bh', 'b', 'h', j)}}_{${a}}`;
  let rhs: string;
  if (v.a === null && act === 'relu') rhs = `${op}(${a}) = ${nb.n(`h_${t}[${j}]`, v.h, 'h')} \\quad (${a} \\le 0)`;
  else rhs = activated(nb, op, `a_${t}[${j}] (recovered)`, v.a, `h_${t}[${j}]`, v.h, 'h');
  const numeric = `\\begin{aligned} ${indexed('h', 'h', t, j)} &= ${op}\\big(${parts}\\big) = ${rhs} \\\\ ${givens(ctx, nb, v.hPrev)} \\end{aligned}`;
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
  const line = (name: 'f' | 'i' | 'g' | 'o', op: string, a: number | null, val: number) =>
    `${indexed(name, name, t, j)} &= ${activated(g, op, `a_${name},${t}[${j}] (recovered)`, a, `${name}_${t}[${j}]`, val, name)}`;
  const gates: NumericPart = {
    numeric: `\\begin{aligned} ${line('f', '\\sigma', v.aF, v.f)} \\\\ ${line('i', '\\sigma', v.aI, v.i)} \\\\ ${line('g', '\\tanh', v.aG, v.g)} \\\\ ${line('o', '\\sigma', v.aO, v.o)} \\\\ ${givens(ctx, g, v.hPrev)} \\end{aligned}`,
    rows: g.rows,
    check: null,
    note: `Each pre-activation is recovered from its gate value as σ⁻¹ or tanh⁻¹; ${NOT_STREAMED}.`,
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
  const line = (name: 'z' | 'r', a: number | null, val: number) => `${indexed(name, name, t, j)} &= ${activated(g, '\\sigma', `a_${name},${t}[${j}] (recovered)`, a, `${name}_${t}[${j}]`, val, name)}`;
  const gates: NumericPart = {
    numeric: `\\begin{aligned} ${line('z', v.aZ, v.z)} \\\\ ${line('r', v.aR, v.r)} \\\\ ${givens(ctx, g, v.hPrev)} \\end{aligned}`,
    rows: g.rows,
    check: null,
    note: `Each pre-activation is recovered from its gate value as σ⁻¹; ${NOT_STREAMED}.`,
  };
  const c = new Numbers();
  const rh = `${c.n(`r_${t}[${j}]`, v.r, 'r')} \\cdot ${c.n(`h_${t - 1}[${j}]`, v.hPrev, 'hprev', true)} = ${c.n(`(r⊙h_${t - 1})[${j}]`, v.rh)}`;
  const candidate: NumericPart = {
    numeric: `\\begin{aligned} ${indexed('n', 'n', t, j)} &= ${activated(c, '\\tanh', `a_n,${t}[${j}] (recovered)`, v.aN, `n_${t}[${j}]`, v.n, 'n')} \\\\ &\\text{where } (${indexed('r', 'r', t, j)} \\odot ${indexed('hprev', 'h', t - 1, j)}) = ${rh} \\end{aligned}`,
    rows: c.rows,
    check: null,
    note: `(r ⊙ h_{t−1})[${j}] is entry ${j} of the vector W_hn multiplies: the reset gate decides how much of the past enters the candidate. ${NOT_STREAMED[0].toUpperCase()}${NOT_STREAMED.slice(1)}.`,
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
