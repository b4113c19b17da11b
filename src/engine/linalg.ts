/**
 * Dense linear algebra for inspecting weight matrices: eigenvalues (balancing, Householder reduction
 * to Hessenberg form, Francis double-shift QR; Golub & Van Loan ch. 7, in hessenberg-qr.ts), the
 * spectral radius, the largest singular value (power iteration) and Haar-random orthogonal matrices.
 * Matrices are row-major Float64Arrays with explicit sizes; they may be views into a larger
 * parameter vector, so only the first rows·cols entries are read and inputs are never modified.
 */
import { exponent, hypot, pow2 } from './detmath';
import { EngineError } from './errors';
import { hessenbergQrEigenvalues } from './hessenberg-qr';
import { Rng } from './rng';

/** Power-iteration steps allowed in largestSingularValue. */
export const MAX_POWER_ITERATIONS = 1000;
/** Estimated relative error of σ_max at which power iteration stops. */
const POWER_TOL = 1e-10;
const EPS = 2 ** -52;

/** Throws `bad-shape` unless rows, cols are positive integers and `a` holds rows·cols entries; `non-finite` on NaN/±∞. */
function checkMatrix(a: Float64Array, rows: number, cols: number, path: string): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new EngineError('bad-shape', `matrix sizes must be positive integers, got ${rows}×${cols}`, path);
  }
  if (!(a instanceof Float64Array)) throw new EngineError('bad-shape', 'matrix must be a Float64Array', path);
  if (a.length < rows * cols) {
    throw new EngineError('bad-shape', `a ${rows}×${cols} matrix needs ${rows * cols} entries, got ${a.length}`, path);
  }
  for (let i = 0; i < rows * cols; i++) {
    if (!Number.isFinite(a[i])) {
      throw new EngineError('non-finite', `entry (${Math.floor(i / cols)}, ${i % cols}) is ${a[i]}, a finite number is required`, path);
    }
  }
}

/** e such that |a_ij| / 2^e ∈ [1, 2) for the largest entry (clamped so 2^±e stays finite); dividing by 2^e is exact. */
function scaleExponent(a: Float64Array, len: number): number {
  let m = 0;
  for (let i = 0; i < len; i++) m = Math.max(m, Math.abs(a[i]));
  return m === 0 ? 0 : Math.min(1000, Math.max(-1000, exponent(m)));
}

/** C = A B, with A m×k and B k×n (row-major; returns a new m×n array). */
export function matMul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  checkMatrix(a, m, k, 'matMul.a');
  checkMatrix(b, k, n, 'matMul.b');
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      for (let j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
    }
  }
  return c;
}

/** Aᵀ, for A rows×cols (returns a new cols×rows array). */
export function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  checkMatrix(a, rows, cols, 'transpose');
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

/** ‖A‖_F = √(Σ_ij a_ij²), computed with scaling so it neither overflows nor underflows. */
export function frobeniusNorm(a: Float64Array, rows: number, cols: number): number {
  checkMatrix(a, rows, cols, 'frobeniusNorm');
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < rows * cols; i++) {
    const x = Math.abs(a[i]);
    if (x === 0) continue;
    if (x > scale) {
      const q = scale / x;
      ssq = 1 + ssq * q * q;
      scale = x;
    } else {
      const q = x / scale;
      ssq += q * q;
    }
  }
  return scale * Math.sqrt(ssq);
}

/** All eigenvalues λ (det(A − λI) = 0) of a real n×n matrix, as re + i·im, sorted by |λ| descending (conjugate pairs adjacent, +im first). */
export function eigenvalues(a: Float64Array, n: number): { re: Float64Array; im: Float64Array } {
  checkMatrix(a, n, n, 'eigenvalues');
  const e = scaleExponent(a, n * n);
  const h = new Float64Array(n * n);
  const down = pow2(-e); // exact scaling to entries of size ~1, so the QR sweeps neither overflow nor underflow
  for (let i = 0; i < n * n; i++) h[i] = a[i] * down;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  hessenbergQrEigenvalues(h, n, re, im);
  const f = pow2(e);
  for (let i = 0; i < n; i++) {
    re[i] *= f;
    im[i] *= f;
    if (!Number.isFinite(re[i]) || !Number.isFinite(im[i])) {
      throw new EngineError('non-finite', `an eigenvalue overflows double precision`, 'eigenvalues');
    }
  }
  const mod = Array.from(re, (r, i) => hypot(r, im[i]));
  const order = Array.from(re, (_, i) => i).sort((p, q) => mod[q] - mod[p] || re[q] - re[p] || im[q] - im[p]);
  return { re: Float64Array.from(order, (i) => re[i]), im: Float64Array.from(order, (i) => im[i]) };
}

/** ρ(A) = max_i |λ_i(A)|, the spectral radius of a real n×n matrix. */
export function spectralRadius(a: Float64Array, n: number): number {
  const { re, im } = eigenvalues(a, n);
  return hypot(re[0], im[0]); // eigenvalues are sorted by modulus
}

/**
 * σ_max(A) = ‖A‖₂ = √λ_max(AᵀA), by power iteration on AᵀA from a fixed pseudo-random start until the
 * estimated relative error is ≤ 1e-10; after MAX_POWER_ITERATIONS steps it falls back to √ρ(AᵀA) by QR.
 */
