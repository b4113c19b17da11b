/**
 * The seasonal naive forecast with drift: the yardstick for a series with a yearly cycle and a trend, stronger than
 * repeating the last value. Pure functions of the values; no task, no data.
 *
 * Exactly: let z_0 … z_{N−1} be the series, the first M = N − K of them trained on and the last K held out, and s
 * the season (12 for monthly data). The drift is the mean s-step change over the part trained on,
 *
 *     D = (1 / (M − s)) · Σ_{n = s}^{M−1} (z_n − z_{n−s})   ( = (Σ of the last s trained values − Σ of the first s) / (M − s) ),
 *
 * so only trained-on values enter it. Then, for a held-out month n ≥ M:
 *
 * - one step ahead (the measured values before n are known, as they are to the network scored one step ahead):
 *   ẑ_n = z_{n−s} + D, the value s months before plus one season's mean rise;
 * - free-running from the end of the trained part (nothing held out is known): with h = n − M and k = ⌊h / s⌋ + 1,
 *   ẑ_n = z_{n−k·s} + k·D — the last trained value of the same month of the season, plus k seasons of drift.
 *
 * Both are linear in z, so they commute with the series task's z-scoring u = (z − μ)/σ: computed on u, D becomes D/σ.
 */

/** D, the mean `season`-step change over the first `trained` values; throws unless trained > season. */
export function seasonalDrift(values: ArrayLike<number>, trained: number, season: number): number {
  if (!Number.isInteger(season) || season < 1) throw new RangeError(`season must be a whole number ≥ 1, got ${season}`);
  if (!Number.isInteger(trained) || trained <= season || trained > values.length) {
    throw new RangeError(`a drift over ${season} steps needs more than ${season} trained values (got ${trained} of ${values.length})`);
  }
  let sum = 0;
  for (let n = season; n < trained; n++) sum += values[n] - values[n - season];
  return sum / (trained - season);
}

/** ẑ_n = z_{n−s} + D: the one-step seasonal naive prediction with drift of value n (n ≥ season). */
export function seasonalOneStep(values: ArrayLike<number>, n: number, drift: number, season: number): number {
  if (!Number.isInteger(n) || n < season || n >= values.length) throw new RangeError(`value ${n} has no value ${season} steps before it in a series of ${values.length}`);
  return values[n - season] + drift;
}

/**
 * The free-running seasonal naive forecast with drift of the `horizon` values after the first `trained`:
 * ẑ_{M+h} = z_{M+h−k·s} + k·D with k = ⌊h/s⌋ + 1 (reads only z_0 … z_{M−1}).
 */
export function seasonalForecast(values: ArrayLike<number>, trained: number, horizon: number, season: number): Float64Array {
  const drift = seasonalDrift(values, trained, season);
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const k = Math.floor(h / season) + 1;
    out[h] = values[trained + h - k * season] + k * drift;
  }
  return out;
}
