/**
 * "What RNNs are for" in jsdom: the routes, the registry's entries (each a run the lab reads without a note, controls
 * and views that exist, short sentences), the gallery, the score line, the cost table from a benchmark's results,
 * and the benchmark hook's requests and answers.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parseRoute } from '../../src/app/route';
import AppPage from '../../src/apps/AppPage';
import { AppsGallery } from '../../src/apps/AppsGallery';
import { CostPanel, formatMs } from '../../src/apps/CostPanel';
import { MetricReadout, percent } from '../../src/apps/MetricReadout';
import { APPS, appHash, findApp, labHash, scenarioHash } from '../../src/apps/registry';
import { BENCHMARK_MS, useBenchmark } from '../../src/apps/use-benchmark';
import type { Benchmark } from '../../src/apps/use-benchmark';
import { normalizeConfig } from '../../src/engine/config';
import { createTask } from '../../src/engine/tasks/create';
import { Home } from '../../src/course/Home';
import { CONTROL_IDS, parseScenario } from '../../src/state/scenario';
import { VIEW_IDS } from '../../src/state/store';
import type { RunInfo, WorkerEvent } from '../../src/worker/protocol';
import { fromHash } from '../../src/state/url';
import { metricDomain } from '../../src/views/curve/curve-layout';
import { renderLab, stubLab } from '../views/render-lab';

describe('routes', () => {
  it('#apps is the gallery and #app=<id> an application; an id is cut at 40 characters', () => {
    expect(parseRoute('#apps')).toEqual({ page: 'apps' });
    expect(parseRoute('#app=translate')).toEqual({ page: 'app', id: 'translate' });
    expect(parseRoute(`#app=${'x'.repeat(100)}`)).toEqual({ page: 'app', id: 'x'.repeat(40) });
    expect(parseRoute('#app=')).toEqual({ page: 'app', id: '' });
    // the lab, lessons and links of before are unchanged
    expect(parseRoute('#task=translate&cell=gru')).toEqual({ page: 'lab' });
    expect(parseRoute('#lessons')).toEqual({ page: 'lessons' });
    expect(appHash('caption')).toBe('#app=caption');
  });
});

describe('the registry', () => {
  it('has unique ids, and each entry is a run the lab reads as it is, with controls and views that exist', () => {
    expect(new Set(APPS.map((a) => a.id)).size).toBe(APPS.length);
    for (const app of APPS) {
      const { config, ui, notes } = fromHash(`#${app.scenario}`);
      expect(notes, app.id).toEqual([]);
      expect(normalizeConfig(config).notes, app.id).toEqual([]);
      expect(config.task.kind).toBe(({ lm: 'text', forecast: 'series' } as Record<string, string>)[app.id] ?? app.id);
      expect(() => createTask(config.task)).not.toThrow();
      expect(ui.autoplay).toBe(true);
      for (const c of app.controls) expect(CONTROL_IDS).toContain(c);
      expect(app.controls).toContain('playback');
      for (const v of app.views) expect(VIEW_IDS).toContain(v);
      expect(parseScenario(scenarioHash(app)).notes).toEqual([]);
      expect(fromHash(labHash(app)).notes).toEqual([]);
      expect(fromHash(labHash(app)).ui.views).toEqual([...app.views, 'unroll', 'gates']);
      // plain words, short sentences (the lessons' own rule: at most 220 characters)
      for (const p of app.story) for (const s of p.split(/(?<=[.!?])\s+/)) expect(s.length, s).toBeLessThanOrEqual(220);
      expect(findApp(app.id)).toBe(app);
    }
    expect(findApp('nope')).toBeUndefined();
    expect(fromHash('#app=translate').notes).toEqual([]); // the route's key is not an unknown link setting
  });

  it('translation is an LSTM of 32 units reading the words in order; captions an LSTM of 32 with learning rate 0.005', () => {
    const t = fromHash(`#${findApp('translate')!.scenario}`).config;
    expect(t.task).toEqual({ kind: 'translate', reverse: false });
    expect(t.model).toMatchObject({ cell: 'lstm', hiddenSize: 32 });
    const c = fromHash(`#${findApp('caption')!.scenario}`).config;
    expect(c.optimizer.lr).toBe(0.005);
  });
});

describe('the gallery and the links to it', () => {
  it('lists every application with its summary and a link to its page; the header marks where you are', () => {
    render(<AppsGallery />);
    expect(screen.getByRole('heading', { level: 1, name: 'What RNNs are for' })).toBeInTheDocument();
    const cards = [...document.querySelectorAll('.app-card')] as HTMLElement[];
    expect(cards.map((c) => c.getAttribute('data-app'))).toEqual(APPS.map((a) => a.id));
    cards.forEach((c, i) => {
      expect(within(c).getByRole('link', { name: APPS[i].title })).toHaveAttribute('href', `#app=${APPS[i].id}`);
      expect(c).toHaveTextContent(APPS[i].summary);
    });
    const nav = screen.getByRole('navigation', { name: 'Site' });
    expect(within(nav).getByRole('link', { name: 'What RNNs are for' })).toHaveAttribute('aria-current', 'page');
  });

  it('the home page links to it', () => {
    vi.stubGlobal('Worker', undefined);
    render(<Home />);
    const links = screen.getAllByRole('link', { name: 'What RNNs are for' });
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['#apps', '#apps']);
    vi.unstubAllGlobals();
  });

  it('an unknown id is named as text and the page lists the ones there are', () => {
    render(<AppPage id={'<img src=x onerror=alert(1)>'} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('No application called “<img src=x onerror=alert(1)>”');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(APPS.map((a) => a.title));
  });

  it('an application page tells its story and hands the student only the settings its registry entry names', async () => {
    render(<AppPage id="translate" />);
    expect(screen.getByRole('heading', { level: 1, name: findApp('translate')!.title })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open this run in the lab' })).toHaveAttribute('href', labHash(findApp('translate')!));
    // the lab is made after mount; its settings form holds the cell and the source order, and nothing else
    const form = await screen.findByRole('form', { name: 'Run settings' });
    expect(within(form).getAllByRole('combobox').map((c) => (c as HTMLSelectElement).labels?.[0]?.textContent?.trim())).toEqual(['The encoder reads the words', 'Cell']);
    expect(document.querySelectorAll('section.panel')).toHaveLength(3);
    expect([...document.querySelectorAll('section.panel')].map((p) => p.getAttribute('data-view'))).toEqual(['output', 'curve', 'cost']);
  });
});

const RESULTS = [
  { cell: 'rnn' as const, paramCount: 3755, steps: 272, msPerStep: 0.84 },
  { cell: 'lstm' as const, paramCount: 13931, steps: 101, msPerStep: 2.4 },
  { cell: 'gru' as const, paramCount: 10539, steps: 102, msPerStep: 1.9 },
];
const bench = (b: Partial<Benchmark>): Benchmark => ({ state: 'done', results: RESULTS, error: null, measure: vi.fn(), ...b });
const TRANSLATE = fromHash(`#${APPS[0].scenario}`).config;

describe('CostPanel', () => {
  it('tabulates each cell’s parameters and time per step beside the RNN’s, and marks the cell training above', () => {
    renderLab(<CostPanel bench={bench({})} />, { config: TRANSLATE });
    const rows = within(screen.getByTestId('cost-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [r.getAttribute('data-cell'), ...within(r).getAllByRole('cell').map((c) => c.textContent)])).toEqual([
      ['rnn', '3,755 (1×)', '0.84 ms (1×)'],
      ['lstm', '13,931 (3.7×)', '2.4 ms (2.9×)'],
      ['gru', '10,539 (2.8×)', '1.9 ms (2.3×)'],
    ]);
    expect(rows[1]).toHaveClass('cost-current');
    expect(rows[1]).toHaveTextContent('(training above)');
    expect(screen.getByTestId('cost-table')).toHaveTextContent('RNN 272 steps, LSTM 101 steps, GRU 102 steps after a warm-up step');
    expect(screen.getByText(/at 32 hidden units and batches of 16/)).toBeInTheDocument();
  });

  it('“Measure again” asks for a new timing; while one runs, and before the run is up, it waits', () => {
    const b = bench({});
    const { unmount } = renderLab(<CostPanel bench={b} />, { config: TRANSLATE });
    fireEvent.click(screen.getByRole('button', { name: 'Measure again' }));
    expect(b.measure).toHaveBeenCalledTimes(1);
    unmount();
    renderLab(<CostPanel bench={bench({ state: 'measuring', results: [] })} />, { config: TRANSLATE });
    expect(screen.getByText('Timing each cell in the training worker…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Measuring…' })).toBeDisabled();
  });

  it('a failed timing says why, and a step never timed reads —', () => {
    renderLab(<CostPanel bench={bench({ state: 'error', results: [], error: 'There is no run to time yet.' })} />, { config: TRANSLATE });
    expect(screen.getByText('The timing failed: There is no run to time yet.')).toBeInTheDocument();
    expect(formatMs(NaN)).toBe('—');
    expect(formatMs(0.8444)).toBe('0.84 ms');
    expect(formatMs(12.6)).toBe('13 ms');
    expect(formatMs(1530)).toBe('1.5 s');
  });
});

describe('MetricReadout', () => {
  it('gives the score as a percentage beside a trivial answer’s, a small one to one significant digit', () => {
    renderLab(<MetricReadout words="of the 205 unseen numbers written exactly right" />, {
      config: TRANSLATE,
      setup: (s) => {
        s.getState().metrics.push(300, 0.9512);
        s.setState({ metric: { name: 'exact match', value: 0.9512, baseline: 1 / 205, baselineName: 'one constant answer (1 of 205)', higherIsBetter: true } });
      },
    });
    expect(screen.getByTestId('app-metric')).toHaveTextContent('95% of the 205 unseen numbers written exactly right (exact match, step 300); one constant answer (1 of 205): 0.5%.');
    expect(screen.getByTestId('app-metric')).toHaveAttribute('data-value', '0.9512');
    expect(percent(0.0049)).toBe('0.5%');
    expect(percent(0)).toBe('0%');
  });

  it('waits for the first evaluation', () => {
    renderLab(<MetricReadout words="x" />);
    expect(screen.getByTestId('app-metric')).toHaveTextContent('The score appears after the first evaluation…');
  });

  it('the training curve draws exact match as a fraction on 0–100%, as it does an accuracy', () => {
    expect(metricDomain('exact match', 1 / 205, [0.45], 1)).toEqual([0, 1]);
  });
});

describe('useBenchmark', () => {
  function Probe({ lab, out }: { lab: ReturnType<typeof stubLab>; out: { b: Benchmark | null } }) {
    out.b = useBenchmark(lab);
    return <p data-testid="state">{out.b.state}</p>;
  }
  const info = { configRunId: 1, config: TRANSLATE, notes: [], task: { kind: 'translate', inputSize: 11, outputSize: 11, head: 'softmax', length: 5, evalSize: 205 }, model: { cell: 'lstm', paramCount: 13931, blocks: [] }, kernels: 'reference' } as RunInfo;

  it('asks the worker to time the three cells once the run is up, and shows the answer to its own request only', () => {
    const lab = stubLab(TRANSLATE);
    let listener: ((e: WorkerEvent) => void) | null = null;
    lab.client.subscribe = vi.fn((l) => {
      listener = l;
      return () => (listener = null);
    });
    const out: { b: Benchmark | null } = { b: null };
    render(<Probe lab={lab} out={out} />);
    expect(screen.getByTestId('state')).toHaveTextContent('waiting');
    expect(lab.client.send).not.toHaveBeenCalled();
    act(() => lab.store.setState({ info, runId: 4 }));
    expect(lab.client.send).toHaveBeenCalledTimes(1);
    const cmd = vi.mocked(lab.client.send).mock.calls[0][0] as Extract<Parameters<typeof lab.client.send>[0], { type: 'benchmark' }>;
    expect(cmd).toMatchObject({ type: 'benchmark', runId: 4, cells: ['rnn', 'lstm', 'gru'], budgetMs: BENCHMARK_MS });
    expect(screen.getByTestId('state')).toHaveTextContent('measuring');
    // a later store change does not ask again
    act(() => lab.store.setState({ step: 5 }));
    expect(lab.client.send).toHaveBeenCalledTimes(1);
    // an answer to another request is not this one's
    act(() => listener!({ type: 'benchmark', runId: 4, requestId: cmd.requestId + 100, results: [], error: 'no' }));
    expect(screen.getByTestId('state')).toHaveTextContent('measuring');
    act(() => listener!({ type: 'benchmark', runId: 4, requestId: cmd.requestId, results: RESULTS, error: null }));
    expect(screen.getByTestId('state')).toHaveTextContent('done');
    expect(out.b!.results).toEqual(RESULTS);
    // measure() asks again with a new id
    act(() => out.b!.measure());
    const again = vi.mocked(lab.client.send).mock.calls[1][0] as typeof cmd;
    expect(again.requestId).not.toBe(cmd.requestId);
    act(() => listener!({ type: 'benchmark', runId: 4, requestId: again.requestId, results: [], error: 'There is no run to time yet.' }));
    expect(screen.getByTestId('state')).toHaveTextContent('error');
    expect(out.b!.error).toBe('There is no run to time yet.');
  });
});
