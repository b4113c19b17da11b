/**
 * The gradient-flow views in words: the spectral radius against the critical value 1, ρ·⟨act′⟩ as the rough
 * guide it is (and why it can disagree with the measured curve), what carries the state across a truncated
 * gradient, the cells' names.
 */
import { formatFixed } from '../chart/format';
import type { InspectRecord, SpectralInfo } from '../../engine/session';
import type { TaskConfig } from '../../engine/tasks/task';
import type { Activation, CellKind, TruncMode } from '../../engine/types';
import { gate, h as hAt } from '../../worker/record';
import type { FlowShape, FlowShapeKind } from './flow-shape';
import { formatLog10, truncationWindow } from './flow-layout';
import { formatFactor, LEVEL_TOLERANCE, SHAPE_WORDS } from './flow-shape';

/** |ρ − 1| below this reads as "= 1" (the critical value of a linear RNN). */
export const CRITICAL_TOLERANCE = 0.005;

/** ρ and σ_max to two decimals. */
function two(v: number): string {
  return formatFixed(v, 2);
}

/** The recurrent matrix with the largest spectral radius ρ = max|λ|, or null when none is known yet. */
export function largestRadius(spectral: readonly SpectralInfo[] | null): SpectralInfo | null {
  if (!spectral || spectral.length === 0) return null;
  return spectral.reduce((a, b) => (b.radius > a.radius ? b : a));
}

/**
 * "ρ(Whh) = 0.50, σmax = 0.50: ρ < 1, so repeated products with Whh shrink the error — it tends to vanish."
 * For gated cells the matrix with the largest ρ is named; given `cell`, an LSTM or GRU is told that its gates,
 * not ρ, set the error's main path. Above 1 nothing is predicted: the activation's slope decides too.
 */
export function spectralWords(spectral: readonly SpectralInfo[] | null, cell?: CellKind): string {
  const s = largestRadius(spectral);
  if (!s) return 'ρ(Whh) and σmax appear with the first frame.';
  const which = spectral && spectral.length > 1 ? `largest ρ over ${spectral.map((b) => b.name).join(', ')}: ` : '';
  const head = `${which}ρ(${s.name}) = ${two(s.radius)}, σmax = ${two(s.sigmaMax)}`;
  if (cell === 'lstm') return `${head}. In an LSTM the error's direct path runs along the cell state c, multiplied at each step by the forget gate f, so ρ alone does not say whether it vanishes.`;
  if (cell === 'gru') return `${head}. In a GRU the error's direct path runs along h, multiplied at each step by the update gate z, so ρ alone does not say whether it vanishes.`;
  if (Math.abs(s.radius - 1) < CRITICAL_TOLERANCE) return `${head}: ρ = 1, the critical value — repeated products with ${s.name} alone neither shrink nor grow; the activation's slope decides.`;
  if (s.radius < 1) {
    const base = `${head}: ρ < 1, so repeated products with ${s.name} shrink the error — it tends to vanish`;
    // σmax ≥ 1: a single step can still stretch the error, and over a short span it may grow
    return s.sigmaMax < 1 ? `${base}.` : `${base} in the long run, though σmax ≥ 1 lets single steps stretch it.`;
  }
  return `${head}: ρ > 1, so repeated products with ${s.name} alone can grow the error; whether it grows depends on the activation's slope too (ρ·⟨act′⟩, the rough guide beside the profile).`;
}

/** The cells' display names. */
export const CELL_TITLES: Record<CellKind, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

/** max |act′(a)| over all a: the most one step of a vanilla RNN's activation can scale an error by. */
export const MAX_SLOPE: Record<Activation, number> = { linear: 1, tanh: 1, relu: 1, sigmoid: 0.25 };

/**
 * The vanilla RNN's bound ‖∂h_k/∂h_{k−1}‖ = ‖diag(act′)·Whh‖ ≤ max act′ · σmax(Whh) (Pascanu et al. 2013) in words:
 * below 1 every step back must shrink the error; at or above 1 nothing is guaranteed. Null without a spectrum.
 */
export function boundWords(activation: Activation, spectral: readonly SpectralInfo[] | null): string | null {
  const w = spectral?.find((b) => b.name === 'Whh');
  if (!w) return null;
  const m = MAX_SLOPE[activation];
  const bound = m * w.sigmaMax;
  const head = `One step back scales the error by at most max ${activation}′ · σmax = ${m === 1 ? '1' : m} × ${two(w.sigmaMax)} = ${two(bound)}`;
  return bound < 1 ? `${head} < 1: it must vanish.` : `${head} ≥ 1: vanishing is not guaranteed.`;
}

