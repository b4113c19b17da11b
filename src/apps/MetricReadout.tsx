import { useLab } from '../state/context';
import { formatPercent, formatStep } from '../views/chart/format';
import { useYardsticks } from '../views/output/use-seasonal';

/** A fraction as a percentage, with a significant digit below 1% (a constant answer's 1 in 205 is 0.5%, not 0%). */
export function percent(v: number): string {
  return v > 0 && v < 0.01 ? `${Number((v * 100).toPrecision(1))}%` : formatPercent(v);
}

/**
 * The application's score in one line, large: the task metric on its held-out examples at the latest evaluation,
 * beside what a trivial answer scores — and, for a forecast of a bundled seasonal series (the CO₂ page), beside the
 * seasonal naive forecast with drift on the same steps (views/output/use-seasonal.ts), a yardstick the metric's own
 * baseline is not. An accuracy is a percentage; anything else its value. The numbers are also in data- attributes,
 * so `npm run bench:apps` reads the page's state rather than parsing its words.
 */
export function MetricReadout({ words }: { words: string }) {
  const metric = useLab((s) => s.metric);
  // the metric points are mutated in place: the selector reads the newest one's step on every store change
  const step = useLab((s) => (s.metrics.length > 0 ? s.metrics.at(s.metrics.length - 1).step : null));
  const task = useLab((s) => s.config.task);
  const sticks = useYardsticks(task);
  if (!metric) return <p className="app-metric view-empty" data-testid="app-metric">The score appears after the first evaluation…</p>;
  const show = (v: number) => (metric.higherIsBetter && v >= 0 && v <= 1 ? percent(v) : String(Number(v.toPrecision(3))));
  return (
    <p className="app-metric" data-testid="app-metric" data-value={metric.value} data-baseline={metric.baseline} data-seasonal={sticks?.seasonalMse} data-higher={metric.higherIsBetter ? '1' : '0'} data-step={step ?? undefined}>
      <strong className="app-score">{show(metric.value)}</strong> {words}
      {step !== null ? ` (${metric.name}, step ${formatStep(step)})` : ` (${metric.name})`}; {metric.baselineName}: {show(metric.baseline)}
      {sticks ? `; seasonal naive with drift (the value ${sticks.season} months before plus the mean rise over ${sticks.season} months): ${show(sticks.seasonalMse)}` : ''}.
    </p>
  );
}
