/**
 * Backpropagation through time with the record's numbers: the chain rule's product of Jacobians from step τ back
 * to the selected step k = t (norms from the streamed flow profile, exact and never truncated), the per-step
 * Jacobian with its rough guide (ρ(W_hh)·⟨act′⟩)^{τ−k} beside the measured ratio (or the gated cells' direct
 * path), and the backward recursion of ∂L/∂h_t (and the LSTM's ∂L/∂c_t, in bptt-backward.ts).
 */
import type { InspectRecord } from '../../engine/session';
import { cellOf, gate, h as hidden } from '../../worker/record';
import { backwardFormula } from './bptt-backward';
import { Numbers, derivativeFromOutput } from './formula-parts';
import type { Formula, FormulaContext } from './formula-parts';
import { actTex, aligned, elide, formatNumber, gateSym, indexed, sym } from './tex';

/** ‖∂ℓ_a/∂h_b‖ (or ∂c_b) in TeX, marked as a gradient. */
function gradNorm(a: number | string, b: number | string, v = 'h'): string {
  return sym(v === 'c' ? 'dc' : 'dh', `\\Big\\lVert \\frac{\\partial \\ell_{${a}}}{\\partial ${v}_{${b}}} \\Big\\rVert`);
}

/** τ, the step k = t clamped into 0…τ, and what the product of the τ − k Jacobians did to the error's norm. */
function flow(rec: InspectRecord, t: number) {
  const tau = rec.tau;
  const k = Math.max(0, Math.min(t, tau));
  const gradTau = rec.flowH[tau];
  const gradK = rec.flowH[k];
  return { tau, k, valid: t <= tau, steps: tau - k, gradTau, gradK, ratio: gradK / gradTau };
}

const PICK_EARLIER = (tau: number) => `Move the scrubber to a step k < τ = ${tau} to see what the product of τ − k steps does to the error.`;

function chainFormula({ rec, t }: FormulaContext): Formula {
  const { tau, k, valid, steps, gradTau, gradK, ratio } = flow(rec, t);
  const base = {
    id: 'bptt',
    title: 'Backpropagation through time: the chain rule',
    symbolic: `${sym('dh', '\\frac{\\partial \\ell_\\tau}{\\partial h_k}')} = ${sym('dh', '\\frac{\\partial \\ell_\\tau}{\\partial h_\\tau}')} \\prod_{j=k+1}^{\\tau} \\frac{\\partial h_j}{\\partial h_{j-1}}`,
  };
  if (!valid) {
    return { ...base, numeric: `k = ${t} > \\tau = ${tau}: \\text{the error of step } \\tau \\text{ does not reach later steps}`, rows: [], check: null, note: `Pick a step k ≤ τ = ${tau} with the scrubber (τ is the step whose error is traced; the gradient-flow view chooses it).` };
  }
  const nb = new Numbers();
  const O = rec.O;
  // ∂ℓ_τ/∂y_τ: softmax p_τ − e_target, linear y_τ − target_τ (the error entering the network at τ)
  const dy = rec.p.length > 0
    ? Array.from(rec.p.subarray(tau * O, (tau + 1) * O), (p, m) => p - (m === rec.targets[tau] ? 1 : 0))
    : Array.from(rec.y.subarray(tau * O, (tau + 1) * O), (v, m) => v - rec.targets[tau * O + m]);
  const dyLabel = rec.p.length > 0 ? `p_{${tau}} - e_{\\text{target}}` : `y_{${tau}} - \\text{target}_{${tau}}`;
  const dyTex = elide(dy.map((d, m) => ({ d, m })), 6).map((e) => (e === null ? '\\ldots' : nb.n(`∂ℓ_${tau}/∂y_${tau}[${e.m}]`, e.d)));
  const lines = [
    `\\frac{\\partial \\ell_{${tau}}}{\\partial y_{${tau}}} &= ${dyLabel} = (${dyTex.join(', ')})`,
    `${gradNorm(tau, tau)} &= ${nb.n(`‖∂ℓ_${tau}/∂h_${tau}‖`, gradTau, 'dh')}`,
  ];
  if (steps > 0) {
    const perStep = ratio > 0 && Number.isFinite(ratio) ? ratio ** (1 / steps) : null;
    const per = perStep === null ? '' : ` = ${nb.n(`‖∂ℓ_${tau}/∂h_${tau}‖`, gradTau, 'dh')} \\cdot (${nb.n('mean factor per step', perStep)})^{${steps}}`;
    lines.push(`${gradNorm(tau, k)} &= ${nb.n(`‖∂ℓ_${tau}/∂h_${k}‖`, gradK, 'dh')}${per}`);
  }
  if (rec.flowC.length > k) lines.push(`${gradNorm(tau, k, 'c')} &= ${nb.n(`‖∂ℓ_${tau}/∂c_${k}‖`, rec.flowC[k], 'dc')}`);
  nb.text('∂h_j/∂h_{j−1}', 'needs W_h· (not streamed)');
  const off = rec.recurrence === 'off' ? 'Recurrence is off: every step starts from h = 0, so every ∂h_j/∂h_{j−1} is 0 and no error reaches an earlier step. ' : '';
  return {
    ...base,
    numeric: aligned(lines),
    rows: nb.rows,
    check: null,
    note: off + (steps === 0
      ? `k = τ = ${tau}: no Jacobian yet; move the scrubber to an earlier step to follow the error back.`
      : `From τ = ${tau} back to k = ${k}: ${steps} Jacobian${steps === 1 ? '' : 's'} multiplied, and the error's size changed by a factor ${formatNumber(ratio)}. ∂ℓ_τ/∂h_τ = W_hyᵀ(∂ℓ_τ/∂y_τ) needs W_hy, which is not streamed; its norm and ‖∂ℓ_τ/∂h_k‖ are streamed (exact, never truncated).`),
  };
}

