import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import type { RunInfo, TaskOutput as Output } from '../../src/worker/protocol';
import * as exportImage from '../../src/views/kit/export-image';
import { htmlFigureToSvg } from '../../src/views/kit/export-html';
import { answersSummary, inputPieces, truncateMiddle } from '../../src/views/output/answers';
import { Session } from '../../src/engine/session';
import { Rng } from '../../src/engine/rng';
import { taskOutput } from '../../src/worker/outputs';
import { forecastDomain, forecastError, forecastModel } from '../../src/views/output/forecast-layout';
import { TaskOutput } from '../../src/views/output/TaskOutput';
import { taskQuestion } from '../../src/views/output/task-caption';
import { renderLab } from './render-lab';

const withTask = (task: SessionConfig['task']): SessionConfig => ({ ...defaultConfig(), task });
const info = (config: SessionConfig, evalSize: number): RunInfo => ({
  configRunId: 1,
  config,
  notes: [],
  task: { kind: config.task.kind, inputSize: 5, outputSize: 4, head: 'softmax', length: 11, evalSize },
  model: { cell: 'lstm', paramCount: 100, blocks: [] },
  kernels: 'reference',
});
const show = (output: Output, config: SessionConfig = defaultConfig(), evalSize = 128) =>
  renderLab(<TaskOutput />, { config, setup: (s) => s.setState({ output, info: info(config, evalSize) }) });

