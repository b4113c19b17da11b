import { arrowWidth, arrowHead, linkBetween, selfLoopPath, NODE_W } from './unroll-layout';
import type { UnrollRows } from './unroll-layout';
import { arrowColor } from './unroll-model';

/**
 * The arrows along time: forward, one copy of W_hh into each h_t (all copies light together: they are one matrix);
 * the folded cell's self-loop (the same W_hh); and backward, the error ‖dh_t‖ = ‖∂L/∂h_t‖ each step sends back to
 * the step before it, its width and colour on a log scale of this sample's norms.
 */
export function ChainArrows(props: {
  /** current centres of the visible steps start…end−1, and of the node before the first (initial state or elided steps) */
  cx: number[];
  initCx: number;
  foldedX: number;
  start: number;
  p: number;
  rows: UnrollRows;
  dhNorms: Float64Array;
  dhRange: { lo: number; hi: number } | null;
  backward: boolean;
  whhLit: boolean;
  dhLit: boolean;
  recurrentName: string;
  /** recurrence off: nothing passes from one step to the next, so no arrow is drawn between steps, either way */
  cut?: boolean;
}) {
  const { cx, rows, p, start } = props;
  const fwd = [];
  const bwd = [];
  for (let i = 0; i < (props.cut ? 0 : cx.length); i++) {
    const link = linkBetween(i === 0 ? props.initCx : cx[i - 1], cx[i]);
    if (!link) continue;
    const t = start + i;
    const elided = i === 0 && start > 0;
    fwd.push(
      <g key={t} className={`w-arrow whh-copy${props.whhLit ? ' is-lit' : ''}${elided ? ' is-elided' : ''}`} data-w="Whh" data-t={t}>
        <line className="hit" x1={link.x1} x2={link.x2} y1={rows.fwdY} y2={rows.fwdY} />
        <line className="shaft" x1={link.x1} x2={link.x2 - 6} y1={rows.fwdY} y2={rows.fwdY} />
        <path className="head" d={arrowHead(link.x2, rows.fwdY, 1, 0, 2)} />
      </g>,
    );
    if (!props.backward) continue;
    const n = props.dhNorms[t];
    const w = arrowWidth(n, props.dhRange);
    if (w === 0) {
      bwd.push(<line key={t} className="dh-zero" data-tip="dh" data-t={t} x1={link.x2} x2={link.x1} y1={rows.bwdY} y2={rows.bwdY} />);
      continue;
    }
    const color = arrowColor(n, props.dhRange);
    bwd.push(
      <g key={t} className={`dh-arrow${props.dhLit ? ' is-lit' : ''}`} data-tip="dh" data-t={t} data-width={w.toFixed(3)} style={{ color }}>
        <line className="hit" x1={link.x1} x2={link.x2} y1={rows.bwdY} y2={rows.bwdY} />
        <line className="shaft" x1={link.x2} x2={link.x1 + 4 + w} y1={rows.bwdY} y2={rows.bwdY} strokeWidth={w} />
        <path className="head" d={arrowHead(link.x1, rows.bwdY, -1, 0, w)} />
      </g>,
    );
  }
  const loopOpacity = 1 - p;
  return (
    <g className="chain-arrows">
      <g opacity={p}>{fwd}</g>
      {props.backward && <g opacity={p}>{bwd}</g>}
      {loopOpacity > 0.01 && !props.cut && (
        <g className={`w-arrow whh-copy self-loop${props.whhLit ? ' is-lit' : ''}`} data-w="Whh" opacity={loopOpacity}>
          <path className="hit" d={selfLoopPath(props.foldedX, rows)} fill="none" />
          <path className="shaft" d={selfLoopPath(props.foldedX, rows)} fill="none" />
          <path className="head" d={arrowHead(props.foldedX + NODE_W / 2 + 2, rows.hTop + rows.stripH * 0.75, -1, 0.1, 2)} />
          <text className="loop-label" x={props.foldedX + NODE_W / 2 + 44} y={rows.hTop + rows.stripH / 2} dominantBaseline="central">
            {props.recurrentName}
          </text>
        </g>
      )}
    </g>
  );
}
