import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng';
import { descentPath, findCliff, pascanuGrad, pascanuLoss } from '../../src/engine/tasks/pascanu';
import { randomRestarts, simulatedAnnealing } from '../../src/engine/tasks/pascanu-search';
import { SessionLoop } from '../../src/worker/loop';
import type { SurfaceRequest, WorkerEvent } from '../../src/worker/protocol';
import { parseCommand } from '../../src/worker/protocol';
import { answerSurface, computeSurface, nextDouble } from '../../src/worker/surface';
import { SURFACE_LIMITS } from '../../src/worker/surface-request';

const BASE: SurfaceRequest = {
  wRange: [0, 16],
  bRange: [-10, 6],
  nw: 9,
  nb: 7,
  start: null,
  lr: 1,
  steps: 40,
  clip: 1,
  restarts: null,
  annealing: null,
  seed: 3,
};

/** A loop with no session, whose events and transfer lists are recorded; commands go through parseCommand as in the worker. */
function harness() {
  const events: { event: WorkerEvent; transfer: ArrayBuffer[] }[] = [];
  const queue: (() => void)[] = [];
  const loop = new SessionLoop((event, transfer) => events.push({ event, transfer }), { now: () => 0, schedule: (fn) => queue.push(fn) });
  const send = (data: unknown) => {
    const cmd = parseCommand(data);
    if (cmd) loop.handle(cmd);
    return cmd;
  };
  const surfaces = () => events.filter((e) => e.event.type === 'surface') as { event: Extract<WorkerEvent, { type: 'surface' }>; transfer: ArrayBuffer[] }[];
  return { loop, events, send, surfaces, queue };
}

