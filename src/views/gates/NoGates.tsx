import { useLab, useLabActions } from '../../state/context';
import type { CellKind } from '../../engine/types';

/** For a vanilla RNN: there are no gates to show; say so and offer the gated cells (same task, same seed). */
export function NoGates() {
  const config = useLab((s) => s.config);
  const { configure } = useLabActions();
  const to = (cell: CellKind) => configure({ ...config, model: { ...config.model, cell } });
  return (
    <div className="no-gates" role="note">
      <p>
        A vanilla RNN has <strong>no gates</strong>: every step overwrites its whole memory, h<sub>t</sub> = act(W<sub>xh</sub> x<sub>t</sub> + W<sub>hh</sub> h<sub>t−1</sub> + b<sub>h</sub>). Only h is shown
        below. Switch to a gated cell to see the network decide what to keep, what to write and what to read.
      </p>
      <p className="no-gates-actions">
        <button type="button" onClick={() => to('lstm')}>
          Switch to LSTM
        </button>
        <button type="button" onClick={() => to('gru')}>
          Switch to GRU
        </button>
      </p>
    </div>
  );
}
