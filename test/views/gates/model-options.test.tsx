/**
 * The gates view under the two model options, on real records: a tanh forget gate (f in (−1, 1)) is painted and
 * labelled on a signed scale, in the heatmap, its legend, the cell diagram and the table; with recurrence off the
 * diagram shows what each step really read (c_{t−1} = h_{t−1} = 0) and no unit is offered as a memory.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../src/engine/config';
import { Session } from '../../../src/engine/session';
import type { InspectRecord } from '../../../src/engine/session';
import type { CellKind, ForgetGate, Recurrence } from '../../../src/engine/types';
import type { Selection } from '../../../src/state/store';
import { divergingScale, sequentialScale } from '../../../src/views/kit/colors';
import { fmt, panelRows } from '../../../src/views/gates/gates-layout';
import { GatesView, RECURRENCE_OFF_NOTE, TANH_FORGET_NOTE } from '../../../src/views/gates/GatesView';
import { findMemoryUnit, flips, latches, memoryStats } from '../../../src/views/gates/memory-unit';
import { renderLab } from '../render-lab';
import { frameOf, syntheticRecord } from './fixtures';

/** What the kit Heatmap painted on each canvas (jsdom has no 2-D context): the fill of every cell. */
const painted = new Map<HTMLCanvasElement, { fill: string; x: number; y: number }[]>();
beforeEach(() => {
  painted.clear();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const cells: { fill: string; x: number; y: number }[] = [];
    painted.set(this, cells);
    const ctx = { fillStyle: '', strokeStyle: '', lineWidth: 1, setTransform() {}, strokeRect() {}, fillRect: (x: number, y: number) => cells.push({ fill: ctx.fillStyle, x, y }) };
    return ctx as unknown as CanvasRenderingContext2D;
  } as never);
});
afterEach(() => vi.restoreAllMocks());

const cache = new Map<string, InspectRecord>();
/** Echo (lag 6, 3 symbols), 6 units, forget bias 0 (so a tanh gate starts near 0 with either sign), seed 4, 40 steps. */
function recordWith(cell: CellKind, forgetGate: ForgetGate, recurrence: Recurrence): InspectRecord {
  const key = `${cell}/${forgetGate}/${recurrence}`;
  let r = cache.get(key);
  if (!r) {
    const s = new Session({ task: { kind: 'echo', lag: 6, symbols: 3 }, model: { cell, hiddenSize: 6, forgetGate, recurrence }, init: { scheme: 'xavier', forgetBias: 0 }, seed: 4 });
    s.train(40);
    r = s.inspect(0);
    cache.set(key, r);
  }
  return r;
}

const show = (record: InspectRecord, selection: Partial<Selection> = {}) =>
  renderLab(<GatesView />, { config: defaultConfig(), setup: (s) => s.setState((st) => ({ frame: frameOf(record), selection: { ...st.selection, ...selection } })) });
const panel = (name: string) => document.querySelector(`.gate-panel[data-name="${name}"]`) as HTMLElement;
// jsdom has no ResizeObserver: 960 px → T = 7 steps of 28 px, H = 6 units of 16 px (as in gates-view.test.tsx)
const [CW, CH, G] = [28, 16, 4];
const fillAt = (name: string, t: number, u: number) => painted.get(panel(name).querySelector('canvas')!)!.find((c) => c.x === t * CW && c.y === u * CH)!.fill;

