import { describe, it, expect } from 'vitest';
import { EngineError } from '../../src/engine/errors';
import { eigenvalues, frobeniusNorm, largestSingularValue, matMul, orthogonal, spectralRadius, transpose } from '../../src/engine/linalg';
import { Rng } from '../../src/engine/rng';

type C = [number, number];

/** Eigenvalues as [re, im] pairs. */
function eigs(a: ArrayLike<number>, n: number): C[] {
  const { re, im } = eigenvalues(Float64Array.from(a), n);
  return Array.from(re, (r, i): C => [r, im[i]]);
}

/** Each wanted eigenvalue matches a distinct computed one within tol (a multiset comparison, immune to sort ties). */
function expectEigs(got: C[], want: C[], tol: number): void {
  expect(got.length).toBe(want.length);
  const used = new Set<number>();
  for (const [r, i] of want) {
    const k = got.findIndex(([a, b], j) => !used.has(j) && Math.abs(a - r) <= tol && Math.abs(b - i) <= tol);
    expect(k, `no computed eigenvalue within ${tol} of ${r} + ${i}i in ${JSON.stringify(got)}`).toBeGreaterThanOrEqual(0);
    used.add(k);
  }
}

function gaussian(n: number, m: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n * m }, () => rng.normal());
}

/** det(A) by LU with partial pivoting (independent of the QR code under test). */
function luDet(a0: Float64Array, n: number): number {
  const a = Float64Array.from(a0);
  let det = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) [a[k * n + j], a[p * n + j]] = [a[p * n + j], a[k * n + j]];
      det = -det;
    }
    const piv = a[k * n + k];
    det *= piv;
    for (let i = k + 1; i < n; i++) {
      const f = a[i * n + k] / piv;
      for (let j = k; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return det;
}

/** Companion matrix of the monic polynomial with these roots (conjugate pairs given once, im > 0). */
function companion(real: number[], pairs: C[]): { a: Float64Array; n: number } {
  let poly = [1]; // coefficients, highest power first
  const mul = (q: number[]): void => {
    const out = new Array<number>(poly.length + q.length - 1).fill(0);
    poly.forEach((p, i) => q.forEach((c, j) => (out[i + j] += p * c)));
    poly = out;
  };
  for (const r of real) mul([1, -r]);
  for (const [re, im] of pairs) mul([1, -2 * re, re * re + im * im]);
  const n = poly.length - 1;
  const a = new Float64Array(n * n);
  for (let i = 1; i < n; i++) a[i * n + i - 1] = 1; // ones on the subdiagonal
  for (let i = 0; i < n; i++) a[i * n + n - 1] = -poly[n - i]; // last column: −c_i for x^i
  return { a, n };
}

describe('eigenvalues', () => {
  it('reads a diagonal and a triangular matrix off the diagonal', () => {
    expectEigs(eigs([3, 0, 0, 0, -1, 0, 0, 0, 0.5], 3), [[3, 0], [-1, 0], [0.5, 0]], 1e-15);
    const upper = [2, 7, -3, 1, 0, -4, 5, 9, 0, 0, 0.25, -6, 0, 0, 0, 11];
    expectEigs(eigs(upper, 4), [[2, 0], [-4, 0], [0.25, 0], [11, 0]], 1e-13);
    const lower = transpose(Float64Array.from(upper), 4, 4);
    expectEigs(eigs(lower, 4), [[2, 0], [-4, 0], [0.25, 0], [11, 0]], 1e-12);
  });

  it('gives cos θ ± i sin θ for a rotation by θ', () => {
    const th = 0.7;
    const { re, im } = eigenvalues(Float64Array.from([Math.cos(th), -Math.sin(th), Math.sin(th), Math.cos(th)]), 2);
    expect(re[0]).toBeCloseTo(Math.cos(th), 15);
    expect(re[1]).toBeCloseTo(Math.cos(th), 15);
    expect(im[0]).toBeCloseTo(Math.sin(th), 15); // sorted: +im first within a pair
    expect(im[1]).toBeCloseTo(-Math.sin(th), 15);
    expect(spectralRadius(Float64Array.from([Math.cos(th), -Math.sin(th), Math.sin(th), Math.cos(th)]), 2)).toBeCloseTo(1, 15);
  });

  it('finds the roots of a polynomial from its companion matrix, complex ones included', () => {
    const { a, n } = companion([1, -2, 3], [[1, 2], [-0.5, 0.5]]);
    expect(n).toBe(7);
    expectEigs(eigs(a, n), [[1, 0], [-2, 0], [3, 0], [1, 2], [1, -2], [-0.5, 0.5], [-0.5, -0.5]], 1e-10);
  });

  it('handles repeated eigenvalues, defective or not', () => {
    // (x − 2)²(x + 1): a defective double root is only accurate to about √ε.
    const { a, n } = companion([2, 2, -1], []);
    expectEigs(eigs(a, n), [[-1, 0], [2, 0], [2, 0]], 1e-6);
    expectEigs(eigs([2, 1, 0, 2], 2), [[2, 0], [2, 0]], 0);
    // Q diag(5, 2, 2, 2) Qᵀ is symmetric with a triple eigenvalue, which stays accurate to ~ε‖A‖.
    const q = orthogonal(4, new Rng(11));
    const d = Float64Array.from([5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2]);
    const s = matMul(matMul(q, d, 4, 4, 4), transpose(q, 4, 4), 4, 4, 4);
    expectEigs(eigs(s, 4), [[5, 0], [2, 0], [2, 0], [2, 0]], 1e-13);
  });

  it('returns zeros for the zero matrix and the entry of a 1×1 matrix', () => {
    expectEigs(eigs(new Float64Array(25), 5), Array.from({ length: 5 }, (): C => [0, 0]), 0);
    expectEigs(eigs([-4.5], 1), [[-4.5, 0]], 0);
    expect(spectralRadius(new Float64Array(9), 3)).toBe(0);
  });

  it('converges on cyclic permutations, where the standard shifts alone stall', () => {
    for (const n of [3, 4, 8, 17]) {
      const p = new Float64Array(n * n);
      for (let i = 0; i < n; i++) p[((i + 1) % n) * n + i] = 1;
      const roots = Array.from({ length: n }, (_, k): C => [Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)]);
      expectEigs(eigs(p, n), roots, 1e-12);
    }
  });

  it('keeps the eigenvalues of a badly scaled similarity D A D⁻¹ (balancing)', () => {
    const n = 6;
    const a = gaussian(n, n, 5);
    const b = new Float64Array(n * n);
    const d = [1e-6, 1e-3, 1, 1e3, 1e6, 1e9];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i * n + j] = (d[i] * a[i * n + j]) / d[j];
    const want = eigs(a, n);
    expectEigs(eigs(b, n), want, 1e-12 * spectralRadius(a, n));
  });

  it('on a random 50×50 Gaussian matrix, Σλ = trace and Πλ = det (LU) to 1e-8 relative', () => {
    const n = 50;
    const a = gaussian(n, n, 2024);
    const { re, im } = eigenvalues(a, n);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i];
    const sumRe = re.reduce((s, x) => s + x, 0);
    const sumIm = im.reduce((s, x) => s + x, 0);
    const scale = re.reduce((s, x, i) => s + Math.hypot(x, im[i]), 0); // Σ|λ|, the size the sum is relative to
    expect(Math.abs(sumRe - trace)).toBeLessThan(1e-8 * scale);
    expect(Math.abs(sumIm)).toBeLessThan(1e-8 * scale);
    let pr = 1;
    let pi = 0;
    for (let i = 0; i < n; i++) [pr, pi] = [pr * re[i] - pi * im[i], pr * im[i] + pi * re[i]];
    const det = luDet(a, n);
    expect(Math.abs(det)).toBeGreaterThan(1e20); // a sanity check that the product is not trivially small
    expect(Math.abs(pr - det)).toBeLessThan(1e-8 * Math.abs(det));
    expect(Math.abs(pi)).toBeLessThan(1e-8 * Math.abs(det));
    // Complex eigenvalues come in exact conjugate pairs, sorted by |λ| descending.
    for (let i = 0; i < n; i++) {
      if (im[i] > 0) expect([re[i + 1], im[i + 1]]).toEqual([re[i], -im[i]]);
      if (i > 0) expect(Math.hypot(re[i], im[i])).toBeLessThanOrEqual(Math.hypot(re[i - 1], im[i - 1]));
    }
  });

  it('reads a matrix that is a view into a larger array, and leaves it unchanged', () => {
    const big = Float64Array.from([9, 9, 1, 2, 3, 4, 9, 9]);
    const view = big.subarray(2, 6);
    const before = Array.from(big);
    expectEigs(eigs(view, 2), eigs([1, 2, 3, 4], 2), 0);
    expect(spectralRadius(view, 2)).toBeCloseTo((5 + Math.sqrt(33)) / 2, 14);
    expect(Array.from(big)).toEqual(before);
  });

  it('throws an EngineError on NaN or ±∞, a short array or a bad size', () => {
    const bad = (f: () => unknown, code: string): void => {
      let err: unknown;
      try { f(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).code).toBe(code);
    };
    bad(() => eigenvalues(Float64Array.from([1, NaN, 0, 1]), 2), 'non-finite');
    bad(() => spectralRadius(Float64Array.from([1, 0, Infinity, 1]), 2), 'non-finite');
    bad(() => largestSingularValue(Float64Array.from([1, 2, -Infinity]), 1, 3), 'non-finite');
    bad(() => eigenvalues(new Float64Array(3), 2), 'bad-shape');
    bad(() => eigenvalues(new Float64Array(4), 0), 'bad-shape');
    bad(() => largestSingularValue(new Float64Array(4), 2, 2.5), 'bad-shape');
    bad(() => orthogonal(0, new Rng(1)), 'bad-config');
    bad(() => orthogonal(3, {} as Rng), 'bad-config');
    bad(() => matMul(new Float64Array(5), new Float64Array(6), 2, 3, 2), 'bad-shape');
    bad(() => frobeniusNorm(Float64Array.from([1, NaN]), 1, 2), 'non-finite');
  });
});

