/**
 * The meaning vector as a strip of bars (d3 computes, React draws): one bar per unit from a zero line, up for a
 * positive value and down for a negative one, on a symmetric scale that holds every value (at least ±1: h = o ⊙ tanh(c)
 * and a tanh RNN's or GRU's h lie in (−1, 1); an LSTM's memory c may go beyond).
 */
import { scaleLinear } from 'd3-scale';

export interface MeaningBar {
  unit: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  positive: boolean;
}

export interface MeaningStrip {
  width: number;
  height: number;
  /** y of the zero line */
  zero: number;
  /** the scale's half-range: the strip spans −limit … limit */
  limit: number;
  bars: MeaningBar[];
}

/** Bars of `values` in a strip `height` px tall, each bar `barWidth` px wide with a 1 px gap; NaN or ±∞ gets no bar. */
export function meaningStrip(values: Float64Array, height = 72, barWidth = 8): MeaningStrip {
  let limit = 1;
  for (const v of values) if (Number.isFinite(v)) limit = Math.max(limit, Math.abs(v));
  const y = scaleLinear().domain([-limit, limit]).range([height - 1, 1]);
  const zero = y(0);
  const bars: MeaningBar[] = [];
  values.forEach((value, unit) => {
    if (!Number.isFinite(value)) return;
    const top = Math.min(y(value), zero);
    bars.push({ unit, value, x: unit * (barWidth + 1), y: top, width: barWidth, height: Math.abs(y(value) - zero), positive: value >= 0 });
  });
  return { width: Math.max(1, values.length * (barWidth + 1) - 1), height, zero, limit, bars };
}

/** The bar width that fits `units` bars into about `room` px: 3 to 10 px. */
export function barWidthFor(units: number, room = 360): number {
  return Math.max(3, Math.min(10, Math.floor(room / Math.max(1, units)) - 1));
}