describe('a tanh forget gate', () => {
  const r = recordWith('lstm', 'tanh', 'on');
  const { T, H } = r;
  const f = (t: number, u: number) => r.gates[t * G * H + u];

  it('is what the record says, with values of both signs (the case the signed scale is for)', () => {
    expect(r.forgetGate).toBe('tanh');
    const fs = Array.from({ length: T * H }, (_, k) => f(Math.floor(k / H), k % H));
    expect(fs.some((v) => v < -0.05) && fs.some((v) => v > 0.05)).toBe(true);
  });

  it('paints f on the signed [−1, 1] scale, titled and with its own legend; i and o stay on the [0, 1] gate scale', () => {
    show(r);
    expect(panelRows(r)[0].map((p) => [p.name, p.scale])).toEqual([['f', 'forget'], ['i', 'gate'], ['o', 'gate']]);
    expect(panel('f').querySelector('.gate-panel-title')).toHaveTextContent('forget gate f (tanh)');
    const signed = divergingScale(1);
    const seq = sequentialScale(0, 1);
    for (let t = 0; t < T; t++) {
      for (let u = 0; u < H; u++) {
        expect(fillAt('f', t, u)).toBe(signed(f(t, u)));
        expect(fillAt('i', t, u)).toBe(seq(r.gates[t * G * H + H + u]));
      }
    }
    // a negative f is purple and a positive one orange: not the viridis of a σ gate
    const neg = Array.from({ length: T * H }, (_, k) => [Math.floor(k / H), k % H]).find(([t, u]) => f(t, u) < -0.05)!;
    expect(fillAt('f', neg[0], neg[1])).not.toBe(seq(f(neg[0], neg[1])));
    expect(screen.getByRole('img', { name: 'forget f (tanh): −1 flips, 0 wipes, 1 keeps: colour from −1 to 1' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'gates i o: 0 closed, 1 open: colour from 0 to 1' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /gates f i o/ })).toBeNull();
  });

  it('the cell diagram fills the forget box on the signed scale and names it; the caption and the table say tanh', () => {
    const [t, u] = [3, 2];
    show(r, { t, unit: u });
    const box = document.querySelector('.diagram-node[data-id="f"]')!;
    expect(box.querySelector('rect')).toHaveAttribute('fill', divergingScale(1)(f(t, u)));
    expect(box).toHaveTextContent(`forget (tanh)f = ${fmt(f(t, u))}`);
    expect(document.querySelector('.view-caption')).toHaveTextContent(TANH_FORGET_NOTE);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['t', 'input', 'forget f (tanh)', 'input i', 'candidate g', 'output o', 'cell c', 'hidden h']);
  });

  it('the memory readout measures a negative forget gate by its size: every share lies in [0, 1]', () => {
    // LSTM, T = 3, H = 1: c_0 = 0.8; t = 1: f = −1, i·g = 0.5·0.2 = 0.1 → c_1 = −0.7; t = 2: f = −1, i = 0 → c_2 = 0.7
    const gates = [0.5, 0.9, 0.9, 0.5, -1, 0.5, 0.2, 0.5, -1, 0, 0, 0.5];
    const c = [0.8, -0.7, 0.7];
    const s = memoryStats(syntheticRecord(['f', 'i', 'g', 'o'], 3, 1, gates, c, c.map(Math.tanh)), 0)!;
    // kept 0.8·(−1)·(−1) = 0.8; the write of t = 1 reaches the end as (−1)·0.1: size 0.1, signed −0.1 (end = 0.8 − 0.1)
    expect(s.kept).toBeCloseTo(0.8, 15);
    expect(s.written).toBeCloseTo(0.1, 15);
    expect(s.writtenNet).toBeCloseTo(-0.1, 15);
    expect(s.kept + s.writtenNet).toBeCloseTo(s.end, 15);
    expect(s.share).toBeCloseTo(0.8 / 0.9, 15);
    expect(s.meanKeep).toBe(-1);
    expect([flips(s), latches(s)]).toEqual([true, false]);
    // on the trained tanh record, some of whose forget gates are negative
    for (let u = 0; u < H; u++) {
      const m = memoryStats(r, u)!;
      expect(m.written, `unit ${u}`).toBeGreaterThanOrEqual(0);
      expect(m.share >= 0 && m.share <= 1, `unit ${u}: share ${m.share}`).toBe(true);
    }
  });

  it('a unit that keeps its memory with f near −1 is said to flip it, not to fade', () => {
    // as above, over 4 steps: f = −1 after t = 0, nothing written
    const gates = [0.5, 0.9, 0.9, 0.5, -1, 0, 0, 0.5, -1, 0, 0, 0.5, -1, 0, 0, 0.5];
    const c = [0.8, -0.8, 0.8, -0.8];
    show({ ...syntheticRecord(['f', 'i', 'g', 'o'], 4, 1, gates, c, c.map(Math.tanh)), forgetGate: 'tanh' });
    expect(screen.getByTestId('memory-readout')).toHaveTextContent('It keeps it with the sign flipping: a tanh forget gate near −1 multiplies the memory by −1 at every step');
    expect(screen.getByTestId('memory-readout')).not.toHaveTextContent('fades');
  });

  it('a σ forget gate keeps the gate scale, title and legend', () => {
    const s = recordWith('lstm', 'sigmoid', 'on');
    show(s, { t: 3, unit: 2 });
    expect(s.forgetGate).toBe('sigmoid');
    expect(panel('f').querySelector('.gate-panel-title')).toHaveTextContent(/^forget gate f$/);
    expect(fillAt('f', 3, 2)).toBe(sequentialScale(0, 1)(s.gates[3 * G * H + 2]));
    expect(document.querySelector('.diagram-node[data-id="f"] rect')).toHaveAttribute('fill', sequentialScale(0, 1)(s.gates[3 * G * H + 2]));
    expect(screen.getByRole('img', { name: 'gates f i o: 0 closed, 1 open: colour from 0 to 1' })).toBeInTheDocument();
    expect(document.querySelector('.view-caption')).not.toHaveTextContent('tanh');
  });
});

