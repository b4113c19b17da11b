/**
 * The worker's answer to a 'surface' command: the error surface of Pascanu, Mikolov & Bengio's single-unit
 * network on a grid, its cliff, gradient descent with and without norm clipping from a start point, and the
 * two meta-heuristics (random restarts, simulated annealing). Needs no session: it runs before any configure.
 */
import { Rng } from '../engine/rng';
import { descentPath, findCliff, pascanuGrad, pascanuLoss, pascanuPoint } from '../engine/tasks/pascanu';
import type { PascanuPoint } from '../engine/tasks/pascanu';
import { randomRestarts, simulatedAnnealing } from '../engine/tasks/pascanu-search';
import type { Command, SurfacePoints, SurfaceRequest, SurfaceResult, WorkerEvent } from './protocol';

/** Neighbouring grid rows whose losses differ by more than this straddle a wall (the plateaus differ by ≥ 0.4). */
export const CLIFF_JUMP = 0.1;

/** The arrays of a list of points. */
export function toPoints(points: readonly PascanuPoint[]): SurfacePoints {
  const n = points.length;
  const out: SurfacePoints = { w: new Float64Array(n), b: new Float64Array(n), loss: new Float64Array(n), gradNorm: new Float64Array(n) };
  points.forEach((p, k) => {
    out.w[k] = p.w;
    out.b[k] = p.b;
    out.loss[k] = p.loss;
    out.gradNorm[k] = p.gradNorm;
  });
  return out;
}

/** w_i = w₀ + i(w₁ − w₀)/(n − 1): the grid coordinate of index i, as lossGrid samples it. */
export function gridCoord(range: readonly [number, number], n: number, i: number): number {
  return range[0] + ((range[1] - range[0]) * i) / (n - 1);
}

/** The neighbouring double of x (x ≠ 0) towards +∞ (dir 1) or −∞ (dir −1): one unit in the last place away. */
export function nextDouble(x: number, dir: 1 | -1): number {
  const f = new Float64Array([x]);
  const bits = new BigInt64Array(f.buffer);
  // the bit pattern of a double grows with its magnitude: towards +∞ means +1 for positive x, −1 for negative
  bits[0] += BigInt(dir * Math.sign(x));
  return f[0];
}

/**
 * The wall, column by column: where E changes by more than CLIFF_JUMP between rows j and j + 1, the b of the
 * jump by bisection (findCliff), with ‖∇E‖ there; kept only if the jump is sharp — E still differs by half the jump a
 * thousandth of a row away on either side — so that a steep but smooth slope is not called a cliff.
 */
function cliffPoints(req: SurfaceRequest, loss: Float64Array): SurfaceResult['cliff'] {
  const ws: number[] = [];
  const bs: number[] = [];
  const gs: number[] = [];
  const { nw, nb, wRange, bRange } = req;
  const eps = (bRange[1] - bRange[0]) / (nb - 1) / 1000;
  for (let i = 0; i < nw; i++) {
    const w = gridCoord(wRange, nw, i);
    for (let j = 0; j + 1 < nb; j++) {
      const jump = Math.abs(loss[(j + 1) * nw + i] - loss[j * nw + i]);
      if (!(jump > CLIFF_JUMP)) continue;
      const b = findCliff(w, gridCoord(bRange, nb, j), gridCoord(bRange, nb, j + 1));
      if (Math.abs(pascanuLoss(w, b + eps) - pascanuLoss(w, b - eps)) > jump / 2) {
        // For w ≳ 8 the wall is narrower than one floating-point step of b: of b and its two neighbouring
        // doubles, keep the one on the wall, where ‖∇E‖ peaks (the grid itself never samples these values).
        let best = { b, norm: pascanuGrad(w, b).norm };
        for (const neighbour of [nextDouble(b, -1), nextDouble(b, 1)]) {
          const norm = pascanuGrad(w, neighbour).norm;
          if (norm > best.norm) best = { b: neighbour, norm };
        }
        ws.push(w);
        bs.push(best.b);
        gs.push(best.norm);
      }
    }
  }
  return { w: Float64Array.from(ws), b: Float64Array.from(bs), gradNorm: Float64Array.from(gs) };
}

