/**
 * Geometry of the guess-accuracy plot: training step on x (each bin at its middle), the share of right guesses on y
 * from 0 to 1, the 50% line a coin would score. d3 computes the scales; React draws.
 */
import { scaleLinear } from 'd3-scale';
import type { Tick } from '../views/chart/Axis';
import { formatPercent, formatStep } from '../views/chart/format';
import type { AccuracyBin } from './guess-round';

export const GUESS_PLOT_WIDTH = 480;
export const GUESS_PLOT_HEIGHT = 200;

export interface GuessPlotModel {
  left: number;
  right: number;
  top: number;
  bottom: number;
  chanceY: number;
  xTicks: Tick[];
  yTicks: Tick[];
  points: { x: number; y: number; r: number; bin: AccuracyBin }[];
}

export function guessPlotModel(bins: readonly AccuracyBin[]): GuessPlotModel {
  const box = { left: 48, right: GUESS_PLOT_WIDTH - 16, top: 12, bottom: GUESS_PLOT_HEIGHT - 44 };
  const last = bins.length > 0 ? bins[bins.length - 1].to : 100;
  const x = scaleLinear().domain([0, last]).range([box.left, box.right]).nice(5);
  const y = scaleLinear().domain([0, 1]).range([box.bottom, box.top]);
  const most = bins.reduce((m, b) => Math.max(m, b.guesses), 1);
  return {
    ...box,
    chanceY: y(0.5),
    xTicks: x.ticks(5).map((v) => ({ value: v, pos: x(v), label: formatStep(v) })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, pos: y(v), label: formatPercent(v) })),
    // a dot's area grows with its number of guesses: one lucky guess should not look like a trend
    points: bins.map((b) => ({ x: x((b.from + b.to) / 2), y: y(b.accuracy), r: 3 + 5 * Math.sqrt(b.guesses / most), bin: b })),
  };
}
