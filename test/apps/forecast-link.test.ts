/**
 * The CO₂ forecast's short link: the bundled series is named (`csv=co2`, engine/tasks/bundled-series.ts), not
 * carried. The named series round-trips through a link, the forecast page's lab link is short and opens the same run,
 * the named run trains exactly as the run with the 806 numbers as CSV did, and hostile names get a note and a default.
 */
import { describe, expect, it } from 'vitest';
import { findApp, labHash } from '../../src/apps/registry';
import { defaultConfig, normalizeConfig } from '../../src/engine/config';
import { Session } from '../../src/engine/session';
import { CO2_CSV } from '../../src/engine/tasks/co2-mauna-loa';
import { normalizeTaskConfig } from '../../src/engine/tasks/normalize';
import { taskProblem } from '../../src/state/precheck';
import { DEFAULT_UI, fromHash, toHash } from '../../src/state/url';

const app = findApp('forecast')!;

describe('a bundled series in a link', () => {
  it('round-trips by name: csv=co2 in the link, "co2" in the config', () => {
    const config = normalizeConfig({ ...defaultConfig(), task: { kind: 'series', csv: 'co2', seqLength: 60, holdout: 48 } }).config;
    const hash = toHash(config, DEFAULT_UI);
    expect(hash).toContain('csv=co2&');
    const back = fromHash(hash);
    expect(back.notes).toEqual([]);
    expect(back.config).toEqual(config);
    expect(taskProblem(back.config)).toBeNull();
  });

  it('the forecast page’s lab link is short and opens the page’s own run', () => {
    const link = labHash(app);
    expect(link.length).toBeLessThan(300);
    const page = fromHash(`#${app.scenario}`);
    const lab = fromHash(link);
    expect(lab.notes).toEqual([]);
    expect(page.notes).toEqual([]);
    expect(lab.config).toEqual(page.config);
    expect(lab.config.task).toEqual({ kind: 'series', csv: 'co2', seqLength: 60, holdout: 48 });
  });

  it('the named series trains step for step as the same run with the numbers as CSV (the link the page had before)', () => {
    const named = fromHash(`#${app.scenario}&kernels=reference`).config;
    const full = { ...named, task: { ...named.task, csv: CO2_CSV } };
    const a = new Session(named);
    const b = new Session(full);
    const la = a.train(20);
    const lb = b.train(20);
    expect(la).toEqual(lb);
    expect(a.evaluate()).toEqual(b.evaluate());
  });

  it('an unknown name gets a note and the bundled series; the note cuts a huge one', () => {
    const unknown = fromHash('#task=series&csv=sunspots&T=24&holdout=48');
    expect(unknown.config.task).toEqual({ kind: 'series', csv: 'co2', seqLength: 24, holdout: 48 });
    expect(unknown.notes).toEqual(['csv "sunspots" names no bundled series (there is co2); using co2.']);
    const huge = fromHash(`#task=series&csv=${'x'.repeat(100_000)}`);
    expect(huge.config.task).toMatchObject({ kind: 'series', csv: 'co2' });
    expect(huge.notes).toHaveLength(1);
    expect(huge.notes[0].length).toBeLessThan(120);
    expect(taskProblem(huge.config)).toBeNull();
  });

  it('numbers are never read as a name, and the name only as the whole value', () => {
    for (const csv of ['1\n2\n3', '42', 'co2\n1\n2\n3', 'value\n1\n2\n3', '']) expect(normalizeTaskConfig({ kind: 'series', csv, seqLength: 4 }).config).toMatchObject({ csv });
  });

  it('the page checks a named series by its size, without its values: what the task refuses, it refuses', () => {
    const tooLong = fromHash('#task=series&csv=co2&T=256&holdout=600').config;
    expect(taskProblem(tooLong)).toMatch(/holding out the last 600 of 806 points leaves 206/);
  });
});
