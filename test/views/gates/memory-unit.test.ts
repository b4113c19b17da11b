import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/engine/session';
import type { InspectRecord } from '../../../src/engine/session';
import { findMemoryUnit, latches, memoryStats, sharePercent } from '../../../src/views/gates/memory-unit';
import { echoRecord, syntheticRecord } from './fixtures';

describe('the memory-unit heuristic on hand-made numbers', () => {
  // LSTM, T = 3, H = 2. Unit 0 latches: c_0 = 0.8, then f = 1, i = 0. Unit 1 leaks and rewrites:
  // c_0 = 0.2, then f = 0.5, i = 0.5, g = 0.6 at both steps (i·g = 0.3).
  const gates = [
    // t = 0:  f      i      g      o   (each for units 0, 1)
    0.9, 0.9, 0.9, 0.4, 0.9, 0.5, 0.5, 0.5,
    1, 0.5, 0, 0.5, 0.3, 0.6, 0.5, 0.5,
    1, 0.5, 0, 0.5, -0.7, 0.6, 0.5, 0.5,
  ];
  const c = [0.8, 0.2, 0.8, 0.4, 0.8, 0.5];
  const r = syntheticRecord(['f', 'i', 'g', 'o'], 3, 2, gates, c, c.map(Math.tanh));

  it('splits c_T into what is kept of c_0 and what was written since', () => {
    expect(memoryStats(r, 0)).toEqual({ unit: 0, kept: 0.8, written: 0, writtenNet: 0, share: 1, meanKeep: 1, meanWrite: 0, start: 0.8, end: 0.8 });
    const s = memoryStats(r, 1)!;
    // kept = 0.2·0.5·0.5 = 0.05; written = 0.3·0.5 + 0.3 = 0.45; share = 0.05 / 0.5
    expect(s.kept).toBeCloseTo(0.05, 15);
    expect(s.written).toBeCloseTo(0.45, 15);
    expect(s.share).toBeCloseTo(0.1, 15);
    expect(s.kept + s.written).toBeCloseTo(s.end, 15); // every write was positive here
    expect([s.meanKeep, s.meanWrite]).toEqual([0.5, 0.5]);
  });

  it('finds the latching unit, and calls it a latch', () => {
    const best = findMemoryUnit(r)!;
    expect(best.unit).toBe(0);
    expect(latches(best)).toBe(true);
    expect(latches(memoryStats(r, 1)!)).toBe(false);
  });

  it('counts from a later step too, and has nothing to say about a vanilla RNN or the last step', () => {
    expect(memoryStats(r, 1, 1)).toMatchObject({ kept: 0.2, written: 0.3, start: 0.4, end: 0.5 });
    expect(memoryStats(r, 0, 2)).toBeNull();
    expect(memoryStats(syntheticRecord(['h'], 3, 1, [0, 0, 0], [], [0, 0, 0]), 0)).toBeNull();
    expect(findMemoryUnit(syntheticRecord(['h'], 3, 1, [0, 0, 0], [], [0, 0, 0]))).toBeNull();
  });

  it('GRU: keep gate z, write (1 − z)·n on h', () => {
    // T = 2, H = 1: h_0 = 0.6; t = 1: z = 0.9, r = 0.2, n = −0.5 → h_1 = 0.54 − 0.05 = 0.49
    const g = syntheticRecord(['z', 'r', 'n'], 2, 1, [0.5, 0.5, 0.6, 0.9, 0.2, -0.5], [], [0.6, 0.49]);
    const s = memoryStats(g, 0)!;
    expect(s.kept).toBeCloseTo(0.54, 15);
    expect(s.written).toBeCloseTo(0.05, 15);
    expect(s.meanWrite).toBeCloseTo(0.1, 15);
    expect(s.end).toBe(0.49);
  });

  it('on any real record the decomposition is exact, c_T = kept + writtenNet, and bounded: |c_T − kept| ≤ written', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const rec = echoRecord(cell);
      for (let u = 0; u < rec.H; u++) {
        const s = memoryStats(rec, u)!;
        expect(s.kept + s.writtenNet).toBeCloseTo(s.end, 12);
        expect(Math.abs(s.end - s.kept)).toBeLessThanOrEqual(s.written + 1e-12);
      }
    }
  });

  it('ranks units by the share it shows, so "keeps the largest share" names the unit with the largest share', () => {
    // unit 0: kept 0.01 of a tiny write (share ≈ 1%… of little); unit 1: kept 0.3 of a large write (share 0.3/(0.3+2))
    // The old score |kept| − written picked unit 0 (−0.99 > −1.7) while unit 1 keeps the larger share.
    const T = 2;
    const gates = [
      0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
      // t = 1: f = (0.01, 0.3), i = (1, 1), g = (0.99, 1), o
      0.01, 0.3, 1, 1, 0.99, 1, 0.5, 0.5,
    ];
    const c0 = [1, 1];
    const c = [...c0, 0.01 + 0.99, 0.3 + 1];
    const rr = syntheticRecord(['f', 'i', 'g', 'o'], T, 2, gates, c, c.map(Math.tanh));
    const shares = [0, 1].map((u) => memoryStats(rr, u)!.share);
    expect(shares[1]).toBeGreaterThan(shares[0]);
    expect(findMemoryUnit(rr)!.unit).toBe(1);
  });

  it('never rounds a small share to 0% or a partial one to 100%', () => {
    expect(sharePercent(0)).toBe('0%');
    expect(sharePercent(0.004)).toBe('0.4%');
    expect(sharePercent(0.0004)).toBe('< 0.1%');
    expect(sharePercent(0.036)).toBe('4%');
    expect(sharePercent(0.996)).toBe('99.6%');
    expect(sharePercent(0.99999)).toBe('> 99.9%');
    expect(sharePercent(1)).toBe('100%');
    expect(sharePercent(NaN)).toBe('—');
  });
});

