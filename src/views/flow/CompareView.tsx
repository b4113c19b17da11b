import { useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Lab } from '../../state/lab';
import { useLab } from '../../state/context';
import '../chart/chart.css';
import { Legend } from '../chart/Legend';
import { formatStep } from '../chart/format';
import { useElementWidth } from '../chart/use-width';
import { ViewShell } from '../kit/ViewShell';
import { CompareColumn, selectColumn } from './CompareColumn';
import type { ColumnData } from './CompareColumn';
import { compareColumns, COMPARE_GAP, sharedAxes, VERDICT_RULE } from './compare-layout';
import { formatNorm } from './FlowChart';
import { logDomain } from './flow-layout';
import { flowShape, formatFactor, SHAPE_WORDS } from './flow-shape';
import { CELL_TITLES } from './flow-words';
import { useCompareLabs } from './useCompareLabs';
import type { LabFactory } from './useCompareLabs';
import './flow.css';

/** Width laid out before the panel is measured (and in jsdom). */
export const COMPARE_FALLBACK_WIDTH = 900;
const ORDER = { rnn: 0, lstm: 1, gru: 2 } as const;

/** The three columns as a table: per cell, step, metric and the profile's per-step factor and end values. */
function CompareTable({ cols }: { cols: ColumnData[] }) {
  return (
    <table className="data-table" data-table="compare">
      <caption>RNN, LSTM and GRU on the same task and seed</caption>
      <thead>
        <tr>
          <th scope="col">cell</th>
          <th scope="col">step</th>
          <th scope="col">loss</th>
          <th scope="col">metric</th>
          <th scope="col">τ</th>
          <th scope="col">‖∂ℓτ/∂hτ‖</th>
          <th scope="col">‖∂ℓτ/∂h0‖</th>
          <th scope="col">factor per step back</th>
        </tr>
      </thead>
      <tbody>
        {cols.map((c) => {
          const r = c.record;
          const fit = r ? flowShape(r.flowH, 0, r.tau) : null;
          const n = c.history.length;
          return (
            <tr key={c.cell}>
              <th scope="row">{CELL_TITLES[c.cell]}</th>
              <td>{formatStep(c.step)}</td>
              <td>{n > 0 ? formatNorm(c.history.loss[n - 1]) : '—'}</td>
              <td>{c.metric ? `${c.metric.name} ${formatNorm(c.metric.value)} (${c.metric.baselineName} ${formatNorm(c.metric.baseline)})` : '—'}</td>
              <td>{r ? r.tau : '—'}</td>
              <td>{r ? formatNorm(r.flowH[r.tau]) : '—'}</td>
              <td>{r ? formatNorm(r.flowH[0]) : '—'}</td>
              <td>{fit ? `${formatFactor(fit.factor)} (${SHAPE_WORDS[fit.shape]})` : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The page's lab and the two extra ones, in the order RNN, LSTM, GRU, on shared axes. */
function CompareGrid({ extras, width }: { extras: [Lab, Lab]; width: number }) {
  const page = useLab(useShallow(selectColumn));
  const a = useStore(extras[0].store, useShallow(selectColumn));
  const b = useStore(extras[1].store, useShallow(selectColumn));
  const cols = [page, a, b].sort((x, y) => ORDER[x.cell] - ORDER[y.cell]);
  const versions = cols.map((c) => c.version).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- histories are mutated in place; `versions` says when they changed
  const axes = useMemo(() => sharedAxes(cols.map((c) => ({ history: c.history, metrics: c.metrics, metric: c.metric }))), [versions, page.metric, a.metric, b.metric]);
  const flowDomain = useMemo(() => logDomain([page.record, a.record, b.record].flatMap((r) => (r ? [r.flowH, r.flowC] : []))), [page.record, a.record, b.record]);
  // three columns when each card's content gets COLUMN_MIN px, else stacked (a phone): each column then takes the whole width
  const { stacked, colWidth } = compareColumns(width);
  return (
    <ViewShell name="compare-cells" table={() => <CompareTable cols={cols} />} caption={`Same task, seed, hidden size, initialization, optimizer and clipping; only the cell differs. The profiles share one log axis. ${VERDICT_RULE}`}>
      <Legend
        items={[
          { label: 'loss', className: 'series-loss' },
          { label: 'task metric', className: 'series-metric' },
          { label: 'trivial predictor', className: 'series-baseline', dashed: true },
          { label: '‖∂ℓτ/∂hk‖', className: 'flow-h' },
          { label: '‖∂ℓτ/∂ck‖ (LSTM)', className: 'flow-c', dashed: true },
        ]}
        label="Legend"
      />
      <div className={stacked ? 'compare-grid stacked' : 'compare-grid'} style={{ gap: COMPARE_GAP }}>
        {cols.map((c) => (
          <CompareColumn key={c.cell} data={c} own={c === page} axes={axes} flowDomain={flowDomain} width={colWidth} />
        ))}
      </div>
    </ViewShell>
  );
}

/**
 * RNN, LSTM and GRU side by side on the same task and seed: the page's lab plus two extra labs (each with its
 * own worker) whose configs mirror the page's but for the cell. Created when asked (they cost CPU), disposed
 * on stop or unmount; they follow the page's config, reset, play/pause, steps and speed.
 */
export function CompareView({ makeLab }: { makeLab?: LabFactory } = {}) {
  const { extras, start, stop } = useCompareLabs(makeLab);
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, COMPARE_FALLBACK_WIDTH);
  const cell = useLab((s) => s.config.model.cell);
  return (
    <div className="compare-view" ref={box}>
      <div className="compare-bar">
        {extras ? (
          <button type="button" onClick={stop}>
            Stop comparison
          </button>
        ) : (
          <button type="button" className="primary" onClick={start}>
            Start comparison
          </button>
        )}
        <span className="flow-note">
          {extras
            ? "The three runs restarted together and follow this page's Play, Pause, Step, Reset and settings."
            : `Trains the ${CELL_TITLES[cell]} of this page and the two other cells on the same task and seed, side by side (two more workers; the page's run restarts).`}
        </span>
      </div>
      <p className="flow-note">Try: the adding problem with T = 50 (Adam, learning rate 0.01) — the tanh RNN's error vanishes within a few steps and its MSE stays near the always-1.0 baseline, while the LSTM and GRU carry the error back and fall below 0.01.</p>
      {extras && <CompareGrid extras={extras} width={width} />}
    </div>
  );
}
