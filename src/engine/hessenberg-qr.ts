/**
 * The eigenvalue kernel behind `eigenvalues` in linalg.ts, written from Golub & Van Loan, Matrix
 * Computations (4th ed.), ch. 7: Parlett–Reinsch balancing (§7.5.7), Householder reduction to upper
 * Hessenberg form (Alg. 7.4.2), and the implicit Francis double-shift QR iteration (Alg. 7.5.1–7.5.2)
 * with deflation, which drives H to real Schur form and reads the eigenvalues off its 1×1 and 2×2 blocks.
 */
import { EngineError } from './errors';

const EPS = 2 ** -52;
/** QR sweeps allowed between two deflations before giving up (LAPACK allows 30 per eigenvalue). */
export const MAX_QR_SWEEPS = 100;

/**
 * Parlett–Reinsch balancing: H ← D⁻¹ H D with D diagonal powers of 2 (exact), chosen so row i and
 * column i have similar 1-norms; eigenvalues are unchanged, and their computed accuracy improves.
 */
function balance(h: Float64Array, n: number): void {
  for (let sweep = 0, changed = true; changed && sweep < 100; sweep++) {
    changed = false;
    for (let i = 0; i < n; i++) {
      let c = 0;
      let r = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(h[j * n + i]);
        r += Math.abs(h[i * n + j]);
      }
      if (c === 0 || r === 0) continue;
      const s = c + r;
      let f = 1;
      // Find f = 2^k with r/2 ≤ c·f² < 2r; c tracks c·f².
      while (c < r / 2) { f *= 2; c *= 4; }
      while (c >= r * 2) { f /= 2; c /= 4; }
      // New norms are c·f and r/f; scale only if their sum drops by at least 5%.
      if ((c + r) / f < 0.95 * s) {
        changed = true;
        for (let j = 0; j < n; j++) { h[i * n + j] /= f; h[j * n + i] *= f; }
      }
    }
  }
}

/** Householder reduction to upper Hessenberg form, H ← Pᵀ H P with P = P_0 ⋯ P_{n−3} (GVL Alg. 7.4.2). */
function hessenberg(h: Float64Array, n: number): void {
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // x = H[k+1:n, k]; the reflector I − β v vᵀ maps it to α e₁.
    let m = 0;
    for (let i = k + 1; i < n; i++) m = Math.max(m, Math.abs(h[i * n + k]));
    if (m === 0) continue;
    let ss = 0;
    for (let i = k + 1; i < n; i++) { v[i] = h[i * n + k] / m; ss += v[i] * v[i]; }
    const norm = Math.sqrt(ss);
    const x0 = v[k + 1];
    const alpha = x0 >= 0 ? -norm : norm; // sign chosen so v[k+1] = x₀ − α has no cancellation
    v[k + 1] -= alpha;
    const beta = 1 / (norm * (norm + Math.abs(x0))); // 2/(vᵀv) = 1/(‖x‖(‖x‖+|x₀|))
    // Left: H[k+1:, k+1:] −= β v (vᵀ H); column k becomes α m e₁ exactly.
    w.fill(0, k + 1);
    for (let i = k + 1; i < n; i++) for (let j = k + 1; j < n; j++) w[j] += v[i] * h[i * n + j];
    for (let i = k + 1; i < n; i++) {
      const bv = beta * v[i];
      for (let j = k + 1; j < n; j++) h[i * n + j] -= bv * w[j];
      h[i * n + k] = i === k + 1 ? alpha * m : 0;
    }
    // Right: H[:, k+1:] −= β (H v) vᵀ.
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += h[i * n + j] * v[j];
      s *= beta;
      for (let j = k + 1; j < n; j++) h[i * n + j] -= s * v[j];
    }
  }
}

/** Eigenvalues of [[a, b], [c, d]]: λ = d + μ with μ² − (a−d)μ − bc = 0, the small root via μ₁μ₂ = −bc. */
function eig2(a: number, b: number, c: number, d: number, re: Float64Array, im: Float64Array, i: number): void {
  const p = (a - d) / 2;
  const bc = b * c;
  const disc = p * p + bc;
  if (disc >= 0) {
    const mu = p + (p >= 0 ? 1 : -1) * Math.sqrt(disc);
    re[i] = d + mu;
    re[i + 1] = mu === 0 ? d : d - bc / mu;
    im[i] = im[i + 1] = 0;
  } else {
    re[i] = re[i + 1] = d + p;
    im[i] = Math.sqrt(-disc);
    im[i + 1] = -im[i];
  }
}

/** The sweep's shifts σ₁, σ₂ (a real pair, or a complex pair r ± i·q): reused arrays, no allocation per sweep. */
const shiftRe = new Float64Array(2);
const shiftIm = new Float64Array(2);

/**
 * One implicit Francis double-shift QR sweep on the unreduced block H[l:m+1, l:m+1] (GVL Alg. 7.5.1):
 * the shifts are the eigenvalues of the trailing 2×2 (or ad hoc ones when `exceptional`), the first
 * column of (H − σ₁)(H − σ₂) starts a bulge, and 3×3 reflectors chase it off the bottom.
 *
 * Two details follow LAPACK's dlahqr, for matrices whose eigenvalues cluster far from 0 (W_hh = I + a small
 * change, an IRNN after one step): two real shifts are replaced by the one nearer h_mm, used twice; and the first
 * column is formed from the differences h₀₀ − σ, never as h₀₀² − (σ₁+σ₂)h₀₀ + σ₁σ₂, whose O(1) terms cancel to
 * O(δ²) and lose the digits convergence needs (measured: 73,555 sweeps for one eigenvalue of such a 32×32
 * matrix, against 12 once the cancellation is gone).
 */
