/**
 * "Human or network?" and the CO₂ forecast in jsdom: a round's two snippets (same length, one from the book, order
 * from a seed), the accuracy bins, the game recording a guess with its step in its own store and showing it in the
 * plot and the table, and the forecast output drawing the held-out tail against the forecast in ppm.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GuessGame } from '../../src/apps/GuessGame';
import { accuracyBins, binWidth, cutSnippet, makeRound } from '../../src/apps/guess-round';
import { findApp } from '../../src/apps/registry';
import { Rng } from '../../src/engine/rng';
import { Session } from '../../src/engine/session';
import { ALICE_CHAPTER_1_OPENING } from '../../src/engine/tasks/corpus';
import { fromHash } from '../../src/state/url';
import { TaskOutput } from '../../src/views/output/TaskOutput';
import { taskOutput } from '../../src/worker/outputs';
import { renderLab } from '../views/render-lab';

const BOOK = ALICE_CHAPTER_1_OPENING.replace(/\s+/g, ' ');
const SAMPLE = 'Alice the was sher and the rabbit-hole wat dow the seme to her, and thoug the well of tha fell.';

describe('a round', () => {
  it('is two 60-character snippets, the network’s from its sample and the other from the book, in a seeded order', () => {
    const r = makeRound(SAMPLE, ALICE_CHAPTER_1_OPENING, 120, 11)!;
    expect(r.snippets.map((s) => s.length)).toEqual([60, 60]);
    expect(BOOK).toContain(r.snippets[1 - r.network]);
    expect(SAMPLE).toContain(r.snippets[r.network]);
    expect(r.snippets[r.network].startsWith('the was')).toBe(true); // the prime's first word skipped
    expect(makeRound(SAMPLE, ALICE_CHAPTER_1_OPENING, 120, 11)).toEqual(r);
    // over seeds, both orders occur
    const orders = new Set(Array.from({ length: 20 }, (_, i) => makeRound(SAMPLE, ALICE_CHAPTER_1_OPENING, 0, i)!.network));
    expect([...orders].sort()).toEqual([0, 1]);
    expect(cutSnippet('ab\ncd  ef', 0, 5)).toBe('ab cd');
  });

  it('is none when the sample is too short or not text', () => {
    expect(makeRound('short', ALICE_CHAPTER_1_OPENING, 0, 1)).toBeNull();
    expect(makeRound(undefined as unknown as string, ALICE_CHAPTER_1_OPENING, 0, 1)).toBeNull();
  });

  it('groups guesses into bins of steps with their share right', () => {
    const g = [
      { step: 10, correct: true },
      { step: 40, correct: false },
      { step: 260, correct: true },
      { step: NaN, correct: true },
    ];
    expect(binWidth(g)).toBe(50);
    expect(accuracyBins(g, 50)).toEqual([
      { from: 0, to: 50, guesses: 2, correct: 1, accuracy: 0.5 },
      { from: 250, to: 300, guesses: 1, correct: 1, accuracy: 1 },
    ]);
    expect(binWidth([{ step: 1200, correct: true }])).toBe(500); // 1,201 / 6 is just over 200
    expect(binWidth([{ step: 1100, correct: true }])).toBe(200);
  });
});

describe('the game', () => {
  it('records a guess with the step of the sample it was dealt from, and plots and tabulates it', () => {
    const { container } = renderLab(<GuessGame />, { setup: (s) => s.setState({ output: { kind: 'text', step: 120, temperature: 0.7, text: SAMPLE } }) });
    const game = screen.getByTestId('guess-game');
    expect(game).toHaveAttribute('data-guesses', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Deal two snippets' }));
    expect(screen.getByText('Which one did the network write (at step 120)?')).toBeInTheDocument();
    const round = makeRound(SAMPLE, ALICE_CHAPTER_1_OPENING, 120, 11)!;
    const network = round.network === 0 ? 'A' : 'B';
    // the network's snippet is picked: right
    fireEvent.click(container.querySelector(`[data-snippet="${network}"]`)!);
    expect(game).toHaveAttribute('data-guesses', '1');
    expect(screen.getByRole('status')).toHaveTextContent(`Right: the network wrote ${network}`);
    // a second click on the same round changes nothing
    fireEvent.click(container.querySelector('[data-snippet="A"]')!);
    expect(game).toHaveAttribute('data-guesses', '1');
    let rows = within(container.querySelector('table[data-table="guesses"]') as HTMLElement).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent))).toEqual([['100–150', '1', '1', '100%']]);
    expect(container.querySelectorAll('circle.guess-point')).toHaveLength(1);
    expect(container.querySelector('circle.guess-point')).toHaveAttribute('data-accuracy', '1');
    // the next pair, the book's snippet picked: wrong; 1 of 2 in the bin
    fireEvent.click(screen.getByRole('button', { name: /^Next pair/ }));
    const r2 = makeRound(SAMPLE, ALICE_CHAPTER_1_OPENING, 120, 12)!;
    fireEvent.click(container.querySelector(`[data-snippet="${r2.network === 0 ? 'B' : 'A'}"]`)!);
    expect(screen.getByRole('status')).toHaveTextContent(/^Wrong/);
    rows = within(container.querySelector('table[data-table="guesses"]') as HTMLElement).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent))).toEqual([['100–150', '2', '1', '50%']]);
    expect(screen.getByRole('img', { name: /Your guesses: 1 right of 2/ })).toBeInTheDocument();
  });

  it('waits for a sample before dealing', () => {
    renderLab(<GuessGame />);
    expect(screen.getByRole('button', { name: 'Deal two snippets' })).toBeDisabled();
  });
});

describe('the CO₂ forecast output', () => {
  it('draws the 60 months read, the 48 forecast and the 48 held out, in ppm, and the seasonal yardstick of the same months', async () => {
    const { config } = fromHash(`#${findApp('forecast')!.scenario}`);
    const out = taskOutput(new Session(config), new Rng(1));
    if (out.kind !== 'forecast') throw new Error(out.kind);
    expect([out.context.length, out.predicted.length, out.truth.length]).toEqual([60, 48, 48]);
    expect(out.context[59]).toBeCloseTo(419.01, 9); // April 2021, the last month trained on
    expect(out.truth[0]).toBeCloseTo(419.09, 9); // May 2021
    expect(out.truth[47]).toBeCloseTo(429.64, 9); // April 2025
    const { container } = renderLab(<TaskOutput />, { config, setup: (s) => s.setState({ output: out }) });
    // the seasonal forecast is computed in a module loaded on demand: it joins the chart when it arrives
    await screen.findByText(/the value 12 steps before plus the mean rise/);
    expect(container.querySelectorAll('svg.forecast-chart path.series')).toHaveLength(4);
    expect(container.querySelector('path[data-series="seasonal"]')).toHaveClass('series-baseline', 'dashed');
    expect(within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'what the net read',
      'its forecast (fed its own output)',
      'what happened (held out)',
      'the value 12 steps before plus the mean rise (seasonal yardstick)',
    ]);
    // 2.05 ppm for the seasonal forecast and 3.53 for the last value repeated (test/engine/tasks/seasonal.test.ts)
    expect(container.querySelector('svg.forecast-chart')).toHaveAttribute('aria-label', expect.stringMatching(/read 60 values, then predicted 48 more on its own; mean distance from what happened \(held out\) .+; the seasonal yardstick 2\.05, the last value repeated 3\.53\.$/));
  });
});
