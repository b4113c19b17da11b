import { describe, it, expect } from 'vitest';
import { EngineError } from '../../../src/engine/errors';
import { Rng } from '../../../src/engine/rng';
import { parseSeries } from '../../../src/engine/tasks/csv';
import { SeriesTask } from '../../../src/engine/tasks/series';
import { perfectOutputs, plain } from './helpers';

const lines = (n: number, f: (i: number) => number): string => Array.from({ length: n }, (_, i) => String(f(i))).join('\n');
const make = (csv: string, seqLength = 4): SeriesTask => new SeriesTask({ kind: 'series', csv, seqLength });
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return (e as EngineError).message;
  }
  throw new Error('did not throw');
};

describe('parseSeries', () => {
  it('reads one number per line, skipping blank lines, with any line endings', () => {
    expect([...parseSeries('1\n2.5\r\n-3e2\r\n\n  .5  \n+4')]).toEqual([1, 2.5, -300, 0.5, 4]);
  });
  it('takes the last numeric column of comma, semicolon or tab rows and skips a header', () => {
    expect([...parseSeries('date,value\n2020-01-01,5\n2020-01-02,6.5\n')]).toEqual([5, 6.5]);
    expect([...parseSeries('t;x;note\n1;3,5;ok\n2;4,25;fine')]).toEqual([3.5, 4.25]);
    expect([...parseSeries('a\tb\n1\t10\n2\t20')]).toEqual([10, 20]);
    expect([...parseSeries('"x","y"\n"1","7"\n"2","8",')]).toEqual([7, 8]);
  });
  it('names the line of a non-numeric cell', () => {
    expect(message(() => parseSeries('1\n2\nabc\n4'))).toBe('csv: line 3: "abc" is not a number');
    expect(message(() => parseSeries('t,x\n1,2\n2,oops'))).toBe('csv: line 3: "oops" is not a number (column 2)');
    expect(message(() => parseSeries('t,x\n1,2\n2'))).toBe('csv: line 3: has 1 column, expected a number in column 2');
    expect(message(() => parseSeries('header\nnot a number'))).toBe('csv: line 2: "not a number" is not a number');
  });
  it('refuses NaN and Infinity, spelled or overflowing', () => {
    expect(message(() => parseSeries('1\nNaN\n3'))).toBe('csv: line 2: "NaN" is not a finite number (NaN and Infinity are not allowed)');
    expect(message(() => parseSeries('1\n2\n-Infinity'))).toMatch(/^csv: line 3: "-Infinity" is not a finite number/);
    expect(message(() => parseSeries('1\n1e400'))).toMatch(/^csv: line 2: "1e400" is not a finite number/);
  });
  it('refuses an empty input and a header with no numbers', () => {
    expect(message(() => parseSeries(''))).toBe('csv: the series is empty; paste one number per line');
    expect(message(() => parseSeries('  \n\n'))).toBe('csv: the series is empty; paste one number per line');
    expect(message(() => parseSeries('value\n'))).toBe('csv: no numbers found below the header line');
  });
  it('refuses more than 100,000 points', () => {
    expect(parseSeries(lines(100000, (i) => i % 7)).length).toBe(100000);
    expect(message(() => parseSeries(lines(100001, (i) => i % 7)))).toBe('csv: the series has more than 100,000 points (the limit)');
  });
});

describe('series task', () => {
  const csv = 'x\n' + lines(60, (i) => 100 + 10 * Math.sin(i / 3));
  it('z-scores the series and keeps mean and std to label in original units', () => {
    const task = make(csv, 8);
    const raw = task.raw;
    expect(raw.length).toBe(60);
    const mean = raw.reduce((a, b) => a + b, 0) / 60;
    expect(task.mean).toBeCloseTo(mean, 12);
    const u = task.normalized;
    expect(u.reduce((a, b) => a + b, 0) / 60).toBeCloseTo(0, 12);
    expect(Math.sqrt(u.reduce((a, b) => a + b * b, 0) / 60)).toBeCloseTo(1, 12);
    const seq = task.windowAt(3);
    expect(task.inputLabel(seq, 0)).toBe(String(Number(raw[3].toPrecision(3))));
    expect(task.targetLabel(seq, 0)).toBe(String(Number(raw[4].toPrecision(3))));
    expect(task.outputLabel(Float64Array.from([0]), 0)).toBe(String(Number(mean.toPrecision(3))));
  });
  it('predicts the next value at every step', () => {
    const task = make(csv, 8);
    const seq = task.sample(new Rng(5));
    expect([...seq.mask]).toEqual(new Array(8).fill(1));
    for (let t = 0; t < 7; t++) expect(seq.targets[t]).toBe(seq.inputs[t + 1]);
    const s = [...task.normalized].findIndex((v) => v === seq.inputs[0]);
    expect([...seq.inputs]).toEqual([...task.normalized.slice(s, s + 8)]);
  });
  it('is deterministic with a fixed eval set, and scores perfect 0 and persistence at its baseline', () => {
    const task = make(csv, 8);
    expect(plain(task.sample(new Rng(7)))).toEqual(plain(task.sample(new Rng(7))));
    expect(task.evalSet()).toHaveLength(32);
    expect(make(csv, 8).evalSet().map(plain)).toEqual(task.evalSet().map(plain));
    expect(task.evaluate(perfectOutputs(task)).value).toBe(0);
    const m = task.evaluate(task.evalSet().map((s) => Float64Array.from(s.inputs)));
    expect(m.value).toBeCloseTo(m.baseline, 14);
    expect(m.baseline).toBeGreaterThan(0);
  });
  it('uses fewer eval windows when the series is short', () => {
    expect(make(lines(10, (i) => i * i), 4).evalSet()).toHaveLength(6);
  });
  it('refuses too few points, a constant series and bad seqLength', () => {
    expect(message(() => make(lines(5, (i) => i), 4))).toBe('csv: the series has 5 points; sequences of length 4 need at least 6');
    expect(make(lines(6, (i) => i), 4).length).toBe(4);
    expect(message(() => make(lines(20, () => 3.25), 4))).toBe('csv: the series is constant (every value is 3.25); there is nothing to predict');
    expect(message(() => make(lines(20, () => 0.1), 4))).toMatch(/constant/);
    expect(message(() => make(lines(20, (i) => i), 300))).toBe('seqLength: must be between 4 and 256, got 300');
    expect(message(() => make(lines(20, (i) => (i % 2 ? 1e308 : -1e308)), 4))).toMatch(/too large to normalise/);
  });
});
