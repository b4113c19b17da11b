import type { ColorScale } from '../kit/colors';
import { DIAGRAM_FONT, edgeShape, inkOn, strokeWidth, wireColor } from './diagram-layout';
import type { DiagramEdge, DiagramNode, DiagramSpec } from './diagram-layout';

/**
 * A cell diagram (LSTM or GRU) as SVG, with the selected unit's numbers at the selected step printed on it:
 * wire width follows |value|, wire colour its sign, gate boxes are filled on the heatmaps' colour scales.
 * Parts named by selection.highlight get a halo; hovering a part names it.
 */
export function CellDiagram(props: {
  spec: DiagramSpec;
  scale: number;
  title: string;
  /** printed at the bottom left: which unit, step and input the numbers are */
  caption: string;
  gateScale: ColorScale;
  signedScale: ColorScale;
  highlight: string | null;
  onHighlight: (name: string | null) => void;
}) {
  const { spec, scale, highlight } = props;
  const hover = (name: string) => ({ onMouseEnter: () => props.onHighlight(name), onMouseLeave: () => props.onHighlight(null) });
  const fill = (n: DiagramNode) => (n.paint === 'gate' ? props.gateScale(n.value) : n.paint === 'signed' ? props.signedScale(n.value) : '#ffffff');
  return (
    <svg
      className="cell-diagram"
      width={Math.round(spec.width * scale)}
      height={Math.round(spec.height * scale)}
      viewBox={`0 0 ${spec.width} ${spec.height}`}
      role="img"
      aria-label={props.title}
      fontSize={DIAGRAM_FONT}
    >
      {spec.edges.map((e) => (
        <Wire key={e.id} edge={e} lit={highlight === e.name} events={hover(e.name)} />
      ))}
      {spec.nodes.map((n) => (
        <g key={n.id} className="diagram-node" data-id={n.id} data-name={n.name} data-lit={highlight === n.name ? 'true' : undefined} {...hover(n.name)}>
          {highlight === n.name &&
            (n.shape === 'box' ? (
              <rect className="diagram-halo" x={n.x - n.w / 2 - 5} y={n.y - n.h / 2 - 5} width={n.w + 10} height={n.h + 10} rx={9} />
            ) : (
              <circle className="diagram-halo" cx={n.x} cy={n.y} r={n.w / 2 + 5} />
            ))}
          {n.shape === 'box' ? (
            <rect x={n.x - n.w / 2} y={n.y - n.h / 2} width={n.w} height={n.h} rx={6} fill={fill(n)} stroke="#222" strokeWidth={2} />
          ) : (
            <circle cx={n.x} cy={n.y} r={n.w / 2} fill="#fff" stroke="#222" strokeWidth={2} />
          )}
          {n.role ? (
            <>
              <text x={n.x} y={n.y - 5} textAnchor="middle" fill={inkOn(n.paint, n.value)} className="diagram-role">
                {n.role}
              </text>
              <text x={n.x} y={n.y + 14} textAnchor="middle" fill={inkOn(n.paint, n.value)} fontWeight={600} data-q={n.id}>
                {n.text}
              </text>
            </>
          ) : (
            <text x={n.x} y={n.y} textAnchor="middle" dominantBaseline="central" fill={inkOn(n.paint, n.value)} fontWeight={600} fontSize={n.text.length > 1 ? DIAGRAM_FONT + 1 : 20}>
              {n.text}
            </text>
          )}
        </g>
      ))}
      <text className="diagram-caption" x={spec.width - 8} y={spec.height - 8} textAnchor="end">
        {props.caption}
      </text>
      {spec.labels.map((l) => (
        <text key={l.q} className="diagram-label" data-q={l.q} data-name={l.name} data-lit={highlight === l.name ? 'true' : undefined} x={l.x} y={l.y} textAnchor={l.anchor} {...hover(l.name)}>
          {l.text}
        </text>
      ))}
    </svg>
  );
}

/** One wire: an invisible wide stroke to hover, a halo when lit, the wire, its arrowhead. */
function Wire({ edge, lit, events }: { edge: DiagramEdge; lit: boolean; events: { onMouseEnter: () => void; onMouseLeave: () => void } }) {
  const width = strokeWidth(edge.value, edge.ref);
  const { d, head } = edgeShape(edge.points, width, edge.arrow);
  const color = wireColor(edge.paint, edge.value);
  const full = edgeShape(edge.points, width, false).d;
  return (
    <g className="diagram-wire" data-id={edge.id} data-name={edge.name} data-width={width.toFixed(2)} data-lit={lit ? 'true' : undefined} {...events}>
      <path d={full} stroke="transparent" strokeWidth={Math.max(14, width + 8)} fill="none" />
      {lit && <path className="diagram-halo" d={full} strokeWidth={width + 10} fill="none" strokeLinejoin="round" />}
      <path d={d} stroke={color} strokeWidth={width} fill="none" strokeDasharray={edge.dashed ? '6 4' : undefined} strokeLinejoin="round" />
      {head && <polygon points={head} fill={color} />}
    </g>
  );
}
