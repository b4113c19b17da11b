import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskMetric } from '../../src/engine/tasks/task';
import type { LabStore } from '../../src/state/store';
import { LINEAR_LOSS_NOTE, TrainingCurve } from '../../src/views/curve/TrainingCurve';
import { readoutAt } from '../../src/views/curve/curve-model';
import { PointRing, TrainingHistory } from '../../src/state/history';
import * as exportImage from '../../src/views/kit/export-image';
import { renderLab } from './render-lab';

const ACCURACY: TaskMetric = { name: 'accuracy', value: 0.75, baseline: 0.25, baselineName: 'chance (1/4)', higherIsBetter: true };

/** Steps 1…4 with loss 2, 1, 0.5, 0.25 and accuracy 50% at step 2, 75% at step 4. */
function fill(store: LabStore, metric: TaskMetric | null = ACCURACY) {
  const s = store.getState();
  [2, 1, 0.5, 0.25].forEach((l, i) => s.history.push(i + 1, l, 0, 0, false));
  if (metric) {
    s.metrics.push(2, 0.5);
    s.metrics.push(4, 0.75);
  }
  store.setState({ historyVersion: s.historyVersion + 1, metric });
}

const svg = (c: HTMLElement) => c.querySelector('svg[role="img"]') as SVGSVGElement;
const series = (c: HTMLElement, name: string) => c.querySelector(`[data-series="${name}"]`) as SVGElement;

