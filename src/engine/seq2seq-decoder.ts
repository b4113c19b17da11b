/**
 * What the encoder–decoder and the captioner share: token sequences as one-hot Sequences, teacher forcing, free-running
 * decoding (greedy or with a temperature) and the decoder's recorded trace.
 */
import { EngineError } from './errors';
import type { Rng } from './rng';
import type { CellPart } from './seq2seq-cell';
import { argmax } from './tasks/sequence';
import { sampleIndex } from './tasks/text';
import type { Sequence } from './types';
import { LIMITS } from './validate';

/**
 * Token 0 of every target vocabulary is the boundary: the decoder reads it at t = 0 (the start token) and writes it
 * to say the output is over (the end token). One token for both ends means no input column that is never used.
 */
export const BOUNDARY = 0;

/** The longest source, target or decoded output (the network's own limit on sequence length). */
export const MAX_TOKENS = LIMITS.sequenceLength.max - 1;

/** Throws unless `tokens` is an array of integers in [0, V); the end token may not appear inside a target. */
export function checkTokens(tokens: ArrayLike<number>, V: number, path: string, opts: { nonEmpty: boolean; noBoundary: boolean }): void {
  if (tokens === null || typeof tokens !== 'object' || typeof tokens.length !== 'number') {
    throw new EngineError('bad-config', `expected an array of token indices, got ${tokens === null ? 'null' : typeof tokens}`, path);
  }
  if (opts.nonEmpty && tokens.length === 0) throw new EngineError('empty', 'has no tokens; at least one is needed', path);
  if (tokens.length > MAX_TOKENS) throw new EngineError('bad-config', `has ${tokens.length} tokens; the limit is ${MAX_TOKENS}`, path);
  for (let i = 0; i < tokens.length; i++) {
    const k = tokens[i];
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= V) {
      throw new EngineError('bad-config', `token ${i} is ${String(k)}, expected an integer in [0, ${V - 1}]`, path);
    }
    if (opts.noBoundary && k === BOUNDARY) throw new EngineError('bad-config', `token ${i} is the end token ${BOUNDARY}, which the decoder appends itself`, path);
  }
}

/** The tokens as a one-hot Sequence of vocabulary V (nothing scored): what an encoder reads. */
export function sourceSequence(tokens: ArrayLike<number>, V: number, reverse: boolean): Sequence {
  const T = tokens.length;
  const seq: Sequence = { length: T, inputs: new Float64Array(T * V), targets: new Float64Array(T), mask: new Uint8Array(T), hot: new Int32Array(T) };
  for (let t = 0; t < T; t++) {
    const k = tokens[reverse ? T - 1 - t : t];
    seq.inputs[t * V + k] = 1;
    seq.hot![t] = k;
  }
  return seq;
}

/**
 * Teacher forcing for a target w_0 … w_{n−1}: T = n + 1 steps, x_t = e(w_{t−1}) with w_{−1} = the start token,
 * target_t = w_t with w_n = the end token, every step scored — so L = (1/(n+1)) Σ_t −log p_t[w_t], end token included.
 */
export function teacherForced(target: ArrayLike<number>, V: number): Sequence {
  const n = target.length;
  const T = n + 1;
  const seq: Sequence = { length: T, inputs: new Float64Array(T * V), targets: new Float64Array(T), mask: new Uint8Array(T).fill(1), hot: new Int32Array(T) };
  for (let t = 0; t < T; t++) {
    const k = t === 0 ? BOUNDARY : target[t - 1];
    seq.inputs[t * V + k] = 1;
    seq.hot![t] = k;
    seq.targets[t] = t < n ? target[t] : BOUNDARY;
  }
  return seq;
}

