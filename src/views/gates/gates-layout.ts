/**
 * Pure layout of the gates view: which heatmaps a cell has and where each reads its numbers in the
 * record, how big their cells are for the available width, and the values of one (t, unit) for the
 * cell diagram. No React, no DOM: tested on its own with exact numbers.
 */
import type { CellKind } from '../../engine/types';
import { cellOf, series } from '../../worker/record';
import type { InspectRecord } from '../../worker/record';
import { formatFixed } from '../chart/format';
import type { HeatmapData } from '../kit/Heatmap';

export { cellOf };

/** The cell a record comes from (the record says: the frame may lag the config). */
export type GatedCell = CellKind;

/**
 * Which colour scale a quantity uses: gates in [0, 1] sequential; g, n, h in [−1, 1] diverging; c diverging over its
 * own range; `forget`: an LSTM forget gate made with tanh (the record's forgetGate), diverging over [−1, 1].
 */
export type ScaleKind = 'gate' | 'signed' | 'cell' | 'forget';

/** One units × time heatmap: the quantity's name (as selection.highlight names it), its title, and where its numbers are. */
export interface PanelSpec {
  name: string;
  title: string;
  scale: ScaleKind;
  data: HeatmapData;
}

const TITLES: Record<string, string> = {
  f: 'forget gate f',
  i: 'input gate i',
  o: 'output gate o',
  g: 'candidate g',
  c: 'cell state c',
  h: 'hidden state h',
  z: 'update gate z',
  r: 'reset gate r',
  n: 'candidate n',
};

/** Display rows: gates first (one sequential scale), then the signed values (diverging). */
const ROWS: Record<GatedCell, string[][]> = {
  lstm: [
    ['f', 'i', 'o'],
    ['g', 'c', 'h'],
  ],
  gru: [
    ['z', 'r'],
    ['n', 'h'],
  ],
  rnn: [['h']],
};

/** Whether the record's LSTM forget gate is a tanh (f in (−1, 1)) rather than σ. */
export function tanhForget(record: Pick<InspectRecord, 'cell' | 'forgetGate'>): boolean {
  return record.cell === 'lstm' && record.forgetGate === 'tanh';
}

/** Whether the record ran with recurrence off: every step started from h = 0 (and c = 0). */
export function recurrenceOff(record: Pick<InspectRecord, 'recurrence'>): boolean {
  return record.recurrence === 'off';
}

/** The heatmap for quantity `name` (a gate, h or c), as the record's series of it. */
export function panelData(record: InspectRecord, name: string): HeatmapData {
  const s = series(record, name);
  if (!s) throw new Error(`this cell has no quantity ${name}`);
  return s;
}

/** The heatmap rows of a record's cell, each panel with its data view and colour scale. */
export function panelRows(record: InspectRecord): PanelSpec[][] {
  const signedF = tanhForget(record);
  return ROWS[cellOf(record)].map((row) =>
    row.map((name) => ({
      name,
      title: name === 'f' && signedF ? 'forget gate f (tanh)' : TITLES[name],
      scale: name === 'f' && signedF ? 'forget' : name === 'c' ? 'cell' : name === 'g' || name === 'n' || name === 'h' ? 'signed' : 'gate',
      data: panelData(record, name),
    })),
  );
}

/** The value quantity `name` has at step t, unit u. */
export function valueAt(record: InspectRecord, name: string, t: number, u: number): number {
  const d = panelData(record, name);
  return d.values[d.offset + t * d.stride + u];
}

