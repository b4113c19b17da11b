import type { InspectRecord } from '../../engine/session';
import { cellOf, fmt, tanhForget, valueAt } from './gates-layout';

const COLUMNS = { lstm: ['f', 'i', 'g', 'o', 'c', 'h'], gru: ['z', 'r', 'n', 'h'], rnn: ['h'] } as const;
const HEADERS: Record<string, string> = { f: 'forget f', i: 'input i', g: 'candidate g', o: 'output o', c: 'cell c', h: 'hidden h', z: 'update z', r: 'reset r', n: 'candidate n' };

/** The table alternative: for the selected unit, every step's input, gates, cell state and hidden state. */
export function GatesTable({ record, unit, t }: { record: InspectRecord; unit: number; t: number }) {
  const cols = COLUMNS[cellOf(record)];
  const header = (c: string) => (c === 'f' && tanhForget(record) ? 'forget f (tanh)' : HEADERS[c]);
  const rows = Array.from({ length: record.T }, (_, k) => k);
  return (
    <table className="gates-table">
      <caption>
        Unit {unit} of the inspected sequence, step by step{cellOf(record) === 'rnn' ? ' (a vanilla RNN has no gates)' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">t</th>
          <th scope="col">input</th>
          {cols.map((c) => (
            <th scope="col" key={c}>
              {header(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s} aria-current={s === t ? 'true' : undefined}>
            <th scope="row">{s}</th>
            <td>{record.inputLabels[s] ?? ''}</td>
            {cols.map((c) => (
              <td key={c}>{fmt(valueAt(record, c, s, unit))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
