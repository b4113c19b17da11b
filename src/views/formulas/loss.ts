/**
 * The loss with the record's numbers: ℓ_t at the selected step (softmax −log p_t[target], linear
 * ½‖y_t − target_t‖²) recomputed and checked against the recorded ℓ_t, and L = (1/N) Σ_{scored t} ℓ_t
 * recomputed from the recorded ℓ_t and checked against the recorded L.
 */
import { Numbers, check } from './formula-parts';
import type { Formula, FormulaContext } from './formula-parts';
import { SYM, elide, indexed, sym } from './tex';

function stepLoss({ rec, t }: FormulaContext): Formula {
  const softmax = rec.p.length > 0;
  const base = {
    id: 'step-loss',
    title: 'Loss at step t',
    symbolic: softmax ? `${SYM.loss} = -\\log ${SYM.p}[\\text{target}_t]` : `${SYM.loss} = \\tfrac12 \\lVert ${SYM.y} - \\text{target}_t \\rVert^2`,
  };
  const lhs = sym('loss', `\\ell_{${t}}`);
  if (rec.mask[t] !== 1) {
    return { ...base, numeric: `${lhs}: \\text{not scored (step ${t} has no target)}`, rows: [{ label: `ℓ_${t}`, sym: 'loss', value: null, text: 'not scored' }], check: null, note: `Step ${t} has no target, so it adds nothing to L.` };
  }
  const nb = new Numbers();
  const O = rec.O;
  let numeric: string;
  let rhs: number;
  if (softmax) {
    const k = rec.targets[t];
    const pk = rec.p[t * O + k];
    rhs = -Math.log(pk);
    numeric = `${lhs} = -\\log ${indexed('p', 'p', t, k)} = -\\log ${nb.prob(`p_${t}[${k}]`, pk, 'p')} = ${nb.n(`ℓ_${t} (recomputed)`, rhs, 'loss')}`;
  } else {
    const y = (m: number) => rec.y[t * O + m];
    const target = (m: number) => rec.targets[t * O + m];
    const ms = Array.from({ length: O }, (_, m) => m);
    rhs = 0.5 * ms.reduce((s, m) => s + (y(m) - target(m)) ** 2, 0);
    const terms = elide(ms, 5).map((m) => (m === null ? '\\cdots' : `(${nb.n(`y_${t}[${m}]`, y(m), 'y')} - ${nb.n(`target_${t}[${m}]`, target(m), null, true)})^2`));
    numeric = `${lhs} = \\tfrac12 \\big(${terms.join(' + ')}\\big) = ${nb.n(`ℓ_${t} (recomputed)`, rhs, 'loss')}`;
  }
  return {
    ...base,
    numeric,
    rows: nb.rows,
    check: check(`ℓ_${t}`, rhs, rec.losses[t]),
    note: softmax ? `The target at step ${t} is "${rec.targetLabels[t]}" (class ${rec.targets[t]}).` : null,
  };
}

function sequenceLoss({ rec }: FormulaContext): Formula {
  const base = { id: 'loss', title: 'Loss of the sequence', symbolic: `${SYM.L} = \\frac{1}{N} \\sum_{t\\ \\text{scored}} ${SYM.loss}` };
  const terms: { t: number; loss: number }[] = [];
  for (let t = 0; t < rec.T; t++) if (rec.mask[t] === 1) terms.push({ t, loss: rec.losses[t] });
  const N = terms.length;
  if (N === 0) return { ...base, numeric: `${sym('loss', 'L')} = 0 \\quad \\text{(no step is scored)}`, rows: [], check: null, note: null };
  const nb = new Numbers();
  const mean = terms.reduce((s, x) => s + x.loss, 0) / N;
  const shown = elide(terms, 5).map((e) => (e === null ? '\\cdots' : nb.n(`ℓ_${e.t}`, e.loss, 'loss')));
  return {
    ...base,
    numeric: `${sym('loss', 'L')} = \\frac{1}{${N}} \\big(${shown.join(' + ')}\\big) = ${nb.n('L (recomputed)', mean, 'loss')}`,
    rows: nb.rows,
    check: check('L', mean, rec.loss),
    note: `N = ${N} scored step${N === 1 ? '' : 's'} of ${rec.T}: ${N <= 8 ? terms.map((x) => `t = ${x.t}`).join(', ') : `t = ${terms[0].t} … ${terms[N - 1].t}`}.`,
  };
}

/** The loss blocks: ℓ_t at the selected step, then L of the whole sequence. */
export function lossFormulas(ctx: FormulaContext): Formula[] {
  return [stepLoss(ctx), sequenceLoss(ctx)];
}