/** Pixels left of each heatmap for the unit numbers. */
export const PANEL_GUTTER = 30;
/** Pixels above each heatmap for its title. */
export const PANEL_TITLE = 22;
/** Pixels below each heatmap for the input sequence. */
export const PANEL_AXIS = 22;
/** Space between heatmap panels. */
export const PANEL_GAP = 16;
/** Bounds of a cell's width in pixels (narrower than 2 px cannot be clicked; wider than 28 px wastes room). */
export const CELL_W = { min: 2, max: 28 };
/** Bounds of a cell's height in pixels. */
export const CELL_H = { min: 2, max: 16 };
/** Heatmaps are at most this tall (the units axis), so six fit on a projector screen. */
export const MAX_MAP_HEIGHT = 176;
/** Below this many pixels per step a panel would be too cramped; use fewer columns instead. */
export const COMFORT_CELL_W = 8;
/** A heatmap narrower than this would not hold its title ("hidden state h" at 14 px); use fewer columns instead. */
export const MIN_MAP_W = 112;
/** Room for one input label: 8 px per character plus 6 px, at least 14 px (13 px text). */
export function labelPixels(chars: number): number {
  return Math.max(14, 8 * chars + 6);
}

/** How the heatmaps are laid out for a given width. */
export interface HeatmapSizing {
  /** panels side by side (≤ panels per row of the cell) */
  columns: number;
  cellW: number;
  cellH: number;
  /** every how many steps an input label is printed, and every how many units a unit number */
  labelEvery: number;
  unitEvery: number;
  /** the width and height of one panel, gutters included */
  panelW: number;
  panelH: number;
}

/**
 * Heatmap geometry for `width` pixels, T steps, H units, `perRow` panels per row and input labels of up to
 * `labelChars` characters: as many columns as still give each step COMFORT_CELL_W pixels and each map MIN_MAP_W (at least one),
 * cell width filling the column, cell height filling MAX_MAP_HEIGHT; both clamped; labels thinned so they never overlap.
 */
export function heatmapSizing(width: number, T: number, H: number, perRow: number, labelChars = 1): HeatmapSizing {
  const colWidth = (c: number) => (width - (c - 1) * PANEL_GAP) / c - PANEL_GUTTER;
  let columns = Math.max(1, perRow);
  while (columns > 1 && (colWidth(columns) / T < COMFORT_CELL_W || colWidth(columns) < MIN_MAP_W)) columns--;
  const clamp = (v: number, b: { min: number; max: number }) => Math.max(b.min, Math.min(b.max, Math.floor(v)));
  const cellW = clamp(colWidth(columns) / Math.max(1, T), CELL_W);
  const cellH = clamp(MAX_MAP_HEIGHT / Math.max(1, H), CELL_H);
  return {
    columns,
    cellW,
    cellH,
    labelEvery: Math.max(1, Math.ceil(labelPixels(labelChars) / cellW)),
    unitEvery: Math.max(1, Math.ceil(15 / cellH)),
    panelW: PANEL_GUTTER + T * cellW,
    panelH: PANEL_TITLE + H * cellH + PANEL_AXIS,
  };
}

/** Maps with more cells than this are painted through one ImageData (kit Heatmap `raster`): a fillRect a cell costs ~1 µs. */
export const RASTER_CELLS = 1024;

/** Whether a T × H map is painted as a raster. */
export function rasterFor(T: number, H: number): boolean {
  return T * H > RASTER_CELLS;
}

/** Longest input label, in characters (sets the label spacing). */
export function longestLabel(labels: readonly string[]): number {
  let n = 1;
  for (const l of labels) n = Math.max(n, l.length);
  return n;
}

/** The step the views focus on: the selected one, or the last step when none is selected (as the Scrubber shows it). */
export function focusStep(t: number | null, T: number): number {
  return t === null ? T - 1 : Math.max(0, Math.min(T - 1, t));
}

/** A value with 3 decimals and a true minus sign: −0.412, 0.973; −1.55e+129 beyond 10⁶; "—" for NaN. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const s = formatFixed(Math.abs(v) < 5e-4 ? 0 : v, 3);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Reads back a number printed by fmt (for tests and for the table's copy). */
export function parseFmt(s: string): number {
  return Number(s.trim().replace('−', '-'));
}
