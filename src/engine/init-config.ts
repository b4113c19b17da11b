/**
 * The initialization settings, their names and defaults: data only, so the page can list and repair them without
 * loading init.ts, which draws the weights (and brings the linear algebra of orthogonal matrices).
 */

/** How the weight matrices start. */
export type InitScheme = 'uniform' | 'normal' | 'xavier' | 'orthogonal' | 'identity';
/** Every initialization scheme, as the UI lists them. */
export const INIT_SCHEMES: readonly InitScheme[] = ['uniform', 'normal', 'xavier', 'orthogonal', 'identity'];

/** Initialization settings. */
export interface InitConfig {
  scheme: InitScheme;
  /** s of uniform(±s), σ of normal(σ); ignored by the other schemes */
  scale: number;
  /** multiplies every recurrent matrix Wh· after the scheme: pushes the spectral radius below or above 1 on purpose */
  recurrentScale: number;
  /** the LSTM forget-gate bias bf (Gers et al. 2000; Jozefowicz et al. 2015 recommend 1) */
  forgetBias: number;
}

/** Xavier weights, s = σ = 0.1 for the naive schemes, recurrent scale 1, forget bias 1. */
export const INIT_DEFAULTS: InitConfig = { scheme: 'xavier', scale: 0.1, recurrentScale: 1, forgetBias: 1 };
