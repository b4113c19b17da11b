import { orthogonal } from './linalg';
import type { Network } from './network';
import type { Rng } from './rng';
import type { InitConfig } from './init-config';

// the settings and their names are init-config.ts: the page lists and repairs them without this module's linalg
export { INIT_DEFAULTS, INIT_SCHEMES } from './init-config';
export type { InitConfig, InitScheme } from './init-config';

/**
 * Sets θ: biases 0 (bf = forgetBias for LSTM); each weight block W (rows × cols) by the scheme:
 * - uniform:    W_ij ~ U(−s, s)
 * - normal:     W_ij ~ N(0, σ²)
 * - xavier:     W_ij ~ U(−a, a), a = √(6 / (rows + cols))   (Glorot & Bengio 2010)
 * - orthogonal: recurrent blocks Haar-orthogonal (Saxe et al. 2014), others xavier
 * - identity:   recurrent blocks I (IRNN, Le, Jaitly & Hinton 2015), others N(0, 0.001²)
 * then Wh· ← recurrentScale · Wh·. With recurrence off the Wh· are then set to 0 (drawn first, so every other
 * block gets the same values as with recurrence on: the two runs differ only in the recurrence).
 */
export function initialize(net: Network, cfg: InitConfig, rng: Rng): void {
  const theta = net.theta;
  theta.fill(0);
  for (const b of net.layout.blocks) {
    const { offset, rows, cols, role } = b;
    if (b.vector) {
      if (b.name === 'bf') theta.fill(cfg.forgetBias, offset, offset + rows);
      continue;
    }
    const n = rows * cols;
    const recurrent = role === 'recurrent';
    if (recurrent && cfg.scheme === 'orthogonal') {
      theta.set(orthogonal(rows, rng), offset);
    } else if (recurrent && cfg.scheme === 'identity') {
      for (let j = 0; j < rows; j++) theta[offset + j * cols + j] = 1;
    } else if (cfg.scheme === 'uniform') {
      for (let i = 0; i < n; i++) theta[offset + i] = rng.uniform(-cfg.scale, cfg.scale);
    } else if (cfg.scheme === 'normal') {
      for (let i = 0; i < n; i++) theta[offset + i] = rng.normal(0, cfg.scale);
    } else if (cfg.scheme === 'identity') {
      for (let i = 0; i < n; i++) theta[offset + i] = rng.normal(0, 0.001);
    } else {
      const a = Math.sqrt(6 / (rows + cols));
      for (let i = 0; i < n; i++) theta[offset + i] = rng.uniform(-a, a);
    }
    if (recurrent && cfg.recurrentScale !== 1) {
      for (let i = 0; i < n; i++) theta[offset + i] *= cfg.recurrentScale;
    }
    if (recurrent && !net.recurrent) theta.fill(0, offset, offset + n);
  }
}
