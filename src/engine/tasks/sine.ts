/**
 * Next-value prediction of a noisy sum of sines: s_t = Σ_{k<K} a_k sin(2π t / P_k + φ_k) + ε_t with
 * fixed periods P_k and amplitudes a_k, a random phase φ_k ~ U[0, 2π) per sequence and per component,
 * and ε_t ~ N(0, σ²). Input x_t = s_t, target_t = s_{t+1}, every step scored; linear head.
 * Metric: MSE on the evaluation set against the persistence forecast ŝ_{t+1} = s_t.
 */
import { sin2pi } from '../detmath';
import { EngineError } from '../errors';
import { Rng } from '../rng';
import type { Sequence } from '../types';
import { fmt3 } from './labels';
import { checkSineParams } from './check';
import { persistenceMetric, persistenceMse } from './scoring';
import { checkStep, newSequence } from './sequence';
import { EVAL_SEED, type SineTaskConfig, type Task, type TaskMetric } from './task';

/** Periods P_k in steps of the four components (incommensurate, so the sum never repeats exactly). */
export const SINE_PERIODS: readonly number[] = [20, 7.3, 31.7, 4.6];
/** Amplitudes a_k of the four components. */
export const SINE_AMPLITUDES: readonly number[] = [1, 0.5, 0.35, 0.25];
/** How many sequences the evaluation set holds. */
export const SINE_EVAL_SIZE = 64;

/** The noiseless signal Σ_{k<K} a_k sin(2π t / P_k + φ_k) at t = start, …, start+count−1. */
export function sineSignal(components: number, phases: ArrayLike<number>, start: number, count: number): Float64Array {
  if (!Number.isInteger(components) || components < 1 || components > SINE_PERIODS.length) {
    throw new EngineError('bad-config', `must be a whole number between 1 and ${SINE_PERIODS.length}, got ${components}`, 'components');
  }
  if (phases.length < components) throw new EngineError('bad-shape', `needs ${components} phases, got ${phases.length}`, 'phases');
  if (!Number.isInteger(start) || !Number.isInteger(count) || count < 0) {
    throw new EngineError('bad-config', `start and count must be whole numbers (count ≥ 0), got ${start} and ${count}`, 'count');
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t = start + i;
    let s = 0;
    for (let k = 0; k < components; k++) s += SINE_AMPLITUDES[k] * sin2pi(t / SINE_PERIODS[k] + phases[k] / (2 * Math.PI)); // sin(2πt/P + φ), in turns
    out[i] = s;
  }
  return out;
}

/** The sine next-value task. */
export class SineTask implements Task {
  readonly kind = 'sine' as const;
  readonly config: SineTaskConfig;
  readonly head = 'linear' as const;
  readonly inputSize = 1;
  readonly outputSize = 1;
  readonly length: number;
  private readonly phasesBySeq = new WeakMap<Sequence, Float64Array>();
  private evalCache: { set: Sequence[]; persistence: number } | null = null;

  constructor(config: SineTaskConfig) {
    const { seqLength, noise, components } = checkSineParams(config);
    this.config = { kind: 'sine', seqLength, noise, components };
    this.length = seqLength;
  }

  /** One sequence: random phases, then x_t = s_t and target_t = s_{t+1} for t = 0…T−1 (T+1 noisy samples). */
  sample(rng: Rng): Sequence {
    const { components, noise } = this.config;
    const T = this.length;
    const phases = new Float64Array(components);
    for (let k = 0; k < components; k++) phases[k] = rng.uniform(0, 2 * Math.PI);
    const s = sineSignal(components, phases, 0, T + 1);
    if (noise > 0) for (let t = 0; t <= T; t++) s[t] += rng.normal(0, noise);
    const seq = newSequence(T, 1, 1, false);
    for (let t = 0; t < T; t++) {
      seq.inputs[t] = s[t];
      seq.targets[t] = s[t + 1];
      seq.mask[t] = 1;
    }
    this.phasesBySeq.set(seq, phases);
    return seq;
  }

  /** The phases φ_k a sequence drawn by this task was made with (undefined for a foreign sequence). */
  phasesOf(seq: Sequence): Float64Array | undefined {
    return this.phasesBySeq.get(seq);
  }

  /**
   * The noiseless ground truth of a free-running forecast: s_t without noise at t = from … from+count−1
   * for a sequence this task drew (its inputs are s_0…s_{T−1}, its targets s_1…s_T).
   */
  truth(seq: Sequence, from: number, count: number): Float64Array {
    const phases = this.phasesBySeq.get(seq);
    if (!phases) throw new EngineError('unknown-name', 'this sequence was not drawn by this sine task', 'seq');
    return sineSignal(this.config.components, phases, from, count);
  }

  private ensureEval(): { set: Sequence[]; persistence: number } {
    if (!this.evalCache) {
      const rng = new Rng(EVAL_SEED);
      const set: Sequence[] = [];
      for (let i = 0; i < SINE_EVAL_SIZE; i++) set.push(this.sample(rng));
      this.evalCache = { set, persistence: persistenceMse(set) };
    }
    return this.evalCache;
  }

  /** 64 sequences drawn from a fixed seed, the same every call. */
  evalSet(): readonly Sequence[] {
    return this.ensureEval().set;
  }

  /** MSE (1/N) Σ (y_t − s_{t+1})², baseline the MSE of persistence ŝ_{t+1} = s_t on the same set. */
  evaluate(outputs: readonly Float64Array[]): TaskMetric {
    const { set, persistence } = this.ensureEval();
    return persistenceMetric('MSE', set, outputs, persistence);
  }

  /** s_t with 3 significant digits. */
  inputLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return fmt3(seq.inputs[t]);
  }

  /** s_{t+1} with 3 significant digits. */
  targetLabel(seq: Sequence, t: number): string {
    checkStep(seq, t);
    return seq.mask[t] === 1 ? fmt3(seq.targets[t]) : '';
  }

  /** The predicted ŝ_{t+1}. */
  outputLabel(output: Float64Array, offset: number): string {
    return fmt3(output[offset]);
  }
}
