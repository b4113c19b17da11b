/**
 * `npm run experiments`: the long-range dependency result (vanilla RNNs forget over long lags, gated cells
 * remember), measured on our engine — echo accuracy against the lag, and the adding problem against T, for
 * tanh RNN, LSTM and GRU with the same budget. Writes docs/experiments.md (or prints it with --stdout), which
 * states these settings beside its tables: hidden 16, batch 32, norm clipping 1; echo Adam 0.003, LSTM forget
 * bias 3, 1500 steps; adding Adam 0.01, 2000 steps. Then the applications' tables (experiments-apps.ts); with --apps
 * only those are measured, and spliced into the existing document in place of their previous version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { CellKind } from '../engine/types';
import { appsSection, spliceApps } from './experiments-apps';
import { runCli } from './io';
import { runTraining } from './training';

/** The models compared; the second tanh RNN starts from PyTorch's default U(±1/√H) instead of Xavier. */
interface Variant {
  label: string;
  cell: CellKind;
  init: { scheme: 'xavier' | 'uniform'; scale: number };
}
const VARIANTS: Variant[] = [
  { label: 'tanh RNN, Xavier init', cell: 'rnn', init: { scheme: 'xavier', scale: 0.1 } },
  { label: 'tanh RNN, U(±1/√H) init', cell: 'rnn', init: { scheme: 'uniform', scale: 0.25 } },
  { label: 'LSTM', cell: 'lstm', init: { scheme: 'xavier', scale: 0.1 } },
  { label: 'GRU', cell: 'gru', init: { scheme: 'xavier', scale: 0.1 } },
];
const quick = process.argv.includes('--quick');
const LAGS = quick ? [2, 10] : [2, 5, 10, 20, 40, 80];
const ADD_T = quick ? [10] : [10, 25, 50, 100];
const ECHO_SEEDS = quick ? [1] : [1, 2, 3];
const ADD_SEEDS = quick ? [1] : [1, 2];
const ECHO_STEPS = quick ? 200 : 1500;
const ADD_STEPS = quick ? 200 : 2000;

interface Cell {
  values: number[];
  /** first evaluated step at which the run reached its target (echo: accuracy 1; adding: MSE < 0.01), per seed */
  reached: (number | null)[];
}

function base(v: Variant, seed: number) {
  return { model: { cell: v.cell, activation: 'tanh', hiddenSize: 16 }, batch: 32, clip: { kind: 'norm', threshold: 1 }, seed, init: { ...v.init, forgetBias: v.cell === 'lstm' ? 3 : 1 } };
}

function measure(config: object, steps: number, hit: (v: number) => boolean): { value: number; reached: number | null; seconds: number } {
  let reached: number | null = null;
  const summary = runTraining(config, { steps, evalEvery: 100 }, (line) => {
    if (reached === null && hit(line.metric.value)) reached = line.step;
  });
  return { value: summary.metric?.value ?? NaN, reached, seconds: summary.seconds };
}

const fmtPct = (v: number) => `${Math.round(v * 100)}%`;
const fmtMse = (v: number) => v.toFixed(3);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