/**
 * Whether the rough guide and the measured ratio tell the same story, and if not, why, in one sentence: they
 * disagree when one says the error grows and the other that it shrinks, or when they differ by more than 10×.
 */
export function guideVerdict(guide: number, measured: number): string {
  if (!Number.isFinite(guide) || !Number.isFinite(measured) || guide <= 0 || measured <= 0) return '';
  const [g, m] = [formatNumber(guide), formatNumber(measured)];
  const what = guide > 1 && measured < 1 ? `the guide ${g} predicts growth but the error shrank to ${m} of its size`
    : guide < 1 && measured > 1 ? `the guide ${g} predicts decay but the error grew by ${m}`
      : Math.abs(Math.log10(guide / measured)) > 1 ? `the guide ${g} is more than 10× off the measured ${m}` : null;
  if (what === null) return ` Here the guide ${g} and the measured ${m} agree: both ${measured < 1 ? 'below' : 'above'} 1.`;
  return ` Here ${what}, because the product of the Jacobians is not the product of their norms: saturated units (act′ ≈ 0) cut their rows, and the error grows like ρ(W_hh) per step only where it lies along W_hh's leading eigenvectors.`;
}

/**
 * With recurrence off no step's state depends on the one before (every step starts from h = 0, and c = 0): each
 * Jacobian ∂h_j/∂h_{j−1} (and ∂c_j/∂c_{j−1}) is 0, so the error of step τ reaches no earlier step, as measured.
 */
function noPathFormula(ctx: FormulaContext): Formula {
  const { rec, t } = ctx;
  const lstm = cellOf(rec) === 'lstm';
  const { tau, k, steps, ratio } = flow(rec, t);
  const nb = new Numbers();
  const lines = steps > 0
    ? [`\\text{measured: } ${gradNorm(tau, k)} \\big/ ${gradNorm(tau, tau)} &= ${nb.n(`‖∂ℓ_${tau}/∂h_${k}‖ / ‖∂ℓ_${tau}/∂h_${tau}‖`, ratio, 'dh')}`]
    : [`k &= \\tau = ${tau}: \\text{no step to cross}`];
  return {
    id: 'jacobian',
    title: 'No path back through time: recurrence is off',
    symbolic: `\\frac{\\partial h_j}{\\partial h_{j-1}} = 0${lstm ? ', \\qquad \\frac{\\partial c_j}{\\partial c_{j-1}} = 0' : ''}`,
    numeric: aligned(lines),
    rows: nb.rows,
    check: null,
    note: `Recurrence is off: every step starts from h = 0${lstm ? ' and c = 0' : ''}, so no step depends on the one before and the error of step τ = ${tau} reaches no earlier step.${steps > 0 ? '' : ` ${PICK_EARLIER(tau)}`}`,
  };
}

