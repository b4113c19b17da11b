/**
 * Eigenvalues clustered far from 0: W_hh = I + a small change is what an IRNN (identity init) holds after its first
 * steps, and the Francis QR used to spend tens of thousands of sweeps on it, then give up (ρ shown as "—"). The
 * spectrum of I + δR must be 1 + the spectrum of δR, which the QR finds without trouble (its eigenvalues are not
 * clustered relative to their size).
 */
import { describe, expect, it } from 'vitest';
import { eigenvalues, spectralRadius } from '../../src/engine/linalg';
import { Rng } from '../../src/engine/rng';
import { Session } from '../../src/engine/session';

/** (re, im) pairs sorted by re, then im: a canonical order to compare two spectra. */
function sorted(e: { re: Float64Array; im: Float64Array }): [number, number][] {
  return Array.from(e.re, (r, i): [number, number] => [r, e.im[i]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('eigenvalues of matrices clustered around a large value', () => {
  for (const n of [8, 32, 64]) {
    for (const delta of [1e-2, 1e-5]) {
      it(`I·c + δR (n = ${n}, δ = ${delta}, c = 1 and 1000): the spectrum of δR shifted by c`, () => {
        for (const seed of [1, 2, 3]) {
          const rng = new Rng(seed);
          const r = Float64Array.from({ length: n * n }, () => delta * (2 * rng.next() - 1));
          const small = sorted(eigenvalues(r, n));
          for (const c of [1, 1000]) {
            const w = r.slice();
            for (let i = 0; i < n; i++) w[i * n + i] += c;
            const big = sorted(eigenvalues(w, n));
            // adding c to the diagonal rounds each diagonal entry by at most ulp(c)/2: the eigenvalues move by about that
            const tol = 64 * c * Number.EPSILON + 1e-6 * delta;
            for (let i = 0; i < n; i++) {
              expect(Math.abs(big[i][0] - (small[i][0] + c))).toBeLessThan(tol);
              expect(Math.abs(big[i][1] - small[i][1])).toBeLessThan(tol);
            }
          }
        }
      });
    }
  }

  it('an IRNN’s recurrent spectrum reads at every step of its first 1,000 (identity init, ReLU, three seeds)', () => {
    for (const seed of [1, 2, 3]) {
      const s = new Session({ task: { kind: 'adding', seqLength: 20 }, model: { cell: 'rnn', activation: 'relu', hiddenSize: 32 }, init: { scheme: 'identity', recurrentScale: 1 }, seed });
      for (const n of [1, 2, 10, 100, 1000]) {
        s.train(n - s.step);
        const [info] = s.spectral();
        // before the fix every one of these threw "QR iteration did not converge" (seed 1: steps 1, 10, 100, 1,000)
        expect(Number.isFinite(info.radius)).toBe(true);
        expect(info.radius).toBeGreaterThan(0.9);
        expect(info.radius).toBeLessThan(1.5);
      }
    }
  });

  it('ρ(I) = 1 and ρ(c·I) = c exactly, with no sweep to spend', () => {
    for (const n of [1, 2, 5, 32]) {
      const eye = new Float64Array(n * n);
      for (let i = 0; i < n; i++) eye[i * n + i] = 1;
      expect(spectralRadius(eye, n)).toBe(1);
      expect(spectralRadius(eye.map((v) => 3 * v), n)).toBe(3);
    }
  });
});
