import type { TruncMode } from '../../engine/types';
import type { UnrollGeometry } from './unroll-layout';
import { truncationSpan } from './unroll-model';

/**
 * Where the error of step τ reaches under truncated BPTT with k steps: a shaded band over the start of τ's chunk … τ
 * (chunks of k) or τ−k+1 … τ (a window of k), clipped to the visible window, a dashed cut where backpropagation
 * stops, and the label "truncated BPTT, chunks of k = …" or "…, window k = …".
 * With k = 0 (full BPTT) only a label says the error reaches back to step 0.
 */
export function TruncationBand({ geom, tau, k, mode, opacity }: { geom: UnrollGeometry; tau: number; k: number; mode: TruncMode; opacity: number }) {
  const { rows, start, end, colW, left } = geom;
  if (tau < 0) {
    return (
      <text className="trunc-label" x={4} y={rows.laneY} opacity={opacity}>
        no scored step: no error flows back
      </text>
    );
  }
  const span = truncationSpan(tau, k, mode);
  if (span === null) {
    return (
      <text className="trunc-label" x={4} y={rows.laneY} opacity={opacity}>
        full BPTT: τ = {tau} reaches back to step 0
      </text>
    );
  }
  const from = Math.max(span.from, start);
  const to = Math.min(span.to, end - 1);
  const x = left + (from - start) * colW;
  const width = (to - from + 1) * colW;
  const cutX = left + (span.from - start) * colW;
  const cutVisible = span.cut && span.from >= start && span.from < end;
  return (
    <g className="trunc" opacity={opacity} data-from={span.from} data-to={span.to}>
      {from <= to && <rect className="trunc-band" x={x} y={22} width={width} height={rows.height - 26} rx={4} data-steps={to - from + 1} />}
      {cutVisible && <line className="trunc-cut" x1={cutX} x2={cutX} y1={20} y2={rows.height - 2} />}
      <text className="trunc-label" x={4} y={rows.laneY}>
        truncated BPTT, {mode === 'chunk' ? 'chunks of' : 'window'} k = {k}: τ = {tau} → steps {span.from}–{span.to}
        {span.cut ? '' : ' (all)'}
      </text>
    </g>
  );
}
