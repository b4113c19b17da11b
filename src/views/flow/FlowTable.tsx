import { formatStep } from '../chart/format';
import { formatNorm } from './FlowChart';
import type { NormSeries } from './history-model';

/** How many of the newest history points the table lists. */
export const HISTORY_ROWS = 20;

/** The profile and the newest norm history as numbers, for screen readers and for reading exact values. */
export function FlowTable({ tau, flowH, flowC, history }: { tau: number; flowH: Float64Array; flowC: Float64Array; history: NormSeries }) {
  const hasC = flowC.length > 0;
  const n = history.length;
  const rows: number[] = [];
  for (let i = Math.max(0, n - HISTORY_ROWS); i < n; i++) rows.push(i);
  const ks: number[] = [];
  for (let k = tau; k >= 0; k--) ks.push(k);
  return (
    <div className="flow-tables">
      <table className="data-table" data-table="profile">
        <caption>Gradient flow from τ = {tau} back to step 0</caption>
        <thead>
          <tr>
            <th scope="col">k</th>
            <th scope="col">‖∂ℓτ/∂hk‖</th>
            {hasC && <th scope="col">‖∂ℓτ/∂ck‖</th>}
          </tr>
        </thead>
        <tbody>
          {ks.map((k) => (
            <tr key={k}>
              <td>{k}</td>
              <td>{formatNorm(flowH[k])}</td>
              {hasC && <td>{formatNorm(flowC[k])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-table="history">
        <caption>
          Gradient norm, newest {rows.length} points{history.stride > 1 ? ` (each the maximum over ${formatStep(history.stride)} steps)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            <th scope="col">‖∇θ‖ before clipping</th>
            <th scope="col">after clipping</th>
            <th scope="col">clipped</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i}>
              <td>{formatStep(history.step[i])}</td>
              <td>{formatNorm(history.gradNorm[i])}</td>
              <td>{formatNorm(history.gradNormClipped[i])}</td>
              <td>{history.clipped[i] > 0 ? (history.stride > 1 ? `${history.clipped[i]} steps` : 'yes') : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
