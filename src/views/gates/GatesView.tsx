import { useCallback, useMemo, useRef } from 'react';
import type { InspectRecord } from '../../engine/session';
import { useLab, useLabActions, useLabInstance } from '../../state/context';
import type { Selection } from '../../state/store';
import { useElementWidth } from '../chart/use-width';
import { divergingScale, maxAbs, sequentialScale } from '../kit/colors';
import { Scrubber } from '../kit/Scrubber';
import { ViewShell } from '../kit/ViewShell';
import '../kit/kit.css';
import { CellDiagram } from './CellDiagram';
import { gruValues, lstmValues } from './cell-values';
import { diagramScale, gruDiagram, lstmDiagram } from './diagram-layout';
import { GateHeatmaps } from './GateHeatmaps';
import type { GateScales } from './GateHeatmaps';
import { cellOf, focusStep, heatmapSizing, longestLabel, panelRows, recurrenceOff, tanhForget } from './gates-layout';
import { GatesTable } from './GatesTable';
import { MemoryReadout } from './MemoryReadout';
import { findMemoryUnit } from './memory-unit';
import { NoGates } from './NoGates';
import { WireLegend } from './WireLegend';
import './gates.css';

/** Width laid out before the panel is measured (and in jsdom, which has no layout). */
export const GATES_FALLBACK_WIDTH = 960;

/** Which way round the update gate works here: texts differ (and so do the lecture notes). */
export const GRU_UPDATE_NOTE = 'Here h = (1 − z)·n + z·h₋₁, so z near 1 keeps the old state — the reverse of texts that write h = z·n + (1 − z)·h₋₁.';

const CAPTIONS = {
  lstm: 'Each heatmap shows the units (rows) over time (columns) for the inspected sequence. Click a cell, or scrub t, to follow that unit through the cell diagram below: what the forget gate flushes, what the input gate writes, what the output gate reads.',
  gru: 'Each heatmap shows the units (rows) over time (columns) for the inspected sequence. Click a cell, or scrub t, to follow that unit through the cell diagram below: how much of h the update gate z keeps, and what the reset gate r lets into the candidate n. ' +
    GRU_UPDATE_NOTE,
  rnn: 'The hidden state h, units (rows) over time (columns), for the inspected sequence.',
};

/** Said under the caption when the forget gate is a tanh: its heatmap and box use the signed scale. */
export const TANH_FORGET_NOTE = 'Here the forget gate is a tanh: f runs from −1 to 1 (purple below 0, orange above), and a negative f flips the sign of the memory.';
/** Said under the caption when the recurrence is off. */
export const RECURRENCE_OFF_NOTE = 'Recurrence is off: every step starts from h = 0 (and c = 0), so nothing is carried from one step to the next.';

/** The view's caption for a record: the cell's, then what its options change. */
export function gatesCaption(record: InspectRecord): string {
  return [CAPTIONS[cellOf(record)], tanhForget(record) ? TANH_FORGET_NOTE : '', recurrenceOff(record) ? RECURRENCE_OFF_NOTE : ''].filter((s) => s !== '').join(' ');
}

/**
 * §3 The gates: LSTM (f, i, o, g, c, h) or GRU (z, r, n, h) heatmaps of the live inspected sequence, the cell
 * diagram with the selected unit's numbers at the selected step, and a finder for the unit that latches the
 * first input. A vanilla RNN has no gates: the view says so and offers a gated cell.
 */
export function GatesView() {
  const record = useLab((s) => s.frame?.record ?? null);
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, GATES_FALLBACK_WIDTH);
  return (
    <div className="gates-view" ref={box}>
      {record ? <GatesFigure record={record} width={width} /> : <p className="view-empty">Training starts… the gates appear with the first frame.</p>}
    </div>
  );
}

function GatesFigure({ record, width }: { record: InspectRecord; width: number }) {
  const selection = useLab((s) => s.selection);
  const step = useLab((s) => s.frame?.step ?? null);
  const actions = useLabActions();
  const cell = cellOf(record);
  const { T, H } = record;

  const derived = useMemo(() => {
    const cRef = cell === 'lstm' ? Math.max(1, maxAbs(record.c)) : 1;
    const hRef = cell === 'rnn' ? Math.max(1, maxAbs(record.h)) : 1;
    const scales: GateScales = { gate: sequentialScale(0, 1), signed: divergingScale(hRef), cell: divergingScale(cRef), forget: divergingScale(1) };
    return { rows: panelRows(record), cRef, scales, best: findMemoryUnit(record), labelChars: longestLabel(record.inputLabels) };
  }, [record, cell]);
  const perRow = Math.max(...derived.rows.map((r) => r.length));
  const sizing = useMemo(() => heatmapSizing(width, T, H, perRow, derived.labelChars), [width, T, H, perRow, derived.labelChars]);

  const t = focusStep(selection.t, T);
  const unit = Math.max(0, Math.min(H - 1, selection.unit));
  // stable callbacks and selection, so a hover re-renders (and repaints) only the panels whose outline changes
  const { store } = useLabInstance();
  const highlight = useCallback(
    (name: string | null) => {
      if (name !== store.getState().selection.highlight) actions.select({ highlight: name });
    },
    [actions, store],
  );
  const select = useCallback((patch: Partial<Selection>) => actions.select(patch), [actions]);
  const selectCell = useCallback((st: number, u: number) => select({ t: st, unit: u }), [select]);
  const selected = useMemo(() => ({ t, unit }), [t, unit]);

  const spec = cell === 'lstm' ? lstmDiagram(lstmValues(record, t, unit), derived.cRef, tanhForget(record) ? 'tanh' : 'sigmoid') : cell === 'gru' ? gruDiagram(gruValues(record, t, unit)) : null;
  const best = derived.best;
  const toolbar = (
    <>
      <Scrubber T={T} labels={record.inputLabels} />
      {best && (
        <button type="button" onClick={() => select({ unit: best.unit, t: T - 1 })} title="Select the unit that best keeps what it held at t = 0 until the last step">
          Find the memory unit
        </button>
      )}
    </>
  );

  return (
    <ViewShell name="gates" step={step} toolbar={toolbar} caption={gatesCaption(record)} table={() => <GatesTable record={record} unit={unit} t={t} />}>
      {cell === 'rnn' && <NoGates />}
      <GateHeatmaps
        rows={derived.rows}
        scales={derived.scales}
        sizing={sizing}
        labels={record.inputLabels}
        selected={selected}
        highlight={selection.highlight}
        onSelect={selectCell}
        onHighlight={highlight}
      />
      {spec && (
        <div className="gates-detail">
          <div className="diagram-box">
            <CellDiagram
              spec={spec}
              scale={diagramScale(width, spec.width)}
              title={`${cell.toUpperCase()} cell diagram for unit ${unit} at t = ${t}`}
              caption={`unit ${unit} · t = ${t} · input ${record.inputLabels[t] ?? ''}`}
              gateScale={derived.scales.gate}
              signedScale={derived.scales.signed}
              highlight={selection.highlight}
              onHighlight={highlight}
            />
            <WireLegend />
          </div>
          <MemoryReadout record={record} unit={unit} best={best} />
        </div>
      )}
    </ViewShell>
  );
}
