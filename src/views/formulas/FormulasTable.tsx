import { formatStep } from '../chart/format';
import { checkText } from './formula-parts';
import type { Formula } from './formula-parts';
import { exactNumber } from './tex';

/** The table alternative: every formula's symbols and values of training step `step` at (t, unit), with each check in words. */
export function FormulasTable({ formulas, t, unit, step }: { formulas: Formula[]; t: number; unit: number; step: number }) {
  return (
    <table className="formulas-table">
      <caption>
        Symbols and values at timestep t = {t}, hidden unit j = {unit}, of training step {formatStep(step)}
      </caption>
      <thead>
        <tr>
          <th scope="col">symbol</th>
          <th scope="col">value</th>
          <th scope="col">links to</th>
        </tr>
      </thead>
      {formulas.map((f) => (
        <tbody key={f.id} data-formula={f.id} data-step={step}>
          <tr>
            <th scope="rowgroup" colSpan={3} className="formulas-table-group">
              {f.title}
            </th>
          </tr>
          {f.rows.map((r, k) => (
            <tr key={k}>
              <th scope="row">{r.label}</th>
              <td>{r.value === null ? (r.text ?? '') : exactNumber(r.value, 6)}</td>
              <td>{r.sym ?? ''}</td>
            </tr>
          ))}
          {[f.check, ...(f.checks ?? [])].map((c, k) => c && (
            <tr key={`check-${k}`}>
              <th scope="row">check</th>
              <td colSpan={2}>{checkText(c)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
