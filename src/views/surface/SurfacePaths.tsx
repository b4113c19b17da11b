import type { SurfaceResult } from '../../worker/protocol';
import { pathGeometry } from './path-layout';
import { r2 } from './surface-layout';
import type { SurfaceLayout, SurfaceScales } from './surface-layout';
import type { Exit } from './path-layout';

/** An arrowhead at the plot's edge where a path leaves the map, pointing the way it went. */
function ExitArrow({ exit, className }: { exit: Exit; className: string }) {
  const deg = (exit.angle * 180) / Math.PI;
  return <path className={`surface-exit ${className}`} data-testid={`${className}-exit`} transform={`translate(${exit.x},${exit.y}) rotate(${deg})`} d="M0,0L-12,-7L-12,7Z" />;
}

/**
 * The descents over the map, in pixels: the plain and the clipped descent up to point `shown` (the
 * animation), each with a halo so it reads on any colour of the map, an arrowhead where it leaves the map,
 * the start (white dot) and each path's current point.
 */
export function SurfacePaths({ result: r, scales, layout, shown }: { result: SurfaceResult; scales: SurfaceScales; layout: SurfaceLayout; shown: number }) {
  const px = (w: number, b: number): [number, number] => [r2(scales.x(w)), r2(scales.y(b))];
  const raw = r.descent ? pathGeometry(r.descent, shown, scales, layout) : null;
  const clipped = r.clipped ? pathGeometry(r.clipped, shown, scales, layout) : null;
  const start = r.request.start && px(r.request.start.w, r.request.start.b);
  return (
    <g className="surface-paths">
      {clipped && (
        <>
          <path className="surface-halo" d={clipped.d} />
          <path className="surface-path surface-clipped" data-testid="surface-clipped" data-points={Math.min(shown, r.clipped!.w.length)} d={clipped.d} />
          {clipped.exits.map((e, k) => (
            <ExitArrow key={k} exit={e} className="surface-clipped" />
          ))}
        </>
      )}
      {raw && (
        <>
          <path className="surface-halo" d={raw.d} />
          <path className="surface-path surface-raw" data-testid="surface-raw" data-points={Math.min(shown, r.descent!.w.length)} d={raw.d} />
          {raw.exits.map((e, k) => (
            <ExitArrow key={k} exit={e} className="surface-raw" />
          ))}
        </>
      )}
      {start && <circle className="surface-start" data-testid="surface-start" cx={start[0]} cy={start[1]} r={6} />}
      {clipped?.end && <circle className="surface-head surface-clipped-head" cx={clipped.end[0]} cy={clipped.end[1]} r={5} />}
      {raw?.end && <circle className="surface-head surface-raw-head" cx={raw.end[0]} cy={raw.end[1]} r={5} />}
    </g>
  );
}
