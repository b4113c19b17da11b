import { checkText } from './formula-parts';
import type { Formula } from './formula-parts';

/** Exact enough for reading off a table, short enough to scan: 6 significant digits. */
function exact(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))).replace('-', '−') : String(v);
}

/** The table alternative: every formula's symbols and values at (t, unit), with each check in words. */
export function FormulasTable({ formulas, t, unit }: { formulas: Formula[]; t: number; unit: number }) {
  return (
    <table className="formulas-table">
      <caption>
        Symbols and values at timestep t = {t}, hidden unit j = {unit}
      </caption>
      <thead>
        <tr>
          <th scope="col">symbol</th>
          <th scope="col">value</th>
          <th scope="col">links to</th>
        </tr>
      </thead>
      {formulas.map((f) => (
        <tbody key={f.id} data-formula={f.id}>
          <tr>
            <th scope="rowgroup" colSpan={3} className="formulas-table-group">
              {f.title}
            </th>
          </tr>
          {f.rows.map((r, k) => (
            <tr key={k}>
              <th scope="row">{r.label}</th>
              <td>{r.value === null ? (r.text ?? '') : exact(r.value)}</td>
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
