import { ColorLegend } from '../kit/ColorLegend';
import type { ColorScale } from '../kit/colors';
import { GatePanel } from './GatePanel';
import type { HeatmapSizing, PanelSpec, ScaleKind } from './gates-layout';

/** The colour scales of the view: gates in [0, 1], g/n/h in [−1, 1], c over its own range, a tanh forget gate in [−1, 1]. */
export type GateScales = Record<ScaleKind, ColorScale>;

const LEGENDS: Record<ScaleKind, (names: string[]) => string> = {
  gate: (n) => `gates ${n.join(' ')}: 0 closed, 1 open`,
  signed: (n) => `${n.join(', ')}: signed values`,
  cell: () => 'cell state c',
  forget: () => 'forget f (tanh): −1 flips, 0 wipes, 1 keeps',
};

/** A legend's tick: the gates' ends as plain numbers (0, 1; −1 with a true minus), other scales to 2 digits. */
const tick = (kind: ScaleKind, v: number): string => (kind === 'gate' || kind === 'forget' ? String(v).replace('-', '−') : v.toPrecision(2));

/**
 * The heatmaps of a cell, row by row (gates first, then the signed values), then a legend for every
 * colour scale in use. On narrow screens all panels flow in one wrapping row, in the same order.
 */
export function GateHeatmaps(props: {
  rows: PanelSpec[][];
  scales: GateScales;
  sizing: HeatmapSizing;
  labels: readonly string[];
  selected: { t: number; unit: number };
  highlight: string | null;
  onSelect: (t: number, unit: number) => void;
  onHighlight: (name: string | null) => void;
}) {
  // Fewer columns than a row holds (a phone): one wrapping row, so no panel is left alone on a line.
  const perRow = Math.max(...props.rows.map((r) => r.length));
  const rows = props.sizing.columns < perRow ? [props.rows.flat()] : props.rows;
  const used = new Map<ScaleKind, string[]>();
  props.rows.flat().forEach((p) => used.set(p.scale, [...(used.get(p.scale) ?? []), p.name]));
  return (
    <div className="gate-maps">
      {rows.map((row, k) => (
        <div className="gate-row" key={k}>
          {row.map((spec) => (
            <GatePanel
              key={spec.name}
              spec={spec}
              scale={props.scales[spec.scale]}
              sizing={props.sizing}
              labels={props.labels}
              selected={props.selected}
              highlighted={props.highlight === spec.name}
              inputLit={props.highlight === 'x'}
              onSelect={props.onSelect}
              onHighlight={props.onHighlight}
            />
          ))}
        </div>
      ))}
      <div className="gate-legends">
        {[...used].map(([kind, names]) => (
          <ColorLegend key={kind} scale={props.scales[kind]} label={LEGENDS[kind](names)} width={kind === 'forget' ? 280 : 240} format={(v) => tick(kind, v)} />
        ))}
        <p className="gate-axis-note">Rows: units · columns: steps, input under each column</p>
      </div>
    </div>
  );
}
