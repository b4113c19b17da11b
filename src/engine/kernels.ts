/**
 * Dense kernels on row-major Float64Arrays addressed by (array, offset), so the hot loops never
 * allocate views. Dot products keep four partial sums: one running sum would make every add wait
 * for the previous one (floating-point add latency), four let the CPU overlap them.
 * `hot` ≥ 0 says a vector is one-hot at that index, which turns a product into a column lookup.
 */

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
  for (let r = 0; r < rows; r++) {
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
 */
export function accumulateOuterOverTime(dW: Float64Array, w: number, rows: number, cols: number, AT: Float64Array, aRow0: number, BT: Float64Array, T: number): void {
  for (let r = 0; r < rows; r++) {
    const ar = (aRow0 + r) * T;
    const base = w + r * cols;
    for (let c = 0; c < cols; c++) dW[base + c] += dot(AT, ar, BT, c * T, T);
  }
}

/** σ(a) = 1 / (1 + e^{−a}) */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/** ‖v[o … o+n)‖₂ */
export function norm2(v: Float64Array, o: number, n: number): number {
  return Math.sqrt(dot(v, o, v, o, n));
}
