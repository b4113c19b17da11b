import { describe, expect, it } from 'vitest';
import { FastPath } from '../../../src/engine/fast/path';
import type { Network } from '../../../src/engine/network';
import { Rng } from '../../../src/engine/rng';
import type { Activation, CellKind, ForgetGate, HeadKind, Recurrence, Sequence, TruncMode } from '../../../src/engine/types';
import { randomFixture } from '../fixtures';

/**
 * Tolerances of the float32 path against the Float64 one, relative to the size of what is compared. A float32
 * roundoff is u = 2⁻²⁴ ≈ 6e−8; a sum of n products carries ~√n·u (worst n·u), and the error of a step reaches the
 * next through the recurrence, so over these shapes (n ≤ 48, T ≤ 40, stable weights) we expect 1e−7…1e−6. 400
 * random cases measured at most 4e−7 for the loss, 1e−6 for the forward values and 1.2e−6 for the gradient (the
 * linear RNN, whose error no nonlinearity squashes). The bounds leave a margin of 10–20 over that, and are still
 * far below any real mistake (a wrong term is O(1) relative).
 */
const LOSS_TOL = 1e-5;
/** h_t, c_t, y_t and p_t of the forward pass, relative to the largest of them (and at least 1) */
const VALUE_TOL = 1e-5;
const GRAD_TOL = 2e-5;

/** One forward pass (its h, c, y, p), loss and gradient by each path on the same network and sequence. */
function both(net: Network, seq: Sequence, opts: { truncate: number; truncMode: TruncMode; scale: number }) {
  const { hiddenSize: H, outputSize: O, cell, head } = net.shape;
  const T = seq.length;
  const l64 = net.forward(seq);
  const ws = net.ws;
  const v64 = { h: ws.hs.slice(H, (T + 1) * H), c: cell === 'lstm' ? ws.cs.slice(H, (T + 1) * H) : null, y: ws.ys.slice(0, T * O), p: head === 'softmax' ? ws.ps.slice(0, T * O) : null };
  net.grad.fill(0);
  net.backward(seq, opts);
  const g64 = net.grad.slice();
  const fast = FastPath.create(net);
  if (!fast) throw new Error(`no fast path here: ${FastPath.unavailable()}`);
  fast.loadWeights();
  const l32 = fast.forward(seq);
  const v32 = { h: fast.values('h'), c: cell === 'lstm' ? fast.values('c') : null, y: fast.values('y'), p: head === 'softmax' ? fast.values('p') : null };
  fast.backward(seq, opts);
  const g32 = new Float64Array(g64.length);
  fast.readGradient(g32);
  return { l64, l32, g64, g32, v64, v32 };
}

