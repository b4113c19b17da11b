import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../src/engine/config';
import type { InspectRecord } from '../../../src/engine/session';
import type { Selection } from '../../../src/state/store';
import { divergingScale, maxAbs, sequentialScale } from '../../../src/views/kit/colors';
import { strokeWidth } from '../../../src/views/gates/diagram-layout';
import { fmt, parseFmt } from '../../../src/views/gates/gates-layout';
import { GatesView, GRU_UPDATE_NOTE } from '../../../src/views/gates/GatesView';
import { findMemoryUnit, sharePercent } from '../../../src/views/gates/memory-unit';
import { renderLab } from '../render-lab';
import { echoRecord, frameOf, syntheticRecord } from './fixtures';

/** What the kit Heatmap painted on each canvas (jsdom has no 2-D context): the fill of every cell. */
const painted = new Map<HTMLCanvasElement, { fill: string; x: number; y: number }[]>();
/** how many times each canvas was painted (each paint asks for its context once) */
let paints = 0;
beforeEach(() => {
  painted.clear();
  paints = 0;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    paints++;
    const cells: { fill: string; x: number; y: number }[] = [];
    painted.set(this, cells);
    const ctx = { fillStyle: '', strokeStyle: '', lineWidth: 1, setTransform() {}, strokeRect() {}, fillRect: (x: number, y: number) => cells.push({ fill: ctx.fillStyle, x, y }) };
    return ctx as unknown as CanvasRenderingContext2D;
  } as never);
});
afterEach(() => vi.restoreAllMocks());

const show = (record: InspectRecord, selection: Partial<Selection> = {}, config = defaultConfig()) =>
  renderLab(<GatesView />, { config, setup: (s) => s.setState((st) => ({ frame: frameOf(record), selection: { ...st.selection, ...selection } })) });
const panel = (name: string) => document.querySelector(`.gate-panel[data-name="${name}"]`) as HTMLElement;
const canvasOf = (name: string) => panel(name).querySelector('canvas')!;
/** The printed number of diagram quantity q ("kept f·cₜ₋₁ = 0.400" → 0.4). */
const printed = (q: string) => parseFmt((document.querySelector(`.cell-diagram [data-q="${q}"]`)!.textContent ?? '').split('= ').pop()!);
// jsdom has no ResizeObserver: the view lays out for 960 px → 3 panels a row; T = 7 gives 28 px steps (clamped), H = 6 gives 16 px units
const CW = 28;
const CH = 16;

