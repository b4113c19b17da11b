import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatValue } from '../../../src/views/chart/format';
import { divergingScale } from '../../../src/views/kit/colors';
import { UnrollView } from '../../../src/views/unroll/UnrollView';
import { arrowWidth, normRange } from '../../../src/views/unroll/unroll-layout';
import { arrowColor, rowNorms } from '../../../src/views/unroll/unroll-model';
import { formatExact } from '../../../src/views/unroll/unroll-tips';
import type { SessionConfig } from '../../../src/engine/config';
import type { InspectRecord } from '../../../src/engine/session';
import { renderLab } from '../render-lab';
import { recordCanvas } from './strip-canvas';
import { frameOf, recordFor, RNN_ECHO, rnnConfig } from './unroll-frame';

const echo = recordFor(RNN_ECHO); // T = 11, H = 8

function show(record: InspectRecord = echo, config: SessionConfig = RNN_ECHO, t: number | null = null) {
  const view = renderLab(<UnrollView />, { config, setup: (s) => s.setState((st) => ({ frame: frameOf(record), selection: { ...st.selection, t } })) });
  const svg = view.container.querySelector('svg.unroll-svg') as SVGSVGElement;
  return { ...view, svg };
}
const tooltip = () => document.querySelector('.unroll-box .tooltip')?.textContent;
const all = (root: ParentNode, sel: string) => [...root.querySelectorAll(sel)];
const translateX = (el: Element) => Number(/translate\(([-\d.]+),/.exec(el.getAttribute('transform') ?? '')?.[1]);
/** "#rrggbb" → "rgb(r, g, b)", as the DOM reports a style colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

function mockReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: reduce && q.includes('reduce'), media: q, addEventListener: () => {}, removeEventListener: () => {} }));
}

// jsdom has no 2-D canvas: every test paints on a recording context instead
let ctx: ReturnType<typeof recordCanvas>;
beforeEach(() => {
  ctx = recordCanvas();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('UnrollView: the unrolled chain', () => {
  it('waits for the first frame', () => {
    renderLab(<UnrollView />);
    expect(screen.getByText(/^Training starts…/)).toBeInTheDocument();
  });

  it('draws one h node per step, one column apart, with H heat cells each coloured from h_t[u]', () => {
    const { svg } = show();
    const cols = all(svg, 'g.step-col');
    expect(cols).toHaveLength(11);
    // 960 px fallback width: 11 steps and the label column share it, (960 − 48) / 12 = 76 px a column
    expect(cols.map(translateX)).toEqual(Array.from({ length: 11 }, (_, i) => 122 + 76 * i));
    expect(cols.map((c) => c.getAttribute('data-t'))).toEqual(Array.from({ length: 11 }, (_, i) => String(i)));
    expect(all(svg, '.h-node')).toHaveLength(11);
    expect(all(svg, 'rect.h-hit')).toHaveLength(11);
    // the strips are painted on a canvas: 8 cells a step, each the legend's diverging colour of its h_t[u]
    expect(ctx.fills).toHaveLength(11 * 8);
    const legend = screen.getByRole('img', { name: /^h_t\[unit\] \(hidden value\): colour from/ });
    const m = Number(/to (\S+)$/.exec(legend.getAttribute('aria-label') ?? '')?.[1]);
    expect(m).toBeGreaterThanOrEqual(Math.max(...echo.h.map(Math.abs)));
    const v = echo.h[4 * 8 + 2];
    const cell = ctx.fills.find((f) => f.x === 122 + 76 * 4 - 8 && f.y === 118 + 2 * 6)!;
    expect(cell.fill).toBe(divergingScale(m)(v));
    expect(cell.fill).not.toBe(divergingScale(m)(-v));
    expect(cell.alpha).toBe(1);
  });

  it('fills the forward pass in up to the selected step and fades the rest', () => {
    const { svg, store } = show(echo, RNN_ECHO, 4);
    const future = (el: Element) => el.classList.contains('is-future');
    expect(all(svg, 'g.step-col').map(future)).toEqual(Array.from({ length: 11 }, (_, t) => t > 4));
    expect(svg.querySelector('g.step-col.is-current')?.getAttribute('data-t')).toBe('4');
    // the strips of later steps are faded too, and the selected unit (0) is outlined on step 4's strip only
    const alphaOf = (t: number) => ctx.fills.find((f) => f.x === 122 + 76 * t - 8)?.alpha;
    expect(Array.from({ length: 11 }, (_, s) => alphaOf(s))).toEqual(Array.from({ length: 11 }, (_, s) => (s > 4 ? 0.22 : 1)));
    expect(ctx.strokes).toEqual([[122 + 76 * 4 - 9, 118, 18, 6]]);
    expect(screen.getByTestId('unroll-readout').textContent).toContain('t = 4: input ‘·’');
    act(() => store.setState((s) => ({ selection: { ...s.selection, t: 9 } })));
    expect(all(svg, 'g.step-col.is-future').map((c) => c.getAttribute('data-t'))).toEqual(['10']);
    // the scored last step shows its target and whether the prediction is right
    const last = svg.querySelector('g.step-col[data-t="10"] .target-text')!;
    expect(last.textContent).toBe(`${echo.targetLabels[10]}${echo.outputLabels[10] === echo.targetLabels[10] ? '✓' : '✗'}`);
    expect(svg.querySelectorAll('.target-text')).toHaveLength(1);
  });

  it('windows a long sequence around the selected step and counts the elided steps', () => {
    const long = recordFor(rnnConfig({ task: { kind: 'echo', lag: 40, symbols: 4 } }));
    expect(long.T).toBe(41);
    const { svg, actions } = show(long, RNN_ECHO, 20);
    const ts = all(svg, 'g.step-col').map((c) => Number(c.getAttribute('data-t')));
    expect(ts).toEqual(Array.from({ length: 15 }, (_, i) => 10 + i)); // 15 columns fit; t = 20 two thirds along
    expect(svg.querySelector('.elided-before')?.getAttribute('data-elided')).toBe('10');
    expect(svg.querySelector('.elided-after')?.getAttribute('data-elided')).toBe('16');
    fireEvent.click(svg.querySelector('.elided-before')!);
    expect(actions.select).toHaveBeenLastCalledWith({ t: 9 });
  });
});

describe('UnrollView: one shared W_hh', () => {
  it('lights every recurrent copy when one is hovered, and says so to the other views', () => {
    const { svg, actions, container } = show();
    const copies = all(svg, '[data-w="Whh"]');
    expect(copies).toHaveLength(11); // into h_0 (from the initial state) … h_10
    expect(copies.some((c) => c.classList.contains('is-lit'))).toBe(false);
    fireEvent.mouseOver(copies[4].querySelector('.hit')!);
    expect(actions.select).toHaveBeenCalledWith({ highlight: 'Whh' });
    for (const c of all(svg, '[data-w="Whh"]')) expect(c).toHaveClass('is-lit');
    expect(container.querySelector('.w-chip[data-w="Whh"]')).toHaveClass('is-lit');
    expect(all(svg, '[data-w="Wxh"].is-lit')).toHaveLength(0);
    fireEvent.mouseLeave(container.querySelector('.unroll-box')!);
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: null });
    expect(all(svg, '.is-lit')).toHaveLength(0);
  });

  it('lights the W_hh copies from the legend chip, and W_xh / W_hy from theirs', () => {
    const { svg, actions, container } = show();
    fireEvent.mouseOver(container.querySelector('.w-chip[data-w="Wxh"] text')!);
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: 'Wxh' });
    expect(all(svg, '[data-w="Wxh"].is-lit')).toHaveLength(11);
    fireEvent.mouseOver(container.querySelector('.w-chip[data-w="Whh"] text')!);
    expect(actions.select).toHaveBeenLastCalledWith({ highlight: 'Whh' });
    expect(all(svg, '[data-w="Whh"].is-lit')).toHaveLength(11);
    expect(all(svg, '[data-w="Wxh"].is-lit')).toHaveLength(0);
  });

  it('lights its elements when another view names them', () => {
    const { svg, store } = show();
    act(() => store.setState((s) => ({ selection: { ...s.selection, highlight: 'Why' } })));
    expect(all(svg, '[data-w="Why"].is-lit')).toHaveLength(11);
    act(() => store.setState((s) => ({ selection: { ...s.selection, highlight: 'h' } })));
    expect(all(svg, '.h-node.is-lit')).toHaveLength(11);
    expect(all(svg, '.w-arrow.is-lit')).toHaveLength(0);
  });
});

describe('UnrollView: the backward pass', () => {
  it('draws one backward arrow per step, as wide and dark as ‖∂L/∂h_t‖ on a log scale', () => {
    const { svg, container } = show();
    const norms = rowNorms(echo.dh, 11, 8);
    const range = normRange(norms)!;
    const arrows = all(svg, 'g.dh-arrow');
    expect(arrows).toHaveLength(11);
    const widths = arrows.map((a) => Number(a.getAttribute('data-width')));
    arrows.forEach((a, i) => {
      const t = Number(a.getAttribute('data-t'));
      expect(t).toBe(i);
      expect(widths[i]).toBeCloseTo(arrowWidth(norms[t], range), 3);
      expect(a.querySelector('.shaft')?.getAttribute('stroke-width')).toBe(String(arrowWidth(norms[t], range)));
      expect((a as SVGGElement).style.color).toBe(rgb(arrowColor(norms[t], range)));
    });
    // the widths are ordered exactly like the norms (here: growing towards the scored last step)
    for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) expect(Math.sign(widths[i] - widths[j])).toBe(Math.sign(norms[i] - norms[j]));
    expect(widths[10]).toBe(12);
    expect(widths[0]).toBe(2);
    // the legend gives the numbers: smallest, geometric middle, largest
    const ticks = all(container, '.norm-legend .legend-tick').map((e) => e.textContent);
    expect(ticks).toEqual([formatValue(range.lo), formatValue(Math.sqrt(range.lo * range.hi)), formatValue(range.hi)]);
    // the error enters at the scored step only
    expect(all(svg, '.loss-inject').map((e) => e.getAttribute('data-t'))).toEqual(['10']);
    expect(svg.querySelector('.trunc-label')?.textContent).toBe('full BPTT: τ = 10 reaches back to step 0');
  });

  it('shades exactly the k steps window truncation reaches, which are exactly the steps with an error', () => {
    const config = rnnConfig({ truncate: 3, truncMode: 'window' });
    const rec = recordFor(config);
    const { svg } = show(rec, config);
    const band = svg.querySelector('rect.trunc-band')!;
    expect(band.getAttribute('data-steps')).toBe('3');
    expect(Number(band.getAttribute('x'))).toBe(84 + 8 * 76); // steps τ−k+1 = 8 … τ = 10
    expect(Number(band.getAttribute('width'))).toBe(3 * 76);
    expect(svg.querySelector('line.trunc-cut')?.getAttribute('x1')).toBe(String(84 + 8 * 76));
    expect(svg.querySelector('.trunc-label')?.textContent).toBe('truncated BPTT, window k = 3: τ = 10 → steps 8–10');
    // the engine agrees: no error reaches steps 0…7
    expect(all(svg, 'g.dh-arrow').map((a) => a.getAttribute('data-t'))).toEqual(['8', '9', '10']);
    expect(all(svg, 'line.dh-zero')).toHaveLength(8);
  });

  it('shades τ\'s chunk under chunk truncation (the default), which is exactly where the error reaches', () => {
    const config = rnnConfig({ truncate: 3 });
    const rec = recordFor(config);
    const { svg } = show(rec, config);
    const band = svg.querySelector('rect.trunc-band')!;
    expect(band.getAttribute('data-steps')).toBe('2');
    expect(Number(band.getAttribute('x'))).toBe(84 + 9 * 76); // chunks [0,3) [3,6) [6,9) [9,11): τ = 10 → steps 9 … 10
    expect(Number(band.getAttribute('width'))).toBe(2 * 76);
    expect(svg.querySelector('line.trunc-cut')?.getAttribute('x1')).toBe(String(84 + 9 * 76));
    expect(svg.querySelector('.trunc-label')?.textContent).toBe('truncated BPTT, chunks of k = 3: τ = 10 → steps 9–10');
    expect(all(svg, 'g.dh-arrow').map((a) => a.getAttribute('data-t'))).toEqual(['9', '10']);
    expect(all(svg, 'line.dh-zero')).toHaveLength(9);
  });

  it('draws the window for the selected scored step of a text sequence', () => {
    const config = rnnConfig({ task: { kind: 'text', seqLength: 32 }, truncate: 5, truncMode: 'window' });
    const { svg } = show(recordFor(config), config, 20);
    // 15 of 32 steps fit (57 px columns): steps 10…24; the error of τ = 20 reaches 16…20
    expect(all(svg, 'g.step-col').map((c) => Number(c.getAttribute('data-t')))).toEqual(Array.from({ length: 15 }, (_, i) => 10 + i));
    const band = svg.querySelector('rect.trunc-band')!;
    expect(Number(band.getAttribute('x'))).toBe(65 + (16 - 10) * 57);
    expect(Number(band.getAttribute('width'))).toBe(5 * 57);
    expect(svg.querySelector('.trunc-label')?.textContent).toBe('truncated BPTT, window k = 5: τ = 20 → steps 16–20');
  });

  it('hides the backward pass on request', () => {
    const { svg, container } = show();
    fireEvent.click(screen.getByRole('checkbox', { name: 'show backward pass' }));
    expect(all(svg, '.dh-arrow, .loss-inject, .trunc-label')).toHaveLength(0);
    expect(container.querySelector('.norm-legend')).toBeNull();
  });
});

describe('UnrollView: hover details and table', () => {
  it('names the exact hidden value, unit and step under the pointer, and selects them on click', () => {
    const { svg, actions } = show();
    // jsdom puts the svg at the page's top: the pointer 5.5 cells below the strip's top (y = 118) is on unit 5
    const hit = svg.querySelector('g.step-col[data-t="3"] rect.h-hit')!;
    fireEvent.mouseMove(hit, { clientY: 118 + 5.5 * 6 });
    expect(tooltip()).toBe(`t = 3 (input ‘·’), unit 5: h = ${formatExact(echo.h[3 * 8 + 5])}`);
    fireEvent.mouseMove(hit, { clientY: 118 + 0.5 * 6 });
    expect(tooltip()).toBe(`t = 3 (input ‘·’), unit 0: h = ${formatExact(echo.h[3 * 8])}`);
    fireEvent.click(hit, { clientY: 118 + 5.5 * 6 });
    expect(actions.select).toHaveBeenLastCalledWith({ t: 3, unit: 5 });
    const n = rowNorms(echo.dh, 11, 8)[7];
    fireEvent.mouseOver(svg.querySelector('g.dh-arrow[data-t="7"] .shaft')!);
    expect(tooltip()).toBe(`‖∂L/∂h_7‖ = ${formatExact(n)}: the error at step 7, sent back to step 6`);
  });

  it('lists every step with input, target, prediction, ‖h_t‖, ‖∂L/∂h_t‖ and whether it is scored', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(11);
    const h = rowNorms(echo.h, 11, 8);
    const dh = rowNorms(echo.dh, 11, 8);
    const cells = (i: number) => [...rows[i].querySelectorAll('th, td')].map((c) => c.textContent);
    const verdict = echo.outputLabels[10] === echo.targetLabels[10] ? '✓' : '✗';
    expect(cells(10)).toEqual(['10', '·', 'A', `${echo.outputLabels[10]} ${verdict}`, formatValue(echo.losses[10]), formatValue(h[10]), formatValue(dh[10]), 'yes']);
    expect(cells(0)).toEqual(['0', 'A', '', echo.outputLabels[0], '', formatValue(h[0]), formatValue(dh[0]), 'no']);
    expect(rows[10]).toHaveAttribute('aria-current', 'step');
  });
});

describe('UnrollView: folding and unrolling', () => {
  it('jumps straight to the folded cell when the user prefers reduced motion', () => {
    mockReducedMotion(true);
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const { svg } = show(echo, RNN_ECHO, 6);
    fireEvent.click(screen.getByRole('button', { name: 'Fold' }));
    expect(raf).not.toHaveBeenCalled();
    expect(svg.getAttribute('data-progress')).toBe('0.000');
    // one cell (the selected step) in the middle of where the chain was, and its self-loop
    const cols = all(svg, 'g.step-col');
    expect(cols.map((c) => c.getAttribute('data-t'))).toEqual(['6']);
    expect(translateX(cols[0])).toBe(502);
    expect(svg.querySelector('.self-loop text')?.textContent).toBe('W_hh');
    fireEvent.click(screen.getByRole('button', { name: 'Unroll' }));
    expect(svg.getAttribute('data-progress')).toBe('1.000');
    expect(all(svg, 'g.step-col')).toHaveLength(11);
    expect(svg.querySelector('.self-loop')).toBeNull();
  });

  it('animates through intermediate positions otherwise, and ends folded', () => {
    mockReducedMotion(false);
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const { svg } = show(echo, RNN_ECHO, 6);
    fireEvent.click(screen.getByRole('button', { name: 'Fold' }));
    expect(svg.getAttribute('data-progress')).toBe('1.000');
    act(() => vi.advanceTimersByTime(350)); // half of 700 ms: smoothstep(½) = ½
    const mid = Number(svg.getAttribute('data-progress'));
    expect(mid).toBeGreaterThan(0.3);
    expect(mid).toBeLessThan(0.7);
    // step 0's column is on its way from x = 122 to the folded centre 502
    const x0 = translateX(svg.querySelector('g.step-col[data-t="0"]')!);
    expect(x0).toBeCloseTo(502 + mid * (122 - 502), 0); // data-progress is rounded to 3 decimals
    act(() => vi.advanceTimersByTime(500));
    expect(svg.getAttribute('data-progress')).toBe('0.000');
    expect(all(svg, 'g.step-col')).toHaveLength(1);
  });

  it('names the recurrent matrix W_h· for a gated cell', () => {
    const config: SessionConfig = { ...RNN_ECHO, model: { cell: 'lstm', activation: 'tanh', hiddenSize: 4 } };
    show(recordFor(config), config);
    expect(screen.getByRole('button', { name: 'W_h· (shared): light every copy' })).toBeInTheDocument();
  });
});

describe('UnrollView: playing the forward pass', () => {
  it('steps the selected timestep from 0 to the end', () => {
    vi.useFakeTimers();
    const { actions } = show(echo, RNN_ECHO, null);
    fireEvent.click(screen.getByRole('button', { name: '▶ Forward pass' }));
    expect(actions.select).toHaveBeenLastCalledWith({ t: 0 });
    expect(screen.getByRole('button', { name: '❚❚ Stop' })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(450));
    expect(actions.select).toHaveBeenLastCalledWith({ t: 1 });
    for (let k = 0; k < 9; k++) act(() => vi.advanceTimersByTime(450));
    expect(actions.select).toHaveBeenLastCalledWith({ t: 10 });
    const calls = actions.select.mock.calls.length;
    for (let k = 0; k < 3; k++) act(() => vi.advanceTimersByTime(450));
    expect(actions.select.mock.calls.length).toBe(calls);
    expect(screen.getByRole('button', { name: '▶ Forward pass' })).toBeInTheDocument();
  });
});

describe('UnrollView with recurrence off', () => {
  it('links no step to the next, forward or backward, and says why', () => {
    const config = { ...RNN_ECHO, model: { ...RNN_ECHO.model, recurrence: 'off' as const } };
    const cut = recordFor(config);
    expect(cut.recurrence).toBe('off');
    const { svg } = show(cut, config);
    expect(all(svg, '.whh-copy')).toHaveLength(0);
    expect(all(svg, '.dh-arrow, .dh-zero')).toHaveLength(0);
    expect(screen.getByText(/Recurrence is off: every step starts from h = 0/)).toBeInTheDocument();
    // with recurrence on, the same network draws its W_hh copies
    const on = show(echo, RNN_ECHO);
    expect(all(on.svg, '.whh-copy').length).toBeGreaterThan(0);
  });
});
