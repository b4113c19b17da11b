/**
 * The error-surface view's defaults and its words: what each descent and search did, as sentences with
 * the numbers (also read by screen readers and by the end-to-end test).
 */
import { formatPercent, formatValue } from '../chart/format';
import type { SurfacePoints, SurfaceRequest, SurfaceResult } from '../../worker/protocol';

/**
 * The first picture: the paper's model over w ∈ [0, 16], b ∈ [−10, 6] (the wall runs diagonally across the
 * bistable region w > 4), and a start at (4.5, −2.5) from which plain descent (lr 1) meets the wall at step
 * 12 and is thrown 8.9 away onto the far plateau, while clipped descent walks down to E ≈ 3e−4.
 */
export const DEFAULT_SURFACE_REQUEST: SurfaceRequest = {
  wRange: [0, 16],
  bRange: [-10, 6],
  nw: 160,
  nb: 120,
  start: { w: 4.5, b: -2.5 },
  lr: 1,
  steps: 200,
  clip: 1,
  restarts: null,
  annealing: null,
  seed: 1,
};

/** Restart count the "random restarts" button asks for. */
export const RESTARTS = 10;
/** The annealing the button asks for: 2000 Gaussian proposals of σ 0.5, temperature 0.05 → 1e−4. */
export const ANNEALING: NonNullable<SurfaceRequest['annealing']> = { steps: 2000, stepSize: 0.5, t0: 0.05, t1: 1e-4 };
/** An end above this loss sits on a plateau (they are at 0.09 and 0.49) rather than near the valley floor. */
export const PLATEAU_LOSS = 0.05;

/** "(4.5, −2.5)" with 3 significant digits. */
export function formatPoint(w: number, b: number): string {
  return `(${formatValue(w)}, ${formatValue(b)})`;
}

/** The longest single update of a path: its length and the step that made it (0 when the path has one point). */
export function largestStep(p: Pick<SurfacePoints, 'w' | 'b'>): { length: number; step: number } {
  let length = 0;
  let step = 0;
  for (let k = 1; k < p.w.length; k++) {
    const d = Math.hypot(p.w[k] - p.w[k - 1], p.b[k] - p.b[k - 1]);
    if (d > length) [length, step] = [d, k];
  }
  return { length, step };
}

/** Whether (w, b) lies inside the request's box. */
export function inBox(w: number, b: number, req: Pick<SurfaceRequest, 'wRange' | 'bRange'>): boolean {
  return w >= req.wRange[0] && w <= req.wRange[1] && b >= req.bRange[0] && b <= req.bRange[1];
}

/** "E 0.329 → 0.09 in 200 steps, ending at (8.2, 5.8); largest step 8.9, at step 12." (+ "off the map" when it left the box) */
export function describePath(p: SurfacePoints, req: Pick<SurfaceRequest, 'wRange' | 'bRange'>): string {
  const n = p.w.length;
  const last = n - 1;
  const big = largestStep(p);
  const where = inBox(p.w[last], p.b[last], req) ? '' : ', off the map';
  const jump = big.step > 0 ? `; largest step ${formatValue(big.length)}, at step ${big.step}` : '';
  return `E ${formatValue(p.loss[0])} → ${formatValue(p.loss[last])} in ${last} steps, ending at ${formatPoint(p.w[last], p.b[last])}${where}${jump}.`;
}

/** "best of 10 clipped descents from random starts: E 3.1e-5 at (3.56, −1.67); 6 of 10 ended on a plateau (E > 0.05)." */
export function describeRestarts(r: NonNullable<SurfaceResult['restarts']>): string {
  const n = r.ends.w.length;
  let stalled = 0;
  for (let k = 0; k < n; k++) if (r.ends.loss[k] > PLATEAU_LOSS) stalled++;
  const e = r.ends;
  return `best of ${n} clipped descents from random starts: E ${formatValue(e.loss[r.best])} at ${formatPoint(e.w[r.best], e.b[r.best])}; ${stalled} of ${n} ended on a plateau (E > ${PLATEAU_LOSS}).`;
}

/** "best of 2000 proposals from the start: E 2e-6 at (3.9, −1.8); 31% accepted." (formatPercent: "—", not "NaN%", for 0 of 0 proposals) */
export function describeAnnealing(a: NonNullable<SurfaceResult['annealing']>): string {
  const p = a.path;
  return `best of ${p.w.length - 1} proposals from the start: E ${formatValue(p.loss[a.best])} at ${formatPoint(p.w[a.best], p.b[a.best])}; ${formatPercent(a.acceptance)} accepted.`;
}

/** The map's text alternative in one sentence. */
export function mapLabel(r: SurfaceResult): string {
  const q = r.request;
  const start = r.descent && q.start ? ` Descent from ${formatPoint(q.start.w, q.start.b)}: plain ${describePath(r.descent, q)} Clipped at ${formatValue(q.clip)}: ${r.clipped ? describePath(r.clipped, q) : ''}` : '';
  return `Error surface E(w, b) for w from ${formatValue(q.wRange[0])} to ${formatValue(q.wRange[1])} and b from ${formatValue(q.bRange[0])} to ${formatValue(q.bRange[1])}: E from ${formatValue(r.lossMin)} to ${formatValue(r.lossMax)}, ‖∇E‖ up to ${formatValue(r.gradNormMax)}; the cliff is found at ${r.cliff.w.length} grid columns.${start}`;
}
