import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session';
import { runTrace } from '../../src/engine/trace';
import { ACTIVATIONS } from '../../src/engine/types';
import type { Activation, CellKind, HeadKind, TruncMode } from '../../src/engine/types';
import { centralDifference, headLoss, randomFixture, relErr, slice } from './fixtures';
import type { Fixture } from './fixtures';

const TOL = 1e-6;

const combos: [CellKind, Activation][] = [
  ...ACTIVATIONS.map((a): [CellKind, Activation] => ['rnn', a]),
  ['lstm', 'tanh'],
  ['gru', 'tanh'],
];
const heads: HeadKind[] = ['softmax', 'linear'];

/** The chunk [start, end] (inclusive) of step t for chunks of k steps in a sequence of T. */
const chunkOf = (t: number, k: number, T: number): [number, number] => {
  const s = Math.floor(t / k) * k;
  return [s, Math.min(T, s + k) - 1];
};

/**
 * The chunked objective of TBPTT(k, k): (1/N) Σ_chunks Σ_{τ in chunk} ℓ_τ, each chunk run from a detached copy of
 * the boundary state (h and c just before its first step, from the unperturbed forward pass); the first chunk starts
 * from h0, c0 themselves, which stay variables.
 */
function chunkedObjective(f: Fixture, k: number): () => number {
  const { net, seq, h0, c0 } = f;
  const { inputSize: I, outputSize: O, hiddenSize: H, head } = net.shape;
  net.forward(seq, h0, c0);
  const N = net.scored;
  const hs = net.ws.hs.slice();
  const cs = net.ws.cs.slice();
  const T = seq.length;
  return () => {
    let sum = 0;
    for (let s = 0; s < T; s += k) {
      const sub = slice(seq, s, Math.min(T, s + k) - 1, I, O, head);
      const n = sub.mask.reduce((a, b) => a + b, 0);
      if (n === 0) continue;
      const start = s === 0 ? h0 : hs.slice(s * H, (s + 1) * H);
      const cStart = s === 0 ? c0 : net.shape.cell === 'lstm' ? cs.slice(s * H, (s + 1) * H) : undefined;
      sum += net.forward(sub, start, cStart) * n;
    }
    return sum / N;
  };
}

/** Gradient, ∂/∂h0, ∂/∂c0, and recorded dh_t, dc_t of one backward pass. */
function backward(f: Fixture, truncate: number, truncMode?: TruncMode) {
  const { net, seq, h0, c0 } = f;
  net.forward(seq, h0, c0);
  net.grad.fill(0);
  net.backward(seq, { truncate, truncMode, record: true });
  return { grad: net.grad.slice(), dh0: net.ws.dh0.slice(), dc0: net.ws.dc0.slice(), dh: net.ws.dhRec.slice(), dc: net.ws.dcRec.slice() };
}

/**
 * Chunked truncated BPTT (the default) is the exact gradient of the chunked objective: the gradient stops at every
 * chunk boundary [0, k), [k, 2k), …, so h_{s−1} and c_{s−1} are constants for the losses of the chunk starting at s.
 */