describe('GatesView on an LSTM record', () => {
  const r = echoRecord('lstm');
  const { T, H } = r;
  const G = 4;

  it('paints each heatmap from its own slice of the record, gates on viridis [0, 1], c and h diverging', () => {
    show(r);
    expect([...document.querySelectorAll('.gate-panel')].map((p) => p.getAttribute('data-name'))).toEqual(['f', 'i', 'o', 'g', 'c', 'h']);
    const seq = sequentialScale(0, 1);
    const cScale = divergingScale(Math.max(1, maxAbs(r.c)));
    const signed = divergingScale(1);
    const fillAt = (name: string, t: number, u: number) => painted.get(canvasOf(name))!.find((c) => c.x === t * CW && c.y === u * CH)!.fill;
    for (const [t, u] of [[0, 0], [2, 5], [6, 3]]) {
      for (const [k, name] of ['f', 'i', 'g', 'o'].entries()) {
        const v = r.gates[t * G * H + k * H + u];
        expect(fillAt(name, t, u)).toBe(name === 'g' ? signed(v) : seq(v));
      }
      expect(fillAt('c', t, u)).toBe(cScale(r.c[t * H + u]));
      expect(fillAt('h', t, u)).toBe(signed(r.h[t * H + u]));
    }
  });

  it('a hover repaints no canvas (outlines and tooltips are not pixels of the map); a new selection repaints each map once', () => {
    show(r, { t: 2, unit: 1 });
    const before = paints;
    expect(before).toBe(6);
    fireEvent.mouseEnter(panel('f')); // lights the f panel: an SVG outline
    expect(panel('f')).toHaveAttribute('data-highlighted', 'true');
    fireEvent.mouseMove(canvasOf('f'), { clientX: 3 * CW + 1, clientY: 2 * CH + 1 }); // a tooltip
    expect(within(panel('f')).getByRole('status')).toBeInTheDocument();
    fireEvent.mouseLeave(canvasOf('f'));
    fireEvent.mouseLeave(panel('f'));
    fireEvent.mouseEnter(document.querySelector('.cell-diagram')!);
    expect(paints - before).toBe(0);
    fireEvent.click(canvasOf('c'), { clientX: 4 * CW + 1, clientY: 3 * CH + 1 }); // select (4, 3): every map outlines it
    expect(paints - before).toBe(6);
  });

  it('the hover tooltip shows the exact value, unit and step of the cell under the pointer', () => {
    show(r);
    for (const [k, name] of ['f', 'i', 'g', 'o'].entries()) {
      fireEvent.mouseMove(canvasOf(name), { clientX: 4 * CW + 3, clientY: 1 * CH + 3 });
      expect(within(panel(name)).getByRole('status')).toHaveTextContent(`t = 4, unit 1: ${fmt(r.gates[4 * G * H + k * H + 1])}`);
    }
    fireEvent.mouseMove(canvasOf('c'), { clientX: 6 * CW + 1, clientY: 5 * CH + 1 });
    expect(within(panel('c')).getByRole('status')).toHaveTextContent(`t = 6, unit 5: ${fmt(r.c[6 * H + 5])}`);
  });

  it('prints the input sequence under every heatmap and a legend for each colour scale', () => {
    show(r);
    for (const name of ['f', 'c']) expect([...panel(name).querySelectorAll('.gate-input')].map((e) => e.textContent)).toEqual(r.inputLabels);
    expect(r.inputLabels).toEqual(['B', '·', '·', '·', '·', '·', '·']);
    const m = Math.max(1, maxAbs(r.c)).toPrecision(2);
    expect(screen.getByRole('img', { name: 'gates f i o: 0 closed, 1 open: colour from 0 to 1' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'g, h: signed values: colour from -1.0 to 1.0' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: `cell state c: colour from ${(-Number(m)).toPrecision(2)} to ${m}` })).toBeInTheDocument();
  });

  it('the cell diagram prints f, i, g, o, c_{t−1}, c_t, h_t of the selected unit and step, and they add up', () => {
    const [t, u] = [3, 2];
    show(r, { t, unit: u });
    const gate = (k: number) => r.gates[t * G * H + k * H + u];
    ['f', 'i', 'g', 'o'].forEach((q, k) => expect(document.querySelector(`.cell-diagram [data-q="${q}"]`)).toHaveTextContent(`${q} = ${fmt(gate(k))}`));
    expect(document.querySelector('.cell-diagram [data-q="cPrev"]')).toHaveTextContent(`cₜ₋₁ = ${fmt(r.c[(t - 1) * H + u])}`);
    expect(document.querySelector('.cell-diagram [data-q="c"]')).toHaveTextContent(`cₜ = ${fmt(r.c[t * H + u])}`);
    expect(document.querySelector('.cell-diagram [data-q="h"]')).toHaveTextContent(`= ${fmt(r.h[t * H + u])}`);
    // c_t = f·c_{t−1} + i·g on the printed numbers (each rounded to 0.0005)
    expect(Math.abs(printed('c') - (printed('kept') + printed('written')))).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(Math.abs(printed('kept') - printed('f') * printed('cPrev'))).toBeLessThanOrEqual(0.0005 * (1 + Math.abs(printed('cPrev')) + printed('f')) + 1e-9);
    expect(Math.abs(printed('written') - printed('i') * printed('g'))).toBeLessThanOrEqual(0.0015);
    expect(Math.abs(printed('h') - printed('o') * printed('tanhC'))).toBeLessThanOrEqual(0.0015);
    expect(document.querySelector('.cell-diagram .diagram-caption')).toHaveTextContent(`unit ${u} · t = ${t} · input ·`);
  });

  it('wire widths and box fills follow the values', () => {
    show(r, { t: 5, unit: 4 });
    const f = r.gates[5 * G * H + 4];
    const c = r.c[5 * H + 4];
    const wire = (id: string) => document.querySelector(`.diagram-wire[data-id="${id}"]`)!;
    expect(wire('f').getAttribute('data-width')).toBe(strokeWidth(f, 1).toFixed(2));
    expect(wire('c').getAttribute('data-width')).toBe(strokeWidth(c, Math.max(1, maxAbs(r.c))).toFixed(2));
    expect(document.querySelector('.diagram-node[data-id="f"] rect')).toHaveAttribute('fill', sequentialScale(0, 1)(f));
  });

  it('with no step selected the diagram shows the last step, as the scrubber does', () => {
    show(r, { t: null, unit: 0 });
    expect(document.querySelector('.cell-diagram [data-q="c"]')).toHaveTextContent(`cₜ = ${fmt(r.c[(T - 1) * H])}`);
    expect(screen.getByRole('slider')).toHaveValue(String(T - 1));
  });

  it('clicking a cell selects that step and unit; arrow keys on the focused heatmap move the selection', () => {
    const lab = show(r, { t: 0, unit: 0 });
    fireEvent.click(canvasOf('i'), { clientX: 5 * CW + 2, clientY: 4 * CH + 2 });
    expect(lab.actions.select).toHaveBeenLastCalledWith({ t: 5, unit: 4 });
    expect(document.querySelector('.cell-diagram [data-q="i"]')).toHaveTextContent(`i = ${fmt(r.gates[5 * G * H + H + 4])}`);
    fireEvent.keyDown(canvasOf('i'), { key: 'ArrowLeft' });
    expect(lab.actions.select).toHaveBeenLastCalledWith({ t: 4, unit: 4 });
    fireEvent.keyDown(canvasOf('i'), { key: 'ArrowUp' });
    expect(lab.actions.select).toHaveBeenLastCalledWith({ t: 4, unit: 3 });
  });

  it('outlines the heatmap and the diagram parts that selection.highlight names; hovering names them', () => {
    const lab = show(r, { highlight: 'f' });
    expect(panel('f')).toHaveAttribute('data-highlighted', 'true');
    expect(panel('f').querySelector('.gate-outline')).not.toBeNull();
    expect(panel('i')).not.toHaveAttribute('data-highlighted');
    const lit = [...document.querySelectorAll('.cell-diagram [data-lit="true"]')].map((e) => e.getAttribute('data-id') ?? e.getAttribute('data-q'));
    expect(lit).toEqual(expect.arrayContaining(['f', 'xf', 'kept', 'flushed']));
    expect(lit).not.toContain('i');
    fireEvent.mouseEnter(panel('c'));
    expect(lab.actions.select).toHaveBeenLastCalledWith({ highlight: 'c' });
    fireEvent.mouseLeave(panel('c'));
    expect(lab.actions.select).toHaveBeenLastCalledWith({ highlight: null });
    fireEvent.mouseEnter(document.querySelector('.diagram-node[data-id="o"]')!);
    expect(lab.actions.select).toHaveBeenLastCalledWith({ highlight: 'o' });
    expect(panel('o')).toHaveAttribute('data-highlighted', 'true');
  });

  it('bolds the input sequence when the input x is highlighted (a formula symbol, say)', () => {
    show(r, { highlight: 'x' });
    expect(panel('f').querySelectorAll('.gate-input-lit')).toHaveLength(T);
    expect(document.querySelectorAll('.gate-panel[data-highlighted]')).toHaveLength(0);
  });

  it('"Find the memory unit" selects the heuristic’s unit at the last step, and the readout explains it', () => {
    const lab = show(r, { t: 2, unit: 0 });
    const best = findMemoryUnit(r)!;
    fireEvent.click(screen.getByRole('button', { name: 'Find the memory unit' }));
    expect(lab.actions.select).toHaveBeenLastCalledWith({ unit: best.unit, t: T - 1 });
    expect(screen.getByTestId('memory-readout')).toHaveTextContent(`Unit ${best.unit} from t = 0 to t = ${T - 1}: its final c = ${fmt(r.c[(T - 1) * H + best.unit])} is ${fmt(best.kept)} kept from t = 0 plus ${fmt(best.writtenNet)} written since. Kept share: ${sharePercent(best.share)}`);
  });

  it('the table gives, for the selected unit, every step’s input, gates, c and h', () => {
    show(r, { t: 2, unit: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['t', 'input', 'forget f', 'input i', 'candidate g', 'output o', 'cell c', 'hidden h']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(T);
    const cells = (t: number) => [...rows[t].querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells(4)).toEqual(['4', '·', ...[0, 1, 2, 3].map((k) => fmt(r.gates[4 * G * H + k * H + 3])), fmt(r.c[4 * H + 3]), fmt(r.h[4 * H + 3])]);
    expect(rows[2]).toHaveAttribute('aria-current', 'true');
  });
});

describe('the memory readout', () => {
  // T = 3, H = 2: unit 0 keeps c_0 = 0.8 with f = 1, i = 0; unit 1 leaks (f = 0.5) and rewrites (i·g = 0.3)
  const gates = [0.9, 0.9, 0.9, 0.4, 0.9, 0.5, 0.5, 0.5, 1, 0.5, 0, 0.5, 0.3, 0.6, 0.5, 0.5, 1, 0.5, 0, 0.5, -0.7, 0.6, 0.5, 0.5];
  const c = [0.8, 0.2, 0.8, 0.4, 0.8, 0.5];
  const r = syntheticRecord(['f', 'i', 'g', 'o'], 3, 2, gates, c, c.map(Math.tanh));

  it('calls a latch a latch', () => {
    show(r, { unit: 0 });
    expect(screen.getByTestId('memory-readout')).toHaveTextContent('Unit 0 from t = 0 to t = 2: its final c = 0.800 is 0.800 kept from t = 0 plus 0.000 written since. Kept share: 100% (|kept| against |kept| + the size of every later write, 0.000). Mean forget f = 1.000, mean input i = 0.000 over t ≥ 1.');
    expect(screen.getByTestId('memory-readout')).toHaveTextContent('It latches: forget ≈ 1 keeps the first input across the lag, input ≈ 0 writes almost nothing');
  });

  it('says when a unit rewrites its memory, and points to the one that latches', () => {
    show(r, { unit: 1 });
    expect(screen.getByTestId('memory-readout')).toHaveTextContent('its final c = 0.500 is 0.050 kept from t = 0 plus 0.450 written since. Kept share: 10%');
    expect(screen.getByTestId('memory-readout')).toHaveTextContent('It does not latch: what it wrote after t = 0 outweighs what it kept — the input gate stays open and the memory is rewritten at every step. Unit 0 latches (100% kept): press “Find the memory unit”.');
  });
});

describe('GatesView on a GRU record', () => {
  const r = echoRecord('gru');
  const { H } = r;

  it('says which way round the update gate works here, in one sentence', () => {
    show(r);
    expect(screen.getByText(/z near 1 keeps the old state/)).toHaveTextContent(GRU_UPDATE_NOTE);
  });

  it('shows z, r, n and h, and a diagram whose printed numbers satisfy h_t = (1 − z)·n + z·h_{t−1}', () => {
    const [t, u] = [4, 1];
    show(r, { t, unit: u });
    expect([...document.querySelectorAll('.gate-panel')].map((p) => p.getAttribute('data-name'))).toEqual(['z', 'r', 'n', 'h']);
    fireEvent.mouseMove(canvasOf('n'), { clientX: t * CW + 1, clientY: u * CH + 1 });
    expect(within(panel('n')).getByRole('status')).toHaveTextContent(`t = ${t}, unit ${u}: ${fmt(r.gates[t * 3 * H + 2 * H + u])}`);
    ['z', 'r', 'n'].forEach((q, k) => expect(printed(q)).toBe(parseFmt(fmt(r.gates[t * 3 * H + k * H + u]))));
    expect(printed('hPrev')).toBe(parseFmt(fmt(r.h[(t - 1) * H + u])));
    expect(printed('h')).toBe(parseFmt(fmt(r.h[t * H + u])));
    expect(Math.abs(printed('h') - (printed('kept') + printed('written')))).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(Math.abs(printed('kept') - printed('z') * printed('hPrev'))).toBeLessThanOrEqual(0.0015);
    expect(Math.abs(printed('written') - (1 - printed('z')) * printed('n'))).toBeLessThanOrEqual(0.0015);
    expect(document.querySelector('.cell-diagram [data-q="c"]')).toBeNull(); // no memory cell
  });
});

describe('GatesView on a vanilla RNN, and before the first frame', () => {
  it('says there are no gates, shows h only, and offers to switch to an LSTM with the same settings', () => {
    const config = { ...defaultConfig(), model: { cell: 'rnn' as const, activation: 'tanh' as const, hiddenSize: 6 } };
    const lab = show(echoRecord('rnn'), {}, config);
    expect(screen.getByRole('note')).toHaveTextContent('A vanilla RNN has no gates');
    expect([...document.querySelectorAll('.gate-panel')].map((p) => p.getAttribute('data-name'))).toEqual(['h']);
    expect(document.querySelector('.cell-diagram')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Find the memory unit' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to LSTM' }));
    expect(lab.actions.configure).toHaveBeenCalledWith({ ...config, model: { ...config.model, cell: 'lstm' } });
  });

  it('waits for the first frame', () => {
    renderLab(<GatesView />);
    expect(screen.getByText('Training starts… the gates appear with the first frame.')).toBeInTheDocument();
  });
});