export function largestSingularValue(a: Float64Array, rows: number, cols: number): number {
  checkMatrix(a, rows, cols, 'largestSingularValue');
  const e = scaleExponent(a, rows * cols);
  const b = new Float64Array(rows * cols);
  const down = pow2(-e);
  let zero = true;
  for (let i = 0; i < rows * cols; i++) { b[i] = a[i] * down; if (b[i] !== 0) zero = false; }
  if (zero) return 0;
  // A generic start vector is (almost surely) not orthogonal to the top right singular vector.
  const rng = new Rng(0x5eed);
  let v = Float64Array.from({ length: cols }, () => rng.normal());
  const w = new Float64Array(rows);
  const z = new Float64Array(cols);
  let sigma = 0;
  let lastDelta = Infinity;
  let lastRate = NaN;
  for (let it = 0; it < MAX_POWER_ITERATIONS; it++) {
    // w = B v
    let wn = 0;
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += b[i * cols + j] * v[j];
      w[i] = s;
      wn += s * s;
    }
    wn = Math.sqrt(wn);
    if (wn === 0) {
      // v ⟂ row space (a measure-zero accident): restart from the unit vector of B's largest column.
      let best = 0;
      let bestNorm = -1;
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let i = 0; i < rows; i++) {
          const v = b[i * cols + j];
          s += v * v;
        }
        if (s > bestNorm) { bestNorm = s; best = j; }
      }
      v = new Float64Array(cols);
      v[best] = 1;
      continue;
    }
    // z = Bᵀ w; v ← z/‖z‖; ‖z‖/‖w‖ = ‖Bᵀu‖ with u = w/‖w‖ is a nondecreasing lower bound on σ_max.
    z.fill(0);
    for (let i = 0; i < rows; i++) {
      const wi = w[i];
      for (let j = 0; j < cols; j++) z[j] += b[i * cols + j] * wi;
    }
    let zn = 0;
    for (let j = 0; j < cols; j++) zn += z[j] * z[j];
    zn = Math.sqrt(zn);
    const next = zn / wn;
    for (let j = 0; j < cols; j++) v[j] = z[j] / zn;
    // The estimates rise geometrically: σ − σ_k ≈ Δ_k r/(1 − r) with Δ_k = σ_k − σ_{k−1}, r = Δ_k/Δ_{k−1}.
    // Stop when both Δ_k and that extrapolated error are ≤ 1e-10 σ_k and r has settled, or when Δ_k is
    // at the level of round-off. A component with σ_i/σ₁ > 1 − 1e-5 rises too slowly to show in Δ_k;
    // it can end the iteration early, with a relative error below its gap (σ₁ − σ_i)/σ₁.
    const delta = next - sigma;
    const r = delta / lastDelta;
    const settled = Math.abs(r - lastRate) <= 0.1;
    sigma = next;
    lastDelta = delta;
    lastRate = r;
    const small = delta <= POWER_TOL * sigma && settled && r < 1 && (delta * r) / (1 - r) <= POWER_TOL * sigma;
    if (it >= 2 && (small || delta <= 4 * EPS * sigma)) return sigma * pow2(e);
  }
  // Not converged: σ₁ ≈ σ₂ makes the rate (σ₂/σ₁)² too close to 1. Fall back to √λ_max of the smaller
  // Gram matrix (BᵀB or BBᵀ) by the QR algorithm, which is accurate to ~ε relative regardless of gaps.
  const gram = cols <= rows ? matMul(transpose(b, rows, cols), b, cols, rows, cols) : matMul(b, transpose(b, rows, cols), rows, cols, rows);
  return Math.sqrt(spectralRadius(gram, Math.min(rows, cols))) * pow2(e);
}

/**
 * Q ~ Haar measure on O(n): Householder QR of a Gaussian G = QR, then Q·diag(sign r_kk) so the
 * factorization is the unique one with r_kk > 0 (Mezzadri 2007); the orthogonal init of Saxe et al. 2014.
 */
export function orthogonal(n: number, rng: Rng): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new EngineError('bad-config', `size must be a positive integer, got ${n}`, 'orthogonal');
  if (!(rng instanceof Rng)) throw new EngineError('bad-config', 'a seeded Rng is required', 'orthogonal');
  const g = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) g[i] = rng.normal();
  const vs: Float64Array[] = []; // v_k (entries k…n−1) of H_k = I − β_k v_k v_kᵀ
  const betas = new Float64Array(n);
  const signs = new Float64Array(n).fill(1);
  for (let k = 0; k < n; k++) {
    let ss = 0;
    for (let i = k; i < n; i++) {
      const v = g[i * n + k];
      ss += v * v;
    }
    const norm = Math.sqrt(ss);
    const x0 = g[k * n + k];
    const v = new Float64Array(n);
    vs.push(v);
    if (k === n - 1 || norm === 0) {
      signs[k] = x0 < 0 ? -1 : 1; // no reflector: r_kk = x₀
      continue;
    }
    const alpha = x0 >= 0 ? -norm : norm; // r_kk = α
    signs[k] = alpha < 0 ? -1 : 1;
    for (let i = k; i < n; i++) v[i] = g[i * n + k];
    v[k] -= alpha;
    betas[k] = 1 / (norm * (norm + Math.abs(x0))); // 2/(vᵀv)
    for (let j = k + 1; j < n; j++) {
      let s = 0;
      for (let i = k; i < n; i++) s += v[i] * g[i * n + j];
      s *= betas[k];
      for (let i = k; i < n; i++) g[i * n + j] -= s * v[i];
    }
  }
  // Q = H_0 H_1 ⋯ H_{n−2}, accumulated backwards into I (H_k touches only rows/cols ≥ k).
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = n - 2; k >= 0; k--) {
    const v = vs[k];
    if (betas[k] === 0) continue;
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < n; i++) s += v[i] * q[i * n + j];
      s *= betas[k];
      for (let i = k; i < n; i++) q[i * n + j] -= s * v[i];
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q[i * n + j] *= signs[j];
  return q;
}