describe('TaskOutput', () => {
  it('says training is starting before the first output', () => {
    renderLab(<TaskOutput />);
    expect(screen.getByText(/^Training starts…/)).toBeInTheDocument();
  });

  it('shows sampled text exactly, with its step and temperature', () => {
    const text = 'Alice was  beginning\nto get very tired…';
    show({ kind: 'text', step: 1200, temperature: 0.7, text }, withTask({ kind: 'text', seqLength: 32 }));
    expect(screen.getByTestId('sampled-text').textContent).toBe(text);
    expect(screen.getByText('Sampled at step 1,200, temperature 0.7')).toBeInTheDocument();
  });

  it('tabulates echo answers with ✓ for right and ✗ for wrong, under the question the task asks', () => {
    const items = [
      { input: 'A · · · · · · · · · ·', target: 'A', output: 'A', correct: true, error: null },
      { input: 'C · · · · · · · · · ·', target: 'C', output: 'B', correct: false, error: null },
      { input: 'D · · · · · · · · · ·', target: 'D', output: 'D', correct: true, error: null },
    ];
    show({ kind: 'answers', step: 1200, items });
    const table = screen.getByRole('table');
    expect(within(table).getByText('Recall the first symbol after 10 blanks')).toBeInTheDocument();
    expect(table.querySelector('caption')).toHaveTextContent('the first 3 of 128 evaluation sequences at step 1,200: 2 of 3 correct');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['A · · · · · · · · · ·', 'A', 'A', '✓right'],
      ['C · · · · · · · · · ·', 'C', 'B', '✗wrong'],
      ['D · · · · · · · · · ·', 'D', 'D', '✓right'],
    ]);
    expect(rows[1].querySelector('[data-correct]')).toHaveAttribute('data-correct', 'false');
  });

  it('shows the absolute error for adding-task answers; a long input keeps both ends and every marked number, lit', () => {
    const long = Array.from({ length: 50 }, (_, i) => (i === 3 ? '0.400*' : i === 40 ? '0.500*' : '0.123')).join(' ');
    const items = [
      { input: long, target: '0.900', output: '0.912', correct: null, error: 0.012 },
      { input: '0.1* 0.2*', target: '0.3', output: '0.25', correct: null, error: 0.05 },
    ];
    show({ kind: 'answers', step: 50, items }, withTask({ kind: 'adding', seqLength: 50 }), 256);
    const table = screen.getByRole('table');
    expect(within(table).getByText('Add the two numbers marked * in a sequence of 50')).toBeInTheDocument();
    expect(table.querySelector('caption')).toHaveTextContent('mean |error| 0.031');
    expect(within(table).getByRole('columnheader', { name: '|error|' })).toBeInTheDocument();
    const cells = within(within(table).getAllByRole('row')[1]).getAllByRole('cell');
    // the marked numbers are never elided: what is shown adds up to the target
    expect(cells[0].textContent).toBe('0.123 … 0.400* … 0.500* … 0.123');
    expect([...cells[0].querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['0.400*', '0.500*']);
    expect(cells[0]).toHaveAttribute('title', long);
    expect(cells[3].textContent).toBe('0.012');
    // a short input is shown whole, without a tooltip, its marked numbers lit
    const short = within(within(table).getAllByRole('row')[2]).getAllByRole('cell')[0];
    expect(short.textContent).toBe('0.1* 0.2*');
    expect(short.querySelectorAll('mark')).toHaveLength(2);
    expect(short).not.toHaveAttribute('title');
  });

  it('on real adding sequences (T = 50) the two numbers shown lit add up to the target shown', () => {
    const session = new Session({ task: { kind: 'adding', seqLength: 50 }, model: { cell: 'lstm', hiddenSize: 4 } });
    const out = taskOutput(session, new Rng(1));
    if (out.kind !== 'answers') throw new Error('adding answers');
    show(out, withTask({ kind: 'adding', seqLength: 50 }), 256);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.length).toBe(out.items.length);
    for (const row of rows) {
      const cells = within(row).getAllByRole('cell');
      const marked = [...cells[0].querySelectorAll('mark')].map((m) => Number(m.textContent!.replace('*', '')));
      expect(marked).toHaveLength(2);
      // each addend and the target are printed to 3 significant digits
      expect(Math.abs(marked[0] + marked[1] - Number(cells[1].textContent))).toBeLessThanOrEqual(0.0051);
    }
  });

  it('without marks, a long input is truncated in the middle as before', () => {
    expect(inputPieces(Array.from({ length: 50 }, () => '0.123').join(' '), 40)).toEqual([{ text: '0.123 0.123 0.123 … 0.123 0.123 0.123', marked: false }]);
  });

  it('draws context, forecast and truth (three paths) with a marker where the forecast starts', () => {
    const context = Float64Array.from([0, 1, 0, -1]);
    const predicted = Float64Array.from([0.1, 0.9, 0.2]);
    const truth = Float64Array.from([0, 1, 0]);
    const { container } = show({ kind: 'forecast', step: 300, context, predicted, truth }, withTask({ kind: 'sine', seqLength: 4, noise: 0.05, components: 1 }));
    const chart = container.querySelector('svg[role="img"]') as SVGSVGElement;
    expect(chart.querySelectorAll('path.series')).toHaveLength(3);
    const m = forecastModel({ context, predicted, truth }, 640);
    expect(chart.querySelector('[data-series="truth"]')).toHaveAttribute('d', m.truthPath);
    expect(chart.querySelector('[data-marker="forecast-start"]')).toHaveAttribute('x1', String(m.splitX));
    expect(chart).toHaveAttribute('aria-label', 'Forecast at step 300: the net read 4 values, then predicted 3 more on its own; mean distance from the truth 0.133.');
    expect(within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['what the net read', 'its forecast (fed its own output)', 'truth without noise']);
  });

  it('draws two paths and no truth in the legend for a user series', () => {
    const { container } = show(
      { kind: 'forecast', step: 10, context: Float64Array.from([1, 2, 3]), predicted: Float64Array.from([4, 5]), truth: new Float64Array(0) },
      withTask({ kind: 'series', csv: '1\n2\n3', seqLength: 4 }),
    );
    expect(container.querySelectorAll('svg path.series')).toHaveLength(2);
    expect(container.querySelector('[data-series="truth"]')).toBeNull();
    expect(screen.queryByText('truth without noise')).toBeNull();
    expect(screen.getByText('Continue your series after reading 4 of its values')).toBeInTheDocument();
  });
});

/** The rows of a table's body, each as its cells' text. */
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
const SINE = withTask({ kind: 'sine', seqLength: 4, noise: 0.05, components: 1 });
const forecastData = () => ({ context: Float64Array.from([0, 1, 0, -1]), predicted: Float64Array.from([0.1, 0.9, 0.2]), truth: Float64Array.from([0, 1, 0]) });
const forecastOutput = (): Output => ({ kind: 'forecast', step: 300, ...forecastData() });