describe.each(combos)('chunked truncated BPTT, TBPTT(k, k), of %s/%s', (cell, act) => {
  it.each(heads.flatMap((h) => [2, 3].map((k): [HeadKind, number] => [h, k])))('equals finite differences of the chunked objective (%s head, k = %i)', (head, k) => {
    const f = randomFixture(41 + k, cell, act, head, { T: 7, nullEvery: 3 });
    const analytic = backward(f, k); // truncMode absent: chunk is the default
    const L = chunkedObjective(f, k);
    const { net, h0, c0 } = f;
    let worst = 0;
    for (let i = 0; i < net.theta.length; i++) worst = Math.max(worst, relErr(analytic.grad[i], centralDifference(net.theta, i, L)));
    for (let j = 0; j < h0.length; j++) worst = Math.max(worst, relErr(analytic.dh0[j], centralDifference(h0, j, L)));
    if (cell === 'lstm') for (let j = 0; j < c0.length; j++) worst = Math.max(worst, relErr(analytic.dc0[j], centralDifference(c0, j, L)));
    expect(worst).toBeLessThan(TOL);
    expect(f.seq.mask.includes(0)).toBe(true); // the fixture really has unscored steps
  });

  it.each(heads)('recorded dh_t (and dc_t) are ∂/∂h_t (∂/∂c_t) of the chunked objective: the rest of t\'s chunk only (%s head)', (head) => {
    const k = 3;
    const f = randomFixture(29, cell, act, head, { T: 8 });
    const { net, seq, c0 } = f;
    const { inputSize: I, outputSize: O, hiddenSize: H } = net.shape;
    const { dh, dc } = backward(f, k);
    const N = net.scored;
    const hs = net.ws.hs.slice();
    const cs = net.ws.cs.slice();
    const acts = net.ws.act.slice();
    const T = seq.length;
    for (let t = 0; t < T; t++) {
      // ℓ_t(h_t)/N + (Σ_{t<τ≤end} ℓ_τ)/N, the rest of the chunk run from (h_t, c_t); later chunks do not depend on h_t
      const end = chunkOf(t, k, T)[1];
      const rest = t < end ? slice(seq, t + 1, end, I, O, head) : null;
      const n = rest ? rest.mask.reduce((a, b) => a + b, 0) : 0;
      const h = hs.slice((t + 1) * H, (t + 2) * H);
      const c = cell === 'lstm' ? cs.slice((t + 1) * H, (t + 2) * H) : c0;
      const L = () => headLoss(f, t, h) / N + (rest && n > 0 ? (net.forward(rest, h, c) * n) / N : 0);
      for (let j = 0; j < H; j++) expect(relErr(dh[t * H + j], centralDifference(h, j, L))).toBeLessThan(TOL);
      if (cell !== 'lstm') continue;
      const o = acts.slice(t * 4 * H + 3 * H, t * 4 * H + 4 * H);
      const Lc = () => {
        for (let j = 0; j < H; j++) h[j] = o[j] * Math.tanh(c[j]);
        return L();
      };
      for (let j = 0; j < H; j++) expect(relErr(dc[t * H + j], centralDifference(c, j, Lc))).toBeLessThan(TOL);
    }
    // at the last step of a chunk nothing flows in from the next chunk: dh is the head's term alone
    expect(dh.subarray(2 * H, 3 * H).some((v) => v !== 0)).toBe(true);
    f.seq.mask[2] = 0;
    const cut = backward(f, k);
    expect(Array.from(cut.dh.subarray(2 * H, 3 * H))).toEqual(new Array(H).fill(0));
  });
});

/**
 * Window truncation (Williams & Peng 1990, BPTT(h)) is the exact gradient of
 * (1/N) Σ_τ ℓ_τ(θ; h_{τ−k}, c_{τ−k} held constant): each scored step τ is re-run from the stored
 * state k steps back with θ perturbed, and only ℓ_τ is counted.
 */
describe.each<CellKind>(['rnn', 'lstm', 'gru'])('window truncated BPTT of %s', (cell) => {
  it.each([1, 2, 3])('equals finite differences of the windowed objective, k = %i', (k) => {
    const f = randomFixture(31 + k, cell, 'tanh', 'softmax', { T: 7, nullEvery: 3 });
    const { net, seq, h0, c0 } = f;
    const { inputSize: I, outputSize: O, hiddenSize: H } = net.shape;
    net.forward(seq, h0, c0);
    const N = net.scored;
    const hs = net.ws.hs.slice();
    const cs = net.ws.cs.slice();
    net.grad.fill(0);
    net.backward(seq, { truncate: k, truncMode: 'window' });
    const analytic = net.grad.slice();
    const windowed = () => {
      let sum = 0;
      for (let tau = 0; tau < seq.length; tau++) {
        if (seq.mask[tau] !== 1) continue;
        const a = Math.max(0, tau - k + 1);
        const start = a === 0 ? h0 : hs.slice(a * H, (a + 1) * H);
        const cStart = a === 0 ? c0 : cs.length ? cs.slice(a * H, (a + 1) * H) : undefined;
        sum += net.forward(slice(seq, a, tau, I, O, 'softmax', (t) => t === tau), start, cStart);
      }
      return sum / N;
    };
    let worst = 0;
    for (let i = 0; i < net.theta.length; i++) worst = Math.max(worst, relErr(analytic[i], centralDifference(net.theta, i, windowed)));
    expect(worst).toBeLessThan(TOL);
  });
});

