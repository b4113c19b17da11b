import type { ConvFront } from '../../src/engine/conv';

/**
 * The smallest distance of the last pass from a kink: |z| over every pre-activation, and the gap between the largest
 * and the second largest value of every pooling window whose maximum is positive. Central differences (ε = 1e-5 on a
 * weight moves z by at most 1e-5·Σ|pixels| of one 3×3×Cin patch) are valid only when this margin is wider.
 */
export function kinkMargin(conv: ConvFront): number {
  const { S, P, C, pre, relu } = conv;
  let m = Infinity;
  for (const z of pre) m = Math.min(m, Math.abs(z));
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < P; i++) {
      for (let j = 0; j < P; j++) {
        const o = (c * S + 2 * i) * S + 2 * j;
        const v = [relu[o], relu[o + 1], relu[o + S], relu[o + S + 1]].sort((a, b) => b - a);
        if (v[0] > 0) m = Math.min(m, v[0] - v[1]);
      }
    }
  }
  return m;
}