describe('spectralRadius and largestSingularValue', () => {
  it('agree on a random symmetric matrix (ρ = σ_max for symmetric A)', () => {
    const n = 20;
    const g = gaussian(n, n, 7);
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = (g[i * n + j] + g[j * n + i]) / 2;
    const rho = spectralRadius(s, n);
    expect(rho).toBeGreaterThan(1);
    expect(Math.abs(largestSingularValue(s, n, n) - rho)).toBeLessThan(1e-8 * rho);
  });

  it('scales with |s| when the matrix is scaled by s, across the floating-point range', () => {
    const n = 12;
    const a = gaussian(n, n, 3);
    const rho = spectralRadius(a, n);
    const sig = largestSingularValue(a, n, n);
    for (const s of [-2.5, 3.7, 1e-200, -1e200]) {
      const b = a.map((x) => s * x);
      expect(Math.abs(spectralRadius(b, n) - Math.abs(s) * rho)).toBeLessThan(1e-12 * Math.abs(s) * rho);
      expect(Math.abs(largestSingularValue(b, n, n) - Math.abs(s) * sig)).toBeLessThan(1e-9 * Math.abs(s) * sig);
    }
  });

  it('σ_max(u vᵀ) = ‖u‖‖v‖ for a rank-one matrix', () => {
    const u = Float64Array.from([1, -2, 0.5, 3]);
    const v = Float64Array.from([0.3, 0, -1.2, 2, 0.7, -0.1]);
    const a = matMul(u, v, 4, 1, 6);
    expect(largestSingularValue(a, 4, 6)).toBeCloseTo(frobeniusNorm(u, 4, 1) * frobeniusNorm(v, 6, 1), 12);
  });

  it('is 0 for A = 0 and handles a repeated top singular value and non-square shapes', () => {
    expect(largestSingularValue(new Float64Array(12), 3, 4)).toBe(0);
    // Every singular value of an orthogonal matrix is 1.
    expect(largestSingularValue(orthogonal(16, new Rng(4)), 16, 16)).toBeCloseTo(1, 12);
    // diag(3, 3, 1) between orthogonal factors: σ = (3, 3, 1), repeated at the top.
    const p = orthogonal(3, new Rng(5));
    const q = orthogonal(3, new Rng(6));
    const a = matMul(matMul(p, Float64Array.from([3, 0, 0, 0, 3, 0, 0, 0, 1]), 3, 3, 3), q, 3, 3, 3);
    expect(Math.abs(largestSingularValue(a, 3, 3) - 3)).toBeLessThan(1e-9 * 3); // converged to 1e-10 relative change
    // A 5×3 matrix: σ_max² is the largest eigenvalue of AᵀA.
    const r = gaussian(5, 3, 8);
    const ata = matMul(transpose(r, 5, 3), r, 3, 5, 3);
    const want = Math.sqrt(spectralRadius(ata, 3));
    expect(Math.abs(largestSingularValue(r, 5, 3) - want)).toBeLessThan(1e-9 * want);
    expect(Math.abs(largestSingularValue(transpose(r, 5, 3), 3, 5) - want)).toBeLessThan(1e-9 * want);
  });

  it('stays accurate when σ₂/σ₁ = 0.999, where power iteration alone is too slow', () => {
    const n = 6;
    const d = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? [1, 0.999, 0.5, 0.3, 0.2, 0.1][k / (n + 1)] : 0));
    for (const seed of [1, 2, 3]) {
      const a = matMul(matMul(orthogonal(n, new Rng(seed)), d, n, n, n), orthogonal(n, new Rng(seed + 10)), n, n, n);
      expect(Math.abs(largestSingularValue(a, n, n) - 1)).toBeLessThan(1e-10);
    }
  });

  it('finds σ_max when the top right singular vector is orthogonal to a naive all-ones start', () => {
    // A = 2 u₁v₁ᵀ + u₂v₂ᵀ with v₁ = (1, −1)/√2 ⟂ (1, 1): power iteration from (1, 1) would return 1.
    const a = Float64Array.from([1.5, -0.5, -0.5, 1.5]); // u = v here: A = V diag(2, 1) Vᵀ
    expect(Math.abs(largestSingularValue(a, 2, 2) - 2)).toBeLessThan(1e-9);
    // A (1, 1)ᵀ = 0 for [[1, −1]]: σ_max = √2.
    expect(Math.abs(largestSingularValue(Float64Array.from([1, -1]), 1, 2) - Math.SQRT2)).toBeLessThan(1e-12);
  });
});

