/**
 * Backpropagation through time with the record's numbers: the chain rule's product of Jacobians from step τ
 * back to the selected step k = t (norms from the streamed flow profile), the per-step Jacobian and the
 * vanishing/exploding rule of thumb, and the backward recursion of ∂L/∂h_t (and the LSTM's ∂L/∂c_t).
 */
import type { CellKind } from '../../engine/types';
import { backwardStep, flowValues, gateProduct, rnnJacobian } from './bptt-values';
import { Numbers, check, elide, indexed } from './formula-parts';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { BPTT_TEX, actTex, backwardTex, jacobianTex, sym } from './formulas-tex';

/** ‖∂ℓ_a/∂h_b‖ in TeX with concrete steps, marked as a gradient. */
function gradNorm(a: number | string, b: number | string, v = 'h'): string {
  return sym(v === 'c' ? 'dc' : 'dh', `\\Big\\lVert \\frac{\\partial \\ell_{${a}}}{\\partial ${v}_{${b}}} \\Big\\rVert`);
}

function chainFormula(ctx: FormulaContext): Formula {
  const { rec, t } = ctx;
  const v = flowValues(rec, t);
  const nb = new Numbers();
  const base = { id: 'bptt', title: 'Backpropagation through time: the chain rule', symbolic: BPTT_TEX };
  if (!v.valid) {
    return { ...base, numeric: `k = ${t} > \\tau = ${v.tau}: \\text{the error of step } \\tau \\text{ does not reach later steps}`, rows: [], check: null, note: `Pick a step k ≤ τ = ${v.tau} with the scrubber (τ is the step whose error is traced; the gradient-flow view chooses it).` };
  }
  const { k, tau, steps } = v;
  const dyLabel = rec.p.length > 0 ? `p_{${tau}} - e_{\\text{target}}` : `y_{${tau}} - \\text{target}_{${tau}}`;
  const dy = elide(v.dy.map((d, m) => ({ d, m })), 6).map((e) => (e === null ? '\\ldots' : nb.n(`∂ℓ_${tau}/∂y_${tau}[${e.m}]`, e.d)));
  const lines = [
    `\\frac{\\partial \\ell_{${tau}}}{\\partial y_{${tau}}} &= ${dyLabel} = (${dy.join(', ')})`,
    `${gradNorm(tau, tau)} &= ${nb.n(`‖∂ℓ_${tau}/∂h_${tau}‖`, v.gradTau, 'dh')}`,
  ];
  if (steps > 0) {
    const per = v.perStep === null ? '' : ` = ${nb.n(`‖∂ℓ_${tau}/∂h_${tau}‖`, v.gradTau, 'dh')} \\cdot (${nb.n('mean factor per step', v.perStep)})^{${steps}}`;
    lines.push(`${gradNorm(tau, k)} &= ${nb.n(`‖∂ℓ_${tau}/∂h_${k}‖`, v.gradK, 'dh')}${per}`);
  }
  if (v.cellK !== null) lines.push(`${gradNorm(tau, k, 'c')} &= ${nb.n(`‖∂ℓ_${tau}/∂c_${k}‖`, v.cellK, 'dc')}`);
  nb.text('∂h_j/∂h_{j−1}', 'needs W_h· (not streamed)');
  return {
    ...base,
    numeric: `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`,
    rows: nb.rows,
    check: null,
    note: steps === 0
      ? `k = τ = ${tau}: no Jacobian yet; move the scrubber to an earlier step to follow the error back.`
      : `From τ = ${tau} back to k = ${k}: ${steps} Jacobian${steps === 1 ? '' : 's'} multiplied, and the error's size changed by a factor ${formatRatio(v.ratio)}. ∂ℓ_τ/∂h_τ = W_hyᵀ(∂ℓ_τ/∂y_τ) needs W_hy, which is not streamed; its norm and ‖∂ℓ_τ/∂h_k‖ are streamed (exact, never truncated).`,
  };
}

