/**
 * The cell's forward equations at (t, unit j), with the record's numbers: the vanilla RNN's hidden update, the
 * LSTM's gates, memory and read-out, the GRU's gates, candidate and update. Each gate is substituted from the
 * three streamed parts of its pre-activation (W_x· x_t)[j] + (W_h· h_{t−1})[j] + b_·[j] (the weights themselves
 * are not streamed) as act(part + part + part) = act(a) = value, and checked against the recorded gate.
 */
import type { Activation } from '../../engine/types';
import { c as cellState, cellOf, gate, h as hidden, preact } from '../../worker/record';
import type { GateName } from '../../worker/record';
import { Numbers, activate, check } from './formula-parts';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { SYM, actTex, aligned, gateSym, indexed, sym, texText } from './tex';

const STREAMED = 'the three parts of each pre-activation are streamed (computed from the weights after the forward pass); the weights themselves are not';
const Streamed = STREAMED[0].toUpperCase() + STREAMED.slice(1);

/** `act(W_{x·} x_t + W_{h·} h + b_·)` for gate `g` (`h` for the vanilla RNN); `hIn` replaces h_{t−1} (the GRU's r ⊙ h_{t−1}). */
function affine(g: string, op: string, hIn: string = SYM.hPrev): string {
  return `${op}\\big(${sym('Wxh', `W_{x${g}}`)}\\, ${SYM.x} + ${sym('Whh', `W_{h${g}}`)}\\, ${hIn} + ${sym('bh', `b_{${g}}`)}\\big)`;
}

/**
 * `act(Wx + Wh + b) = act(a) = value` for gate `name` at (t, j) from the streamed parts, pushing the check that
 * act(a) equals the recorded gate onto `checks` (a record without the parts shows the gate value alone).
 */
function gateValue(ctx: FormulaContext, nb: Numbers, name: GateName, act: Activation, checks: Check[]): string {
  const { rec, t, unit: j } = ctx;
  const recorded = gate(rec, name, t, j);
  const op = actTex(act);
  const p = preact(rec, name, t, j);
  if (!p) return `${op}(\\ldots) = ${nb.n(`${name}_${t}[${j}]`, recorded, name)}`;
  const v = activate(act, p.a);
  checks.push(check(`${name}_${t}[${j}]`, v, recorded));
  const hLabel = name === 'n' ? `(W_hn (r⊙h_${t - 1}))[${j}]` : `(W_h${name} h_${t - 1})[${j}]`;
  const aLabel = name === 'h' ? `a_${t}[${j}]` : `a_${name},${t}[${j}]`;
  // braced: a leading minus right after \big( would be spaced as a binary minus
  return `${op}\\big({${nb.n(`(W_x${name} x_${t})[${j}]`, p.x, 'Wxh')}} + ${nb.n(hLabel, p.h, 'Whh', true)} + ${nb.n(`b_${name}[${j}]`, p.b, 'bh', true)}\\big) = ${op}(${nb.n(aLabel, p.a)}) = ${nb.n(`${name}_${t}[${j}] (recomputed)`, v, name)}`;
}

/** The line `name_t[j] &= …` of a gate block. */
function gateLine(ctx: FormulaContext, nb: Numbers, name: GateName, act: Activation, checks: Check[]): string {
  return `${indexed(name, name, ctx.t, ctx.unit)} &= ${gateValue(ctx, nb, name, act, checks)}`;
}

/** The givens of a step, as a line of an aligned block: "with x_5 = e_2 ("C"), h_4[j] = 0.11". */
function givens(ctx: FormulaContext, nb: Numbers): string {
  const { rec, t, unit: j } = ctx;
  const x = Array.from(rec.inputs.subarray(t * rec.I, (t + 1) * rec.I));
  const hot = x.filter((v) => v === 1).length === 1 && x.every((v) => v === 0 || v === 1) ? x.indexOf(1) : -1;
  const lhs = sym('x', `x_{${t}}`);
  const shown = x.length <= 4 ? x : x.slice(0, 3);
  const input = hot >= 0
    ? `${lhs} = e_{${hot}}\\ (\\text{“${texText(rec.inputLabels[t])}”})`
    : `${lhs} = (${shown.map((v, m) => nb.n(`x_${t}[${m}]`, v, 'x')).join(', ')}${x.length > 4 ? ', \\ldots' : ''})`;
  return `&\\text{with } ${input},\\ ${indexed('hprev', 'h', t - 1, j)} = ${nb.n(`h_${t - 1}[${j}]`, hidden(rec, t - 1, j), 'hprev')}`;
}

