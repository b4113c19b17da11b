/**
 * Dense kernels on row-major Float64Arrays addressed by (array, offset), so the hot loops never
 * allocate views. Dot products keep four partial sums: one running sum would make every add wait
 * for the previous one (floating-point add latency), four let the CPU overlap them.
 * `hot` ≥ 0 says a vector is one-hot at that index, which turns a product into a column lookup.
 */
import { exp } from './detmath';

/** Σ_{i<n} a[ao+i] · b[bo+i] */
export function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  const n4 = n - 3;
  for (; i < n4; i += 4) {
    s0 += a[ao + i] * b[bo + i];
    s1 += a[ao + i + 1] * b[bo + i + 1];
    s2 += a[ao + i + 2] * b[bo + i + 2];
    s3 += a[ao + i + 3] * b[bo + i + 3];
  }
  for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
  return s0 + s1 + (s2 + s3);
}

/**
 * out[o+r] = θ[b+r] + Σ_c θ[wx + r·I + c]·x[xo+c] + Σ_c θ[wh + r·H + c]·h[ho+c] for r < rows:
 * a gate block's pre-activation b + Wx x + Wh h in one pass (x one-hot at `hot` when hot ≥ 0).
 */
export function preactivation(out: Float64Array, o: number, P: Float64Array, b: number, wx: number, wh: number, rows: number, I: number, H: number,
  x: Float64Array, xo: number, hot: number, h: Float64Array, ho: number): void {
  let r = 0;
  // Two rows at a time: each h[c] loaded once serves both rows, and four partial sums overlap the adds.
  for (; r + 1 < rows; r += 2) {
    const w0 = wh + r * H;
    const w1 = w0 + H;
    let s0 = 0;
    let s1 = 0;
    let u0 = 0;
    let u1 = 0;
    let c = 0;
    for (; c + 1 < H; c += 2) {
      const h0 = h[ho + c];
      const h1 = h[ho + c + 1];
      s0 += P[w0 + c] * h0;
      u0 += P[w0 + c + 1] * h1;
      s1 += P[w1 + c] * h0;
      u1 += P[w1 + c + 1] * h1;
    }
    if (c < H) {
      s0 += P[w0 + c] * h[ho + c];
      s1 += P[w1 + c] * h[ho + c];
    }
    const x0 = hot >= 0 ? P[wx + r * I + hot] : dot(P, wx + r * I, x, xo, I);
    const x1 = hot >= 0 ? P[wx + (r + 1) * I + hot] : dot(P, wx + (r + 1) * I, x, xo, I);
    out[o + r] = P[b + r] + x0 + (s0 + u0);
    out[o + r + 1] = P[b + r + 1] + x1 + (s1 + u1);
  }
  if (r < rows) {
    const xin = hot >= 0 ? P[wx + r * I + hot] : dot(P, wx + r * I, x, xo, I);
    out[o + r] = P[b + r] + xin + dot(P, wh + r * H, h, ho, H);
  }
}

/** dst[c·rows + r] = src[so + r·cols + c]: the transpose of a rows × cols block, written densely. */
export function transpose(src: Float64Array, so: number, rows: number, cols: number, dst: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const base = so + r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[base + c];
  }
}

/**
 * dW[w + r·cols + c] += Σ_{t<T} AT[(aRow0 + r)·T + t] · BT[c·T + t] for r < rows, c < cols:
 * the gradient Σ_t a_t b_tᵀ of a weight used at every timestep, from the transposed per-step factors.
 * Entries are computed in 2 × 2 blocks, so each value loaded serves two products.
 */
export function accumulateOuterOverTime(dW: Float64Array, w: number, rows: number, cols: number, AT: Float64Array, aRow0: number, BT: Float64Array, T: number): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const a0 = (aRow0 + r) * T;
    const a1 = a0 + T;
    const base0 = w + r * cols;
    const base1 = base0 + cols;
    let c = 0;
    for (; c + 1 < cols; c += 2) {
      const b0 = c * T;
      const b1 = b0 + T;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let t = 0; t < T; t++) {
        const x0 = AT[a0 + t];
        const x1 = AT[a1 + t];
        const y0 = BT[b0 + t];
        const y1 = BT[b1 + t];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      dW[base0 + c] += s00;
      dW[base0 + c + 1] += s01;
      dW[base1 + c] += s10;
      dW[base1 + c + 1] += s11;
    }
    if (c < cols) {
      dW[base0 + c] += dot(AT, a0, BT, c * T, T);
      dW[base1 + c] += dot(AT, a1, BT, c * T, T);
    }
  }
  if (r < rows) {
    const ar = (aRow0 + r) * T;
    for (let c = 0; c < cols; c++) dW[w + r * cols + c] += dot(AT, ar, BT, c * T, T);
  }
}

/** σ(a) = 1 / (1 + e^{−a}), with the deterministic e^x of detmath.ts */
export function sigmoid(a: number): number {
  return 1 / (1 + exp(-a));
}

/** ‖v[o … o+n)‖₂ */
export function norm2(v: Float64Array, o: number, n: number): number {
  return Math.sqrt(dot(v, o, v, o, n));
}