/** What to do when k = τ (nothing multiplied yet). */
const PICK_EARLIER = (tau: number) => `Move the scrubber to a step k < τ = ${tau} to see what the product of τ − k steps does to the error.`;

function formatRatio(r: number): string {
  return Number.isFinite(r) ? (Math.abs(r) >= 1e-3 && Math.abs(r) < 1e5 ? String(Number(r.toPrecision(3))) : r.toExponential(2)) : '—';
}

function jacobianFormula(cell: CellKind, ctx: FormulaContext): Formula {
  const { rec, t, unit: j, activation: act } = ctx;
  const flow = flowValues(rec, t);
  const { k, tau, steps } = flow;
  const nb = new Numbers();
  const base = { id: 'jacobian', title: cell === 'rnn' ? 'Vanishing and exploding: the product of Jacobians' : cell === 'lstm' ? 'Why the LSTM remembers: the memory line' : 'Why the GRU remembers: the update gate', symbolic: jacobianTex(cell, act) };
  const measured = () => steps > 0 ? `${gradNorm(tau, k)} \\big/ ${gradNorm(tau, tau)} &= ${nb.n(`‖∂ℓ_${tau}/∂h_${k}‖ / ‖∂ℓ_${tau}/∂h_${tau}‖`, flow.ratio, 'dh')}` : null;
  if (cell === 'rnn') {
    const v = rnnJacobian(rec, act, t, j, k, ctx.rho);
    const h = nb.n(`h_${t}[${j}]`, v.h, 'h', true);
    const formula = { tanh: `1 - ${h}^2`, sigmoid: `${h}\\,(1 - ${h})`, relu: `[${h} > 0]`, linear: '1' }[act];
    const lines = [`${actTex(act)}'(a_{${t}}[${j}]) &= ${formula} = ${nb.n(`act′(a_${t}[${j}])`, v.actPrime)}`];
    if (steps > 0 && v.meanActPrime !== null) {
      const rho = v.rho === null ? '\\rho' : nb.n('ρ(W_hh)', v.rho, 'Whh');
      const product = v.ruleProduct === null ? '' : ` = ${nb.n('rule of thumb', v.ruleProduct)}`;
      lines.push(`\\big(\\rho(${sym('Whh', 'W_{hh}')}) \\cdot \\langle ${actTex(act)}' \\rangle\\big)^{${steps}} &= (${rho} \\cdot ${nb.n(`⟨act′⟩ over steps ${k + 1}…${tau}`, v.meanActPrime)})^{${steps}}${product}`);
    }
    const m = measured();
    if (m) lines.push(m);
    return {
      ...base,
      numeric: `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`,
      rows: nb.rows,
      check: null,
      note: `Row ${j} of ∂h_${t}/∂h_${t - 1} is act′(a_${t}[${j}]) times row ${j} of W_hh (not streamed); ρ(W_hh) = ${v.rho === null ? 'not yet streamed' : formatRatio(v.rho)}. ${steps > 0
        ? `⟨act′⟩ is the mean over units of act′, averaged geometrically over steps ${k + 1}…${tau}. The rule of thumb is an estimate: below 1 per step the error vanishes geometrically, above 1 it can explode.`
        : PICK_EARLIER(tau)}`,
    };
  }
  const gate = cell === 'lstm' ? 'f' : 'z';
  const p = gateProduct(rec, gate, k, tau, j);
  const lines = steps > 0 ? [`\\prod_{s=${k + 1}}^{${tau}} ${indexed(gate, gate, 's', j)} &= ${nb.n(`∏ ${gate}_s[${j}], s = ${k + 1}…${tau}`, p, gate)}`] : [`k &= \\tau = ${tau}: \\text{no step to cross}`];
  const m = measured();
  if (m) lines.push(m);
  const path = cell === 'lstm'
    ? 'Along the memory line c the error is multiplied by the forget gate of each step, not by a weight matrix: forget gates near 1 keep it alive'
    : 'Through z ⊙ h_{t−1} the error is multiplied by the update gate of each step: update gates near 1 carry it back';
  return {
    ...base,
    numeric: `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`,
    rows: nb.rows,
    check: null,
    note: steps > 0 ? `${path} over ${steps} step${steps === 1 ? '' : 's'} (unit ${j} shown; the other terms ${cell === 'lstm' ? 'pass through h and ' : ''}need the weights).` : `${path}. ${PICK_EARLIER(tau)}`,
  };
}