/** A block's first check and the rest. */
function checksOf(list: Check[]): Pick<Formula, 'check' | 'checks'> {
  return { check: list[0] ?? null, checks: list.slice(1) };
}

function rnnFormulas(ctx: FormulaContext): Formula[] {
  const { t, unit: j, activation: act } = ctx;
  const nb = new Numbers();
  const op = actTex(act);
  const parts = `(${sym('Wxh', 'W_{xh}')}\\, ${sym('x', `x_{${t}}`)})[${j}] + (${sym('Whh', 'W_{hh}')}\\, ${sym('hprev', `h_{${t - 1}}`)})[${j}] + ${indexed('bh', 'b', 'h', j)}`;
  const checks: Check[] = [];
  const sub = gateValue(ctx, nb, 'h', act, checks);
  return [{
    id: 'hidden',
    title: 'Hidden update',
    symbolic: `${SYM.h} = ${affine('h', op)}`,
    numeric: aligned([`${indexed('h', 'h', t, j)} &= ${op}\\big(${parts}\\big)`, `&= ${sub}`, givens(ctx, nb)]),
    rows: nb.rows,
    ...checksOf(checks),
    note: `The sum a_${t}[${j}] of the three parts is the pre-activation; ${STREAMED}.`,
  }];
}

function lstmFormulas(ctx: FormulaContext): Formula[] {
  const { rec, t, unit: j } = ctx;
  const g = new Numbers();
  const gc: Check[] = [];
  const lines = [gateLine(ctx, g, 'f', 'sigmoid', gc), gateLine(ctx, g, 'i', 'sigmoid', gc), gateLine(ctx, g, 'g', 'tanh', gc), gateLine(ctx, g, 'o', 'sigmoid', gc)];
  const s = '\\sigma';
  const gates: Formula = {
    id: 'lstm-gates',
    title: 'LSTM gates: forget, input, candidate, output',
    symbolic: aligned([`${gateSym('f')} &= ${affine('f', s)}`, `${gateSym('i')} &= ${affine('i', s)}`, `${gateSym('g')} &= ${affine('g', '\\tanh')}`, `${gateSym('o')} &= ${affine('o', s)}`]),
    numeric: aligned([...lines, givens(ctx, g)]),
    rows: g.rows,
    ...checksOf(gc),
    note: `Each gate is its activation of the sum of three parts; ${STREAMED}.`,
  };
  const [f, i, gg, o] = (['f', 'i', 'g', 'o'] as const).map((name) => gate(rec, name, t, j));
  const cPrev = cellState(rec, t - 1, j);
  const cNow = cellState(rec, t, j);
  const m = new Numbers();
  const fTex = m.n(`f_${t}[${j}]`, f, 'f');
  const iTex = m.n(`i_${t}[${j}]`, i, 'i');
  const cRhs = f * cPrev + i * gg;
  const memory: Formula = {
    id: 'lstm-memory',
    title: 'Memory: flush (forget) and write (input × candidate)',
    symbolic: `${SYM.c} = ${gateSym('f')} \\odot ${SYM.cPrev} + ${gateSym('i')} \\odot ${gateSym('g')}`,
    numeric: `${indexed('c', 'c', t, j)} = ${fTex} \\cdot ${m.n(`c_${t - 1}[${j}]`, cPrev, 'c', true)} + ${iTex} \\cdot ${m.n(`g_${t}[${j}]`, gg, 'g', true)} = ${m.n(`f·c_${t - 1}`, f * cPrev)} + ${m.n('i·g', i * gg, null, true)} = ${m.n(`c_${t}[${j}] (recomputed)`, cRhs, 'c')}`,
    rows: m.rows,
    check: check(`c_${t}[${j}]`, cRhs, cNow),
    note: t === 0 ? 'c_{−1} = 0: the memory starts empty.' : null,
  };
  const r = new Numbers();
  const oTex = r.n(`o_${t}[${j}]`, o, 'o');
  const tanhC = Math.tanh(cNow);
  const read: Formula = {
    id: 'lstm-hidden',
    title: 'Read from memory (output gate)',
    symbolic: `${SYM.h} = ${gateSym('o')} \\odot \\tanh(${SYM.c})`,
    numeric: `${indexed('h', 'h', t, j)} = ${oTex} \\cdot \\tanh(${r.n(`c_${t}[${j}]`, cNow, 'c')}) = ${oTex} \\cdot ${r.n(`tanh c_${t}[${j}]`, tanhC, null, true)} = ${r.n(`h_${t}[${j}] (recomputed)`, o * tanhC, 'h')}`,
    rows: r.rows,
    check: check(`h_${t}[${j}]`, o * tanhC, hidden(rec, t, j)),
    note: null,
  };
  return [gates, memory, read];
}