function francisSweep(h: Float64Array, n: number, l: number, m: number, exceptional: boolean): void {
  let r1: number;
  let r2: number;
  let wi: number; // the imaginary part of a complex pair r1 ± i·wi (r1 = r2), else 0
  if (exceptional) {
    // Breaks cycles (e.g. permutation matrices, where the standard shifts leave H unchanged): the pair
    // a ± i·√0.4375·w, whose sum and product are 2a and a² + 0.4375w².
    const w = Math.abs(h[m * n + m - 1]) + Math.abs(h[(m - 1) * n + m - 2]);
    r1 = r2 = h[m * n + m] + 0.75 * w;
    wi = Math.sqrt(0.4375) * w;
  } else {
    eig2(h[(m - 1) * n + m - 1], h[(m - 1) * n + m], h[m * n + m - 1], h[m * n + m], shiftRe, shiftIm, 0);
    wi = shiftIm[0];
    r1 = shiftRe[0];
    r2 = shiftRe[1];
    if (wi === 0) {
      const hmm = h[m * n + m];
      r1 = r2 = Math.abs(r1 - hmm) <= Math.abs(r2 - hmm) ? r1 : r2;
    }
  }
  const h00 = h[l * n + l];
  const h10 = h[(l + 1) * n + l];
  // (H − σ₁)(H − σ₂)e₁ up to a factor: scaled by s0 so no product over- or underflows (the reflector ignores scale)
  const s0 = Math.abs(h00 - r2) + Math.abs(wi) + Math.abs(h10);
  const g = h10 / s0;
  let x = g * h[l * n + l + 1] + (h00 - r1) * ((h00 - r2) / s0) + wi * (wi / s0);
  let y = g * (h00 + h[(l + 1) * n + l + 1] - r1 - r2);
  let z = g * h[(l + 2) * n + l + 1];
  for (let k = l; k <= m - 1; k++) {
    const three = k <= m - 2; // the last step uses a 2×2 reflector on rows m−1, m
    if (!three) z = 0;
    const sc = Math.abs(x) + Math.abs(y) + Math.abs(z);
    if (sc !== 0) {
      // P = I − β v vᵀ with P [x, y, z]ᵀ = α e₁; scaling by sc leaves P unchanged and avoids overflow.
      x /= sc; y /= sc; z /= sc;
      const norm = Math.sqrt(x * x + y * y + z * z);
      const alpha = x >= 0 ? -norm : norm;
      const v0 = x - alpha;
      const beta = 2 / (v0 * v0 + y * y + z * z);
      const r = Math.max(l, k - 1);
      for (let j = r; j <= m; j++) {
        const p = beta * (v0 * h[k * n + j] + y * h[(k + 1) * n + j] + (three ? z * h[(k + 2) * n + j] : 0));
        h[k * n + j] -= p * v0;
        h[(k + 1) * n + j] -= p * y;
        if (three) h[(k + 2) * n + j] -= p * z;
      }
      const q = Math.min(k + 3, m);
      for (let i = l; i <= q; i++) {
        const p = beta * (h[i * n + k] * v0 + h[i * n + k + 1] * y + (three ? h[i * n + k + 2] * z : 0));
        h[i * n + k] -= p * v0;
        h[i * n + k + 1] -= p * y;
        if (three) h[i * n + k + 2] -= p * z;
      }
      if (k > l) {
        // The reflector maps the bulge column to α·sc·e₁ exactly; store that, not round-off.
        h[k * n + k - 1] = alpha * sc;
        h[(k + 1) * n + k - 1] = 0;
        if (three) h[(k + 2) * n + k - 1] = 0;
      }
    }
    if (k < m - 1) {
      x = h[(k + 1) * n + k];
      y = h[(k + 2) * n + k];
      if (k < m - 2) z = h[(k + 3) * n + k];
    }
  }
}

/**
 * Eigenvalues λ_i (re + i·im, in the order they deflate) of the n×n matrix in `h`, which is
 * overwritten; entries must be finite and of moderate size (the caller scales by a power of 2).
 */
export function hessenbergQrEigenvalues(h: Float64Array, n: number, re: Float64Array, im: Float64Array): void {
  balance(h, n);
  hessenberg(h, n);
  let norm = 0; // ‖H‖₁-like size, for the deflation test when a diagonal pair is zero
  for (let i = 0; i < n * n; i++) norm += Math.abs(h[i]);
  let hi = n - 1;
  let sweeps = 0;
  while (hi >= 0) {
    // Deflate: find the top l of the unreduced block ending at hi (|h_{l,l−1}| ≤ ε(|h_{l−1,l−1}| + |h_{l,l}|)).
    let l = hi;
    for (; l > 0; l--) {
      const sub = Math.abs(h[l * n + l - 1]);
      const diag = Math.abs(h[(l - 1) * n + l - 1]) + Math.abs(h[l * n + l]);
      if (sub <= EPS * (diag === 0 ? norm : diag)) { h[l * n + l - 1] = 0; break; }
    }
    if (l === hi) {
      re[hi] = h[hi * n + hi];
      hi -= 1;
      sweeps = 0;
    } else if (l === hi - 1) {
      const i = hi - 1;
      eig2(h[i * n + i], h[i * n + hi], h[hi * n + i], h[hi * n + hi], re, im, i);
      hi -= 2;
      sweeps = 0;
    } else {
      sweeps += 1;
      if (sweeps > MAX_QR_SWEEPS) {
        throw new EngineError('diverged', `QR iteration did not converge after ${MAX_QR_SWEEPS} sweeps on a ${n}×${n} matrix`, 'eigenvalues');
      }
      francisSweep(h, n, l, hi, sweeps % 10 === 0);
    }
  }
}