function table(head: string, cols: number[], rows: Map<Variant, Cell[]>, fmt: (v: number) => string): string {
  const lines = [`| ${head} | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`];
  for (const v of VARIANTS) {
    const cells = rows.get(v)!.map((c) => `${fmt(mean(c.values))} (${c.values.map(fmt).join(', ')})`);
    lines.push(`| ${v.label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** What the full run recorded here showed (runs are seeded, so the same engine on the same platform repeats them). */
const READING = `
## Reading the tables

- **The adding problem shows the textbook contrast.** The tanh RNN learns T = 10, struggles at 25 and sits at the
  baseline of always answering 1.0 (≈ 0.167) from T = 50, with either initialization; the LSTM and the GRU stay at
  MSE ≤ 0.001 up to T = 100.
- **On echo, initialization decides for the vanilla RNN.** From Xavier initialization (a 16 × 16 recurrent matrix
  with spectral radius near 1) the tanh RNN still recalls the symbol after 80 blank steps; from U(±1/√H), whose
  spectral radius is well below 1, it falls to chance (25%) at lag 80 and loses a seed at lag 40. That is the
  standard remedy "initialize the weights properly", measured.
- **The LSTM holds at every lag** — its forget-gate bias of 3 starts f ≈ 0.95, a memory line that leaks 5% per step
  instead of multiplying by W_hh; it reaches 100% within 100 steps even at lag 80.
- **The GRU fails at lag 80 within this budget.** Its update gate starts near z = 0.5, so without a bias of its own
  it must first learn to close the gate before the error can reach step 0; at lag 40 it needs 200–300 steps where
  the LSTM needs 100. Not every gated cell wins every setting: the contrast depends on the initial gates as much as
  on the architecture.
`;

const log = (s: string) => process.stderr.write(s);

function writeDoc(md: string): void {
  if (process.argv.includes('--stdout')) process.stdout.write(md);
  else writeFileSync('docs/experiments.md', md);
}

runCli(() => {
  if (process.argv.includes('--apps')) {
    writeDoc(spliceApps(readFileSync('docs/experiments.md', 'utf8'), appsSection(log)));
    return;
  }
  const t0 = performance.now();
  const echo = new Map<Variant, Cell[]>();
  const adding = new Map<Variant, Cell[]>();
  for (const v of VARIANTS) {
    echo.set(v, LAGS.map((lag) => {
      const runs = ECHO_SEEDS.map((seed) => measure({ ...base(v, seed), task: { kind: 'echo', lag, symbols: 4 }, optimizer: { kind: 'adam', lr: 0.003 } }, ECHO_STEPS, (v) => v >= 1));
      process.stderr.write(`echo ${v.label} lag ${lag}: ${runs.map((r) => fmtPct(r.value)).join(' ')} (${runs.map((r) => r.seconds.toFixed(1)).join('+')} s)\n`);
      return { values: runs.map((r) => r.value), reached: runs.map((r) => r.reached) };
    }));
    adding.set(v, ADD_T.map((T) => {
      const runs = ADD_SEEDS.map((seed) => measure({ ...base(v, seed), task: { kind: 'adding', seqLength: T }, optimizer: { kind: 'adam', lr: 0.01 } }, ADD_STEPS, (v) => v < 0.01));
      process.stderr.write(`adding ${v.label} T ${T}: ${runs.map((r) => fmtMse(r.value)).join(' ')} (${runs.map((r) => r.seconds.toFixed(1)).join('+')} s)\n`);
      return { values: runs.map((r) => r.value), reached: runs.map((r) => r.reached) };
    }));
  }
  const minutes = ((performance.now() - t0) / 60000).toFixed(1);
  const reachedLine = (m: Map<Variant, Cell[]>, cols: number[], what: string) =>
    VARIANTS.map((v) => `- ${v.label}: ${m.get(v)!.map((x, k) => `${cols[k]} → ${x.reached.map((r) => (r === null ? 'never' : r)).join('/')}`).join('; ')}`).join('\n') + `\n\n(${what})`;
  const md = `# Long-range dependencies: what the engine measures

Produced by \`npm run experiments\` (${minutes} min on this machine; \`npm run experiments -- --quick\` for a 1-minute smoke run). Every run is \`npm run train\`'s code path (src/cli/training.ts) with hidden 16, batch 32, gradient clipping by global norm at 1, Xavier initialization unless the row says otherwise; the LSTM's forget-gate bias is 3. The second RNN row starts from U(±1/√H) = U(±0.25), PyTorch's default, whose recurrent matrix has a spectral radius well below 1: it shows what initialization alone does to memory. Figures are the task metric on the task's fixed evaluation set at the end of training: the mean over seeds, then each seed in brackets.

## Echo: recall the first of 4 symbols after a lag of L blank steps
Adam, learning rate 0.003, ${ECHO_STEPS} steps, seeds ${ECHO_SEEDS.join(', ')}. Chance is 25%.

${table('model \\ lag L', LAGS, echo, fmtPct)}

First evaluation step (every 100) at which each seed reached 100%:
${reachedLine(echo, LAGS, 'lag → steps per seed')}

## Adding problem (Hochreiter & Schmidhuber 1997)
Adam, learning rate 0.01, ${ADD_STEPS} steps, seeds ${ADD_SEEDS.join(', ')}. Always answering 1.0 scores about 0.167 (MSE).

${table('model \\ T', ADD_T, adding, fmtMse)}

First evaluation step at which each seed's MSE fell below 0.01:
${reachedLine(adding, ADD_T, 'T → steps per seed')}
${quick ? '' : READING}`;
  writeDoc(quick ? md : spliceApps(md, appsSection(log)));
});
