/**
 * Dense kernels on row-major Float64Arrays addressed by (array, offset), so the hot loops never
 * allocate views. `hot` ≥ 0 says the vector is one-hot at that index, which turns a product into a
 * column lookup.
 */

/** out[o+r] += Σ_c W[w + r·cols + c] · v[vo+c]  (out += W v) */
export function matVecAdd(out: Float64Array, o: number, W: Float64Array, w: number, rows: number, cols: number, v: Float64Array, vo: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const base = w + r * cols;
    for (let c = 0; c < cols; c++) s += W[base + c] * v[vo + c];
    out[o + r] += s;
  }
}

/** out += W x, where x is one-hot at `hot` when hot ≥ 0 (then out[r] += W[r, hot]). */
export function inputVecAdd(out: Float64Array, o: number, W: Float64Array, w: number, rows: number, cols: number, x: Float64Array, xo: number, hot: number): void {
  if (hot >= 0) {
    for (let r = 0; r < rows; r++) out[o + r] += W[w + r * cols + hot];
  } else {
    matVecAdd(out, o, W, w, rows, cols, x, xo);
  }
}

/** dW += d vᵀ (rows × cols) and dv += Wᵀ d, in one pass over W: the two products of a linear layer's backward. */
export function outerAddAndTransposedProduct(
  dW: Float64Array, W: Float64Array, w: number, rows: number, cols: number,
  d: Float64Array, dOff: number, v: Float64Array, vo: number, dv: Float64Array, dvo: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dr = d[dOff + r];
    if (dr === 0) continue;
    const base = w + r * cols;
    for (let c = 0; c < cols; c++) {
      dW[base + c] += dr * v[vo + c];
      dv[dvo + c] += W[base + c] * dr;
    }
  }
}

/** dW += d xᵀ, where x is one-hot at `hot` when hot ≥ 0 (then only column `hot` changes). */
export function inputOuterAdd(dW: Float64Array, w: number, rows: number, cols: number, d: Float64Array, dOff: number, x: Float64Array, xo: number, hot: number): void {
  if (hot >= 0) {
    for (let r = 0; r < rows; r++) dW[w + r * cols + hot] += d[dOff + r];
    return;
  }
  for (let r = 0; r < rows; r++) {
    const dr = d[dOff + r];
    if (dr === 0) continue;
    const base = w + r * cols;
    for (let c = 0; c < cols; c++) dW[base + c] += dr * x[xo + c];
  }
}

/** σ(a) = 1 / (1 + e^{−a}) */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/** ‖v[o … o+n)‖₂ */
export function norm2(v: Float64Array, o: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[o + i] * v[o + i];
  return Math.sqrt(s);
}
