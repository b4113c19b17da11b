import { formatValue } from '../chart/format';
import type { InspectRecord } from '../../engine/session';
import { arrowHead, NODE_W, STRIP_W } from './unroll-layout';
import type { UnrollRows } from './unroll-layout';

/** Which named elements are lit (from selection.highlight). */
export interface LitSet {
  Wxh: boolean;
  Whh: boolean;
  Why: boolean;
  x: boolean;
  h: boolean;
  y: boolean;
  dh: boolean;
}

/** A vertical weight arrow from y1 up to y2 (y2 < y1) at x, with a wide invisible hit line for hovering. */
export function VArrow({ x, y1, y2, name, lit, className = '' }: { x: number; y1: number; y2: number; name: string; lit: boolean; className?: string }) {
  return (
    <g className={`w-arrow ${className}${lit ? ' is-lit' : ''}`} data-w={name}>
      <line className="hit" x1={x} x2={x} y1={y1} y2={y2} />
      <line className="shaft" x1={x} x2={x} y1={y1} y2={y2 + 6} />
      <path className="head" d={arrowHead(x, y2, 0, -1, 2)} />
    </g>
  );
}

/**
 * One timestep of the unrolled chain, drawn about x = 0 (the parent translates it): ℓ_t, the target with ✓/✗, the
 * output node y_t, the outline of h_t (its strip is painted on a canvas), the input node x_t, the step number, and the W_xh and W_hy arrows.
 * Steps after the selected one are faded: the forward pass has not reached them yet.
 */
export function StepColumn(props: {
  record: InspectRecord;
  t: number;
  x: number;
  opacity: number;
  colW: number;
  rows: UnrollRows;
  verdict: boolean | null;
  future: boolean;
  current: boolean;
  backward: boolean;
  lit: LitSet;
}) {
  const { record: r, t, rows, colW, lit } = props;
  const boxW = colW - 10;
  const scored = r.mask[t] === 1;
  const cls = ['step-col', props.future ? 'is-future' : '', props.current ? 'is-current' : ''].filter(Boolean).join(' ');
  const loss = r.losses[t];
  return (
    <g className={cls} data-t={t} transform={`translate(${props.x.toFixed(2)},0)`} opacity={props.opacity}>
      <g className="fwd-part">
        {scored && Number.isFinite(loss) && (
          <text className="loss-text" x={0} y={rows.lossY} textAnchor="middle">
            {formatValue(loss)}
          </text>
        )}
        {scored && (
          <text className="target-text" x={0} y={rows.targetY} textAnchor="middle">
            {r.targetLabels[t]}
            {props.verdict !== null && (
              <tspan className={props.verdict ? 'verdict-right' : 'verdict-wrong'} dx={3}>
                {props.verdict ? '✓' : '✗'}
              </tspan>
            )}
          </text>
        )}
        <rect className={`node y-node${lit.y ? ' is-lit' : ''}${scored ? ' is-scored' : ''}`} x={-boxW / 2} y={rows.yTop} width={boxW} height={rows.yH} rx={5} />
        <text className="node-label" x={0} y={rows.yTop + rows.yH / 2} textAnchor="middle" dominantBaseline="central">
          {r.outputLabels[t]}
        </text>
        <VArrow x={-5} y1={rows.hTop - 5} y2={rows.yTop + rows.yH + 3} name="Why" lit={lit.Why} />
        <rect className={`node h-node${lit.h ? ' is-lit' : ''}`} x={-NODE_W / 2} y={rows.hTop - 4} width={NODE_W} height={rows.stripH + 8} rx={5} />
        {/* the strip itself is painted on the canvas above; this transparent rectangle is its hover and click target */}
        <rect className="h-hit" data-tip="h" data-t={t} x={-STRIP_W / 2} y={rows.hTop} width={STRIP_W} height={rows.stripH} fill="transparent" />
      </g>
      {props.backward && scored && (
        <g className={`loss-inject${lit.dh ? ' is-lit' : ''}`} data-tip="loss" data-t={t}>
          <line x1={9} x2={9} y1={rows.yTop + rows.yH + 3} y2={rows.hTop - 12} />
          <path d={arrowHead(9, rows.hTop - 6, 0, 1, 2)} />
        </g>
      )}
      <VArrow x={0} y1={rows.xTop - 3} y2={rows.hTop + rows.stripH + 7} name="Wxh" lit={lit.Wxh} />
      <rect className={`node x-node${lit.x ? ' is-lit' : ''}`} x={-boxW / 2} y={rows.xTop} width={boxW} height={rows.xH} rx={5} />
      <text className="node-label" x={0} y={rows.xTop + rows.xH / 2} textAnchor="middle" dominantBaseline="central">
        {r.inputLabels[t]}
      </text>
      <text className="t-label" x={0} y={rows.tY} textAnchor="middle">
        {t}
      </text>
    </g>
  );
}
