/**
 * The optimizer settings, their names and defaults: data only, so the page can list and repair them without
 * loading optim.ts, which holds the update rules.
 */

/** The update rule. */
export type OptimizerKind = 'sgd' | 'momentum' | 'rmsprop' | 'adam';
/** Every optimizer, as the UI lists them. */
export const OPTIMIZERS: readonly OptimizerKind[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

/** An optimizer and its hyper-parameters (defaults in OPTIMIZER_DEFAULTS). */
export interface OptimizerConfig {
  kind: OptimizerKind;
  /** learning rate η */
  lr: number;
  /** momentum μ (momentum), or β₁ (adam) */
  beta1?: number;
  /** decay ρ of the squared-gradient average (rmsprop), or β₂ (adam) */
  beta2?: number;
  /** ε in the denominator (rmsprop, adam) */
  eps?: number;
}

/** β₁ = μ = 0.9, β₂ = 0.999, ρ = 0.9, ε = 10⁻⁸ unless a config says otherwise. */
export const OPTIMIZER_DEFAULTS = { beta1: 0.9, beta2: 0.999, rho: 0.9, eps: 1e-8 } as const;