describe.each<CellKind>(['rnn', 'lstm', 'gru'])('truncation modes of %s', (cell) => {
  const f = randomFixture(8, cell, 'tanh', 'linear', { T: 6 });
  const grads = (k: number, truncMode?: TruncMode) => backward(f, k, truncMode).grad;
  const whBlock = () => f.net.layout.find(cell === 'rnn' ? 'Whh' : cell === 'lstm' ? 'Whf' : 'Whz')!;
  const maxDiff = (a: Float64Array, b: Float64Array) => {
    const w = whBlock();
    let d = 0;
    for (let i = w.offset; i < w.offset + w.rows * w.cols; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
    return d;
  };

  it('both equal full BPTT exactly when k ≥ T', () => {
    const full = Array.from(grads(0));
    for (const mode of [undefined, 'chunk', 'window'] as const) {
      expect(Array.from(grads(6, mode))).toEqual(full);
      expect(Array.from(grads(50, mode))).toEqual(full);
    }
  });

  it('both differ from full BPTT when k < T, and from each other', () => {
    const full = grads(0);
    expect(maxDiff(grads(2, 'chunk'), full)).toBeGreaterThan(1e-6);
    expect(maxDiff(grads(2, 'window'), full)).toBeGreaterThan(1e-6);
    expect(maxDiff(grads(2, 'chunk'), grads(2, 'window'))).toBeGreaterThan(1e-6);
    expect(Array.from(grads(2))).toEqual(Array.from(grads(2, 'chunk'))); // chunk is the default
  });

  it('k = 1: both modes keep only each step\'s own error, so they agree', () => {
    expect(Array.from(grads(1, 'chunk'))).toEqual(Array.from(grads(1, 'window')));
  });
});

describe('the mode reaches training, inspection and traces', () => {
  it('a session trains and inspects with its truncMode, and the trace command reads truncMode', () => {
    const base = { task: { kind: 'sine', seqLength: 12 }, model: { cell: 'lstm', hiddenSize: 4 }, batch: 2, seed: 3, truncate: 4 };
    const dhOf = (truncMode?: TruncMode) => {
      const s = new Session({ ...base, truncMode });
      expect(s.config.truncMode).toBe(truncMode ?? 'chunk');
      const seq = s.task.evalSet()[0];
      s.net.forward(seq);
      s.net.backward(seq, { record: true, truncate: 4, truncMode: truncMode ?? 'chunk', grad: new Float64Array(s.net.theta.length) });
      const direct = s.net.ws.dhRec.slice(0, seq.length * 4);
      const rec = s.inspect(0);
      expect(Array.from(rec.dh)).toEqual(Array.from(direct));
      s.train(3);
      return { dh: rec.dh, theta: s.net.theta.slice() };
    };
    const chunk = dhOf('chunk');
    const win = dhOf('window');
    expect(Array.from(dhOf().theta)).toEqual(Array.from(chunk.theta));
    expect(Array.from(win.theta)).not.toEqual(Array.from(chunk.theta));
    const f = randomFixture(5, 'rnn', 'tanh', 'softmax', { T: 5, nullEvery: 0 });
    const spec = {
      cell: 'rnn', inputSize: 3, hiddenSize: 4, outputSize: 3, output: 'softmax',
      weights: Object.fromEntries(f.net.layout.blocks.map((b) => {
        const v = Array.from(f.net.theta.subarray(b.offset, b.offset + b.rows * b.cols));
        return [b.name, b.vector ? v : Array.from({ length: b.rows }, (_, r) => v.slice(r * b.cols, (r + 1) * b.cols))];
      })),
      inputs: Array.from({ length: 5 }, (_, t) => Array.from(f.seq.inputs.subarray(t * 3, t * 3 + 3))),
      targets: Array.from(f.seq.targets),
      truncate: 2,
    };
    const traced = (truncMode?: TruncMode) => runTrace(truncMode ? { ...spec, truncMode } : spec).grads.Whh;
    for (const mode of ['chunk', 'window'] as const) {
      f.net.forward(f.seq);
      f.net.grad.fill(0);
      f.net.backward(f.seq, { truncate: 2, truncMode: mode });
      const whh = f.net.layout.find('Whh')!;
      expect((traced(mode) as number[][]).flat()).toEqual(Array.from(f.net.grad.subarray(whh.offset, whh.offset + 16)));
    }
    expect(traced()).toEqual(traced('chunk'));
    expect(traced('window')).not.toEqual(traced('chunk'));
  });
});
