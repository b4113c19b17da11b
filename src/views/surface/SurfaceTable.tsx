import type { SurfacePoints, SurfaceResult } from '../../worker/protocol';
import { formatValue } from '../chart/format';
import { describeAnnealing, describeRestarts } from './surface-summary';

const cells = (p: SurfacePoints | null, k: number) =>
  p && k < p.w.length ? [p.w[k], p.b[k], p.loss[k], p.gradNorm[k]].map((v, c) => <td key={c}>{formatValue(v)}</td>) : [0, 1, 2, 3].map((c) => <td key={c}>—</td>);

/** The numbers behind the map: both descents step by step, each restart, the annealing's outcome, and the wall's points. */
export function SurfaceTable({ result: r }: { result: SurfaceResult | null }) {
  if (!r) return <p>The error surface is being computed.</p>;
  const q = r.request;
  const n = Math.max(r.descent?.w.length ?? 0, r.clipped?.w.length ?? 0);
  return (
    <div className="surface-tables">
      {n > 0 && (
        <table data-testid="surface-path-table">
          <caption>
            Gradient descent from {q.start ? `(${formatValue(q.start.w)}, ${formatValue(q.start.b)})` : '—'}, learning rate {formatValue(q.lr)}: plain, and with the gradient norm clipped at {formatValue(q.clip)}
          </caption>
          <thead>
            <tr>
              <th rowSpan={2} scope="col">step</th>
              <th colSpan={4} scope="colgroup">plain descent</th>
              <th colSpan={4} scope="colgroup">clipped descent</th>
            </tr>
            <tr>
              {['w', 'b', 'E', '‖∇E‖', 'w', 'b', 'E', '‖∇E‖'].map((h, k) => (
                <th key={k} scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: n }, (_, k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                {cells(r.descent, k)}
                {cells(r.clipped, k)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.restarts && (
        <table data-testid="surface-restarts-table">
          <caption>Random restarts: {describeRestarts(r.restarts)}</caption>
          <thead>
            <tr>
              <th scope="col">run</th>
              <th scope="col">start w</th>
              <th scope="col">start b</th>
              <th scope="col">start E</th>
              <th scope="col">end w</th>
              <th scope="col">end b</th>
              <th scope="col">end E</th>
            </tr>
          </thead>
          <tbody>
            {Array.from(r.restarts.ends.w, (_, k) => {
              const { starts: s, ends: e } = r.restarts!;
              return (
                <tr key={k}>
                  <th scope="row">{k === r.restarts!.best ? `${k + 1} (best)` : k + 1}</th>
                  {[s.w[k], s.b[k], s.loss[k], e.w[k], e.b[k], e.loss[k]].map((v, c) => (
                    <td key={c}>{formatValue(v)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {r.annealing && (
        <table data-testid="surface-annealing-table">
          <caption>Simulated annealing: {describeAnnealing(r.annealing)}</caption>
          <thead>
            <tr>
              <th scope="col">state</th>
              <th scope="col">proposal</th>
              <th scope="col">w</th>
              <th scope="col">b</th>
              <th scope="col">E</th>
            </tr>
          </thead>
          <tbody>
            {[
              ['start', 0],
              ['best', r.annealing.best],
              ['last', r.annealing.path.w.length - 1],
            ].map(([name, k]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{k}</td>
                {[r.annealing!.path.w[k as number], r.annealing!.path.b[k as number], r.annealing!.path.loss[k as number]].map((v, c) => (
                  <td key={c}>{formatValue(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table data-testid="surface-cliff-table">
        <caption>The cliff: where E jumps between its plateaus, per grid column ({r.cliff.w.length} points)</caption>
        <thead>
          <tr>
            <th scope="col">w</th>
            <th scope="col">b of the wall</th>
            <th scope="col">‖∇E‖ there</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(r.cliff.w, (w, k) => (
            <tr key={k}>
              <td>{formatValue(w)}</td>
              <td>{r.cliff.b[k].toPrecision(6)}</td>
              <td>{formatValue(r.cliff.gradNorm[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