describe('orthogonal', () => {
  it('satisfies QᵀQ = I to 1e-12 and has every |λ| = 1', () => {
    for (const n of [1, 2, 5, 32]) {
      const q = orthogonal(n, new Rng(100 + n));
      const qtq = matMul(transpose(q, n, n), q, n, n, n);
      let err = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) err = Math.max(err, Math.abs(qtq[i * n + j] - (i === j ? 1 : 0)));
      expect(err).toBeLessThan(1e-12);
      const { re, im } = eigenvalues(q, n);
      re.forEach((r, i) => expect(Math.abs(Math.hypot(r, im[i]) - 1)).toBeLessThan(1e-10));
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(Array.from(orthogonal(6, new Rng(42)))).toEqual(Array.from(orthogonal(6, new Rng(42))));
    expect(Array.from(orthogonal(6, new Rng(42)))).not.toEqual(Array.from(orthogonal(6, new Rng(43))));
  });

  it('is Haar-distributed: E[q_ij] = 0, E[q_ij²] = 1/n, and det = ±1 equally often', () => {
    // Without the sign correction Q·diag(sign r_kk), Householder QR gives q_00 = −|g_0|/‖g‖ < 0 always.
    const n = 3;
    const N = 4000;
    const rng = new Rng(9);
    const mean = new Float64Array(n * n);
    const sq = new Float64Array(n * n);
    let negDet = 0;
    for (let s = 0; s < N; s++) {
      const q = orthogonal(n, rng);
      q.forEach((x, k) => { mean[k] += x / N; sq[k] += (x * x) / N; });
      const { re, im } = eigenvalues(q, n);
      let pr = 1;
      let pi = 0;
      for (let i = 0; i < n; i++) [pr, pi] = [pr * re[i] - pi * im[i], pr * im[i] + pi * re[i]];
      if (pr < 0) negDet++;
    }
    // sd of each q_ij is 1/√n, so sd of a mean of N is 1/√(nN) ≈ 0.009; allow 5 sd.
    mean.forEach((m) => expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(n * N)));
    sq.forEach((m) => expect(Math.abs(m - 1 / n)).toBeLessThan(0.03));
    expect(Math.abs(negDet / N - 0.5)).toBeLessThan(5 * 0.5 / Math.sqrt(N));
  });
});

describe('helpers', () => {
  it('multiply, transpose and take the Frobenius norm', () => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 6]); // 2×3
    const b = Float64Array.from([7, 8, 9, 10, 11, 12]); // 3×2
    expect(Array.from(matMul(a, b, 2, 3, 2))).toEqual([58, 64, 139, 154]);
    expect(Array.from(transpose(a, 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
    expect(frobeniusNorm(a, 2, 3)).toBeCloseTo(Math.sqrt(91), 14);
    expect(frobeniusNorm(Float64Array.from([3e200, 4e200]), 1, 2) / 5e200).toBeCloseTo(1, 14); // no overflow in Σa²
  });
});