/** The first record of each first symbol among the evaluation samples 0…15. */
function bySymbol(s: Session): Map<string, InspectRecord> {
  const out = new Map<string, InspectRecord>();
  for (let k = 0; k < 16; k++) {
    const r = s.inspect(k);
    if (!out.has(r.inputLabels[0])) out.set(r.inputLabels[0], r);
  }
  return out;
}

function trainToFullAccuracy(s: Session): number {
  let steps = 0;
  while (steps < 1000 && s.evaluate().value < 1) steps += s.train(25);
  return steps;
}

describe('on a trained echo network (lag 8, 4 symbols, 8 units)', () => {
  const config = (cell: 'lstm' | 'gru') => ({ task: { kind: 'echo', lag: 8, symbols: 4 }, model: { cell, hiddenSize: 8 }, init: { forgetBias: 3 }, optimizer: { kind: 'adam', lr: 0.01 } });

  it('LSTM: forget ≈ 1 across the lag, but at 100% accuracy the input gate stays open; one unit latches D after 1,000 more steps', () => {
    const s = new Session(config('lstm'));
    // measured: 100% accuracy after 75 steps (evaluated every 25)
    expect(trainToFullAccuracy(s)).toBeLessThanOrEqual(150);
    const early = new Map([...bySymbol(s)].map(([k, r]) => [k, findMemoryUnit(r)!]));
    // measured at step 75: A unit 3 keep 0.978 write 0.638 share 0.19 · D unit 1 0.918/0.192/0.17 · C unit 3 0.945/0.581/0.15 · B unit 3 0.937/0.309/0.01
    for (const st of early.values()) {
      expect(st.meanKeep).toBeGreaterThan(0.88);
      expect(st.meanWrite).toBeLessThan(0.7);
      expect(st.share).toBeLessThan(0.3); // no latch yet: the memory is rewritten at every step
    }
    expect([...early.keys()].sort()).toEqual(['A', 'B', 'C', 'D']);
    s.train(1000);
    const late = bySymbol(s);
    // measured at step 1,075: for D, unit 1 keeps 78% of c_0 = −0.600 (c_T = −0.325), mean f 0.966, mean i 0.023
    const d = findMemoryUnit(late.get('D')!)!;
    expect(d.unit).toBe(1);
    expect(latches(d)).toBe(true);
    expect(d.meanKeep).toBeGreaterThan(0.95);
    expect(d.meanWrite).toBeLessThan(0.05);
    // the other symbols still rewrite (best shares 0.09, 0.11, 0.01)
    for (const sym of ['A', 'B', 'C']) expect(latches(findMemoryUnit(late.get(sym)!)!)).toBe(false);
  });

  it('GRU: a unit latches the first symbol as soon as accuracy is 100% — z ≈ 1 across the lag, sign by symbol', () => {
    const s = new Session(config('gru'));
    expect(trainToFullAccuracy(s)).toBeLessThanOrEqual(250); // measured: 150
    const recs = bySymbol(s);
    const a = findMemoryUnit(recs.get('A')!)!;
    const b = findMemoryUnit(recs.get('B')!)!;
    // measured: A → unit 5, share 0.935, mean z 0.994, mean 1 − z 0.006, h 0.713 → 0.725; B → unit 5, share 0.671, h −0.168 → −0.079
    expect(a.unit).toBe(5);
    expect(b.unit).toBe(5);
    expect(latches(a) && latches(b)).toBe(true);
    expect(a.meanKeep).toBeGreaterThan(0.98);
    expect(a.meanWrite).toBeLessThan(0.02);
    expect(Math.sign(a.end)).toBe(-Math.sign(b.end)); // the same unit holds A positive and B negative
  });
});
