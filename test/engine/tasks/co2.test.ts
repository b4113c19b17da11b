/**
 * NOAA's Mauna Loa CO₂ as bundled (tasks/co2-mauna-loa.ts), and the series task's held-out tail (holdout=K): the data
 * parse to the file's 806 monthly means with its first and last values, and a run with a tail never trains on it,
 * scales by the rest, and scores only next values inside it.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/rng';
import { CO2_CSV, CO2_MONTHLY, co2Month } from '../../../src/engine/tasks/co2-mauna-loa';
import { parseSeries } from '../../../src/engine/tasks/csv';
import { normalizeTaskConfig } from '../../../src/engine/tasks/normalize';
import { SeriesTask } from '../../../src/engine/tasks/series';

describe('the Mauna Loa CO₂ series', () => {
  it('holds the 806 monthly means of March 1958 … April 2025, as NOAA’s file gives them', () => {
    expect(CO2_MONTHLY).toHaveLength(806);
    expect(co2Month(0)).toBe('1958-03');
    expect(CO2_MONTHLY[0]).toBe(315.71);
    expect(co2Month(10)).toBe('1959-01');
    expect(CO2_MONTHLY[10]).toBe(315.58);
    expect(co2Month(805)).toBe('2025-04');
    expect(CO2_MONTHLY[805]).toBe(429.64);
    // the rows of whole years: December 1987 (index 357) and January 1988
    expect([co2Month(357), CO2_MONTHLY[357], CO2_MONTHLY[358]]).toEqual(['1987-12', 349.28, 350.51]);
    expect(Math.min(...CO2_MONTHLY)).toBe(312.42); // October 1958
    expect(Math.max(...CO2_MONTHLY)).toBe(429.64);
    // every May is above the October before it: the seasonal swing is in the numbers
    for (let i = 0; i + 7 < CO2_MONTHLY.length; i++) if (co2Month(i).endsWith('-10')) expect(CO2_MONTHLY[i + 7]).toBeGreaterThan(CO2_MONTHLY[i]);
  });

  it('reads through the series task’s CSV parser as the same numbers (its header line skipped)', () => {
    expect(Array.from(parseSeries(CO2_CSV))).toEqual(CO2_MONTHLY);
  });
});

describe('a held-out tail', () => {
  const task = new SeriesTask({ kind: 'series', csv: CO2_CSV, seqLength: 24, holdout: 48 });
  const N = 806;

  it('scales by the 758 points trained on, and never samples a target inside the last 48', () => {
    const head = CO2_MONTHLY.slice(0, N - 48);
    const mean = head.reduce((a, b) => a + b, 0) / head.length;
    expect(task.mean).toBeCloseTo(mean, 10);
    expect(task.tail()).toHaveLength(48);
    expect(task.denormalize(task.tail()[0])).toBeCloseTo(419.09, 10); // May 2021
    const rng = new Rng(3);
    let latest = 0;
    for (let i = 0; i < 3000; i++) {
      const seq = task.sample(rng);
      const last = seq.targets[23];
      const at = task.normalized.indexOf(last); // the values are distinct enough to find their index
      latest = Math.max(latest, at);
    }
    expect(latest).toBeLessThan(N - 48);
    // the forecast reads the 24 months before the tail
    const before = task.beforeTail();
    expect(task.denormalize(before.inputs[23])).toBeCloseTo(419.01, 10); // April 2021
  });

  it('scores only next values inside the tail, against repeating the last value', () => {
    const set = task.evalSet();
    expect(set).toHaveLength(32);
    let scored = 0;
    for (const seq of set) for (let t = 0; t < 24; t++) if (seq.mask[t] === 1) scored++;
    // 32 windows with between 1 and 24 steps inside the tail each
    expect(scored).toBeGreaterThan(32);
    expect(scored).toBeLessThan(32 * 24);
    const m = task.evaluate(set.map((s) => s.inputs));
    expect(m.value).toBeCloseTo(m.baseline, 12); // answering the input is the persistence baseline itself
    expect(m.baseline).toBeGreaterThan(0.0015);
    expect(m.baseline).toBeLessThan(0.0025);
  });

  it('refuses a tail that leaves too little to train on, and links repair it like any number', () => {
    expect(() => new SeriesTask({ kind: 'series', csv: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10', seqLength: 4, holdout: 5 })).toThrow(/leaves 5; sequences of length 4 need at least 6/);
    expect(normalizeTaskConfig({ kind: 'series', csv: '1\n2', seqLength: 4, holdout: 0 }).config).toEqual({ kind: 'series', csv: '1\n2', seqLength: 4 });
    const r = normalizeTaskConfig({ kind: 'series', csv: '1\n2', seqLength: 4, holdout: 9999 });
    expect(r.config).toEqual({ kind: 'series', csv: '1\n2', seqLength: 4, holdout: 2000 });
    expect(r.notes.length).toBe(1);
  });
});
