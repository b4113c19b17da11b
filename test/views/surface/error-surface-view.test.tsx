import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabStore } from '../../../src/state/store';
import type { SurfaceRequest, SurfaceResult } from '../../../src/worker/protocol';
import { computeSurface } from '../../../src/worker/surface';
import { formatValue } from '../../../src/views/chart/format';
import { sequentialScale } from '../../../src/views/kit/colors';
import { ErrorSurfaceView } from '../../../src/views/surface/ErrorSurfaceView';
import { formatPower, surfaceLayout, surfaceScales } from '../../../src/views/surface/surface-layout';
import { ANNEALING, DEFAULT_SURFACE_REQUEST, RESTARTS } from '../../../src/views/surface/surface-summary';
import { renderLab } from '../render-lab';

/** The default request on a coarse grid (fast): start (4.5, −2.5), lr 1, 200 steps, clip 1. */
const REQ: SurfaceRequest = { ...DEFAULT_SURFACE_REQUEST, nw: 33, nb: 25 };
const RESULT = computeSurface(REQ);
// the jsdom layout is the 640 px fallback: x = 56 + 35.625 w, y = 409 − 24.9375 (b + 10)
const L = surfaceLayout(640);
const S = surfaceScales(REQ, L);
const r2 = (v: number) => Math.round(v * 100) / 100;

const withResult = (result: SurfaceResult) => (store: LabStore) => store.setState({ surface: result });
const byTestId = (c: HTMLElement, id: string) => c.querySelector(`[data-testid="${id}"]`) as SVGElement;
/** The points of an SVG path "M…L…" as [x, y] pairs. */
const points = (d: string) => Array.from(d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g), (m) => [Number(m[1]), Number(m[2])]);

function reducedMotion(on: boolean) {
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: on && q.includes('reduce'), media: q, addEventListener: () => {}, removeEventListener: () => {} }));
}

