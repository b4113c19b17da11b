/**
 * The numbers a lesson can ask about, each read the same way from the live lab (the committed frame) and from a
 * headless Session (the claim tests): so what a Try or Predict checks on screen is what the tests prove.
 */
import type { InspectRecord, SpectralInfo } from '../engine/session';
import type { TaskMetric } from '../engine/tasks/task';
import { findMemoryUnit } from '../views/gates/memory-unit';
import { inBox, largestStep, PLATEAU_LOSS } from '../views/surface/surface-summary';
import type { SurfacePoints, SurfaceResult } from '../worker/protocol';

/** What both the page and a test can see of a run at one moment. */
export interface RunSnapshot {
  step: number;
  /** the latest training loss, or null before the first step */
  loss: number | null;
  metric: TaskMetric | null;
  record: InspectRecord | null;
  spectral: readonly SpectralInfo[] | null;
  /** the error surface the surface view shows (the lab's `surface`, independent of the run), or null / absent */
  surface?: SurfaceResult | null;
}

interface Quantity {
  label: string;
  read: (s: RunSnapshot) => number | null;
}

const finite = (v: number | null | undefined): number | null => (v !== null && v !== undefined && Number.isFinite(v) ? v : null);
const flow = (s: RunSnapshot, k: 'first' | 'last', which: 'flowH' | 'flowC' = 'flowH'): number | null => {
  const r = s.record;
  if (!r || r[which].length === 0) return null;
  return finite(r[which][k === 'first' ? 0 : r.tau]);
};

/** The largest |v_i|, or null for an empty or absent array or a non-finite entry. */
const maxAbs = (v: Float64Array | undefined): number | null => {
  if (!v || v.length === 0) return null;
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return finite(m);
};

/** (‖∂ℓ_τ/∂h_0‖ / ‖∂ℓ_τ/∂h_τ‖)^(1/τ), or null before the record has both ends. */
const stepFactorOf = (s: RunSnapshot): number | null => {
  const a = flow(s, 'first');
  const b = flow(s, 'last');
  const tau = s.record?.tau ?? 0;
  return a !== null && b !== null && b > 0 && tau > 0 ? finite((a / b) ** (1 / tau)) : null;
};

/** The largest spectral radius of the recurrent matrices, or null without spectra. */
const rhoOf = (s: RunSnapshot): number | null => (s.spectral && s.spectral.length > 0 ? finite(Math.max(...s.spectral.map((x) => x.radius))) : null);

/** |h| beyond which a tanh unit counts as saturated: tanh′ = 1 − h² < 0.0975 there. */
export const SATURATED = 0.95;

/** A field of a surface path's last point, or null when there is no path. */
const pathEnd = (p: SurfacePoints | null | undefined, f: 'w' | 'b' | 'loss'): number | null => (p && p.loss.length > 0 ? finite(p[f][p.loss.length - 1]) : null);

