/**
 * The formula blocks the view shows for one record at (t, unit): each block's symbolic TeX, the same formula
 * with the record's numbers substituted, the table rows of its symbols and values, a check where the record
 * lets both sides be computed independently, and a note saying what is not streamed.
 */
import { bpttFormulas } from './formulas-bptt-model';
import { cellFormulas } from './formulas-cell-model';
import { cellOf, meanLoss, outputStep, stepLoss } from './formulas-values';
import { Numbers, check, elide, indexed } from './formula-parts';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { LOSS_TEX, cellTex, outputTex, stepLossTex, sym, texNumber } from './formulas-tex';

function outputFormula({ rec, t }: FormulaContext): Formula {
  const v = outputStep(rec, t);
  const nb = new Numbers();
  const softmax = v.p !== null;
  const yk = nb.n(`y_${t}[${v.k}]`, v.y[v.k], 'y');
  const lines = [`${indexed('y', 'y', t, v.k)} = (${sym('Why', 'W_{hy}')}\\, ${sym('h', `h_{${t}}`)})[${v.k}] + ${indexed('by', 'b', 'y', v.k)} = ${yk}`];
  nb.text('W_hy, b_y', 'not streamed', 'Why');
  let chk: Check | null = null;
  if (softmax && v.p !== null && v.pRhs !== null) {
    const exps = elide(v.y.map((y, m) => ({ y, m })), 6).map((e) => (e === null ? '\\cdots' : `e^{${nb.n(`y_${t}[${e.m}]`, e.y, 'y')}}`));
    const sum = v.y.reduce((s, y) => s + Math.exp(y), 0);
    // e^{y} printed only while it is finite (p itself is computed with the largest y subtracted)
    const values = Number.isFinite(sum) ? ` = \\frac{${texNumber(Math.exp(v.y[v.k]))}}{${texNumber(sum)}}` : '';
    lines.push(`${indexed('p', 'p', t, v.k)} = \\frac{e^{y_{${t}}[${v.k}]}}{\\sum_m e^{y_{${t}}[m]}} = \\frac{e^{${yk}}}{${exps.join(' + ')}}${values} = ${nb.prob(`p_${t}[${v.k}] (recomputed)`, v.pRhs, 'p')}`);
    chk = check(`p_${t}[${v.k}]`, v.pRhs, v.p);
  }
  const which = !softmax ? `output ${v.k}` : rec.mask[t] === 1 ? `class ${v.k}, the target "${rec.targetLabels[t]}"` : `class ${v.k}, the most probable (step ${t} has no target)`;
  return {
    id: 'output',
    title: softmax ? 'Output and softmax' : 'Output (linear head)',
    symbolic: outputTex(softmax),
    numeric: `\\begin{aligned} ${lines.map((l) => l.replace(' = ', ' &= ')).join(' \\\\ ')} \\end{aligned}`,
    rows: nb.rows,
    check: chk,
    note: `Shown for ${which}. W_hy and b_y are not streamed; h_${t}[0…${rec.H - 1}] are the ${rec.H} numbers W_hy weighs.`,
  };
}

function stepLossFormula({ rec, t }: FormulaContext): Formula {
  const v = stepLoss(rec, t);
  const softmax = rec.p.length > 0;
  const nb = new Numbers();
  const lhs = sym('loss', `\\ell_{${t}}`);
  if (!v.scored || v.rhs === null || v.loss === null) {
    return { id: 'step-loss', title: 'Loss at step t', symbolic: stepLossTex(softmax), numeric: `${lhs}: \\text{not scored (step ${t} has no target)}`, rows: [{ label: `ℓ_${t}`, sym: 'loss', value: null, text: 'not scored' }], check: null, note: `Step ${t} has no target, so it adds nothing to L.` };
  }
  let numeric: string;
  if (softmax && v.pTarget !== null) {
    const k = v.target[0];
    numeric = `${lhs} = -\\log ${indexed('p', 'p', t, k)} = -\\log ${nb.prob(`p_${t}[${k}]`, v.pTarget, 'p')} = ${nb.n(`ℓ_${t} (recomputed)`, v.rhs, 'loss')}`;
  } else {
    const res = v.residuals ?? [];
    const terms = elide(res.map((d, m) => ({ d, m })), 5).map((e) => (e === null ? '\\cdots' : `(${nb.n(`y_${t}[${e.m}]`, rec.y[t * rec.O + e.m], 'y')} - ${nb.n(`target_${t}[${e.m}]`, v.target[e.m], null, true)})^2`));
    numeric = `${lhs} = \\tfrac12 \\big(${terms.join(' + ')}\\big) = ${nb.n(`ℓ_${t} (recomputed)`, v.rhs, 'loss')}`;
  }
  return { id: 'step-loss', title: 'Loss at step t', symbolic: stepLossTex(softmax), numeric, rows: nb.rows, check: check(`ℓ_${t}`, v.rhs, v.loss), note: softmax ? `The target at step ${t} is "${rec.targetLabels[t]}" (class ${v.target[0]}).` : null };
}

function lossFormula({ rec }: FormulaContext): Formula {
  const v = meanLoss(rec);
  const nb = new Numbers();
  if (v.N === 0) return { id: 'loss', title: 'Loss of the sequence', symbolic: LOSS_TEX, numeric: `${sym('loss', 'L')} = 0 \\quad \\text{(no step is scored)}`, rows: [], check: null, note: null };
  const terms = elide(v.terms, 5).map((e) => (e === null ? '\\cdots' : nb.n(`ℓ_${e.t}`, e.loss, 'loss')));
  const numeric = `${sym('loss', 'L')} = \\frac{1}{${v.N}} \\big(${terms.join(' + ')}\\big) = ${nb.n('L (recomputed)', v.mean, 'loss')}`;
  return {
    id: 'loss',
    title: 'Loss of the sequence',
    symbolic: LOSS_TEX,
    numeric,
    rows: nb.rows,
    check: check('L', v.mean, v.loss),
    note: `N = ${v.N} scored step${v.N === 1 ? '' : 's'} of ${rec.T}: ${v.N <= 8 ? v.terms.map((x) => `t = ${x.t}`).join(', ') : `t = ${v.terms[0].t} … ${v.terms[v.N - 1].t}`}.`,
  };
}

/**
 * Every formula block for the record's cell at (t, unit): the cell's equations, the head, the loss, and BPTT.
 * t and unit must lie in 0…T−1 and 0…H−1.
 */
export function buildFormulas(ctx: FormulaContext): Formula[] {
  const cell = cellOf(ctx.rec);
  const symbolic = cellTex(cell, ctx.activation);
  const cellBlocks = cellFormulas(cell, ctx).map((f, k) => ({ ...f, symbolic: symbolic[k].tex, title: symbolic[k].title, id: symbolic[k].id }));
  return [...cellBlocks, outputFormula(ctx), stepLossFormula(ctx), lossFormula(ctx), ...bpttFormulas(cell, ctx)];
}