describe('TaskOutput: table alternative and export', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tabulates a forecast step by step: what the net read, then its forecast beside the truth', () => {
    const { container } = show(forecastOutput(), SINE);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(container.querySelector('svg[role="img"]')).toBeNull();
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('data-table', 'forecast');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['t', 'what the net read', 'its forecast', 'truth without noise']);
    expect(bodyRows(table)).toEqual([
      ['0', '0', '', ''],
      ['1', '1', '', ''],
      ['2', '0', '', ''],
      ['3', '-1', '', ''],
      ['4', '', '0.1', '0'],
      ['5', '', '0.9', '1'],
      ['6', '', '0.2', '0'],
    ]);
    // mean |forecast − truth| = (0.1 + 0.1 + 0.2) / 3
    expect(table.querySelector('caption')).toHaveTextContent('forecast at step 300: reads 4 values, then feeds back its own predictions for 3 steps; mean distance from the truth 0.133');
  });

  it('tabulates a user series without a truth column', () => {
    show(
      { kind: 'forecast', step: 10, context: Float64Array.from([1.5, 2.25]), predicted: Float64Array.from([3.125, 1234.5]), truth: new Float64Array(0) },
      withTask({ kind: 'series', csv: '1\n2\n3', seqLength: 4 }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['t', 'what the net read', 'its forecast']);
    expect(bodyRows(table)).toEqual([
      ['0', '1.5', ''],
      ['1', '2.25', ''],
      ['2', '', '3.13'],
      ['3', '', '1,230'],
    ]);
  });

  it('tabulates sampled text with its step, temperature and length', () => {
    const text = 'Alice was  beginning\nto get very tired…';
    show({ kind: 'text', step: 1200, temperature: 0.7, text }, withTask({ kind: 'text', seqLength: 32 }));
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    expect(screen.queryByTestId('sampled-text')).toBeNull();
    expect(bodyRows(table)).toEqual([['1,200', '0.7', '39', text]]);
  });

  it('shows the answers table as its own table alternative', () => {
    const items = [
      { input: 'A · ·', target: 'A', output: 'A', correct: true, error: null },
      { input: 'B · ·', target: 'B', output: 'C', correct: false, error: null },
    ];
    show({ kind: 'answers', step: 40, items });
    const before = bodyRows(screen.getByRole('table'));
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    expect(table.closest('.view-table')).not.toBeNull();
    expect(bodyRows(table)).toEqual(before);
    expect(before).toEqual([
      ['A · ·', 'A', 'A', '✓right'],
      ['B · ·', 'B', 'C', '✗wrong'],
    ]);
  });

  it('exports a forecast as SVG chart with its legend words, and text and answers through htmlFigureToSvg', () => {
    const svg = vi.spyOn(exportImage, 'downloadSvg').mockImplementation(() => {});
    const png = vi.spyOn(exportImage, 'downloadPng').mockResolvedValue();
    const f = show(forecastOutput(), SINE);
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    fireEvent.click(screen.getByRole('button', { name: 'PNG' }));
    const figure = f.container.querySelector('.view-figure') as HTMLElement;
    expect(svg).toHaveBeenLastCalledWith(figure, 'task-output', undefined);
    expect(png).toHaveBeenLastCalledWith(figure, 'task-output', 2, undefined);
    const doc = new DOMParser().parseFromString(exportImage.figureToSvg(figure), 'image/svg+xml');
    expect([...doc.querySelectorAll(':root > text')].map((t) => t.textContent)).toEqual(['what the net read', 'its forecast (fed its own output)', 'truth without noise']);
    expect(doc.querySelector('[data-series="truth"]')?.getAttribute('d')).toBe(forecastModel(forecastData(), 640).truthPath);
    f.unmount();

    const items = [{ input: 'A · ·', target: 'A', output: 'B', correct: false, error: null }];
    const a = show({ kind: 'answers', step: 40, items });
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    const answersFigure = a.container.querySelector('.view-figure') as HTMLElement;
    expect(svg).toHaveBeenLastCalledWith(answersFigure, 'task-output', htmlFigureToSvg);
    // the exported table keeps ✗ and drops the screen-reader word beside it
    const fo = new DOMParser().parseFromString(htmlFigureToSvg(answersFigure), 'image/svg+xml').querySelector('foreignObject') as Element;
    expect(fo.querySelector('[data-correct]')?.textContent).toBe('✗');
    a.unmount();

    show({ kind: 'text', step: 5, temperature: 0.7, text: 'abc' }, withTask({ kind: 'text', seqLength: 32 }));
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    expect(svg).toHaveBeenLastCalledWith(expect.any(HTMLElement), 'task-output', htmlFigureToSvg);
  });
});