/** act′ of a vanilla RNN's activation, from its output h = act(a): tanh 1 − h², sigmoid h(1 − h), ReLU [h > 0], linear 1. */
export function slopeFromOutput(act: Activation, h: number): number {
  switch (act) {
    case 'tanh':
      return 1 - h * h;
    case 'sigmoid':
      return h * (1 - h);
    case 'relu':
      return h > 0 ? 1 : 0;
    default:
      return 1;
  }
}

/** The activation's slopes along a profile's span. */
export interface SlopeStats {
  /** ⟨act′⟩: the geometric mean over steps j = to+1…from of the mean over units of |act′(a_j)| */
  mean: number;
  /** the share of the (step, unit) slopes below a tenth of the largest possible (saturated tanh/sigmoid units, inactive ReLUs) */
  saturated: number;
  /** Jacobians the span multiplies (from − to) */
  steps: number;
}

/** ⟨act′⟩ and the saturated share over steps to+1…from of a vanilla RNN record (read through the record accessors), or null for an empty span. */
export function slopeStats(rec: InspectRecord, act: Activation, from: number, to: number): SlopeStats | null {
  const H = rec.H;
  if (!(from > to) || !(H > 0)) return null;
  let logSum = 0;
  let steps = 0;
  let low = 0;
  let all = 0;
  for (let j = to + 1; j <= from; j++) {
    let m = 0;
    for (let u = 0; u < H; u++) {
      const d = Math.abs(slopeFromOutput(act, hAt(rec, j, u)));
      if (!Number.isFinite(d)) continue;
      m += d;
      all++;
      if (d < 0.1 * MAX_SLOPE[act]) low++;
    }
    logSum += Math.log(m / H);
    steps++;
  }
  if (steps === 0 || all === 0) return null;
  return { mean: Math.exp(logSum / steps), saturated: low / all, steps };
}

/** The rough guide and the measurement side by side, and — when they disagree — why, in one sentence. */
export interface GuideWords {
  text: string;
  /** null when guide and measurement agree (or nothing was measured) */
  why: string | null;
  agrees: boolean | null;
  /** ρ·⟨act′⟩ */
  step: number;
}

/** What ρ·⟨act′⟩ alone would call the curve, with the same tolerance as the measured words. */
export function guideKind(step: number, tol = LEVEL_TOLERANCE): FlowShapeKind {
  return step < 1 - tol ? 'vanishing' : step > 1 + tol ? 'exploding' : 'constant';
}

/**
 * "Rough guide: ρ(Whh)·⟨tanh′⟩ = 2.06 × 0.55 = 1.13 per step, 3.48 over 10 steps; measured: 0.328
 * (×0.89 per step, vanishing)." and, when the guide calls it otherwise, one sentence of why: a curve that
 * turns, saturation, the error not aligned with W_hh's top eigenvector, or σmax > ρ (the product of the
 * Jacobians is not the product of their norms). Null without a spectrum or slopes.
 */
export function guideWords(act: Activation, spectral: readonly SpectralInfo[] | null, slopes: SlopeStats | null, measured: FlowShape | null): GuideWords | null {
  const w = spectral?.find((b) => b.name === 'Whh');
  if (!w || !slopes || !Number.isFinite(w.radius)) return null;
  const step = w.radius * slopes.mean;
  const n = slopes.steps;
  const over = step > 0 ? formatLog10(n * Math.log10(step)) : '0';
  const head = `Rough guide: ρ(Whh) · ⟨${act}′⟩ = ${two(w.radius)} × ${two(slopes.mean)} = ${formatFactor(step)} per step (${SHAPE_WORDS[guideKind(step)]}), ${over} over ${n} ${n === 1 ? 'step' : 'steps'}`;
  if (!measured) return { text: `${head}.`, why: null, agrees: null, step };
  const text = `${head}; measured: ${formatLog10(measured.log10Total)} (×${formatFactor(measured.factor)} per step, ${SHAPE_WORDS[measured.shape]}).`;
  const agrees = guideKind(step) === measured.shape;
  if (agrees) return { text, why: null, agrees, step };
  let why: string;
  if (measured.turn) why = 'They disagree because no single factor draws a curve that turns: the Jacobians diag(act′)·W_hh change along the sequence, so the error shrinks over some steps and grows over others.';
  else if (measured.factor < step && slopes.saturated >= 0.25)
    why = `They disagree mostly through saturation: ${Math.round(slopes.saturated * 100)}% of the slopes act′ along the way are ${act === 'relu' ? '0 (inactive ReLUs)' : 'below a tenth of their maximum (saturated units)'}, and an error through those units is all but stopped, which an average slope hides.`;
  else if (measured.factor < step)
    why = "They disagree because the product of the Jacobians is not the product of their norms: ρ is the growth along W_hh's top eigenvector, and the error is not aligned with it — each diag(act′) turns it off that direction again.";
  else if (w.sigmaMax > w.radius * 1.01)
    why = `They disagree because the product of the Jacobians is not the product of their norms: W_hh is not symmetric, so it stretches some directions by up to σmax = ${two(w.sigmaMax)} per step, more than ρ = ${two(w.radius)}, and the error grows along them.`;
  else why = 'They disagree because the error runs mostly through the units with the steepest slopes, so the average ⟨act′⟩ understates what each step does to it (alignment).';
  return { text, why, agrees, step };
}

