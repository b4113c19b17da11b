import { memo } from 'react';
import type { ColorScale } from '../kit/colors';
import { Heatmap } from '../kit/Heatmap';
import { PANEL_GUTTER, PANEL_TITLE, fmt, rasterFor } from './gates-layout';
import type { HeatmapSizing, PanelSpec } from './gates-layout';

/**
 * One quantity as a units × time heatmap (kit canvas), titled, with unit numbers on its left and the input
 * sequence under its time axis. Its frame is SVG so that titles and labels travel with an exported figure.
 * Outlined when selection.highlight names it; hovering it names it.
 */
export const GatePanel = memo(function GatePanel(props: {
  spec: PanelSpec;
  scale: ColorScale;
  sizing: HeatmapSizing;
  labels: readonly string[];
  selected: { t: number; unit: number };
  highlighted: boolean;
  /** the input x is highlighted: bold the input sequence */
  inputLit: boolean;
  onSelect: (t: number, unit: number) => void;
  onHighlight: (name: string | null) => void;
}) {
  const { spec, sizing, labels } = props;
  const { T, units } = spec.data;
  const { cellW, cellH, panelW, panelH } = sizing;
  const mapH = units * cellH;
  const unitTicks: number[] = [];
  for (let u = 0; u < units; u += sizing.unitEvery) unitTicks.push(u);
  const stepTicks: number[] = [];
  for (let t = 0; t < T; t += sizing.labelEvery) stepTicks.push(t);
  return (
    <div
      className="gate-panel"
      data-name={spec.name}
      data-highlighted={props.highlighted ? 'true' : undefined}
      style={{ width: panelW, height: panelH }}
      onMouseEnter={() => props.onHighlight(spec.name)}
      onMouseLeave={() => props.onHighlight(null)}
    >
      <svg className="gate-panel-frame" width={panelW} height={panelH} aria-hidden="true">
        <text className="gate-panel-title" x={PANEL_GUTTER} y={15}>
          {spec.title}
        </text>
        {unitTicks.map((u) => (
          <text key={u} className="gate-tick" x={PANEL_GUTTER - 5} y={PANEL_TITLE + (u + 0.5) * cellH} textAnchor="end" dominantBaseline="central">
            {u}
          </text>
        ))}
        {stepTicks.map((t) => (
          <text key={t} className={props.inputLit ? 'gate-input gate-input-lit' : 'gate-input'} data-t={t} x={PANEL_GUTTER + (t + 0.5) * cellW} y={PANEL_TITLE + mapH + 16} textAnchor="middle">
            {labels[t] ?? ''}
          </text>
        ))}
        {props.highlighted && <rect className="gate-outline" x={PANEL_GUTTER - 3} y={PANEL_TITLE - 3} width={T * cellW + 6} height={mapH + 6} />}
      </svg>
      <div className="gate-panel-map" style={{ left: PANEL_GUTTER, top: PANEL_TITLE }}>
        <Heatmap
          data={spec.data}
          scale={props.scale}
          label={`${spec.title}: ${units} units (rows) × ${T} steps (columns); the table shows the numbers`}
          cellW={cellW}
          cellH={cellH}
          selected={props.selected}
          onSelect={props.onSelect}
          format={fmt}
          raster={rasterFor(T, units)}
        />
      </div>
    </div>
  );
});
