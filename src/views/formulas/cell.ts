/**
 * The cell's forward equations at (t, unit j), with the record's numbers: the vanilla RNN's hidden update, the
 * LSTM's gates, memory and read-out, the GRU's gates, candidate and update. Each gate is substituted from the
 * three streamed parts of its pre-activation (W_x· x_t)[j] + (W_h· h_{t−1})[j] + b_·[j] (the weights themselves
 * are not streamed) as act(part + part + part) = act(a) = value, and checked against the recorded gate.
 * The record's model options change the equations: a tanh forget gate is written and computed with tanh; with
 * recurrence off every step starts from h = 0 (and c = 0), so the terms that read the previous step are 0 and are
 * left out, with RECURRENCE_OFF said in the note.
 */
import type { Activation } from '../../engine/types';
import { c as cellState, cellOf, gate, h as hidden, preact, startsFromState } from '../../worker/record';
import type { GateName } from '../../worker/record';
import { Numbers, activate, check } from './formula-parts';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { SYM, actTex, aligned, gateSym, indexed, sym, texText } from './tex';

/** The one line every block that drops the previous step's terms says first. */
export const RECURRENCE_OFF = 'Recurrence is off: every step starts from h = 0, so the W_h· h_{t−1} terms are 0 and left out.';
/** What a tanh forget gate changes, said under the LSTM's gates. */
export const TANH_FORGET = 'Here the forget gate is a tanh, so f lies in (−1, 1) where σ would keep it in (0, 1): f = 0 wipes the memory, a negative f flips its sign.';

/** Whether the record ran with recurrence off (every step read the zero state). */
const recurrenceOff = (ctx: FormulaContext): boolean => ctx.rec.recurrence === 'off';
/** `note` with RECURRENCE_OFF in front when the recurrence is off. */
const withOff = (ctx: FormulaContext, note: string): string => (recurrenceOff(ctx) ? `${RECURRENCE_OFF} ${note}` : note);

const STREAMED = 'the parts of each pre-activation are streamed (computed from the weights after the forward pass); the weights themselves are not';
const Streamed = STREAMED[0].toUpperCase() + STREAMED.slice(1);
/** The pre-activation's parts as the note counts them: three, or two with the recurrent one left out. */
const partsOf = (ctx: FormulaContext): string => (recurrenceOff(ctx) ? 'two parts' : 'three parts');

/**
 * `act(W_{x·} x_t + W_{h·} h + b_·)` for gate `g` (`h` for the vanilla RNN); `hIn` replaces h_{t−1} (the GRU's
 * r ⊙ h_{t−1}); `hIn` null leaves the recurrent term out (recurrence off).
 */
function affine(g: string, op: string, hIn: string | null = SYM.hPrev): string {
  const rec = hIn === null ? '' : ` + ${sym('Whh', `W_{h${g}}`)}\\, ${hIn}`;
  return `${op}\\big(${sym('Wxh', `W_{x${g}}`)}\\, ${SYM.x}${rec} + ${sym('bh', `b_{${g}}`)}\\big)`;
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
  if (rec.recurrence === 'off') return `&\\text{with } ${input}`;
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
  const recurrent = recurrenceOff(ctx) ? '' : ` + (${sym('Whh', 'W_{hh}')}\\, ${sym('hprev', `h_{${t - 1}}`)})[${j}]`;
  const parts = `(${sym('Wxh', 'W_{xh}')}\\, ${sym('x', `x_{${t}}`)})[${j}]${recurrent} + ${indexed('bh', 'b', 'h', j)}`;
  const checks: Check[] = [];
  const sub = gateValue(ctx, nb, 'h', act, checks);
  return [{
    id: 'hidden',
    title: 'Hidden update',
    symbolic: `${SYM.h} = ${affine('h', op, recurrenceOff(ctx) ? null : SYM.hPrev)}`,
    numeric: aligned([`${indexed('h', 'h', t, j)} &= ${op}\\big(${parts}\\big)`, `&= ${sub}`, givens(ctx, nb)]),
    rows: nb.rows,
    ...checksOf(checks),
    note: withOff(ctx, `The sum a_${t}[${j}] of the ${partsOf(ctx)} is the pre-activation; ${STREAMED}.`),
  }];
}