export const QUANTITIES = {
  step: { label: 'training step', read: (s) => s.step },
  loss: { label: 'training loss', read: (s) => finite(s.loss) },
  metric: { label: "the task's metric on the evaluation set", read: (s) => finite(s.metric?.value) },
  /** the trivial predictor's score on the same set (chance, a uniform guess, persistence, always 1.0) */
  baseline: { label: "the trivial predictor's score on the evaluation set", read: (s) => finite(s.metric?.baseline) },
  /** the metric minus its trivial baseline, signed so that positive is better */
  metricGain: { label: 'how far the metric beats its trivial baseline', read: (s) => (s.metric ? finite((s.metric.value - s.metric.baseline) * (s.metric.higherIsBetter ? 1 : -1)) : null) },
  /** the share of held-out examples written exactly right (translation's metric itself; a captioner's `extra`), or null for a task without it */
  exactMatch: { label: 'the share of held-out examples written exactly right', read: (s) => {
    const m = s.metric;
    if (!m) return null;
    return finite(m.name === 'exact match' ? m.value : m.extra?.find((e) => e.name === 'exact match')?.value);
  } },
  /** ‖∂ℓ_τ/∂h_0‖: how much of the last step's error reaches the first step */
  gradAtStart: { label: '‖∂ℓ_τ/∂h₀‖', read: (s) => flow(s, 'first') },
  gradAtEnd: { label: '‖∂ℓ_τ/∂h_τ‖', read: (s) => flow(s, 'last') },
  /** ‖∂ℓ_τ/∂h_0‖ / ‖∂ℓ_τ/∂h_τ‖ */
  gradRatio: { label: 'the share of the error that reaches step 0', read: (s) => {
    const a = flow(s, 'first');
    const b = flow(s, 'last');
    return a !== null && b !== null && b > 0 ? finite(a / b) : null;
  } },
  /** (‖∂ℓ_τ/∂h_0‖ / ‖∂ℓ_τ/∂h_τ‖)^(1/τ): the measured factor per step back, on average (the geometric mean of the steps' own factors) */
  stepFactor: { label: 'the factor per step back, on average', read: stepFactorOf },
  /** the largest spectral radius of the recurrent matrices */
  rho: { label: 'ρ(W_hh)', read: rhoOf },
  /** ρ(W_hh) when the error shrinks on its way back (stepFactor < 1), else 0: a Try's goal "ρ ≥ x and still vanishing" in one number */
  rhoWhileShrinking: { label: 'ρ(W_hh) if the error shrinks on its way back, else 0', read: (s) => {
    const rho = rhoOf(s);
    const f = stepFactorOf(s);
    return rho !== null && f !== null ? (f < 1 ? rho : 0) : null;
  } },
  /** |θ| = G·H·(I + H + 1) + O·(H + 1) (docs/engine.md, weight layout): every weight and bias, one set however long the sequence */
  weights: { label: 'the number of weights and biases', read: (s) => {
    const r = s.record;
    return r ? r.gateNames.length * r.H * (r.I + r.H + 1) + r.O * (r.H + 1) : null;
  } },
  /** max over t, j of |h_t[j]| in the inspected sequence */
  hMax: { label: 'the largest |h_t[j]|', read: (s) => maxAbs(s.record?.h) },
  /** the share of the values h_t[j] of the inspected sequence with |h_t[j]| > SATURATED (tanh′ < 0.1 there): units saturated at −1 or 1 */
  saturatedShare: { label: 'the share of the values of h near −1 or 1 (|h| > 0.95)', read: (s) => {
    const h = s.record?.h;
    if (!h || h.length === 0) return null;
    let n = 0;
    for (const x of h) {
      if (!Number.isFinite(x)) return null;
      if (Math.abs(x) > SATURATED) n++;
    }
    return n / h.length;
  } },
  /** max over t, k of |y_t[k]|: the output before any softmax */
  yMax: { label: 'the largest |y_t[k]|', read: (s) => maxAbs(s.record?.y) },
  /** max over j of |(W_h· h_{−1})[j]| at t = 0: the recurrent part of the first step's pre-activations */
  recurrentAtStart: { label: 'the largest |(W_hh h₋₁)[j]| at t = 0', read: (s) => {
    const r = s.record;
    return r && r.T > 0 ? maxAbs(r.preH.subarray(0, r.gateNames.length * r.H)) : null;
  } },
  /** the unit "Find the memory unit" picks (gates view): its mean keep gate — z for a GRU, f for an LSTM — over steps 1…T−1 */
  memoryKeep: { label: 'the memory unit’s mean keep gate (z or f) after step 0', read: (s) => (s.record ? finite(findMemoryUnit(s.record)?.meanKeep) : null) },
  // The error surface of the surface view (a claim's `surface`), not the training run: its two descents from the start, its two searches.
  /** E where plain gradient descent ended */
  surfaceDescentLoss: { label: 'the loss where plain descent ended', read: (s) => pathEnd(s.surface?.descent, 'loss') },
  /** E where descent with norm clipping ended */
  surfaceClippedLoss: { label: 'the loss where clipped descent ended', read: (s) => pathEnd(s.surface?.clipped, 'loss') },
  /** 1 when plain descent ended outside the map's box (the view's "off the map"), else 0 */
  surfaceDescentOff: { label: 'plain descent ended off the map (1 = yes)', read: (s) => {
    const w = pathEnd(s.surface?.descent, 'w');
    const b = pathEnd(s.surface?.descent, 'b');
    return s.surface && w !== null && b !== null ? (inBox(w, b, s.surface.request) ? 0 : 1) : null;
  } },
  /** the longest single update of plain descent in the (w, b) plane (the view's "largest step") */
  surfaceJump: { label: 'the longest single step of plain descent', read: (s) => (s.surface?.descent ? finite(largestStep(s.surface.descent).length) : null) },
  /** the lowest E at which a random restart ended */
  surfaceRestartsBest: { label: 'the lowest loss a random restart reached', read: (s) => {
    const r = s.surface?.restarts;
    return r ? finite(r.ends.loss[r.best]) : null;
  } },
  /** the share of random restarts that ended on a plateau (E > PLATEAU_LOSS, as the view counts them) */
  surfaceRestartsStuck: { label: 'the share of restarts that ended on a plateau', read: (s) => {
    const r = s.surface?.restarts;
    if (!r || r.ends.loss.length === 0) return null;
    return r.ends.loss.filter((e) => e > PLATEAU_LOSS).length / r.ends.loss.length;
  } },
  /** the lowest E simulated annealing visited */
  surfaceAnnealingBest: { label: 'the lowest loss simulated annealing reached', read: (s) => {
    const a = s.surface?.annealing;
    return a ? finite(a.path.loss[a.best]) : null;
  } },
} satisfies Record<string, Quantity>;

export type QuantityId = keyof typeof QUANTITIES;

/** The quantity's value in this snapshot, or null when the run does not carry it (yet). */
export function readQuantity(id: QuantityId, s: RunSnapshot): number | null {
  return QUANTITIES[id].read(s);
}

/** Whether `v` satisfies the comparison. */
export function compare(v: number, op: '<' | '<=' | '>' | '>=', value: number): boolean {
  return op === '<' ? v < value : op === '<=' ? v <= value : op === '>' ? v > value : v >= value;
}
