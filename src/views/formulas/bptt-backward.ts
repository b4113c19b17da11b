/**
 * The backward step of BPTT at (t, unit j), as the engine computes it: the recorded ∂L/∂h_t (the sum of the
 * output's term and the next step's, which W_hy and W_h· would split, not streamed) and, for the LSTM,
 * ∂L/∂c_t = ∂L/∂h_t · o_t · (1 − tanh² c_t) + ∂L/∂c_{t+1} · f_{t+1}, recomputed and checked under full BPTT.
 */
import { c as cellState, cellOf, dc, dh, gate } from '../../worker/record';
import { Numbers, check } from './formula-parts';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { SYM, aligned, gateSym, sym } from './tex';

/** ∂L/∂h_t's recursion (and the LSTM's ∂L/∂c_t) in symbols; with recurrence off (`off`) the next step's terms are 0 and left out. */
function backwardTex(lstm: boolean, off = false): string {
  const dy = '\\frac{\\partial \\ell_t}{\\partial y_t}';
  const next = off ? '' : ` + \\Big(\\frac{\\partial h_{t+1}}{\\partial h_t}\\Big)^{\\!\\top} ${SYM.dhNext}`;
  const dhLine = (eq: string) => `${SYM.dh} ${eq} \\tfrac{1}{N} ${sym('Why', 'W_{hy}^{\\top}')} ${dy}${next}`;
  if (!lstm) return dhLine('=');
  return aligned([dhLine('&='), `${SYM.dc} &= ${SYM.dh} \\odot ${gateSym('o')} \\odot (1 - \\tanh^2 ${SYM.c})${off ? '' : ` + ${SYM.dcNext} \\odot ${gateSym('f', 't+1')}`}`]);
}

/** The backward-step block at (t, unit). */
export function backwardFormula({ rec, t, unit: j, truncate, truncMode }: FormulaContext): Formula {
  const lstm = cellOf(rec) === 'lstm';
  const off = rec.recurrence === 'off';
  // with recurrence off nothing flows back from step t + 1: the recursion stops at every step, as at the last one
  const last = t === rec.T - 1 || off;
  const nb = new Numbers();
  const dhT = dh(rec, t, j);
  const next = last ? `0 \\ (\\text{last step})` : nb.n(`∂L/∂h_${t + 1}[${j}]`, dh(rec, t + 1, j), 'dh');
  const dhNow = `${sym('dh', `\\frac{\\partial L}{\\partial h_{${t}}}[${j}]`)} &= ${nb.n(`∂L/∂h_${t}[${j}]`, dhT, 'dh')}`;
  // recurrence off: step t + 1 sends nothing back, so its ∂L/∂h is not part of this step's recursion
  const lines = [off ? dhNow : `${dhNow}, \\qquad ${sym('dh', `\\frac{\\partial L}{\\partial h_{${t + 1}}}[${j}]`)} = ${next}`];
  // truncation cuts nothing where no step reads the one before, so with recurrence off the recursion is checked under any k
  const full = truncate <= 0 || truncate >= rec.T || off;
  let chk: Check | null = null;
  if (lstm) {
    const o = gate(rec, 'o', t, j);
    const tanhC = Math.tanh(cellState(rec, t, j));
    const dcNext = last ? 0 : dc(rec, t + 1, j);
    const fNext = last ? 0 : gate(rec, 'f', t + 1, j);
    const rhs = dhT * o * (1 - tanhC * tanhC) + dcNext * fNext;
    // with recurrence off the next step's term is left out, as in the symbols
    const future = off ? '' : last ? ' + 0' : ` + ${nb.n(`∂L/∂c_${t + 1}[${j}]`, dcNext, 'dc', true)} \\cdot ${nb.n(`f_${t + 1}[${j}]`, fNext, 'f')}`;
    lines.push(`${sym('dc', `\\frac{\\partial L}{\\partial c_{${t}}}[${j}]`)} &= ${nb.n(`∂L/∂h_${t}[${j}]`, dhT, 'dh', true)} \\cdot ${nb.n(`o_${t}[${j}]`, o, 'o')} \\cdot (1 - ${nb.n(`tanh c_${t}[${j}]`, tanhC, 'c', true)}^2)${future} = ${nb.n(`∂L/∂c_${t}[${j}] (recomputed)`, rhs, 'dc')}`);
    if (full) chk = check(`∂L/∂c_${t}[${j}]`, rhs, dc(rec, t, j));
  }
  nb.text('W_hy, W_h·', 'not streamed', 'Whh');
  const notes = off
    ? [`Recurrence is off: every step starts from h = 0${lstm ? ' and c = 0' : ''}, so nothing flows back from step t + 1: ∂L/∂h_t comes from ℓ_t alone${lstm ? ', and ∂L/∂c_t from ∂L/∂h_t alone' : ''}.`]
    : ['The recorded ∂L/∂h_t is the total of both terms; splitting it needs W_hy and W_h·, which are not streamed.'];
  if (!full) {
    const how = truncMode === 'chunk' ? `chunks of k = ${truncate} steps (chunks start at steps 0, ${truncate}, ${2 * truncate}, …)` : `a window of k = ${truncate} steps per loss`;
    notes.push(`Training truncates BPTT to ${how}, so these are the truncated gradients${lstm ? ` (each ${truncMode === 'chunk' ? 'chunk' : 'window'} restarts the recursion, so it is not checked here)` : ''}.`);
  }
  return {
    id: 'backward',
    title: lstm ? 'The backward step: ∂L/∂h_t and ∂L/∂c_t' : 'The backward step: ∂L/∂h_t',
    symbolic: backwardTex(lstm, off),
    numeric: aligned(lines),
    rows: nb.rows,
    check: chk,
    note: notes.join(' '),
  };
}
