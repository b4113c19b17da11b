import type { CellKind } from '../engine/types';
import { useLab } from '../state/context';
import { formatStep } from '../views/chart/format';
import type { Benchmark } from './use-benchmark';

const NAMES: Record<CellKind, string> = { rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' };
const GATE_BLOCKS: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };

/** A step's time with 2 significant digits: "0.85 ms", "4.4 ms", "13 ms", "1.2 s"; "—" when none was timed. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms >= 1000) return `${Number((ms / 1000).toPrecision(2))} s`;
  return `${Number(ms.toPrecision(2))} ms`;
}

/** "3.2×", "1×", "—" */
function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return '—';
  const r = a / b;
  return `${r >= 10 ? Math.round(r) : Number(r.toPrecision(2))}×`;
}

/**
 * What the LSTM costs on this application: each cell's parameter count and its measured time per training step, at
 * the run's hidden size and batch, timed just now by this page's worker on throwaway runs (the live run is not
 * touched), beside the vanilla RNN's.
 */
export function CostPanel({ bench }: { bench: Benchmark }) {
  const config = useLab((s) => s.config);
  const { results } = bench;
  const rnn = results.find((r) => r.cell === 'rnn');
  const H = config.model.hiddenSize;
  return (
    <div className="cost" data-state={bench.state}>
      <p>
        A step of an LSTM computes {GATE_BLOCKS.lstm} blocks of gate weights where a vanilla RNN computes {GATE_BLOCKS.rnn} and a GRU {GATE_BLOCKS.gru}: more parameters, and more arithmetic for every word or pixel it reads. Here is what that costs on this
        application, at {H} hidden units and batches of {config.batch}.
      </p>
      {bench.state === 'waiting' && <p className="view-empty">The timing starts when the run is up…</p>}
      {bench.state === 'measuring' && results.length === 0 && <p className="view-empty">Timing each cell in the training worker…</p>}
      {bench.state === 'error' && <p className="notice notice-error">The timing failed: {bench.error}</p>}
      {results.length > 0 && (
        <table className="data-table cost-table" data-testid="cost-table">
          <caption>
            Measured just now in this tab’s training worker: each cell trained on a throwaway copy of this run ({results.map((r) => `${r.cell.toUpperCase()} ${r.steps} steps`).join(', ')} after a warm-up step). Times depend on this
            machine and what else it is doing.
          </caption>
          <thead>
            <tr>
              <th scope="col">cell</th>
              <th scope="col">parameters (× the RNN’s)</th>
              <th scope="col">time per training step (× the RNN’s)</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.cell} data-cell={r.cell} className={r.cell === config.model.cell ? 'cost-current' : undefined}>
                <th scope="row">
                  {NAMES[r.cell]}
                  {r.cell === config.model.cell && <span className="cost-now"> (training above)</span>}
                </th>
                <td data-value={r.paramCount}>
                  {formatStep(r.paramCount)} <span className="cost-ratio">({ratio(r.paramCount, rnn?.paramCount ?? NaN)})</span>
                </td>
                <td data-value={r.msPerStep}>
                  {formatMs(r.msPerStep)} <span className="cost-ratio">({ratio(r.msPerStep, rnn?.msPerStep ?? NaN)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={bench.measure} disabled={bench.state === 'measuring' || bench.state === 'waiting'}>
        {bench.state === 'measuring' ? 'Measuring…' : 'Measure again'}
      </button>
    </div>
  );
}
