import { memo, useId, useMemo } from 'react';
import type { SurfaceResult } from '../../worker/protocol';
import { AxisBottom, AxisLeft } from '../chart/Axis';
import type { ColorScale } from '../kit/colors';
import { SurfaceSearches } from './SurfaceSearches';
import { axisTicks, contourLevels, contourPaths, GRAD_FLOOR, logValue, LOSS_FLOOR } from './surface-layout';
import { cliffPairs, cliffSegment } from './path-layout';
import type { SurfaceLayout, SurfaceScales } from './surface-layout';

/**
 * What stays put while the descents animate and the pointer moves: contour lines of E, the cliff (white
 * dashes on the loss, coloured by its ‖∇E‖ on the gradient layer), the searches' points, the frame, the
 * axes and their titles. One SVG of its own, memoized, so the browser does not repaint it every frame.
 */
export const SurfaceBase = memo(function SurfaceBase(props: {
  result: SurfaceResult;
  layer: 'loss' | 'grad';
  scale: ColorScale;
  contours: boolean;
  layout: SurfaceLayout;
  scales: SurfaceScales;
  highlight: string | null;
  onHighlight: (name: string | null) => void;
  label: string;
}) {
  const { result: r, layout: L, scales: s, scale } = props;
  const q = r.request;
  const clipId = `surface-base-${useId().replace(/:/g, '')}`;
  const contours = useMemo(() => {
    if (!props.contours) return [];
    const levels = contourLevels([Math.log10(Math.max(r.lossMin, LOSS_FLOOR)), Math.log10(Math.max(r.lossMax, LOSS_FLOOR))]);
    const paths = contourPaths(r.loss, q, levels, LOSS_FLOOR, L);
    return levels.map((level, k) => ({ level, d: paths[k] }));
  }, [props.contours, r, q, L]);
  const cliff = useMemo(() => {
    const pairs = cliffPairs(r.cliff, q);
    const g = r.cliff.gradNorm;
    return { d: pairs.map((p) => cliffSegment(r.cliff, p, s)).join(''), pieces: pairs.map((p) => ({ d: cliffSegment(r.cliff, p, s), g: Math.max(g[p[0]], g[p[1]]) })) };
  }, [r.cliff, q, s]);
  const ticksW = useMemo(() => axisTicks(s.x), [s]);
  const ticksB = useMemo(() => axisTicks(s.y), [s]);
  const lit = (name: string) => (props.highlight === name ? ' lit' : '');

  return (
    <svg className="chart surface-svg" width={L.width} height={L.height} viewBox={`0 0 ${L.width} ${L.height}`} role="img" aria-label={props.label}>
      <defs>
        <clipPath id={clipId}>
          <rect x={L.left} y={L.top} width={L.plotW} height={L.plotH} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {contours.map((c) => (
          <path key={c.level} className="surface-contour" data-level={c.level} d={c.d} />
        ))}
        <path className="surface-cliff-halo" d={cliff.d} />
        {props.layer === 'loss' ? (
          <path className="surface-cliff" data-testid="surface-cliff" d={cliff.d} />
        ) : (
          <g data-testid="surface-cliff-grad">
            {cliff.pieces.map((p, k) => (
              <path key={k} className="surface-cliff-grad" d={p.d} stroke={scale(logValue(p.g, GRAD_FLOOR))} />
            ))}
          </g>
        )}
        <SurfaceSearches result={r} scales={s} layout={L} />
      </g>
      <rect className="surface-frame" x={L.left} y={L.top} width={L.plotW} height={L.plotH} />
      <AxisBottom ticks={ticksW} y={L.top + L.plotH} x0={L.left} x1={L.left + L.plotW} />
      <AxisLeft ticks={ticksB} x={L.left} y0={L.top} y1={L.top + L.plotH} />
      <text className={`axis-title${lit('Whh')}`} x={L.left + L.plotW / 2} y={L.top + L.plotH + 42} textAnchor="middle" onMouseEnter={() => props.onHighlight('Whh')} onMouseLeave={() => props.onHighlight(null)}>
        w (recurrent weight)
      </text>
      <text className={`axis-title${lit('bh')}`} transform={`translate(14,${L.top + L.plotH / 2}) rotate(-90)`} textAnchor="middle" onMouseEnter={() => props.onHighlight('bh')} onMouseLeave={() => props.onHighlight(null)}>
        b (bias)
      </text>
    </svg>
  );
});