function lstmFormulas(ctx: FormulaContext): Formula[] {
  const { rec, t, unit: j } = ctx;
  const g = new Numbers();
  const gc: Check[] = [];
  const off = recurrenceOff(ctx);
  const tanhF = rec.forgetGate === 'tanh';
  const fAct: Activation = tanhF ? 'tanh' : 'sigmoid';
  const lines = [gateLine(ctx, g, 'f', fAct, gc), gateLine(ctx, g, 'i', 'sigmoid', gc), gateLine(ctx, g, 'g', 'tanh', gc), gateLine(ctx, g, 'o', 'sigmoid', gc)];
  const s = '\\sigma';
  const hIn = off ? null : SYM.hPrev;
  const gates: Formula = {
    id: 'lstm-gates',
    title: tanhF ? 'LSTM gates: forget (a tanh here), input, candidate, output' : 'LSTM gates: forget, input, candidate, output',
    symbolic: aligned([`${gateSym('f')} &= ${affine('f', actTex(fAct), hIn)}`, `${gateSym('i')} &= ${affine('i', s, hIn)}`, `${gateSym('g')} &= ${affine('g', '\\tanh', hIn)}`, `${gateSym('o')} &= ${affine('o', s, hIn)}`]),
    numeric: aligned([...lines, givens(ctx, g)]),
    rows: g.rows,
    ...checksOf(gc),
    note: withOff(ctx, `${tanhF ? `${TANH_FORGET} ` : ''}Each gate is its activation of the sum of ${partsOf(ctx)}; ${STREAMED}.`),
  };
  const [f, i, gg, o] = (['f', 'i', 'g', 'o'] as const).map((name) => gate(rec, name, t, j));
  const cNow = cellState(rec, t, j);
  const m = new Numbers();
  const iTex = m.n(`i_${t}[${j}]`, i, 'i');
  let memory: Formula;
  if (off) {
    // every step starts from c = 0: f ⊙ c_{t−1} is 0, and c_t is what the input gate writes
    const cRhs = i * gg;
    memory = {
      id: 'lstm-memory',
      title: 'Memory: write only (input × candidate)',
      symbolic: `${SYM.c} = ${gateSym('i')} \\odot ${gateSym('g')}`,
      numeric: `${indexed('c', 'c', t, j)} = ${iTex} \\cdot ${m.n(`g_${t}[${j}]`, gg, 'g', true)} = ${m.n(`c_${t}[${j}] (recomputed)`, cRhs, 'c')}`,
      rows: m.rows,
      check: check(`c_${t}[${j}]`, cRhs, cNow),
      note: 'Recurrence is off: every step starts from h = 0 and c = 0, so f ⊙ c_{t−1} is 0 and left out: the forget gate has nothing to act on.',
    };
  } else {
    const cPrev = cellState(rec, t - 1, j);
    const fTex = m.n(`f_${t}[${j}]`, f, 'f');
    const cRhs = f * cPrev + i * gg;
    memory = {
      id: 'lstm-memory',
      title: 'Memory: flush (forget) and write (input × candidate)',
      symbolic: `${SYM.c} = ${gateSym('f')} \\odot ${SYM.cPrev} + ${gateSym('i')} \\odot ${gateSym('g')}`,
      numeric: `${indexed('c', 'c', t, j)} = ${fTex} \\cdot ${m.n(`c_${t - 1}[${j}]`, cPrev, 'c', true)} + ${iTex} \\cdot ${m.n(`g_${t}[${j}]`, gg, 'g', true)} = ${m.n(`f·c_${t - 1}`, f * cPrev)} + ${m.n('i·g', i * gg, null, true)} = ${m.n(`c_${t}[${j}] (recomputed)`, cRhs, 'c')}`,
      rows: m.rows,
      check: check(`c_${t}[${j}]`, cRhs, cNow),
      note: t === 0 ? (startsFromState(rec) ? 'c_{−1} is the memory the decoder starts with (from the encoder or the picture).' : 'c_{−1} = 0: the memory starts empty.') : null,
    };
  }
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
  const off = recurrenceOff(ctx);
  const hIn = off ? null : SYM.hPrev;
  const g = new Numbers();
  const gc: Check[] = [];
  const gates: Formula = {
    id: 'gru-gates',
    title: 'GRU gates: update and reset',
    symbolic: aligned([`${gateSym('z')} &= ${affine('z', '\\sigma', hIn)}`, `${gateSym('r')} &= ${affine('r', '\\sigma', hIn)}`]),
    numeric: aligned([gateLine(ctx, g, 'z', 'sigmoid', gc), gateLine(ctx, g, 'r', 'sigmoid', gc), givens(ctx, g)]),
    rows: g.rows,
    ...checksOf(gc),
    note: withOff(ctx, `Each gate is σ of the sum of ${partsOf(ctx)}; ${STREAMED}.`),
  };
  if (off) return [gates, ...gruWithoutPast(ctx)];
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
    note: `${t === 0 ? (startsFromState(rec) ? 'h_{−1} is the state the decoder starts from (the meaning vector). ' : 'h_{−1} = 0: the state starts at zero. ') : ''}Here z near 1 keeps the old state h_{t−1} and z near 0 replaces it by the candidate n — the reverse of texts (the lecture notes among them) that write h_t = z ⊙ n + (1 − z) ⊙ h_{t−1}.`,
  };
  return [gates, candidate, update];
}