function backwardFormula(cell: CellKind, ctx: FormulaContext): Formula {
  const { rec, t, unit: j, truncate, truncMode } = ctx;
  const v = backwardStep(rec, t, j);
  const nb = new Numbers();
  const dhLhs = sym('dh', `\\frac{\\partial L}{\\partial h_{${t}}}[${j}]`);
  const next = v.dhNext === null ? `0 \\ (\\text{last step})` : nb.n(`∂L/∂h_${t + 1}[${j}]`, v.dhNext, 'dh');
  const lines = [`${dhLhs} &= ${nb.n(`∂L/∂h_${t}[${j}]`, v.dh, 'dh')}, \\qquad ${sym('dh', `\\frac{\\partial L}{\\partial h_{${t + 1}}}[${j}]`)} = ${next}`];
  const full = truncate <= 0 || truncate >= rec.T;
  let chk: Check | null = null;
  if (cell === 'lstm' && v.dc !== null && v.dcRhs !== null) {
    const dcNext = v.dhNext === null ? '0' : `${nb.n(`∂L/∂c_${t + 1}[${j}]`, v.dcNext, 'dc', true)} \\cdot ${nb.n(`f_${t + 1}[${j}]`, v.fNext, 'f')}`;
    lines.push(`${sym('dc', `\\frac{\\partial L}{\\partial c_{${t}}}[${j}]`)} &= ${nb.n(`∂L/∂h_${t}[${j}]`, v.dh, 'dh', true)} \\cdot ${nb.n(`o_${t}[${j}]`, v.o, 'o')} \\cdot (1 - ${nb.n(`tanh c_${t}[${j}]`, v.tanhC, 'c', true)}^2) + ${dcNext} = ${nb.n(`∂L/∂c_${t}[${j}] (recomputed)`, v.dcRhs, 'dc')}`);
    if (full) chk = check(`∂L/∂c_${t}[${j}]`, v.dcRhs, v.dc);
  }
  nb.text('W_hy, W_h·', 'not streamed', 'Whh');
  const notes = [`The recorded ∂L/∂h_t is the total of both terms; splitting it needs W_hy and W_h·, which are not streamed.`];
  if (!full) {
    const how = truncMode === 'chunk' ? `chunks of k = ${truncate} steps (chunks start at steps 0, ${truncate}, ${2 * truncate}, …)` : `a window of k = ${truncate} steps per loss`;
    notes.push(`Training truncates BPTT to ${how}, so these are the truncated gradients${cell === 'lstm' ? ` (each ${truncMode === 'chunk' ? 'chunk' : 'window'} restarts the recursion, so it is not checked here)` : ''}.`);
  }
  return { id: 'backward', title: cell === 'lstm' ? 'The backward step: ∂L/∂h_t and ∂L/∂c_t' : 'The backward step: ∂L/∂h_t', symbolic: backwardTex(cell), numeric: `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`, rows: nb.rows, check: chk, note: notes.join(' ') };
}

/** The BPTT formula blocks: the chain rule, the Jacobian with its rule (or the gated path), the backward step. */
export function bpttFormulas(cell: CellKind, ctx: FormulaContext): Formula[] {
  return [chainFormula(ctx), jacobianFormula(cell, ctx), backwardFormula(cell, ctx)];
}
