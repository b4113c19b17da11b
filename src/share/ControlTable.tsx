import { useId } from 'react';
import { CONTROL_NAMES } from '../state/scenario';
import type { ControlId } from '../state/scenario';
import { CONTROL_GROUPS, CONTROL_MODES } from './share-choices';
import type { ControlMode } from './share-choices';

const MODE_NAMES: Record<ControlMode, string> = { hidden: 'Hidden', shown: 'Shown', locked: 'Locked' };

/** Controls × {hidden, shown, locked}: one radio group a row (arrow keys move within it), grouped as the settings are. */
export function ControlTable({ offered, modes, onChange }: { offered: readonly ControlId[]; modes: Record<string, ControlMode>; onChange: (next: Record<string, ControlMode>) => void }) {
  const name = useId();
  const setAll = (mode: ControlMode) => onChange(Object.fromEntries(offered.map((id) => [id, mode])));
  const groups = CONTROL_GROUPS.map((g) => ({ ...g, ids: g.ids.filter((id) => offered.includes(id)) })).filter((g) => g.ids.length > 0);
  return (
    <fieldset className="share-controls">
      <legend>Controls</legend>
      <p className="share-bulk">
        {CONTROL_MODES.map((m) => (
          <button key={m} type="button" onClick={() => setAll(m)}>
            {m === 'hidden' ? 'Hide' : m === 'shown' ? 'Show' : 'Lock'} all
          </button>
        ))}
      </p>
      <table className="share-table">
        <thead>
          <tr>
            <th scope="col">Control</th>
            {CONTROL_MODES.map((m) => (
              <th key={m} scope="col">
                {MODE_NAMES[m]}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.title}>
            <tr className="share-group">
              <th scope="rowgroup" colSpan={4}>
                {g.title}
              </th>
            </tr>
            {g.ids.map((id) => (
              <tr key={id} data-row={id}>
                <th scope="row">
                  {CONTROL_NAMES[id]} <code>{id}</code>
                </th>
                {CONTROL_MODES.map((m) => (
                  <td key={m}>
                    <input
                      type="radio"
                      name={`${name}-${id}`}
                      value={m}
                      aria-label={`${CONTROL_NAMES[id]}: ${MODE_NAMES[m].toLowerCase()}`}
                      checked={(modes[id] ?? 'shown') === m}
                      onChange={() => onChange({ ...modes, [id]: m })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </fieldset>
  );
}
