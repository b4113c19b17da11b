import type { InspectRecord } from '../../engine/session';
import type { TruncMode } from '../../engine/types';
import { startsFromState } from '../../worker/record';
import { ChainArrows } from './ChainArrows';
import type { LitSet } from './StepColumn';
import { StepColumn } from './StepColumn';
import { StripCanvas } from './StripCanvas';
import { stripAlpha } from './strip-draw';
import type { StripPlan } from './strip-draw';
import { columnOpacity, lerpX, NODE_W } from './unroll-layout';
import type { UnrollGeometry } from './unroll-layout';
import type { UnrollStats } from './unroll-model';
import { TruncationBand } from './TruncationBand';

/**
 * The network drawn along time, at unroll progress p (0 = folded: one cell with its loop; 1 = the unrolled chain).
 * Steps start…end−1 are drawn; the first node on the left is the initial state (or a count of elided earlier
 * steps), the right edge counts elided later ones. Hover targets carry data-w (a weight) or data-tip (a value).
 */
export function UnrollFigure(props: {
  record: InspectRecord;
  stats: UnrollStats;
  geom: UnrollGeometry;
  t: number;
  unit: number;
  p: number;
  backward: boolean;
  truncate: number;
  truncMode: TruncMode;
  tau: number;
  lit: LitSet;
  recurrentName: string;
  /** recurrence off: the steps are not linked */
  cut?: boolean;
  onPage: (t: number) => void;
}) {
  const { record: r, stats, geom, t, p, lit } = props;
  const { rows, start, end, colW } = geom;
  const cx = geom.xs.map((x) => lerpX(geom.foldedX, x, p));
  const initCx = lerpX(geom.foldedX, geom.initX, p);
  const curCx = cx[t - start];
  const rightX = geom.left + (end - start) * colW + 20;
  const label = `The network unrolled over ${r.T} steps${start > 0 || end < r.T ? `, showing steps ${start} to ${end - 1}` : ''}; forward pass up to step ${t}${
    props.backward ? '; backward arrows show how much error reaches each step' : ''
  }.`;
  const plans: StripPlan[] = cx.map((x, i) => {
    const s = start + i;
    return { t: s, x, alpha: stripAlpha(columnOpacity(s === t, p), s > t), current: s === t };
  });
  return (
    <div className="unroll-stage" style={{ width: geom.width, height: rows.height }}>
      <svg className="unroll-svg" width={geom.width} height={rows.height} viewBox={`0 0 ${geom.width} ${rows.height}`} role="group" aria-label={label} data-progress={p.toFixed(3)}>
        <g className="row-labels">
          <text x={4} y={rows.lossY}>
            ℓ_t
          </text>
          <text x={4} y={rows.targetY}>
            target
          </text>
          <text x={4} y={rows.yTop + rows.yH / 2} dominantBaseline="central">
            y
          </text>
          <text x={4} y={rows.hTop + rows.stripH / 2} dominantBaseline="central">
            h
          </text>
          <text x={4} y={rows.xTop + rows.xH / 2} dominantBaseline="central">
            x
          </text>
          <text x={4} y={rows.tY}>
            t
          </text>
        </g>
        {curCx !== undefined && <rect className="current-band" x={curCx - colW / 2 + 2} y={22} width={colW - 4} height={rows.height - 26} rx={6} />}
        {props.backward && <TruncationBand geom={geom} tau={props.tau} k={props.truncate} mode={props.truncMode} opacity={p} />}
        <g className="init-node" opacity={p} transform={`translate(${initCx.toFixed(2)},0)`}>
          {start === 0 ? (
            <g data-tip="init">
              <rect className="node h-init" x={-NODE_W / 2} y={rows.hTop - 4} width={NODE_W} height={rows.stripH + 8} rx={5} />
              {/* a decoder starts from the encoder's meaning vector (h0), not from zero */}
              <text className="node-label" x={0} y={rows.hTop + rows.stripH / 2} textAnchor="middle" dominantBaseline="central">
                {startsFromState(r) ? 'h₀' : '0'}
              </text>
            </g>
          ) : (
            <g className="elided elided-before" role="button" tabIndex={-1} onClick={() => props.onPage(start - 1)} data-elided={start}>
              <text x={4} y={rows.hTop - 2} textAnchor="middle">
                ⋯ {start}
              </text>
              <text x={4} y={rows.hTop + rows.stripH + 14} textAnchor="middle" className="elided-note">
                earlier
              </text>
            </g>
          )}
        </g>
        <ChainArrows
          cx={cx}
          initCx={initCx}
          foldedX={geom.foldedX}
          start={start}
          p={p}
          rows={rows}
          dhNorms={stats.dhNorms}
          dhRange={stats.dhRange}
          backward={props.backward}
          whhLit={lit.Whh}
          dhLit={lit.dh}
          recurrentName={props.recurrentName}
          cut={props.cut}
        />
        {cx.map((x, i) => {
          const s = start + i;
          const opacity = columnOpacity(s === t, p);
          if (opacity === 0) return null; // folded: only the step shown in the cell is drawn
          return (
            <StepColumn
              key={s}
              record={r}
              t={s}
              x={x}
              opacity={opacity}
              colW={colW}
              rows={rows}
              verdict={stats.verdicts[s]}
              future={s > t}
              current={s === t}
              backward={props.backward && p > 0.5}
              lit={lit}
            />
          );
        })}
        {end < r.T && (
          <g className="elided elided-after" opacity={p} role="button" tabIndex={-1} onClick={() => props.onPage(end)} data-elided={r.T - end}>
            <text x={rightX} y={rows.hTop - 2} textAnchor="middle">
              {r.T - end} ⋯
            </text>
            <text x={rightX} y={rows.hTop + rows.stripH + 14} textAnchor="middle" className="elided-note">
              later
            </text>
          </g>
        )}
      </svg>
      <StripCanvas width={geom.width} height={rows.height} plans={plans} h={r.h} H={r.H} rows={rows} scale={stats.hScale} selectedUnit={props.unit} label={`Hidden state h_t of steps ${start} to ${end - 1}, one cell per unit`} />
    </div>
  );
}