describe('the surface command', () => {
  it('is answered before any configure, with the command runId and a grid equal to pascanuLoss at the grid points', () => {
    const h = harness();
    h.send({ type: 'surface', runId: 7, request: BASE });
    expect(h.events).toHaveLength(1);
    const [{ event, transfer }] = h.surfaces();
    expect(event.runId).toBe(7);
    const r = event.result;
    expect(r.loss).toBeInstanceOf(Float64Array);
    expect(r.loss.length).toBe(9 * 7);
    expect(r.gradNorm.length).toBe(9 * 7);
    // w_i = 0 + 2i, b_j = −10 + (16/6) j; rows are b
    for (let j = 0; j < 7; j++) {
      for (let i = 0; i < 9; i++) {
        const w = 2 * i;
        const b = -10 + (16 * j) / 6;
        expect(r.loss[j * 9 + i]).toBe(pascanuLoss(w, b));
        expect(r.gradNorm[j * 9 + i]).toBe(pascanuGrad(w, b).norm);
      }
    }
    expect(r.lossMin).toBe(Math.min(...r.loss));
    expect(r.lossMax).toBe(Math.max(...r.loss));
    expect(r.gradNormMax).toBe(Math.max(...r.gradNorm));
    expect(r.lossMax).toBeGreaterThan(0.48); // the σ → 0 plateau: (0 − 0.7)² = 0.49
    expect(r.descent).toBeNull();
    expect(r.restarts).toBeNull();
    // the grids' buffers travel in the transfer list, not copied
    expect(transfer).toContain(r.loss.buffer);
    expect(transfer).toContain(r.gradNorm.buffer);
    expect(h.queue).toHaveLength(0); // no session: nothing scheduled
  });

  it('gives both descents from the start point: plain as descentPath, clipped with the threshold', () => {
    const start = { w: 6, b: findCliff(6, -4, -2) + 1e-6 }; // on the wall's foot (the engine test's point)
    const r = computeSurface({ ...BASE, start, lr: 0.1, steps: 20, clip: 1 });
    const raw = descentPath(start, { lr: 0.1, steps: 20 });
    const clipped = descentPath(start, { lr: 0.1, steps: 20, clip: 1 });
    expect(Array.from(r.descent!.w)).toEqual(raw.map((p) => p.w));
    expect(Array.from(r.descent!.b)).toEqual(raw.map((p) => p.b));
    expect(Array.from(r.descent!.loss)).toEqual(raw.map((p) => p.loss));
    expect(Array.from(r.clipped!.gradNorm)).toEqual(clipped.map((p) => p.gradNorm));
    expect(r.clipped!.w.length).toBe(21);
    // the unclipped first step is thrown more than 10 away; the clipped one moves lr·clip = 0.1
    expect(Math.hypot(r.descent!.w[1] - start.w, r.descent!.b[1] - start.b)).toBeGreaterThan(10);
    expect(Math.hypot(r.clipped!.w[1] - start.w, r.clipped!.b[1] - start.b)).toBeCloseTo(0.1, 12);
  });

  it('finds the cliff column by column where E jumps between plateaus, and nowhere on the smooth side (w < 4)', () => {
    const r = computeSurface({ ...BASE, nw: 17, nb: 33 });
    expect(r.cliff.w.length).toBeGreaterThan(5);
    for (let k = 0; k < r.cliff.w.length; k++) {
      const w = r.cliff.w[k];
      const b = r.cliff.b[k];
      expect(w).toBeGreaterThan(4); // one stable fixed point below w = 4: no wall
      // a wall: the loss steps by more than 0.2 within ±1e-4
      expect(Math.abs(pascanuLoss(w, b - 1e-4) - pascanuLoss(w, b + 1e-4))).toBeGreaterThan(0.2);
    }
    const at6 = Array.from(r.cliff.w).indexOf(6);
    expect(r.cliff.b[at6]).toBeCloseTo(findCliff(6, -4, -2), 6);
    // ‖∇E‖ on the wall, where the grid's own samples (spacing 0.5) never reach 10
    expect(r.gradNormMax).toBeLessThan(10);
    for (let k = 0; k < r.cliff.w.length; k++) {
      expect(r.cliff.gradNorm[k]).toBe(pascanuGrad(r.cliff.w[k], r.cliff.b[k]).norm);
      expect(r.cliff.gradNorm[k]).toBeGreaterThan(1e3);
    }
    // and it grows with w, as the product of 50 Jacobians w σ'(x): > 1e25 at w = 16 (the wall there is one double wide)
    expect(r.cliff.gradNorm[r.cliff.w.length - 1]).toBeGreaterThan(1e25);
  });

  it('steps to the neighbouring double', () => {
    expect(nextDouble(1, 1)).toBe(1 + Number.EPSILON);
    expect(nextDouble(1, -1)).toBe(1 - Number.EPSILON / 2);
    expect(nextDouble(-1, -1)).toBe(-1 - Number.EPSILON);
    expect(nextDouble(-1, 1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextDouble(-6.5, 1)).toBeGreaterThan(-6.5);
  });

  it('runs random restarts and annealing as the engine does for the seed, marking the best', () => {
    const start = { w: 12, b: -2 };
    const req: SurfaceRequest = { ...BASE, start, restarts: { n: 6 }, annealing: { steps: 300, stepSize: 0.5, t0: 0.05, t1: 1e-4 }, seed: 5 };
    const r = computeSurface(req);
    const region = { wRange: BASE.wRange, bRange: BASE.bRange };
    const rr = randomRestarts(6, new Rng(5), { ...region, lr: 1, steps: 40, clip: 1 });
    expect(Array.from(r.restarts!.starts.w)).toEqual(rr.runs.map((x) => x.start.w));
    expect(Array.from(r.restarts!.ends.loss)).toEqual(rr.runs.map((x) => x.end.loss));
    expect(r.restarts!.ends.loss[r.restarts!.best]).toBe(rr.best.loss);
    const sa = simulatedAnnealing(start, new Rng(6), { steps: 300, stepSize: 0.5, t0: 0.05, t1: 1e-4, region });
    expect(r.annealing!.path.w.length).toBe(301); // the start, then one state per proposal
    expect(r.annealing!.path.w[0]).toBe(12);
    expect(r.annealing!.path.loss[0]).toBe(pascanuLoss(12, -2));
    expect(Array.from(r.annealing!.path.b.subarray(1))).toEqual(sa.path.map((p) => p.b));
    expect(r.annealing!.path.loss[r.annealing!.best]).toBe(sa.best.loss);
    expect(r.annealing!.acceptance).toBe(sa.acceptance);
  });

  it('does not disturb a running session: frames keep the session runId', () => {
    const h = harness();
    h.send({ type: 'configure', runId: 1, config: { task: { kind: 'echo', lag: 2, symbols: 2 }, model: { cell: 'rnn', hiddenSize: 3 } } });
    h.queue.splice(0).forEach((f) => f());
    h.send({ type: 'surface', runId: 1, request: { ...BASE, nw: 2, nb: 2 } });
    expect(h.surfaces()).toHaveLength(1);
    expect(h.events.map((e) => e.event.type)).toEqual(['ready', 'frame', 'surface']);
    expect(h.events.filter((e) => e.event.type === 'error')).toHaveLength(0);
  });

  it('reports a request the engine refuses as a recoverable error of its run', () => {
    const events: WorkerEvent[] = [];
    // nw = 1 cannot pass parseCommand; computed anyway, its grid coordinate (0/0) is not finite
    answerSurface({ type: 'surface', runId: 4, request: { ...BASE, nw: 1 } }, (e) => events.push(e));
    expect(events).toEqual([{ type: 'error', runId: 4, message: expect.stringMatching(/^Error surface: w: must be a finite number/), recoverable: true }]);
  });
});

describe('hostile surface requests', () => {
  const parse = (request: unknown) => {
    const c = parseCommand({ type: 'surface', runId: 1, request });
    return c && c.type === 'surface' ? c.request : null;
  };

  it('clamps sizes: grids to 240 × 240 (and at least 2), steps to 2000, restarts to 50, annealing to 5000', () => {
    const r = parse({ ...BASE, nw: 1e9, nb: -5, steps: 1e12, restarts: { n: 1e6 }, start: { w: 1, b: 1 }, annealing: { steps: 1e9, stepSize: 1e9, t0: 1e300, t1: 1e-300 } })!;
    expect(r).toMatchObject({ nw: 240, nb: 2, steps: SURFACE_LIMITS.stepsMax, restarts: { n: 50 }, annealing: { steps: 5000, stepSize: 1000, t0: 1e6, t1: 1e-12 } });
    expect(parse({ ...BASE, nw: 10.6, lr: 1e9, clip: 1e-30 })).toMatchObject({ nw: 11, lr: 100, clip: 1e-6 });
    // a clamped request is cheap: 240 × 240 grid with 2000-step paths and 50 restarts of 2000 steps
    const t0 = performance.now();
    const big = computeSurface({ ...r, annealing: null, restarts: { n: 5 } });
    expect(big.loss.length).toBe(240 * 2);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('rejects non-finite, inverted, oversized or mistyped fields', () => {
    const bad: unknown[] = [
      null,
      'surface',
      [],
      { ...BASE, wRange: [0, NaN] },
      { ...BASE, wRange: [5, 5] },
      { ...BASE, bRange: [3, -3] },
      { ...BASE, bRange: [-1e300, 1e300] },
      { ...BASE, wRange: [0, Infinity] },
      { ...BASE, wRange: [0, 1, 2] },
      { ...BASE, wRange: '0,16' },
      { ...BASE, nw: NaN },
      { ...BASE, nb: '100' },
      { ...BASE, lr: 0 },
      { ...BASE, lr: -1 },
      { ...BASE, steps: Infinity },
      { ...BASE, clip: 0 },
      { ...BASE, seed: NaN },
      { ...BASE, start: { w: NaN, b: 0 } },
      { ...BASE, start: { w: 1e300, b: 0 } },
      { ...BASE, start: [1, 2] },
      { ...BASE, restarts: { n: NaN } },
      { ...BASE, restarts: 5 },
      { ...BASE, annealing: { steps: 10, stepSize: 0.5, t0: -1, t1: 0.1 } },
      { ...BASE, annealing: { steps: 10, stepSize: 0, t0: 1, t1: 0.1 } },
      { ...BASE, annealing: true },
    ];
    for (const b of bad) expect(parse(b), JSON.stringify(b)).toBeNull();
    // and the loop never sees them
    const h = harness();
    bad.forEach((b) => h.send({ type: 'surface', runId: 1, request: b }));
    expect(h.events).toHaveLength(0);
  });

  it('keeps only the fields it knows', () => {
    const r = parse({ ...BASE, start: { w: 1, b: 2, extra: 'x' }, __proto__: { polluted: true }, evil: 1 });
    expect(r).toEqual({ ...BASE, start: { w: 1, b: 2 } });
    expect(Object.keys(r as object).sort()).toEqual(Object.keys(BASE).sort());
  });
});