/** The decoder's steps, recorded for the views (row-major, one row per step). */
export interface DecoderTrace {
  /** the token read at step t (the start token at t = 0) */
  inputs: Int32Array;
  /** the token written at step t: the reference under teacher forcing, the chosen one when decoding */
  outputs: Int32Array;
  /** h_t, and c_t for the LSTM (else empty): T×H */
  h: Float64Array;
  c: Float64Array;
  /** p_t = softmax(y_t): T×V */
  probs: Float64Array;
  /** ℓ_t = −log p_t[target_t] under teacher forcing; empty when decoding */
  losses: Float64Array;
}

/** The trace of the decoder's last pass over `seq` (teacher forcing). */
export function teacherTrace(dec: CellPart, seq: Sequence): DecoderTrace {
  const T = seq.length;
  return {
    inputs: Int32Array.from(seq.hot!),
    outputs: Int32Array.from(seq.targets),
    h: dec.hidden(T),
    c: dec.cellState(T),
    probs: dec.ws.ps.slice(0, T * dec.O),
    losses: dec.ws.losses.slice(0, T),
  };
}

/** How to decode: at most `maxLength` steps; temperature 0 (default) is greedy, τ > 0 samples p_i ∝ p_i^{1/τ} from `rng`. */
export interface DecodeOptions {
  maxLength: number;
  temperature?: number;
  rng?: Rng;
}

/** A decoded output: its tokens (the end token left out) and the decoder's steps. */
export interface Decoded {
  tokens: number[];
  /** true when the decoder wrote the end token, false when it was stopped at maxLength */
  ended: boolean;
  trace: DecoderTrace;
}

/** Throws unless the options are usable: maxLength an integer in [1, MAX_TOKENS], τ finite ≥ 0, an Rng when τ > 0. */
export function checkDecodeOptions(o: DecodeOptions): void {
  const m = o.maxLength;
  if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > MAX_TOKENS) {
    throw new EngineError('bad-config', `expected an integer in [1, ${MAX_TOKENS}], got ${String(m)}`, 'maxLength');
  }
  const tau = o.temperature ?? 0;
  if (typeof tau !== 'number' || !Number.isFinite(tau) || tau < 0) throw new EngineError('bad-config', `must be a finite number ≥ 0, got ${String(tau)}`, 'temperature');
  if (tau > 0 && !o.rng) throw new EngineError('bad-config', 'sampling at a temperature above 0 needs a seeded Rng', 'rng');
}

/**
 * Free-running decoding from the state (h0, c0): x_0 = the start token; at each step p_t = softmax(Why h_t + by), the
 * next token is argmax p_t (greedy) or drawn from p_t^{1/τ} (sampleIndex), and it is fed back as x_{t+1}; stops when
 * the token is the end token or after maxLength steps.
 */
export function decodeFrom(dec: CellPart, h0: ArrayLike<number>, c0: ArrayLike<number> | undefined, o: DecodeOptions): Decoded {
  checkDecodeOptions(o);
  const max = o.maxLength;
  const tau = o.temperature ?? 0;
  const V = dec.O;
  const free: Sequence = { length: max, inputs: new Float64Array(0), targets: new Float64Array(max), mask: new Uint8Array(max) };
  dec.start(max, h0, c0);
  const inputs: number[] = [];
  const outputs: number[] = [];
  const tokens: number[] = [];
  let k = BOUNDARY;
  let ended = false;
  for (let t = 0; t < max && !ended; t++) {
    dec.step(t, k, free);
    const next = tau === 0 ? argmax(dec.ws.ps, t * V, V) : sampleIndex(dec.ws.ps, t * V, V, tau, o.rng!);
    inputs.push(k);
    outputs.push(next);
    if (next === BOUNDARY) ended = true;
    else tokens.push(next);
    k = next;
  }
  const T = inputs.length;
  return {
    tokens,
    ended,
    trace: { inputs: Int32Array.from(inputs), outputs: Int32Array.from(outputs), h: dec.hidden(T), c: dec.cellState(T), probs: dec.ws.ps.slice(0, T * V), losses: new Float64Array(0) },
  };
}