/** max_i |a_i − b_i| / max(max_i |b_i|, 1): float32 error is relative to the size of the values around it. */
function valueError(a: Float64Array, b: Float64Array): number {
  let d = 0;
  let m = 1;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

/** ‖a − b‖ / ‖b‖ and max|a − b| / max|b| (0 when b = 0 and a = b). */
function gradError(a: Float64Array, b: Float64Array): { normwise: number; entrywise: number } {
  let d2 = 0;
  let b2 = 0;
  let dmax = 0;
  let bmax = 0;
  for (let i = 0; i < b.length; i++) {
    d2 += (a[i] - b[i]) ** 2;
    b2 += b[i] ** 2;
    dmax = Math.max(dmax, Math.abs(a[i] - b[i]));
    bmax = Math.max(bmax, Math.abs(b[i]));
  }
  return { normwise: b2 > 0 ? Math.sqrt(d2 / b2) : Math.sqrt(d2), entrywise: bmax > 0 ? dmax / bmax : dmax };
}

const cells: [CellKind, Activation, ForgetGate][] = [
  ['rnn', 'tanh', 'sigmoid'], ['rnn', 'relu', 'sigmoid'], ['rnn', 'sigmoid', 'sigmoid'], ['rnn', 'linear', 'sigmoid'],
  ['lstm', 'tanh', 'sigmoid'], ['lstm', 'tanh', 'tanh'], ['gru', 'tanh', 'sigmoid'],
];
const heads: HeadKind[] = ['softmax', 'linear'];
const truncations: [number, TruncMode][] = [[0, 'chunk'], [3, 'chunk'], [4, 'window']];
const recurrences: Recurrence[] = ['on', 'off'];

describe.each(cells)('the fast path of %s (%s, forget gate %s) against the Float64 reference', (cell, activation, forgetGate) => {
  it('gives the same loss and gradient over random shapes, heads, inputs, masks, recurrence and truncation', () => {
    const rng = new Rng(cell.length * 101 + activation.length * 7 + forgetGate.length);
    let cases = 0;
    for (const head of heads) {
      for (const oneHot of [true, false]) {
        for (const [truncate, truncMode] of truncations) {
          for (const recurrence of recurrences) {
            // sizes on both sides of multiples of 4 (the kernels pad to them), T from 1
            const I = 1 + rng.int(11), H = 1 + rng.int(16), O = 1 + rng.int(11), T = 1 + rng.int(40);
            const f = randomFixture(rng.int(1e6), cell, activation, head, {
              I, H, O, T, oneHot, recurrence, forgetGate, nullEvery: rng.int(4), sigma: 0.9 / Math.sqrt(Math.max(I, H)),
            });
            const { l64, l32, g64, g32, v64, v32 } = both(f.net, f.seq, { truncate, truncMode, scale: 0.5 });
            const where = `${head}, ${oneHot ? 'one-hot' : 'dense'}, truncate ${truncate} ${truncMode}, recurrence ${recurrence}, I ${I} H ${H} O ${O} T ${T}`;
            for (const k of ['h', 'c', 'y', 'p'] as const) {
              const [a, b] = [v32[k], v64[k]];
              expect(a === null, `${k}: ${where}`).toBe(b === null);
              if (a && b) expect(valueError(a, b), `${k}: ${where}`).toBeLessThan(VALUE_TOL);
            }
            expect(Math.abs(l32 - l64) / Math.max(Math.abs(l64), 1e-3), where).toBeLessThan(LOSS_TOL);
            const e = gradError(g32, g64);
            expect(e.normwise, where).toBeLessThan(GRAD_TOL);
            expect(e.entrywise, where).toBeLessThan(GRAD_TOL);
            if (recurrence === 'off') {
              // the recurrent blocks get exactly nothing, as in the reference
              for (const b of f.net.layout.blocks.filter((x) => x.role === 'recurrent')) {
                expect(g32.subarray(b.offset, b.offset + b.rows * b.cols).every((v) => v === 0), where).toBe(true);
              }
            }
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(24);
  });
});

describe('the fast path over a batch', () => {
  it('accumulates the gradients of several sequences of different lengths (growing its memory) as the reference does', () => {
    const f = randomFixture(5, 'lstm', 'tanh', 'softmax', { I: 6, H: 9, O: 5, T: 10, oneHot: true, sigma: 0.3 });
    const seqs = [10, 3, 70, 25].map((T, k) => randomFixture(50 + k, 'lstm', 'tanh', 'softmax', { I: 6, H: 9, O: 5, T, oneHot: true }).seq);
    const { net } = f;
    const opts = { scale: 1 / seqs.length, truncate: 0 };
    net.grad.fill(0);
    let l64 = 0;
    for (const s of seqs) {
      l64 += net.forward(s);
      net.backward(s, opts);
    }
    const fast = FastPath.create(net)!;
    fast.loadWeights();
    let l32 = 0;
    for (const s of seqs) {
      l32 += fast.forward(s);
      fast.backward(s, opts);
    }
    const g32 = new Float64Array(net.grad.length);
    fast.readGradient(g32);
    expect(Math.abs(l32 - l64) / l64).toBeLessThan(LOSS_TOL);
    expect(gradError(g32, net.grad).normwise).toBeLessThan(GRAD_TOL);
    // the next batch starts from a zero gradient
    fast.loadWeights();
    const next = new Float64Array(net.grad.length).fill(1);
    fast.readGradient(next);
    expect(next.every((v) => v === 0)).toBe(true);
  });

  it('a sequence with no scored step has loss 0 and no gradient, as in the reference', () => {
    const f = randomFixture(8, 'gru', 'tanh', 'linear', { T: 5 });
    f.seq.mask.fill(0);
    const { l32, g32 } = both(f.net, f.seq, { truncate: 0, truncMode: 'chunk', scale: 1 });
    expect(l32).toBe(0);
    expect(g32.every((v) => v === 0)).toBe(true);
  });
});