describe('recurrence off', () => {
  it('LSTM: the diagram shows the zero state each step read (c_{t−1} = 0, nothing kept), c_t = i·g; no memory unit is offered', () => {
    const r = recordWith('lstm', 'sigmoid', 'off');
    const [t, u] = [4, 1];
    const { H } = r;
    expect(r.recurrence).toBe('off');
    // the record's previous c is not 0: the diagram must not show it as the input of step t
    expect(r.c[(t - 1) * H + u]).not.toBe(0);
    show(r, { t, unit: u });
    expect(document.querySelector('.cell-diagram [data-q="cPrev"]')).toHaveTextContent('cₜ₋₁ = 0.000');
    expect(document.querySelector('.cell-diagram [data-q="kept"]')).toHaveTextContent('kept f·cₜ₋₁ = 0.000');
    const [i, g] = [r.gates[t * G * H + H + u], r.gates[t * G * H + 2 * H + u]];
    expect(document.querySelector('.cell-diagram [data-q="written"]')).toHaveTextContent(`written i·g = ${fmt(i * g)}`);
    expect(document.querySelector('.cell-diagram [data-q="c"]')).toHaveTextContent(`cₜ = ${fmt(r.c[t * H + u])}`);
    expect(Math.abs(r.c[t * H + u] - i * g)).toBeLessThan(1e-12);
    expect(findMemoryUnit(r)).toBeNull();
    expect(screen.queryByTestId('memory-readout')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Find the memory unit' })).toBeNull();
    expect(document.querySelector('.view-caption')).toHaveTextContent(RECURRENCE_OFF_NOTE);
  });

  it('GRU: the diagram shows h_{t−1} = 0, so nothing is kept and h_t = (1 − z)·n', () => {
    const r = recordWith('gru', 'sigmoid', 'off');
    const [t, u] = [5, 3];
    const { H } = r;
    show(r, { t, unit: u });
    const diagram = document.querySelector('.cell-diagram') as HTMLElement;
    expect(within(diagram).getByText('hₜ₋₁ = 0.000')).toBeInTheDocument();
    expect(diagram.querySelector('[data-q="kept"]')).toHaveTextContent('kept z·hₜ₋₁ = 0.000');
    const [z, n] = [r.gates[t * 3 * H + u], r.gates[t * 3 * H + 2 * H + u]];
    expect(Math.abs(r.h[t * H + u] - (1 - z) * n)).toBeLessThan(1e-12);
    expect(diagram.querySelector('[data-q="written"]')).toHaveTextContent(`written (1−z)·n = ${fmt((1 - z) * n)}`);
    expect(document.querySelector('.view-caption')).toHaveTextContent(RECURRENCE_OFF_NOTE);
  });

  it('with recurrence on the caption says nothing of it, and the memory readout is there', () => {
    show(recordWith('lstm', 'sigmoid', 'on'));
    expect(document.querySelector('.view-caption')).not.toHaveTextContent('Recurrence is off');
    expect(screen.getByTestId('memory-readout')).toBeInTheDocument();
  });
});