/** The gate that multiplies the error along a gated cell's direct path at each step: LSTM f (along c), GRU z (along h). */
export const CARRY_GATE: Partial<Record<CellKind, { gate: string; name: string; path: string }>> = {
  lstm: { gate: 'f', name: 'forget gate f', path: 'the cell state c' },
  gru: { gate: 'z', name: 'update gate z', path: 'h' },
};

/** The carry gate's mean over units, averaged geometrically over steps to+1…from (its product over the span is mean^steps), or null for a vanilla RNN or an empty span. */
export function carryGateMean(rec: InspectRecord, from: number, to: number): number | null {
  const g = CARRY_GATE[rec.cell];
  if (!g || !(from > to) || !(rec.H > 0)) return null;
  let logSum = 0;
  let steps = 0;
  for (let t = to + 1; t <= from; t++) {
    let m = 0;
    for (let u = 0; u < rec.H; u++) m += gate(rec, g.gate, t, u);
    if (!Number.isFinite(m)) return null;
    logSum += Math.log(m / rec.H);
    steps++;
  }
  return steps > 0 ? Math.exp(logSum / steps) : null;
}

/** "In an LSTM the error's direct path … forget gate f averages 0.73 per step, 0.043 over 10 steps: ρ is no guide to it." */
export function carryWords(cell: CellKind, mean: number | null, steps: number): string | null {
  const g = CARRY_GATE[cell];
  if (!g || mean === null || !(steps > 0)) return null;
  const total = mean > 0 ? formatLog10(steps * Math.log10(mean)) : '0';
  return `In ${cell === 'lstm' ? 'an LSTM' : 'a GRU'} the error's direct path runs along ${g.path}, multiplied at each step by the ${g.name}: it averages ${two(mean)} here, ${total} over ${steps} steps; ρ·⟨act′⟩ is no guide to that path.`;
}

/** How far back a task's answer depends on its input: the echo's lag, the adding problem's first marker (⌈T/2⌉…T−1 steps back). Null for tasks without one fixed dependency (text, sine, series). */
export function taskLag(task: TaskConfig): { answer: number; earliest: number; words: string } | null {
  if (task.kind === 'echo') return { answer: task.lag, earliest: 0, words: `the echo asks at step ${task.lag} for the symbol shown at step 0, ${task.lag} steps earlier` };
  if (task.kind === 'adding') {
    const T = task.seqLength;
    return { answer: T - 1, earliest: 0, words: `the adding problem answers at step ${T - 1} with a value marked ${T - Math.floor(T / 2)} to ${T - 1} steps earlier` };
  }
  return null;
}

/**
 * The caption for truncation shorter than the task's lag: the gradient of the answer stops short of the input
 * it needs, yet the forward pass still carries the state across every step — truncation limits what the
 * gradient can teach, not what the state carries. `carry` is the carry gate's mean over the lag (LSTM f, GRU z), when known.
 * Null without truncation, for tasks without a fixed lag, or when the gradient reaches the input.
 */
export function truncationLagWords(task: TaskConfig, truncate: number, mode: TruncMode, cell: CellKind, carry: number | null): string | null {
  const lag = taskLag(task);
  if (!lag || !(truncate > 0)) return null;
  const win = truncationWindow(lag.answer, truncate, mode);
  if (!win) return null;
  const steps = lag.answer - lag.earliest;
  const g = CARRY_GATE[cell];
  const kept = carry !== null && carry > 0 ? `, ${formatLog10(steps * Math.log10(carry))} after ${steps} steps` : '';
  const how = g && carry !== null ? `the ${cell === 'lstm' ? 'LSTM' : 'GRU'} carries it along ${g.path} through ${g.name === 'forget gate f' ? 'forget gates' : 'update gates'} averaging ${two(carry)} per step${kept}` : `the state carries it through W_hh and the activation at every step`;
  return `Truncation k = ${truncate} is shorter than this task's lag: ${lag.words}, but the answer's error reaches back only to step ${win.from}. Truncation limits what the gradient can teach, not what the state carries: the forward pass still runs every step, and ${how}, so the output can still learn to read what is left of the input.`;
}
