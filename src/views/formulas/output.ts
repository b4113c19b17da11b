/**
 * The output head at step t with the record's numbers: y_t = W_hy h_t + b_y (W_hy, b_y are not streamed, so
 * y_t is read from the record) and, for a softmax head, p_t = softmax(y_t) recomputed from y_t at one class k
 * and checked against the recorded p_t[k].
 */
import type { InspectRecord } from '../../engine/session';
import { Numbers, check } from './formula-parts';
import type { Check, Formula, FormulaContext } from './formula-parts';
import { SYM, aligned, elide, indexed, sym, texNumber } from './tex';

/** y_t (or p_t) of a T×O record array as a plain array. */
export function outputRow(rec: InspectRecord, a: Float64Array, t: number): number[] {
  return Array.from(a.subarray(t * rec.O, (t + 1) * rec.O));
}

/** The class the output block shows: the target when step t is scored, else the most probable class. */
export function shownClass(rec: InspectRecord, t: number): number {
  if (rec.mask[t] === 1) return rec.targets[t];
  const p = outputRow(rec, rec.p, t);
  let k = 0;
  for (let m = 1; m < p.length; m++) if (p[m] > p[k]) k = m;
  return k;
}

/** The output block at step t. */
export function outputFormulas({ rec, t }: FormulaContext): Formula[] {
  const softmax = rec.p.length > 0;
  const y = outputRow(rec, rec.y, t);
  const k = softmax ? shownClass(rec, t) : 0;
  const nb = new Numbers();
  const yk = nb.n(`y_${t}[${k}]`, y[k], 'y');
  const lines = [`${indexed('y', 'y', t, k)} &= (${sym('Why', 'W_{hy}')}\\, ${sym('h', `h_{${t}}`)})[${k}] + ${indexed('by', 'b', 'y', k)} = ${yk}`];
  nb.text('W_hy, b_y', 'not streamed', 'Why');
  let chk: Check | null = null;
  if (softmax) {
    // p from the largest y subtracted (exact where e^y overflows); e^y printed only while their sum is finite
    const top = Math.max(...y);
    const e = y.map((v) => Math.exp(v - top));
    const pk = e[k] / e.reduce((s, v) => s + v, 0);
    const exps = elide(y.map((v, m) => ({ v, m })), 6).map((x) => (x === null ? '\\cdots' : `e^{${nb.n(`y_${t}[${x.m}]`, x.v, 'y')}}`));
    const sum = y.reduce((s, v) => s + Math.exp(v), 0);
    const values = Number.isFinite(sum) ? ` = \\frac{${texNumber(Math.exp(y[k]))}}{${texNumber(sum)}}` : '';
    lines.push(`${indexed('p', 'p', t, k)} &= \\frac{\\exp(y_{${t}}[${k}])}{\\sum_m \\exp(y_{${t}}[m])} = \\frac{e^{${yk}}}{${exps.join(' + ')}}${values} = ${nb.prob(`p_${t}[${k}] (recomputed)`, pk, 'p')}`);
    chk = check(`p_${t}[${k}]`, pk, rec.p[t * rec.O + k]);
  }
  const which = !softmax ? `output ${k}` : rec.mask[t] === 1 ? `class ${k}, the target "${rec.targetLabels[t]}"` : `class ${k}, the most probable (step ${t} has no target)`;
  return [{
    id: 'output',
    title: softmax ? 'Output and softmax' : 'Output (linear head)',
    symbolic: softmax ? `${SYM.y} = ${SYM.Why}\\, ${SYM.h} + ${SYM.by}, \\qquad ${SYM.p} = \\operatorname{softmax}(${SYM.y})` : `${SYM.y} = ${SYM.Why}\\, ${SYM.h} + ${SYM.by}`,
    numeric: aligned(lines),
    rows: nb.rows,
    check: chk,
    note: `Shown for ${which}. W_hy and b_y are not streamed; h_${t}[0…${rec.H - 1}] are the ${rec.H} numbers W_hy weighs.`,
  }];
}