function jacobianFormula(ctx: FormulaContext): Formula {
  const { rec, t, unit: j, activation: act } = ctx;
  if (rec.recurrence === 'off') return noPathFormula(ctx);
  const cell = cellOf(rec);
  const { tau, k, steps, ratio } = flow(rec, t);
  const nb = new Numbers();
  const whh = sym('Whh', 'W_{hh}');
  const measured = steps > 0 ? `\\text{measured: } ${gradNorm(tau, k)} \\big/ ${gradNorm(tau, tau)} &= ${nb.n(`‖∂ℓ_${tau}/∂h_${k}‖ / ‖∂ℓ_${tau}/∂h_${tau}‖`, ratio, 'dh')}` : null;
  if (cell === 'rnn') {
    const hj = hidden(rec, t, j);
    const hTex = nb.n(`h_${t}[${j}]`, hj, 'h', true);
    const lines = [`${actTex(act)}'(a_{${t}}[${j}]) &= ${{ tanh: `1 - ${hTex}^2`, sigmoid: `${hTex}\\,(1 - ${hTex})`, relu: `[${hTex} > 0]`, linear: '1' }[act]} = ${nb.n(`act′(a_${t}[${j}])`, derivativeFromOutput(act, hj))}`];
    let verdict = '';
    if (steps > 0) {
      // ⟨act′⟩: the geometric mean over steps k+1…τ of each step's mean over units of |act′|
      let logSum = 0;
      for (let s = k + 1; s <= tau; s++) {
        let m = 0;
        for (let u = 0; u < rec.H; u++) m += Math.abs(derivativeFromOutput(act, hidden(rec, s, u)));
        logSum += Math.log(m / rec.H);
      }
      const mean = Math.exp(logSum / steps);
      const rho = ctx.rho === null ? '\\rho' : nb.n('ρ(W_hh)', ctx.rho, 'Whh');
      const guide = ctx.rho === null ? null : (ctx.rho * mean) ** steps;
      lines.push(`\\text{rough guide: } \\big(\\rho(${whh}) \\cdot \\langle ${actTex(act)}' \\rangle\\big)^{${steps}} &= (${rho} \\cdot ${nb.n(`⟨act′⟩ over steps ${k + 1}…${tau}`, mean)})^{${steps}}${guide === null ? '' : ` = ${nb.n('rough guide (ρ·⟨act′⟩)^(τ−k)', guide)}`}`);
      if (guide !== null) verdict = guideVerdict(guide, ratio);
    }
    if (measured) lines.push(measured);
    return {
      id: 'jacobian',
      title: 'Vanishing and exploding: the product of Jacobians',
      symbolic: `\\frac{\\partial h_j}{\\partial h_{j-1}} = \\operatorname{diag}\\big(${actTex(act)}'(a_j)\\big)\\, ${whh}, \\qquad \\Big\\lVert \\prod_{j=k+1}^{\\tau} \\frac{\\partial h_j}{\\partial h_{j-1}} \\Big\\rVert \\sim \\underbrace{\\big(\\rho(${whh}) \\cdot \\langle ${actTex(act)}' \\rangle\\big)^{\\tau-k}}_{\\text{rough guide}}`,
      numeric: aligned(lines),
      rows: nb.rows,
      check: null,
      note: `Row ${j} of ∂h_${t}/∂h_${t - 1} is act′(a_${t}[${j}]) times row ${j} of W_hh (not streamed); ρ(W_hh) = ${ctx.rho === null ? 'not yet streamed' : formatNumber(ctx.rho)}. ${steps > 0
        ? `⟨act′⟩ is the mean over units of act′, averaged geometrically over steps ${k + 1}…${tau}. The guide is only a rough estimate of the measured ratio: below 1 per step the error tends to vanish, above 1 it can explode.${verdict}`
        : PICK_EARLIER(tau)}`,
    };
  }
  const g = cell === 'lstm' ? 'f' : 'z';
  let product = 1;
  for (let s = k + 1; s <= tau; s++) product *= gate(rec, g, s, j);
  const lines = steps > 0 ? [`\\prod_{s=${k + 1}}^{${tau}} ${indexed(g, g, 's', j)} &= ${nb.n(`∏ ${g}_s[${j}], s = ${k + 1}…${tau}`, product, g)}`] : [`k &= \\tau = ${tau}: \\text{no step to cross}`];
  if (measured) lines.push(measured);
  const path = cell === 'lstm'
    ? 'Along the memory line c the error is multiplied by the forget gate of each step, not by a weight matrix: forget gates near 1 keep it alive'
    : 'Through z ⊙ h_{t−1} the error is multiplied by the update gate of each step: update gates near 1 carry it back';
  return {
    id: 'jacobian',
    title: cell === 'lstm' ? 'Why the LSTM remembers: the memory line' : 'Why the GRU remembers: the update gate',
    symbolic: cell === 'lstm'
      ? `\\frac{\\partial c_j}{\\partial c_{j-1}} = \\operatorname{diag}(${gateSym('f', 'j')}) + (\\text{terms through } h_{j-1}), \\qquad \\text{memory line: } \\prod_{j=k+1}^{\\tau} ${gateSym('f', 'j')}`
      : `\\frac{\\partial h_j}{\\partial h_{j-1}} = \\operatorname{diag}(${gateSym('z', 'j')}) + (\\text{terms through } ${gateSym('r', 'j')}, ${gateSym('n', 'j')}, ${gateSym('z', 'j')}), \\qquad \\text{direct path: } \\prod_{j=k+1}^{\\tau} ${gateSym('z', 'j')}`,
    numeric: aligned(lines),
    rows: nb.rows,
    check: null,
    note: steps > 0 ? `${path} over ${steps} step${steps === 1 ? '' : 's'} (unit ${j} shown; the other terms ${cell === 'lstm' ? 'pass through h and ' : ''}need the weights).` : `${path}. ${PICK_EARLIER(tau)}`,
  };
}

/** The BPTT blocks: the chain rule, the Jacobian with its rough guide (or the gated path), the backward step. */
export function bpttFormulas(ctx: FormulaContext): Formula[] {
  return [chainFormula(ctx), jacobianFormula(ctx), backwardFormula(ctx)];
}
