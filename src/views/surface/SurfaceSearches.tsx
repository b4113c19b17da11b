import type { SurfaceResult } from '../../worker/protocol';
import { pathGeometry } from './path-layout';
import { r2 } from './surface-layout';
import type { SurfaceLayout, SurfaceScales } from './surface-layout';

/** The two searches over the map: the annealing walk with its best state (◆), the restarts' starts (○) and ends (●) with the best ringed. */
export function SurfaceSearches({ result: r, scales, layout }: { result: SurfaceResult; scales: SurfaceScales; layout: SurfaceLayout }) {
  const px = (w: number, b: number): [number, number] => [r2(scales.x(w)), r2(scales.y(b))];
  const anneal = r.annealing ? pathGeometry(r.annealing.path, r.annealing.path.w.length, scales, layout) : null;
  const rs = r.restarts;
  const annealBest = r.annealing && px(r.annealing.path.w[r.annealing.best], r.annealing.path.b[r.annealing.best]);
  return (
    <g className="surface-searches">
      {anneal && (
        <g className="surface-annealing">
          <path className="surface-annealing-line" data-testid="surface-annealing" d={anneal.d} />
          {annealBest && <path className="surface-best surface-annealing-best" data-testid="surface-annealing-best" transform={`translate(${annealBest[0]},${annealBest[1]})`} d="M0,-9L9,0L0,9L-9,0Z" />}
        </g>
      )}
      {rs && (
        <g className="surface-restarts" data-testid="surface-restarts">
          {Array.from(rs.starts.w, (w, k) => {
            const [x, y] = px(w, rs.starts.b[k]);
            return <circle key={`s${k}`} className="surface-restart-start" cx={x} cy={y} r={4} />;
          })}
          {Array.from(rs.ends.w, (w, k) => {
            const [x, y] = px(w, rs.ends.b[k]);
            return <circle key={`e${k}`} className={k === rs.best ? 'surface-restart-end surface-restart-best' : 'surface-restart-end'} data-testid={k === rs.best ? 'surface-restart-best' : undefined} cx={x} cy={y} r={k === rs.best ? 8 : 4.5} />;
          })}
        </g>
      )}
    </g>
  );
}
