import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { ALICE_CHAPTER_1_OPENING } from '../engine/tasks/corpus';
import { useLab } from '../state/context';
import { AxisBottom, AxisLeft } from '../views/chart/Axis';
import { formatPercent, formatStep } from '../views/chart/format';
import { guessPlotModel, GUESS_PLOT_HEIGHT, GUESS_PLOT_WIDTH } from './guess-layout';
import { accuracyBins, binWidth, makeRound } from './guess-round';
import type { AccuracyBin } from './guess-round';
import { createGuessStore } from './guess-store';

/** The seed of the first round; round n uses GAME_SEED + n, so a page's rounds are the same every visit. */
const GAME_SEED = 11;

/**
 * "Human or network?": two snippets, one from the training text and one the network sampled at the current step; the
 * student picks the network's. Every guess is kept with its step, and the share right is plotted against the step.
 */
export function GuessGame() {
  const [store] = useState(createGuessStore);
  const { round, picked, guesses, dealt, deal, pick } = useStore(store);
  const output = useLab((s) => s.output);
  const sample = output?.kind === 'text' ? output : null;
  const next = () => {
    if (sample) deal(makeRound(sample.text, ALICE_CHAPTER_1_OPENING, sample.step, GAME_SEED + dealt));
  };
  const name = (i: 0 | 1) => (i === 0 ? 'A' : 'B');
  return (
    <div className="guess-game" data-testid="guess-game" data-guesses={guesses.length}>
      {!round ? (
        <p>
          {sample ? `The network has trained ${formatStep(sample.step)} steps.` : 'Waiting for the network’s first sample…'}{' '}
          <button type="button" onClick={next} disabled={!sample}>
            Deal two snippets
          </button>
        </p>
      ) : (
        <>
          <p className="guess-question">Which one did the network write (at step {formatStep(round.step)})?</p>
          <div className="guess-snippets">
            {([0, 1] as const).map((i) => (
              <button
                key={i}
                type="button"
                className="guess-snippet"
                data-snippet={name(i)}
                aria-pressed={picked === i}
                disabled={picked !== null}
                onClick={() => pick(i)}
              >
                <span className="guess-label">{name(i)}</span>
                <span className="mono">{round.snippets[i]}</span>
              </button>
            ))}
          </div>
          {picked !== null && (
            <p className="guess-verdict" role="status" data-correct={picked === round.network}>
              {picked === round.network ? 'Right' : 'Wrong'}: the network wrote {name(round.network)}; {name(round.network === 0 ? 1 : 0)} is from the book.{' '}
              <button type="button" onClick={next} disabled={!sample}>
                Next pair{sample && sample.step !== round.step ? ` (step ${formatStep(sample.step)})` : ''}
              </button>
            </p>
          )}
        </>
      )}
      <GuessAccuracy bins={useMemo(() => accuracyBins(guesses, binWidth(guesses)), [guesses])} total={guesses.length} />
    </div>
  );
}

/** The share of right guesses per bin of training steps: an SVG plot, and the same numbers as a table. */
function GuessAccuracy({ bins, total }: { bins: AccuracyBin[]; total: number }) {
  if (total === 0) return <p className="view-empty">Your guesses will be plotted here against the training step.</p>;
  const m = guessPlotModel(bins);
  const right = bins.reduce((s, b) => s + b.correct, 0);
  const label = `Your guesses: ${right} right of ${total}. ${bins.map((b) => `Steps ${formatStep(b.from)}–${formatStep(b.to)}: ${b.correct} of ${b.guesses}`).join('. ')}.`;
  return (
    <figure className="guess-accuracy">
      <figcaption>
        Right {right} of {total} ({formatPercent(right / total)}). A coin scores 50%; near 50% the network fools you.
      </figcaption>
      <svg className="chart" role="img" aria-label={label} width={GUESS_PLOT_WIDTH} height={GUESS_PLOT_HEIGHT} viewBox={`0 0 ${GUESS_PLOT_WIDTH} ${GUESS_PLOT_HEIGHT}`}>
        <AxisLeft ticks={m.yTicks} x={m.left} y0={m.top} y1={m.bottom} gridTo={m.right} />
        <AxisBottom ticks={m.xTicks} y={m.bottom} x0={m.left} x1={m.right} title="training step" />
        <line className="marker" data-marker="chance" x1={m.left} x2={m.right} y1={m.chanceY} y2={m.chanceY} />
        {m.points.map((p) => (
          <circle key={p.bin.from} className="guess-point" data-from={p.bin.from} data-accuracy={p.bin.accuracy} cx={p.x} cy={p.y} r={p.r} />
        ))}
      </svg>
      <table className="data-table" data-table="guesses">
        <caption>Your guesses by training step</caption>
        <thead>
          <tr>
            <th scope="col">steps</th>
            <th scope="col">guesses</th>
            <th scope="col">right</th>
            <th scope="col">share right</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.from}>
              <td>
                {formatStep(b.from)}–{formatStep(b.to)}
              </td>
              <td>{b.guesses}</td>
              <td>{b.correct}</td>
              <td data-value={b.accuracy}>{formatPercent(b.accuracy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