describe('ErrorSurfaceView', () => {
  beforeEach(() => reducedMotion(true));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks the worker for the default surface on mount, and says it is computing', () => {
    const { actions } = renderLab(<ErrorSurfaceView />);
    expect(actions.requestSurface).toHaveBeenCalledTimes(1);
    expect(actions.requestSurface).toHaveBeenCalledWith(DEFAULT_SURFACE_REQUEST);
    expect(screen.getByText(/Computing the error surface in the worker/)).toBeInTheDocument();
  });

  it('does not ask again when the store already holds a surface', () => {
    const { actions } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    expect(actions.requestSurface).not.toHaveBeenCalled();
  });

  it('keeps a request sent from outside it (a lesson step): no default over it, its values in the controls, computing until its answer', () => {
    const step = { ...REQ, clip: 3 };
    const { actions, store } = renderLab(<ErrorSurfaceView />, { setup: (s) => s.setState({ surface: RESULT, surfaceRequest: step }) });
    expect(actions.requestSurface).not.toHaveBeenCalled();
    expect(screen.getByRole('spinbutton', { name: 'clip at ‖g‖ =' })).toHaveValue(3);
    expect(screen.getByTestId('surface-status')).toHaveTextContent('Computing…');
    // the result drawn is still the old one, and says so: clipped at 1
    expect(screen.getByTestId('surface-result-clipped')).toHaveTextContent(/^Clipped at 1: /);
    // a change made meanwhile builds on the request under way, not on the result drawn
    fireEvent.click(screen.getByRole('button', { name: `Random restarts (${RESTARTS})` }));
    expect(actions.requestSurface).toHaveBeenLastCalledWith({ ...step, restarts: { n: RESTARTS }, seed: 2 });
    // its answer (the worker's copy of the request) ends the wait
    const answer = computeSurface({ ...step, restarts: { n: RESTARTS }, seed: 2 });
    act(() => store.setState({ surface: answer }));
    expect(screen.getByTestId('surface-status')).toHaveTextContent('step 200 of 200');
    expect(screen.getByTestId('surface-result-clipped')).toHaveTextContent(/^Clipped at 3: E 0\.329 → 0\.\d+ in 200 steps/);
    expect(answer.clipped!.loss[200]).toBeGreaterThan(0.05); // on the plateau, as the lesson's "Too high" says
  });

  it('draws the colour legend over the log loss domain, and the gradient-norm domain on the other layer', () => {
    renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    // E from its grid minimum 0.00145 to 0.49 (the σ → 0 plateau)
    expect(RESULT.lossMin).toBeCloseTo(0.001445, 6);
    const lo = formatPower(Math.log10(RESULT.lossMin));
    expect(lo).toBe('0.00145');
    expect(screen.getByRole('img', { name: `loss E (log scale): colour from ${lo} to 0.49` })).toBeInTheDocument();
    fireEvent.change(screen.getByRole('combobox', { name: /shade/ }), { target: { value: 'grad' } });
    // ‖∇E‖ from 2.37e−10 on the grid (shaded from the floor 1e−8) to 8.94e26 on the wall at w = 16 (the grid's own maximum is 2.07)
    expect(RESULT.gradNormMin).toBeCloseTo(2.37e-10, 12);
    expect(RESULT.gradNormMax).toBeCloseTo(2.07, 2);
    expect(screen.getByRole('img', { name: '‖∇E‖ (log scale): colour from 1.00e-8 to 8.94e+26' })).toBeInTheDocument();
    expect(document.querySelector('canvas')).toHaveAttribute('data-layer', 'grad');
  });

  it('colours the wall by its ‖∇E‖ on the gradient layer: the last piece, at w = 16, takes the top colour', () => {
    const { container } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    fireEvent.change(screen.getByRole('combobox', { name: /shade/ }), { target: { value: 'grad' } });
    const pieces = byTestId(container, 'surface-cliff-grad').querySelectorAll('path');
    expect(pieces.length).toBe(22); // 23 wall points in neighbouring columns
    const top = sequentialScale(-8, Math.log10(RESULT.cliff.gradNorm[22]));
    expect(pieces[21].getAttribute('stroke')).toBe(top(Math.log10(RESULT.cliff.gradNorm[22]))); // viridis(1)
    expect(pieces[21].getAttribute('stroke')).toBe('#fde725');
    expect(pieces[0].getAttribute('stroke')).toBe(top(Math.log10(Math.max(RESULT.cliff.gradNorm[0], RESULT.cliff.gradNorm[1]))));
  });

  it('draws both descents point by point at their pixels: plain thrown onto the far plateau, clipped walking down', () => {
    const { container } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    const raw = byTestId(container, 'surface-raw');
    const clipped = byTestId(container, 'surface-clipped');
    expect(raw.getAttribute('data-points')).toBe('201');
    const rawPts = points(raw.getAttribute('d')!);
    const clippedPts = points(clipped.getAttribute('d')!);
    expect(rawPts).toHaveLength(201); // all 201 points lie on the map
    expect(clippedPts).toHaveLength(201);
    // both start at (4.5, −2.5) → (216.31, 221.97)
    expect(rawPts[0]).toEqual([216.31, 221.97]);
    expect(clippedPts[0]).toEqual([216.31, 221.97]);
    expect(byTestId(container, 'surface-start').getAttribute('cx')).toBe('216.31');
    // every point where the worker put it
    const d = RESULT.descent!;
    rawPts.forEach(([x, y], k) => {
      expect(x).toBe(r2(S.x(d.w[k])));
      expect(y).toBe(r2(S.y(d.b[k])));
    });
    // the jump at step 12: 8.9 in (w, b), 245 px; no clipped step is longer than lr·clip = 1 (≤ 36 px)
    const len = (p: number[][], k: number) => Math.hypot(p[k][0] - p[k - 1][0], p[k][1] - p[k - 1][1]);
    expect(len(rawPts, 12)).toBeGreaterThan(240);
    for (let k = 1; k < clippedPts.length; k++) expect(len(clippedPts, k)).toBeLessThanOrEqual(35.7);
    // ends: plain at (8.21, 5.83) on the σ → 1 plateau, clipped at (3.56, −1.67) near the valley floor
    expect(rawPts[200][0]).toBeCloseTo(S.x(8.21), -0.5);
    expect(clippedPts[200][1]).toBeCloseTo(S.y(-1.67), -0.5);
    expect(screen.getByTestId('surface-result-raw')).toHaveTextContent('Plain descent: E 0.329 → 0.09 in 200 steps, ending at (8.21, 5.83); largest step 8.91, at step 12.');
    expect(screen.getByTestId('surface-result-clipped')).toHaveTextContent('Clipped at 1: E 0.329 → 0.000329 in 200 steps, ending at (3.56, -1.67); largest step 1, at step 12.');
  });

  it('draws the cliff through the wall points the worker found', () => {
    const { container } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    const cliff = points(byTestId(container, 'surface-cliff').getAttribute('d')!);
    expect(RESULT.cliff.w.length).toBe(23);
    expect(cliff.length).toBeGreaterThanOrEqual(2 * 20); // neighbouring columns joined
    const walls = Array.from(RESULT.cliff.w, (w, k) => `${r2(S.x(w))},${r2(S.y(RESULT.cliff.b[k]))}`);
    for (const [x, y] of cliff) expect(walls).toContain(`${x},${y}`);
  });

  it('starts the descents where the map is clicked, and at the wall foot when the click is on the cliff', () => {
    const { actions } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    const hit = screen.getByTestId('surface-hit');
    fireEvent.click(hit, { clientX: 341, clientY: 209.5 }); // (8, −2)
    expect(actions.requestSurface).toHaveBeenCalledTimes(1);
    const sent = actions.requestSurface.mock.calls[0][0];
    expect(sent).toEqual({ ...REQ, start: { w: expect.closeTo(8, 12), b: expect.closeTo(-2, 12) } });
    // a click 2 px from a wall point starts exactly on the wall
    const k = 10;
    fireEvent.click(hit, { clientX: S.x(RESULT.cliff.w[k]) + 2, clientY: S.y(RESULT.cliff.b[k]) });
    expect(actions.requestSurface.mock.calls[1][0].start).toEqual({ w: RESULT.cliff.w[k], b: RESULT.cliff.b[k] });
    expect(screen.getByTestId('surface-status')).toHaveTextContent('Computing…');
  });

  it('hover reads w, b, E and ‖∇E‖ at the nearest grid point', () => {
    renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    // (8, −2) is grid point i = 16 (w step 0.5), j = 12 (b step 2/3)
    fireEvent.mouseMove(screen.getByTestId('surface-hit'), { clientX: 342, clientY: 210 });
    const tip = document.querySelector('.tooltip') as HTMLElement;
    const at = 12 * 33 + 16;
    expect(RESULT.loss[at]).toBeCloseTo(0.08849, 5);
    expect(within(tip).getByText('0.0885')).toBeInTheDocument();
    expect(tip).toHaveTextContent(`w = 8, b = -2: E = 0.0885, ‖∇E‖ = ${formatValue(RESULT.gradNorm[at])}`);
  });

  it('moves a keyboard cursor with the arrows and starts with Enter', () => {
    const { actions } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    const hit = screen.getByTestId('surface-hit');
    // the cursor starts at the start point's grid point (4.5, −2.67): i = 9, j = 11
    fireEvent.keyDown(hit, { key: 'ArrowRight' });
    fireEvent.keyDown(hit, { key: 'ArrowUp' });
    fireEvent.keyDown(hit, { key: 'Enter' });
    const start = actions.requestSurface.mock.calls[0][0].start!;
    expect(start.w).toBe(5);
    expect(start.b).toBeCloseTo(-10 + (12 * 16) / 24, 12);
  });

  it('asks for random restarts and annealing, and marks their bests at the right pixels', () => {
    const { actions, container, store } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    fireEvent.click(screen.getByRole('button', { name: `Random restarts (${RESTARTS})` }));
    expect(actions.requestSurface.mock.calls[0][0]).toMatchObject({ restarts: { n: RESTARTS }, start: REQ.start });
    const both = computeSurface({ ...REQ, start: { w: 12, b: -2 }, restarts: { n: RESTARTS }, annealing: ANNEALING, seed: 2 });
    // the answer to a later request (both searches, from (12, −2)): the latest one sent, so the view shows it as done
    act(() => store.setState({ surface: both, surfaceRequest: both.request }));
    const rs = both.restarts!;
    const best = byTestId(container, 'surface-restart-best');
    expect(best.getAttribute('cx')).toBe(String(r2(S.x(rs.ends.w[rs.best]))));
    expect(best.getAttribute('cy')).toBe(String(r2(S.y(rs.ends.b[rs.best]))));
    expect(byTestId(container, 'surface-restarts').querySelectorAll('.surface-restart-start')).toHaveLength(RESTARTS);
    expect(screen.getByRole('list', { name: 'Lines and marks on the map' })).toHaveTextContent('best restart');
    const a = both.annealing!;
    expect(byTestId(container, 'surface-annealing-best').getAttribute('transform')).toBe(`translate(${r2(S.x(a.path.w[a.best]))},${r2(S.y(a.path.b[a.best]))})`);
    // from (12, −2) plain descent stalls on the plateau; the searches get far lower
    const plain = both.descent!.loss[both.descent!.loss.length - 1];
    expect(plain).toBeGreaterThan(0.08);
    expect(rs.ends.loss[rs.best]).toBeLessThan(plain / 10);
    expect(a.path.loss[a.best]).toBeLessThan(plain / 10);
    expect(screen.getByTestId('surface-result-restarts')).toHaveTextContent(/^Random restarts: best of 10 clipped descents from random starts: E \S+ at \(/);
    expect(screen.getByTestId('surface-result-annealing')).toHaveTextContent(/^Simulated annealing: best of 2000 proposals from the start: E \S+ at .*% accepted\.$/);
    fireEvent.click(screen.getByRole('button', { name: 'Hide annealing' }));
    expect(actions.requestSurface.mock.calls[1][0]).toMatchObject({ annealing: null, restarts: { n: RESTARTS } });
  });

  it('applies a new clipping threshold on Enter', () => {
    const { actions } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    const clip = screen.getByRole('spinbutton', { name: 'clip at ‖g‖ =' });
    fireEvent.change(clip, { target: { value: '0.25' } });
    expect(actions.requestSurface).not.toHaveBeenCalled();
    fireEvent.keyDown(clip, { key: 'Enter' });
    expect(actions.requestSurface).toHaveBeenCalledWith({ ...REQ, clip: 0.25 });
  });

  it('offers the paths, restarts and wall as tables', () => {
    renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByTestId('surface-path-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2 + 201); // two header rows, steps 0…200
    expect(rows[2]).toHaveTextContent(/^04.5-2.50.329.+4.5-2.50.329/);
    expect(rows[2 + 12].textContent).toContain('12');
    expect(within(screen.getByTestId('surface-cliff-table')).getAllByRole('row')).toHaveLength(1 + 23);
  });

  it('animates the paths step by step unless motion is reduced', () => {
    reducedMotion(false);
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const { container } = renderLab(<ErrorSurfaceView />, { setup: withResult(RESULT) });
    const shown = () => Number(byTestId(container, 'surface-raw').getAttribute('data-points'));
    expect(shown()).toBe(1);
    act(() => vi.advanceTimersToNextFrame());
    expect(shown()).toBe(3); // 201 points over 120 frames: 2 a frame
    for (let f = 0; f < 99; f++) act(() => vi.advanceTimersToNextFrame()); // React schedules the next frame after each render
    expect(shown()).toBe(201);
    expect(screen.getByTestId('surface-status')).toHaveTextContent('step 200 of 200');
  });
});