function gruFormulas(ctx: FormulaContext): Formula[] {
  const { rec, t, unit: j } = ctx;
  const g = new Numbers();
  const gc: Check[] = [];
  const gates: Formula = {
    id: 'gru-gates',
    title: 'GRU gates: update and reset',
    symbolic: aligned([`${gateSym('z')} &= ${affine('z', '\\sigma')}`, `${gateSym('r')} &= ${affine('r', '\\sigma')}`]),
    numeric: aligned([gateLine(ctx, g, 'z', 'sigmoid', gc), gateLine(ctx, g, 'r', 'sigmoid', gc), givens(ctx, g)]),
    rows: g.rows,
    ...checksOf(gc),
    note: `Each gate is σ of the sum of three parts; ${STREAMED}.`,
  };
  const [z, r, n] = (['z', 'r', 'n'] as const).map((name) => gate(rec, name, t, j));
  const hPrev = hidden(rec, t - 1, j);
  const cn = new Numbers();
  const nc: Check[] = [];
  const nLine = gateLine(ctx, cn, 'n', 'tanh', nc);
  const rh = `${cn.n(`r_${t}[${j}]`, r, 'r')} \\cdot ${cn.n(`h_${t - 1}[${j}]`, hPrev, 'hprev', true)} = ${cn.n(`(r⊙h_${t - 1})[${j}]`, r * hPrev)}`;
  const candidate: Formula = {
    id: 'gru-candidate',
    title: 'Candidate (reset applied before the recurrent product)',
    symbolic: `${gateSym('n')} = ${affine('n', '\\tanh', `(${gateSym('r')} \\odot ${SYM.hPrev})`)}`,
    numeric: aligned([nLine, `&\\text{where } (${indexed('r', 'r', t, j)} \\odot ${indexed('hprev', 'h', t - 1, j)}) = ${rh}`]),
    rows: cn.rows,
    ...checksOf(nc),
    note: `(r ⊙ h_{t−1})[${j}] is entry ${j} of the vector W_hn multiplies (its recurrent part sums over all units): the reset gate decides how much of the past enters the candidate. ${Streamed}.`,
  };
  const u = new Numbers();
  const zTex = u.n(`z_${t}[${j}]`, z, 'z');
  const hRhs = (1 - z) * n + z * hPrev;
  const update: Formula = {
    id: 'gru-hidden',
    title: 'Hidden update: keep (z) or replace (1 − z)',
    symbolic: `${SYM.h} = (1 - ${gateSym('z')}) \\odot ${gateSym('n')} + ${gateSym('z')} \\odot ${SYM.hPrev}`,
    numeric: `${indexed('h', 'h', t, j)} = (1 - ${zTex}) \\cdot ${u.n(`n_${t}[${j}]`, n, 'n', true)} + ${zTex} \\cdot ${u.n(`h_${t - 1}[${j}]`, hPrev, 'hprev', true)} = ${u.n('(1−z)·n', (1 - z) * n)} + ${u.n('z·h_prev', z * hPrev, null, true)} = ${u.n(`h_${t}[${j}] (recomputed)`, hRhs, 'h')}`,
    rows: u.rows,
    check: check(`h_${t}[${j}]`, hRhs, hidden(rec, t, j)),
    note: `${t === 0 ? 'h_{−1} = 0: the state starts at zero. ' : ''}Here z near 1 keeps the old state h_{t−1} and z near 0 replaces it by the candidate n — the reverse of texts (the lecture notes among them) that write h_t = z ⊙ n + (1 − z) ⊙ h_{t−1}.`,
  };
  return [gates, candidate, update];
}

/** The formula blocks of the record's cell at (t, unit): vanilla RNN 1, LSTM 3, GRU 3. */
export function cellFormulas(ctx: FormulaContext): Formula[] {
  switch (cellOf(ctx.rec)) {
    case 'rnn':
      return rnnFormulas(ctx);
    case 'lstm':
      return lstmFormulas(ctx);
    case 'gru':
      return gruFormulas(ctx);
  }
}
