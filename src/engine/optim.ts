import { powInt } from './detmath';
import { EngineError } from './errors';
import { OPTIMIZER_DEFAULTS } from './optim-config';
import type { OptimizerConfig, OptimizerKind } from './optim-config';

// the settings and their names are optim-config.ts: the page lists and repairs them without the update rules
export { OPTIMIZER_DEFAULTS, OPTIMIZERS } from './optim-config';
export type { OptimizerConfig, OptimizerKind } from './optim-config';

/** The whole state of an Optimizer: its update count t and its moment arrays (empty where its rule keeps none). */
export interface OptimizerState {
  kind: OptimizerKind;
  t: number;
  /** momentum's v, or adam's m (length 0 for sgd and rmsprop) */
  m: Float64Array;
  /** rmsprop's s, or adam's v (length 0 for sgd and momentum) */
  v: Float64Array;
}

/**
 * Updates θ in place from a gradient g, keeping its state in preallocated arrays:
 * - sgd:      θ ← θ − η g
 * - momentum: v ← μ v + g;  θ ← θ − η v   (heavy ball, as PyTorch's SGD with momentum)
 * - rmsprop:  s ← ρ s + (1−ρ) g²;  θ ← θ − η g / (√s + ε)   (Tieleman & Hinton 2012, lecture 6e)
 * - adam:     m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − η m̂ / (√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)  (Kingma & Ba 2015)
 */
export class Optimizer {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  /** number of updates applied */
  t = 0;

  constructor(readonly config: OptimizerConfig, size: number) {
    const k = config.kind;
    this.m = new Float64Array(k === 'sgd' || k === 'rmsprop' ? 0 : size);
    this.v = new Float64Array(k === 'rmsprop' || k === 'adam' ? size : 0);
  }

  /** Applies one update θ ← θ − Δ(g). */
  step(theta: Float64Array, g: Float64Array): void {
    const { kind, lr } = this.config;
    const n = theta.length;
    this.t++;
    if (kind === 'sgd') {
      for (let i = 0; i < n; i++) theta[i] -= lr * g[i];
    } else if (kind === 'momentum') {
      const mu = this.config.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
      const m = this.m;
      for (let i = 0; i < n; i++) {
        m[i] = mu * m[i] + g[i];
        theta[i] -= lr * m[i];
      }
    } else if (kind === 'rmsprop') {
      const rho = this.config.beta2 ?? OPTIMIZER_DEFAULTS.rho;
      const eps = this.config.eps ?? OPTIMIZER_DEFAULTS.eps;
      const s = this.v;
      for (let i = 0; i < n; i++) {
        s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
        theta[i] -= (lr * g[i]) / (Math.sqrt(s[i]) + eps);
      }
    } else {
      const b1 = this.config.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
      const b2 = this.config.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
      const eps = this.config.eps ?? OPTIMIZER_DEFAULTS.eps;
      const c1 = 1 - powInt(b1, this.t);
      const c2 = 1 - powInt(b2, this.t);
      const { m, v } = this;
      for (let i = 0; i < n; i++) {
        const gi = g[i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        theta[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      }
    }
  }

  /** The lengths its moment arrays have: what a saved state must match. */
  sizes(): { m: number; v: number } {
    return { m: this.m.length, v: this.v.length };
  }

  /** A copy of its state. */
  state(): OptimizerState {
    return { kind: this.config.kind, t: this.t, m: this.m.slice(), v: this.v.slice() };
  }

  /** Takes a state saved from an optimizer of the same kind and size (checkSnapshot checks one from a file). */
  setState(s: OptimizerState): void {
    const want = this.sizes();
    if (s.kind !== this.config.kind || s.m.length !== want.m || s.v.length !== want.v) {
      throw new EngineError('bad-shape', `a ${s.kind} state with moments of ${s.m.length} and ${s.v.length} entries does not fit this ${this.config.kind} optimizer (${want.m} and ${want.v})`, 'optimizer');
    }
    this.m.set(s.m);
    this.v.set(s.v);
    this.t = s.t;
  }

  /** Forgets the moment estimates and the step count. */
  reset(): void {
    this.m.fill(0);
    this.v.fill(0);
    this.t = 0;
  }
}
