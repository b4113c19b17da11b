/**
 * Pure geometry of what is drawn over the error-surface map: polylines clipped to the plot box (with the
 * points where they leave it) and the cliff's wall points joined into line segments.
 */
import type { SurfacePoints, SurfaceRequest } from '../../worker/protocol';
import { r2 } from './surface-layout';
import type { SurfaceLayout, SurfaceScales } from './surface-layout';

/** Where a path leaves the plot box: the boundary pixel and the direction it was heading (radians, SVG's y down). */
export interface Exit {
  x: number;
  y: number;
  angle: number;
  /** the index of the point outside, the first beyond the boundary */
  k: number;
}

/**
 * Liang–Barsky: the part of segment p→q inside the box [x0, x1] × [y0, y1] as [t_in, t_out] along it, or
 * null if it misses the box.
 */
export function clipSegment(px: number, py: number, qx: number, qy: number, x0: number, x1: number, y0: number, y1: number): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = qx - px;
  const dy = qy - py;
  const edges: [number, number][] = [[-dx, px - x0], [dx, x1 - px], [-dy, py - y0], [dy, y1 - py]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

/** A polyline's SVG path inside the plot, and where it leaves the plot. */
export interface PathGeometry {
  d: string;
  exits: Exit[];
  /** the pixel of the last point drawn, or null when it lies outside the plot */
  end: [number, number] | null;
}

/**
 * The first n points of a path as an SVG path "M…L…" in pixels (2 decimals), clipped to the plot area:
 * a segment that leaves the plot ends on its edge (and is recorded as an exit), one that re-enters starts
 * a new "M" where it crosses the edge.
 */
export function pathGeometry(p: Pick<SurfacePoints, 'w' | 'b'>, n: number, s: SurfaceScales, L: SurfaceLayout): PathGeometry {
  const count = Math.min(n, p.w.length);
  const [x0, x1, y0, y1] = [L.left, L.left + L.plotW, L.top, L.top + L.plotH];
  const inside = (x: number, y: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  let d = '';
  const exits: Exit[] = [];
  let pen: [number, number] | null = null; // where the last drawn piece ended
  let prev: [number, number] | null = null;
  const move = (x: number, y: number) => (d += `M${r2(x)},${r2(y)}`);
  const line = (x: number, y: number) => (d += `L${r2(x)},${r2(y)}`);
  for (let k = 0; k < count; k++) {
    const x = s.x(p.w[k]);
    const y = s.y(p.b[k]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    if (prev === null) {
      if (inside(x, y)) {
        move(x, y);
        pen = [x, y];
      }
    } else {
      const c = clipSegment(prev[0], prev[1], x, y, x0, x1, y0, y1);
      if (c) {
        const [ta, tb] = c;
        // Each end of the visible piece from the segment end nearer to it (the reversed clip gives 1 − t from (x, y)):
        // from a point 1e300 px away, prev + t·(p − prev) keeps no digit of the crossing, and a path coming back
        // onto the map was drawn from x = 0, over the axis. Clamped: the crossing is on the box, rounding only moves it.
        const [sx, sy] = prev;
        const back = clipSegment(x, y, sx, sy, x0, x1, y0, y1) ?? [1 - tb, 1 - ta];
        const at = (t: number, u: number): [number, number] => {
          const [px, py] = t <= u ? [sx + t * (x - sx), sy + t * (y - sy)] : [x + u * (sx - x), y + u * (sy - y)];
          return [Math.min(x1, Math.max(x0, px)), Math.min(y1, Math.max(y0, py))];
        };
        const [ax, ay] = at(ta, back[1]);
        const [bx, by] = at(tb, back[0]);
        if (ta > 0 || pen === null) move(ax, ay);
        line(bx, by);
        pen = tb < 1 ? null : [bx, by];
        if (tb < 1) exits.push({ x: r2(bx), y: r2(by), angle: Math.atan2(y - prev[1], x - prev[0]), k });
      } else pen = null;
    }
    prev = [x, y];
  }
  const last = count > 0 ? [s.x(p.w[count - 1]), s.y(p.b[count - 1])] : null;
  return { d, exits, end: last && inside(last[0], last[1]) ? [r2(last[0]), r2(last[1])] : null };
}

/**
 * The cliff as pairs of wall points [k₀, k₁] to join: each wall point of grid column i with the nearest
 * wall point of column i − 1 when they are at most 3 rows apart (two walls in one column stay two lines).
 */
export function cliffPairs(cliff: { w: Float64Array; b: Float64Array }, req: Pick<SurfaceRequest, 'wRange' | 'bRange' | 'nw' | 'nb'>): [number, number][] {
  const dw = (req.wRange[1] - req.wRange[0]) / (req.nw - 1);
  const tol = (3 * (req.bRange[1] - req.bRange[0])) / (req.nb - 1);
  const columns = new Map<number, number[]>();
  for (let k = 0; k < cliff.w.length; k++) {
    const i = Math.round((cliff.w[k] - req.wRange[0]) / dw);
    const list = columns.get(i) ?? [];
    list.push(k);
    columns.set(i, list);
  }
  const pairs: [number, number][] = [];
  for (const [i, ks] of columns) {
    const before = columns.get(i - 1);
    if (!before) continue;
    for (const k of ks) {
      let best = -1;
      for (const m of before) if (Math.abs(cliff.b[m] - cliff.b[k]) <= tol && (best < 0 || Math.abs(cliff.b[m] - cliff.b[k]) < Math.abs(cliff.b[best] - cliff.b[k]))) best = m;
      if (best >= 0) pairs.push([best, k]);
    }
  }
  return pairs;
}

/** One joined pair of wall points as an SVG "M…L…" in pixels. */
export function cliffSegment(cliff: { w: Float64Array; b: Float64Array }, [a, b]: [number, number], s: SurfaceScales): string {
  return `M${r2(s.x(cliff.w[a]))},${r2(s.y(cliff.b[a]))}L${r2(s.x(cliff.w[b]))},${r2(s.y(cliff.b[b]))}`;
}

/** The whole cliff as one SVG path. */
export function cliffPath(cliff: { w: Float64Array; b: Float64Array }, req: Pick<SurfaceRequest, 'wRange' | 'bRange' | 'nw' | 'nb'>, s: SurfaceScales): string {
  return cliffPairs(cliff, req)
    .map((p) => cliffSegment(cliff, p, s))
    .join('');
}

/** The wall point nearest to pixel (px, py) within `radius` pixels, as its index, or −1. */
export function nearestCliffPoint(cliff: { w: Float64Array; b: Float64Array }, px: number, py: number, s: SurfaceScales, radius: number): number {
  let best = -1;
  let bestD = radius;
  for (let k = 0; k < cliff.w.length; k++) {
    const dist = Math.hypot(s.x(cliff.w[k]) - px, s.y(cliff.b[k]) - py);
    if (dist <= bestD) [best, bestD] = [k, dist];
  }
  return best;
}
