import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import { App } from '../../src/app/App';
import { AppBoundary } from '../../src/app/AppBoundary';
import type { ViewEntry } from '../../src/app/views';
import { createLab } from '../../src/state/lab';
import { useLab } from '../../src/state/context';
import { DEFAULT_UI } from '../../src/state/url';
import { failureSentence } from '../../src/views/ViewBoundary';
import { loopClient } from '../state/loop-client';

/** A view that shows the step it sees; `broken.on` makes it throw while drawing. */
const broken = { on: true };
function Faulty() {
  const step = useLab((s) => s.step);
  if (broken.on) throw new TypeError("Cannot read properties of undefined (reading 'gate')");
  return <p data-testid="faulty-step">fixed at step {step}</p>;
}
function StepView() {
  const step = useLab((s) => s.step);
  return <p data-testid="live-step">step {step}</p>;
}

function setup(views: ViewEntry[]) {
  const w = loopClient();
  const lab = createLab({ config: defaultConfig(), ui: { ...DEFAULT_UI, views: views.map((v) => v.id), autoplay: false }, client: w.client, raf: w.raf });
  const r = render(<App lab={lab} views={views} />);
  const settle = () => act(() => w.settle());
  const run = (n: number) => act(() => void w.run(n));
  return { ...r, lab, settle, run };
}

describe('containment', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    broken.on = true;
  });

  it('a view that throws shows its failure in its own panel; the run, the other panels and the controls go on; Reload brings it back', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { lab, settle, run, container } = setup([
      { id: 'curve', title: 'Live', view: { Component: StepView }, reserve: 100 },
      { id: 'formulas', title: 'Broken equations', view: { Component: Faulty }, reserve: 100 },
    ]);
    settle();
    const panel = container.querySelector('[data-view="formulas"]') as HTMLElement;
    const alert = within(panel).getByRole('alert');
    expect(alert).toHaveTextContent('This view hit an error while drawing. The training run and the other views go on.');
    expect(within(alert).getByText('Error detail')).toBeInTheDocument();
    expect(alert.querySelector('pre')!.textContent).toMatch(/TypeError: Cannot read properties of undefined \(reading 'gate'\)/);
    // the controls still drive the run: it trains, and the other panel follows it
    fireEvent.click(screen.getByRole('button', { name: /^play/i }));
    run(3000);
    fireEvent.click(screen.getByRole('button', { name: /^pause/i }));
    settle();
    const step = lab.store.getState().step;
    expect(step).toBeGreaterThan(2);
    expect(screen.getByTestId('live-step')).toHaveTextContent(`step ${step}`);
    fireEvent.click(screen.getByRole('button', { name: /^step/i }));
    settle();
    expect(lab.store.getState().step).toBe(step + 1);
    // fixed, the view comes back on Reload, live
    broken.on = false;
    fireEvent.click(within(panel).getByRole('button', { name: 'Reload this view' }));
    expect(within(panel).getByTestId('faulty-step')).toHaveTextContent(`fixed at step ${step + 1}`);
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('a view whose code fails to load says so, and Reload runs its loader again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const loader = vi.fn(() => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/GatesView-x.js')) : Promise.resolve({ default: StepView })));
    const { container } = setup([{ id: 'gates', title: 'Gates', view: { load: loader }, reserve: 300 }]);
    const panel = container.querySelector('[data-view="gates"]') as HTMLElement;
    expect(await within(panel).findByRole('alert')).toHaveTextContent('The code of this view could not be loaded');
    fail = false;
    fireEvent.click(within(panel).getByRole('button', { name: 'Reload this view' }));
    expect(await within(panel).findByTestId('live-step')).toHaveTextContent('step 0');
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('a failure outside every view shows the last resort: Reload page, the current link kept', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    window.location.hash = '#task=echo&lag=7';
    const Boom = () => {
      throw new Error('shell failed');
    };
    render(
      <AppBoundary>
        <Boom />
      </AppBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something on this page failed');
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeInTheDocument();
    expect(screen.getByRole('link')).toHaveAttribute('href', expect.stringContaining('#task=echo&lag=7'));
  });

  it('says in plain words what failed', () => {
    expect(failureSentence(new TypeError('Failed to fetch dynamically imported module: x'))).toMatch(/could not be loaded/);
    expect(failureSentence(new TypeError('Importing a module script failed.'))).toMatch(/could not be loaded/);
    // Vite's preload of a lazy view's CSS (the equations view's KaTeX) failing: no view code ran, nothing was drawn
    expect(failureSentence(new Error('Unable to preload CSS for http://localhost:4173/assets/FormulasView-BncsGpg2.css'))).toMatch(/could not be loaded/);
    expect(failureSentence(new RangeError('Invalid array length'))).toBe('This view hit an error while drawing.');
    expect(failureSentence('a string')).toBe('This view hit an error while drawing.');
  });
});