describe('TrainingCurve', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('explains the factor ½ between the loss and the MSE of a numeric task, and only there', () => {
    const info = (head: 'linear' | 'softmax') => ({ configRunId: 1, config: {} as never, notes: [], task: { kind: 'adding' as const, inputSize: 2, outputSize: 1, head, length: 50, evalSize: 8 }, model: { cell: 'lstm' as const, paramCount: 1, blocks: [] }, kernels: 'reference' as const });
    const { store, unmount } = renderLab(<TrainingCurve />, { setup: (st) => st.setState({ info: info('linear') }) });
    expect(screen.getByText(LINEAR_LOSS_NOTE)).toBeInTheDocument();
    act(() => store.setState({ info: info('softmax') }));
    expect(screen.queryByText(LINEAR_LOSS_NOTE)).toBeNull();
    unmount();
  });

  it('reads out the loss and the latest evaluation at the pointed step, with a line there', () => {
    const { container } = renderLab(<TrainingCurve />, { setup: fill });
    const box = container.querySelector('.curve-box')!;
    // jsdom: the SVG's box starts at 0, so clientX is the SVG x; x = 64 + 560·step/4
    fireEvent.mouseMove(box, { clientX: 64 + 560 * (3.2 / 4) });
    expect(screen.getByTestId('curve-readout')).toHaveTextContent('step 3: loss 0.5 · accuracy 50% at step 2');
    expect(container.querySelector('.curve-hover')).toHaveAttribute('data-step', '3');
    expect(Number(container.querySelector('.curve-hover')!.getAttribute('x1'))).toBeCloseTo(64 + 560 * (3 / 4), 9);
    fireEvent.mouseMove(box, { clientX: 64 + 560 });
    expect(screen.getByTestId('curve-readout')).toHaveTextContent('step 4: loss 0.25 · accuracy 75% at step 4');
    fireEvent.mouseMove(box, { clientX: 10 }); // left of the axis
    expect(screen.getByTestId('curve-readout')).toHaveTextContent('Point at the curve to read its numbers.');
    expect(container.querySelector('.curve-hover')).toBeNull();
  });

  it('finds the nearest loss point and the evaluation at or before it', () => {
    const h = new TrainingHistory();
    [1, 2, 5, 9].forEach((st) => h.push(st, st / 10, 0, 0, false));
    const m = new PointRing();
    m.push(2, 0.3);
    m.push(9, 0.9);
    expect(readoutAt(h, m, 3.4)).toEqual({ step: 2, loss: 0.2, metric: { step: 2, value: 0.3 } });
    expect(readoutAt(h, m, 3.6)).toEqual({ step: 5, loss: 0.5, metric: { step: 2, value: 0.3 } });
    expect(readoutAt(h, m, 100)).toEqual({ step: 9, loss: 0.9, metric: { step: 9, value: 0.9 } });
    expect(readoutAt(h, m, 0)).toEqual({ step: 1, loss: 0.1, metric: null });
    expect(readoutAt(h, m, NaN)).toBeNull();
    expect(readoutAt(new TrainingHistory(), m, 3)).toBeNull();
  });

  it('says training is starting instead of drawing an empty chart', () => {
    const { container } = renderLab(<TrainingCurve />);
    expect(screen.getByText(/Training starts…/)).toBeInTheDocument();
    expect(svg(container)).toBeNull();
  });

  it('draws the loss at the right pixels (640 px fallback width in jsdom) and the baseline at the scale of the baseline', () => {
    const { container } = renderLab(<TrainingCurve />, { setup: fill });
    expect(svg(container).getAttribute('width')).toBe('640');
    // x = 64 + 560·step/4, y = 168 − 70·loss (domain [0, 2] onto 168…28)
    expect(series(container, 'loss').getAttribute('d')).toBe('M204,28L344,98L484,133L624,150.5');
    // metric panel 272…204 for 0…100%: 50% → 238, 75% → 221; chance 25% → 255
    expect(series(container, 'metric').getAttribute('d')).toBe('M344,238L624,221');
    const base = series(container, 'baseline');
    expect(base.getAttribute('y1')).toBe('255');
    expect(base.getAttribute('y2')).toBe('255');
    expect(within(svg(container) as unknown as HTMLElement).getByText('chance (1/4)')).toBeInTheDocument();
  });

  it('prints the latest values and summarises the curve for a screen reader', () => {
    const { container } = renderLab(<TrainingCurve />, { setup: fill });
    expect(screen.getByTestId('curve-latest')).toHaveTextContent('loss 0.25 at step 4 · accuracy 75% (chance (1/4): 25%) ✓ better than chance (1/4)');
    expect(svg(container)).toHaveAttribute('aria-label', 'Training curve: over 4 steps the loss fell from 2 to 0.25. accuracy 75%, better than chance (1/4) (25%).');
  });

  it('says when the model does not beat the trivial predictor (lower is better)', () => {
    const mse: TaskMetric = { name: 'MSE', value: 0.2, baseline: 0.167, baselineName: 'always answer 1.0 (expected 1/6)', higherIsBetter: false };
    renderLab(<TrainingCurve />, { setup: (s) => fill(s, mse) });
    expect(screen.getByTestId('curve-latest')).toHaveTextContent('MSE 0.2 (always answer 1.0 (expected 1/6): 0.167) not better than always answer 1.0 (expected 1/6)');
  });

  it('redraws when historyVersion bumps after points are pushed in place', () => {
    const { container, store } = renderLab(<TrainingCurve />, { setup: fill });
    act(() => {
      const s = store.getState();
      s.history.push(5, 0.25, 0, 0, false);
      store.setState({ historyVersion: s.historyVersion + 1 });
    });
    // the step axis now ends at 5: x = 64 + 112·step
    expect(series(container, 'loss').getAttribute('d')).toBe('M176,28L288,98L400,133L512,150.5L624,150.5');
  });

  it('binds the log-scale checkbox to ui.logScale and then draws log10(loss)', () => {
    const { container, actions } = renderLab(<TrainingCurve />, { setup: fill });
    const box = screen.getByRole('checkbox', { name: 'log scale' });
    expect(box).not.toBeChecked();
    fireEvent.click(box);
    expect(actions.setUi).toHaveBeenCalledWith({ logScale: true });
    expect(box).toBeChecked();
    expect(screen.getByText('loss (log scale)')).toBeInTheDocument();
    // domain [0.1, 10]: y = 168 − 70·(log10 loss + 1)
    const d = series(container, 'loss').getAttribute('d') ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    [2, 1, 0.5, 0.25].forEach((l, i) => expect(ys[i]).toBeCloseTo(168 - 70 * (Math.log10(l) + 1), 2));
    fireEvent.click(box);
    expect(actions.setUi).toHaveBeenLastCalledWith({ logScale: false });
  });

  it('lists the newest 20 loss points and metric evaluations in the table alternative', () => {
    renderLab(<TrainingCurve />, {
      setup: (store) => {
        const s = store.getState();
        for (let i = 1; i <= 25; i++) s.history.push(i * 10, 1 / i, 0, 0, false);
        s.metrics.push(100, 0.5);
        s.metrics.push(250, 0.875);
        store.setState({ historyVersion: 1, metric: { ...ACCURACY, value: 0.875 } });
      },
    });
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // the table takes the figure's place; the latest-values line and the log switch stay
    expect(document.querySelector('svg[role="img"]')).toBeNull();
    expect(screen.getByTestId('curve-latest')).toHaveTextContent('loss 0.04 at step 250');
    const [lossTable, metricTable] = screen.getAllByRole('table');
    const lossRows = within(lossTable).getAllByRole('row').slice(1);
    expect(lossRows).toHaveLength(20);
    expect(lossRows[0]).toHaveTextContent('600.167'); // step 60, loss 1/6
    expect(within(lossRows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['60', '0.167']);
    expect(within(lossRows[19]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['250', '0.04']);
    const metricRows = within(metricTable).getAllByRole('row').slice(1);
    expect(metricRows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['100', '50%'],
      ['250', '88%'],
    ]);
    expect(within(metricTable).getByText(/accuracy, newest 2 evaluations \(chance \(1\/4\): 25%\)/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show as figure' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect(svg(document.body)).not.toBeNull();
  });

  it('says in the table when each loss point is the mean of several steps', () => {
    renderLab(<TrainingCurve />, {
      setup: (store) => {
        const s = store.getState();
        // capacity 2048: after 4,100 steps the history has halved twice, each point now the mean of 4 steps
        for (let i = 1; i <= 4100; i++) s.history.push(i, i % 2 === 0 ? 1 : 3, 0, 0, false);
        store.setState({ historyVersion: 1, metric: null });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const lossTable = screen.getAllByRole('table')[0];
    expect(lossTable.querySelector('caption')).toHaveTextContent('Loss, newest 20 points (each the mean of 4 steps)');
    const last = within(lossTable).getAllByRole('row').at(-1)!;
    // the newest complete point covers steps 4,094…4,097 (losses 1, 3, 1, 3); steps 4,098…4,100 still fill the next one
    expect(within(last).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4,097', '2']);
  });

  it('exports its figure as PNG and SVG under the name training-curve, legend words included', () => {
    const png = vi.spyOn(exportImage, 'downloadPng').mockResolvedValue();
    const svgSpy = vi.spyOn(exportImage, 'downloadSvg').mockImplementation(() => {});
    const { container } = renderLab(<TrainingCurve />, { setup: fill });
    fireEvent.click(screen.getByRole('button', { name: 'PNG' }));
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    const figure = container.querySelector('.view-figure') as HTMLElement;
    expect(png).toHaveBeenCalledWith(figure, 'training-curve', 2, undefined);
    expect(svgSpy).toHaveBeenCalledWith(figure, 'training-curve', undefined);
    const doc = new DOMParser().parseFromString(exportImage.figureToSvg(figure), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect([...doc.querySelectorAll(':root > text')].map((t) => t.textContent)).toEqual(['loss (training batches)', 'accuracy (evaluation set)', 'chance (1/4)']);
    expect(doc.querySelector('[data-series="loss"]')?.getAttribute('d')).toBe('M204,28L344,98L484,133L624,150.5');
    // in table mode there is no figure to export
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(screen.getByRole('button', { name: 'PNG' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'SVG' })).toBeDisabled();
  });

  it('follows the width of its panel through a ResizeObserver', () => {
    class FakeResizeObserver {
      constructor(private cb: ResizeObserverCallback) {}
      observe() {
        this.cb([{ contentRect: { width: 400.7 } } as ResizeObserverEntry], this as unknown as ResizeObserver);
      }
      disconnect() {}
      unobserve() {}
    }
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const { container } = renderLab(<TrainingCurve />, { setup: fill });
    expect(svg(container).getAttribute('width')).toBe('400');
    // plot now spans 64…384 (320 px): the last point sits at the right edge
    expect(series(container, 'loss').getAttribute('d')).toBe('M144,28L224,98L304,133L384,150.5');
  });
});