/** Computes everything a request asks for (it must have passed parseSurfaceRequest); throws EngineError on what the engine refuses. */
export function computeSurface(req: SurfaceRequest): SurfaceResult {
  const { nw, nb, wRange, bRange } = req;
  const loss = new Float64Array(nw * nb);
  const gradNorm = new Float64Array(nw * nb);
  let lossMin = Infinity;
  let lossMax = -Infinity;
  let gradNormMin = Infinity;
  let gradNormMax = -Infinity;
  for (let j = 0; j < nb; j++) {
    const b = gridCoord(bRange, nb, j);
    for (let i = 0; i < nw; i++) {
      // one BPTT pass gives E and ∇E; its E is computed exactly as pascanuLoss computes it
      const g = pascanuGrad(gridCoord(wRange, nw, i), b);
      loss[j * nw + i] = g.loss;
      gradNorm[j * nw + i] = g.norm;
      lossMin = Math.min(lossMin, g.loss);
      lossMax = Math.max(lossMax, g.loss);
      gradNormMin = Math.min(gradNormMin, g.norm);
      gradNormMax = Math.max(gradNormMax, g.norm);
    }
  }
  const region = { wRange, bRange };
  const start = req.start;
  const restarts = req.restarts
    ? (() => {
        const r = randomRestarts(req.restarts.n, new Rng(req.seed), { ...region, lr: req.lr, steps: req.steps, clip: req.clip });
        const ends = toPoints(r.runs.map((x) => x.end));
        return { starts: toPoints(r.runs.map((x) => x.start)), ends, best: argmin(ends.loss) };
      })()
    : null;
  const annealing =
    req.annealing && start
      ? (() => {
          const a = simulatedAnnealing(start, new Rng(req.seed + 1), { ...req.annealing, region });
          const path = toPoints([pascanuPoint(start.w, start.b), ...a.path]);
          return { path, best: argmin(path.loss), acceptance: a.acceptance };
        })()
      : null;
  return {
    request: req,
    loss,
    lossMin,
    lossMax,
    gradNorm,
    gradNormMin,
    gradNormMax,
    cliff: cliffPoints(req, loss),
    descent: start ? toPoints(descentPath(start, { lr: req.lr, steps: req.steps })) : null,
    clipped: start ? toPoints(descentPath(start, { lr: req.lr, steps: req.steps, clip: req.clip })) : null,
    restarts,
    annealing,
  };
}

/** The first index of the smallest entry (the engine keeps the first of equal bests too). */
function argmin(v: Float64Array): number {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (v[i] < v[k]) k = i;
  return k;
}

/** The ArrayBuffers of a result, for postMessage's transfer list. */
export function surfaceTransferables(r: SurfaceResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: Float64Array) => {
    if (a.byteLength > 0 && !out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
  };
  const points = (p: SurfacePoints | null | undefined) => p && [p.w, p.b, p.loss, p.gradNorm].forEach(add);
  [r.loss, r.gradNorm, r.cliff.w, r.cliff.b, r.cliff.gradNorm].forEach(add);
  [r.descent, r.clipped, r.restarts?.starts, r.restarts?.ends, r.annealing?.path].forEach(points);
  return out;
}

/** Answers a 'surface' command with a 'surface' event (its arrays transferred), or a recoverable 'error' of the command's run. */
export function answerSurface(cmd: Extract<Command, { type: 'surface' }>, post: (event: WorkerEvent, transfer: ArrayBuffer[]) => void): void {
  let result: SurfaceResult;
  try {
    result = computeSurface(cmd.request);
  } catch (e) {
    post({ type: 'error', runId: cmd.runId, message: `Error surface: ${e instanceof Error ? e.message : String(e)}`, recoverable: true }, []);
    return;
  }
  post({ type: 'surface', runId: cmd.runId, result }, surfaceTransferables(result));
}
