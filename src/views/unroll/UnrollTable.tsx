import type { InspectRecord } from '../../engine/session';
import { formatValue } from '../chart/format';
import type { UnrollStats } from './unroll-model';

/** The figure's numbers, one row per timestep: input, target, prediction (✓/✗), ℓ_t, ‖h_t‖, ‖∂L/∂h_t‖, scored or not. */
export function UnrollTable({ record: r, stats, t }: { record: InspectRecord; stats: UnrollStats; t: number }) {
  return (
    <table className="unroll-table">
      <caption>
        Sequence of {r.T} steps, forward values and the error ‖∂L/∂h_t‖ backpropagation gives each step (selected step {t} marked)
      </caption>
      <thead>
        <tr>
          <th scope="col">t</th>
          <th scope="col">input</th>
          <th scope="col">target</th>
          <th scope="col">prediction</th>
          <th scope="col">ℓ_t</th>
          <th scope="col">‖h_t‖</th>
          <th scope="col">‖∂L/∂h_t‖</th>
          <th scope="col">scored?</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: r.T }, (_, s) => {
          const v = stats.verdicts[s];
          return (
            <tr key={s} aria-current={s === t ? 'step' : undefined} className={s === t ? 'is-current' : undefined}>
              <th scope="row">{s}</th>
              <td className="mono">{r.inputLabels[s]}</td>
              <td className="mono">{r.targetLabels[s]}</td>
              <td className="mono">
                {r.outputLabels[s]}
                {v !== null && ` ${v ? '✓' : '✗'}`}
              </td>
              <td>{r.mask[s] === 1 ? formatValue(r.losses[s]) : ''}</td>
              <td>{formatValue(stats.hNorms[s])}</td>
              <td>{formatValue(stats.dhNorms[s])}</td>
              <td>{r.mask[s] === 1 ? 'yes' : 'no'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
