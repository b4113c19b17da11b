/** The gradient-flow views in words: the spectral radius against the critical value 1, the cells' names. */
import type { SpectralInfo } from '../../engine/session';
import type { Activation, CellKind } from '../../engine/types';

/** |ρ − 1| below this reads as "= 1" (the critical value of a linear RNN). */
export const CRITICAL_TOLERANCE = 0.005;

/** ρ and σ_max to two decimals. */
function two(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : '—';
}

/** The recurrent matrix with the largest spectral radius ρ = max|λ|, or null when none is known yet. */
export function largestRadius(spectral: readonly SpectralInfo[] | null): SpectralInfo | null {
  if (!spectral || spectral.length === 0) return null;
  return spectral.reduce((a, b) => (b.radius > a.radius ? b : a));
}

/**
 * "ρ(Whh) = 0.50, σmax = 0.50: ρ < 1, so repeated products with Whh shrink the error — it tends to vanish."
 * For gated cells the matrix with the largest ρ is named.
 */
export function spectralWords(spectral: readonly SpectralInfo[] | null): string {
  const s = largestRadius(spectral);
  if (!s) return 'ρ(Whh) and σmax appear with the first frame.';
  const which = spectral && spectral.length > 1 ? `largest ρ over ${spectral.map((b) => b.name).join(', ')}: ` : '';
  const head = `${which}ρ(${s.name}) = ${two(s.radius)}, σmax = ${two(s.sigmaMax)}`;
  if (Math.abs(s.radius - 1) < CRITICAL_TOLERANCE) return `${head}: ρ = 1, the critical value — repeated products with ${s.name} neither shrink nor grow.`;
  if (s.radius < 1) return `${head}: ρ < 1, so repeated products with ${s.name} shrink the error — it tends to vanish.`;
  return `${head}: ρ > 1, so repeated products with ${s.name} can grow the error — it may explode (a saturating activation can still tame it).`;
}

/** The cells' display names. */
export const CELL_TITLES: Record<CellKind, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

/** max |act′(a)| over all a: the most one step of a vanilla RNN's activation can scale an error by. */
export const MAX_SLOPE: Record<Activation, number> = { linear: 1, tanh: 1, relu: 1, sigmoid: 0.25 };

/**
 * The vanilla RNN's bound ‖∂h_k/∂h_{k−1}‖ = ‖diag(act′)·Whh‖ ≤ max act′ · σmax(Whh) (Pascanu et al. 2013) in words:
 * below 1 every step back must shrink the error; at or above 1 nothing is guaranteed. Null without a spectrum.
 */
export function boundWords(activation: Activation, spectral: readonly SpectralInfo[] | null): string | null {
  const w = spectral?.find((b) => b.name === 'Whh');
  if (!w) return null;
  const m = MAX_SLOPE[activation];
  const bound = m * w.sigmaMax;
  const head = `One step back scales the error by at most max ${activation}′ · σmax = ${m === 1 ? '1' : m} × ${two(w.sigmaMax)} = ${two(bound)}`;
  return bound < 1 ? `${head} < 1: it must vanish.` : `${head} ≥ 1: vanishing is not guaranteed.`;
}
