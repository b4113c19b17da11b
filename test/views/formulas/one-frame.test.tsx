/**
 * Every section of the equations view shows the numbers of ONE frame, even while frames stream in fast and
 * some sections are below the fold (the browser's IntersectionObserver is faked here: jsdom has none).
 */
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../../src/engine/session';
import type { InspectRecord } from '../../../src/engine/session';
import type { CellKind } from '../../../src/engine/types';
import { FormulasView, PLAYING_REFRESH_MS } from '../../../src/views/formulas/FormulasView';
import * as R from '../../../src/worker/record';
import { frameWith } from '../frames';
import { renderLab } from '../render-lab';
import { configFor } from './records';

/** Sections from the fifth on lie below the fold, as on a 1366×900 page; everything else is on screen. */
class FoldObserver {
  constructor(private readonly cb: (entries: { isIntersecting: boolean }[]) => void) {}
  observe(el: Element) {
    const sections = Array.from(document.querySelectorAll('section.formula'));
    const below = el.matches('section.formula') && sections.indexOf(el) >= 4;
    this.cb([{ isIntersecting: !below }]);
  }
  disconnect() {}
}

/** The value a KaTeX number reads: "(−0.25)" → −0.25, "1.2×10−5" → 1.2e-5. */
function read(text: string): number {
  const m = /^\(?(−?[\d.]+)(?:×10(−?\d+))?\)?$/.exec(text.trim());
  if (!m) throw new Error(`not a number: ${JSON.stringify(text)}`);
  const num = (s: string) => Number(s.replace('−', '-'));
  return num(m[1]) * 10 ** (m[2] ? num(m[2]) : 0);
}

/** Each section's probe: which shown number (by highlight name, first or last) it is, and its value in a record. */
type Probe = [section: string, sym: string, which: 'first' | 'last', value: (rec: InspectRecord, t: number, j: number) => number];
const target = (rec: InspectRecord, t: number) => rec.targets[t];
const COMMON: Probe[] = [
  ['output', 'p', 'last', (rec, t) => rec.p[t * rec.O + target(rec, t)]],
  ['step-loss', 'loss', 'last', (rec, t) => rec.losses[t]],
  ['loss', 'loss', 'last', (rec) => rec.loss],
  ['bptt', 'dh', 'first', (rec) => rec.flowH[rec.tau]],
  ['backward', 'dh', 'first', (rec, t, j) => R.dh(rec, t, j)],
];
const PROBES: Record<'lstm' | 'gru', Probe[]> = {
  lstm: [
    ['lstm-gates', 'o', 'last', (rec, t, j) => R.gate(rec, 'o', t, j)],
    ['lstm-memory', 'f', 'first', (rec, t, j) => R.gate(rec, 'f', t, j)],
    ['lstm-hidden', 'h', 'last', (rec, t, j) => R.h(rec, t, j)],
    ...COMMON,
    ['backward', 'o', 'first', (rec, t, j) => R.gate(rec, 'o', t, j)],
  ],
  gru: [
    ['gru-gates', 'z', 'first', (rec, t, j) => R.gate(rec, 'z', t, j)],
    ['gru-candidate', 'n', 'last', (rec, t, j) => R.gate(rec, 'n', t, j)],
    ['gru-hidden', 'h', 'last', (rec, t, j) => R.h(rec, t, j)],
    ...COMMON,
  ],
};

/** Which of `frames` each probe's shown number belongs to (the index of the first whose value prints alike), −1 for none. */
function framesShown(container: HTMLElement, probes: Probe[], recs: InspectRecord[], j: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [section, sym, which, value] of probes) {
    const els = container.querySelectorAll(`[data-formula="${section}"] .formula-numeric .katex-html [data-sym="${sym}"][data-n]`);
    expect(els.length, `${section} shows ${sym}`).toBeGreaterThan(0);
    const shown = read(els[which === 'first' ? 0 : els.length - 1].textContent ?? '');
    const t = recs[0].T - 1;
    out[`${section}:${sym}`] = recs.findIndex((rec) => {
      const v = value(rec, t, j);
      return Math.abs(shown - v) <= 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v) || 1)) - 2) * 1.0001;
    });
  }
  return out;
}

describe.each<CellKind & ('lstm' | 'gru')>(['lstm', 'gru'])('%s: one frame at a time', (cell) => {
  const original = globalThis.IntersectionObserver;
  beforeEach(() => {
    globalThis.IntersectionObserver = FoldObserver as unknown as typeof IntersectionObserver;
    vi.useFakeTimers();
  });
  afterEach(() => {
    globalThis.IntersectionObserver = original;
    vi.useRealTimers();
  });

  it('shows every section with the numbers of the same frame while distinct frames stream in fast', { timeout: 30_000 }, () => {
    // one run, a frame every 3 training steps: every probe differs from one frame to the next
    const session = new Session(configFor(cell, { hiddenSize: 3 }));
    const recs: InspectRecord[] = [];
    const steps: number[] = [];
    for (let k = 0; k < 5; k++) {
      recs.push(session.inspect(0));
      steps.push(3 * k);
      session.train(3);
    }
    const j = 1;
    const probes = PROBES[cell];
    const t = recs[0].T - 1;
    for (let k = 1; k < recs.length; k++) {
      for (const [section, sym, , value] of probes) expect(value(recs[k], t, j), `${section}:${sym} differs in frame ${k}`).not.toBe(value(recs[k - 1], t, j));
    }
    const { container, store } = renderLab(<FormulasView />, {
      config: configFor(cell, { hiddenSize: 3 }),
      setup: (s) => s.setState({ frame: frameWith(recs[0], steps[0]), playing: true, selection: { sample: 0, t: null, unit: j, tau: null, highlight: null } }),
    });
    /** Every section (and the line naming the step) says it shows the step of frame k. */
    const stepsSay = (k: number) => {
      const sections = Array.from(container.querySelectorAll<HTMLElement>('section.formula'));
      expect(sections).toHaveLength(9);
      expect(sections.map((el) => el.dataset.step)).toEqual(sections.map(() => String(steps[k])));
      expect(container.querySelector('[data-testid="formulas-step"]')).toHaveTextContent(`Numbers of training step ${steps[k]}`);
    };
    const agree = (k: number) => {
      const shown = framesShown(container, probes, recs, j);
      expect(shown, `every section shows frame ${k}`).toEqual(Object.fromEntries(Object.keys(shown).map((key) => [key, k])));
      stepsSay(k);
    };
    agree(0);
    let latest = 0;
    for (let k = 1; k < recs.length; k++) {
      // frames arrive faster than the view re-typesets: a quarter of its refresh apart
      act(() => store.setState({ frame: frameWith(recs[k], steps[k]) }));
      act(() => vi.advanceTimersByTime(PLAYING_REFRESH_MS / 4));
      const shown = framesShown(container, probes, recs, j);
      const first = Object.values(shown)[0];
      expect(first).toBeGreaterThanOrEqual(latest);
      latest = first;
      expect(shown, `every section shows one frame after frame ${k} arrived`).toEqual(Object.fromEntries(Object.keys(shown).map((key) => [key, first])));
      stepsSay(first);
    }
    act(() => vi.advanceTimersByTime(PLAYING_REFRESH_MS));
    agree(recs.length - 1);
  });
});