/**
 * The GRU's candidate and update with recurrence off: every step starts from h = 0, so r ⊙ h_{t−1} and z ⊙ h_{t−1}
 * are 0: n = tanh(W_xn x_t + b_n) and h_t = (1 − z) ⊙ n, checked against the record.
 */
function gruWithoutPast(ctx: FormulaContext): Formula[] {
  const { rec, t, unit: j } = ctx;
  const [z, n] = (['z', 'n'] as const).map((name) => gate(rec, name, t, j));
  const cn = new Numbers();
  const nc: Check[] = [];
  const candidate: Formula = {
    id: 'gru-candidate',
    title: 'Candidate (no past to reset)',
    symbolic: `${gateSym('n')} = ${affine('n', '\\tanh', null)}`,
    numeric: aligned([gateLine(ctx, cn, 'n', 'tanh', nc)]),
    rows: cn.rows,
    ...checksOf(nc),
    note: 'Recurrence is off: every step starts from h = 0, so r ⊙ h_{t−1} is 0 and left out: the reset gate has nothing to act on.',
  };
  const u = new Numbers();
  const hRhs = (1 - z) * n;
  const update: Formula = {
    id: 'gru-hidden',
    title: 'Hidden update: the candidate, scaled by 1 − z',
    symbolic: `${SYM.h} = (1 - ${gateSym('z')}) \\odot ${gateSym('n')}`,
    numeric: `${indexed('h', 'h', t, j)} = (1 - ${u.n(`z_${t}[${j}]`, z, 'z')}) \\cdot ${u.n(`n_${t}[${j}]`, n, 'n', true)} = ${u.n(`h_${t}[${j}] (recomputed)`, hRhs, 'h')}`,
    rows: u.rows,
    check: check(`h_${t}[${j}]`, hRhs, hidden(rec, t, j)),
    note: 'Recurrence is off: every step starts from h = 0, so z ⊙ h_{t−1} is 0 and left out: there is no old state to keep.',
  };
  return [candidate, update];
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