describe('output helpers', () => {
  it('truncates in the middle to at most the maximum length, keeping both ends', () => {
    expect(truncateMiddle('A · · · · · · · · · · · · · · · · · · · · B', 15)).toBe('A · · · … · · B');
    expect(truncateMiddle('A · · · · · · · · · · · · · · · · · · · · B', 14)).toBe('A · · … · · B');
    // no room for a whole token at each end: cut between characters
    expect(truncateMiddle('abcdefghij', 5)).toBe('ab…ij');
    expect(truncateMiddle('abcdef ghijkl', 8)).toBe('abcd…jkl');
    expect(truncateMiddle('abcdefghij', 6)).toBe('abc…ij');
    expect(truncateMiddle('abcdefghij', 10)).toBe('abcdefghij');
    expect(truncateMiddle('abc', 1)).toBe('a…');
  });

  it('summarises answers as a count of right ones or a mean absolute error', () => {
    const it1 = { input: '', target: '', output: '', correct: null, error: 0.1 };
    expect(answersSummary([it1, { ...it1, error: 0.3 }])).toBe('mean |error| 0.2');
    expect(answersSummary([{ ...it1, correct: true, error: null }, { ...it1, correct: false, error: null }])).toBe('1 of 2 correct');
    expect(answersSummary([{ ...it1, error: null }])).toBe('');
  });

  it('asks each task its question', () => {
    expect(taskQuestion({ kind: 'echo', lag: 1, symbols: 4 })).toBe('Recall the first symbol after 1 blank');
    expect(taskQuestion({ kind: 'sine', seqLength: 40, noise: 0, components: 2 })).toBe('Continue a sum of 2 sine waves after reading 40 noisy values');
  });

  it('places the forecast after the context on a shared time axis, the split half a step before it', () => {
    const d = { context: [0, 1, 0, -1], predicted: [0.1, 0.9, 0.2], truth: [0, 1, 0] };
    const m = forecastModel(d, 640);
    // t = 0…6 onto x 56…624: 94.667 px per step; y domain [−1, 1] onto 172…24
    expect(m.splitX).toBeCloseTo(56 + 3.5 * (568 / 6), 9);
    expect(m.contextPath.startsWith('M56,98L')).toBe(true);
    expect(m.predictedPath.startsWith(`M${Math.round((56 + 4 * (568 / 6)) * 1000) / 1000},`)).toBe(true);
    expect(forecastError(d)).toBeCloseTo(0.4 / 3, 12);
    expect(forecastError({ ...d, truth: [] })).toBeNull();
  });

  it('keeps a runaway forecast from flattening the signal: the y domain widens by at most the signal range', () => {
    expect(forecastDomain({ context: [0, 1], predicted: [0.5, 1e6], truth: [] })).toEqual([0, 2]);
    // a forecast within reach widens the domain to include it (then rounded to ticks 0.5 apart)
    expect(forecastDomain({ context: [0, 1], predicted: [-0.5, 1.2], truth: [] })).toEqual([-0.5, 1.5]);
    expect(forecastDomain({ context: [3, 3], predicted: [3], truth: [] })).toEqual([2, 4]);
    expect(forecastDomain({ context: [NaN], predicted: [NaN], truth: [] })).toEqual([-1, 1]);
  });
});
