/**
 * The lab (page side) against the real SessionLoop (worker side), with every message in flight able to be
 * overtaken: after any sequence of actions the page and the worker agree on the live run, its step, its
 * config and whether it plays, and the page knows what runs (`info`).
 */
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { Rng } from '../../src/engine/rng';
import { createLab } from '../../src/state/lab';
import type { Lab } from '../../src/state/lab';
import { DEFAULT_UI } from '../../src/state/url';
import { startComparison } from '../../src/views/flow/compare-controller';
import { loopClient } from './loop-client';

const echo = (lag: number, cell: 'rnn' | 'lstm' | 'gru' = 'rnn'): SessionConfig =>
  normalizeConfig({ task: { kind: 'echo', lag, symbols: 2 }, model: { cell, hiddenSize: 3 }, batch: 1 }).config;
/** a config the worker refuses (the page's precheck is switched off to let it through) */
const REFUSED = { ...echo(2), task: { kind: 'text', seqLength: 8, text: '' } } as unknown as SessionConfig;

function makeLab(config: SessionConfig, autoplay = false) {
  const w = loopClient();
  const lab = createLab({ config, ui: { ...DEFAULT_UI, autoplay, speed: 0 }, client: w.client, raf: w.raf, precheck: () => null });
  return { lab, ...w };
}

/** page and worker agree; the page knows what runs */
function expectAgreement(lab: Lab, live: ReturnType<ReturnType<typeof loopClient>['loop']['live']>) {
  const s = lab.store.getState();
  expect(s.runId).toBe(live.runId);
  expect(s.step).toBe(live.step);
  expect(s.playing).toBe(live.playing);
  expect(s.config).toEqual(live.config);
  expect(s.info).not.toBeNull();
  expect(s.info!.config).toEqual(live.config);
  expect(s.status).toBe('ready');
  // the page can tell it has caught up: the committed frame handled every command it sent
  expect(s.frame!.handled).toBe(s.sent);
}

describe('lab ↔ SessionLoop', () => {
  it('a reset that overtakes ready still leaves the page knowing what runs, with the notes of its config shown once', () => {
    const hostile = { ...echo(3), batch: 1e9 } as SessionConfig; // normalizing clamps the batch: one note
    const { lab, settle } = makeLab(hostile);
    lab.actions.reset(); // before the worker's ready for run 1 has arrived
    lab.actions.reset();
    settle();
    const s = lab.store.getState();
    expect(s.info).not.toBeNull();
    expect(s.runId).toBe(3);
    expect(s.status).toBe('ready');
    expect(s.notices.filter((n) => n.kind === 'warning')).toHaveLength(1);
    expect(s.notices[0].text).toMatch(/batch/i);
    expect(s.staleFramesDropped).toBeGreaterThanOrEqual(0);
  });

  it('a refused config is shown as an error; the previous config runs again as the live run', () => {
    const { lab, loop, settle } = makeLab(echo(3));
    settle();
    lab.actions.step();
    settle();
    expect(lab.store.getState().step).toBe(1);
    expect(lab.actions.configure(REFUSED)).toBe(true);
    settle();
    const s = lab.store.getState();
    expect(s.notices.at(-1)).toMatchObject({ kind: 'error' });
    expect(s.notices.at(-1)!.text).toMatch(/empty|short/i);
    expect(s.notices.at(-1)!.text).toMatch(/previous settings run again/);
    expect(s.config.task).toMatchObject({ kind: 'echo', lag: 3 });
    expectAgreement(lab, loop.live());
    lab.actions.step();
    settle();
    expect(lab.store.getState().step).toBe(1);
    expectAgreement(lab, loop.live());
  });

  it('a refused first config falls back to the defaults, with a message', () => {
    const { lab, loop, settle } = makeLab(REFUSED);
    settle();
    const s = lab.store.getState();
    expect(s.notices.some((n) => n.kind === 'error' && /default settings run instead/.test(n.text))).toBe(true);
    expectAgreement(lab, loop.live());
  });

  it('300 random sequences of play, pause, step, reset, configure (some refused) and speed, with messages overtaking: page and worker agree at the end', () => {
    const configs = [echo(2), echo(3, 'lstm'), echo(4, 'gru'), REFUSED];
    for (let seed = 1; seed <= 300; seed++) {
      const rng = new Rng(seed);
      const { lab, loop, run, settle } = makeLab(configs[rng.int(3)], rng.next() < 0.5);
      const n = 1 + rng.int(12);
      for (let i = 0; i < n; i++) {
        const a = rng.int(7);
        if (a === 0) lab.actions.play();
        else if (a === 1) lab.actions.pause();
        else if (a === 2) lab.actions.step();
        else if (a === 3) lab.actions.reset();
        else if (a === 4) lab.actions.configure(configs[rng.int(configs.length)]);
        else if (a === 5) lab.actions.setSpeed(rng.int(3) * 50);
        else lab.actions.togglePlay();
        run(rng.int(30), rng);
      }
      lab.actions.pause();
      try {
        settle();
        expectAgreement(lab, loop.live());
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}`, { cause: e });
      }
    }
  });

  it('the comparison drives three real labs: after random commands on the page all three stand on the same step', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = new Rng(seed);
      const page = makeLab(echo(2));
      const extras: ReturnType<typeof makeLab>[] = [];
      page.settle();
      const cmp = startComparison(page.lab, (o) => {
        const e = makeLab(o.config, o.ui.autoplay);
        extras.push(e);
        return e.lab;
      });
      const all = [page, ...extras];
      const runAll = (k: number) => all.forEach((x) => x.run(k, rng));
      for (let i = 0; i < 1 + rng.int(10); i++) {
        const a = rng.int(5);
        if (a === 0) page.lab.actions.step();
        else if (a === 1) page.lab.actions.reset();
        else if (a === 2) page.lab.actions.play();
        else if (a === 3) page.lab.actions.pause();
        else page.lab.actions.configure(echo(2 + rng.int(3), (['rnn', 'lstm', 'gru'] as const)[rng.int(3)]));
        runAll(rng.int(20));
      }
      // stop where all three can stand still on the same step: pause, then a few single steps
      page.lab.actions.pause();
      all.forEach((x) => x.settle());
      page.lab.actions.reset();
      page.lab.actions.step();
      page.lab.actions.step();
      all.forEach((x) => x.settle());
      const cells = all.map((x) => x.lab.store.getState().config.model.cell).sort();
      expect(cells, `seed ${seed}`).toEqual(['gru', 'lstm', 'rnn']);
      all.forEach((x) => {
        expect(x.lab.store.getState().step, `seed ${seed}`).toBe(2);
        expectAgreement(x.lab, x.loop.live());
      });
      const task = JSON.stringify(page.lab.store.getState().config.task);
      extras.forEach((x) => expect(JSON.stringify(x.lab.store.getState().config.task)).toBe(task));
      cmp.dispose();
    }
  });
});

describe('a comparison started before the first frame', () => {
  it('plays if the page was asked to play, whether or not a frame has said so yet', () => {
    // the page opens playing (autoplay) and the student starts the comparison before any frame is committed
    const page = makeLab(echo(2), true);
    expect(page.lab.store.getState().playing).toBe(true);
    const extras: ReturnType<typeof makeLab>[] = [];
    const cmp = startComparison(page.lab, (o) => {
      const e = makeLab(o.config, o.ui.autoplay);
      extras.push(e);
      return e.lab;
    });
    const all = [page, ...extras];
    for (let i = 0; i < 400; i++) all.forEach((x) => x.run(5));
    for (const x of all) expect(x.loop.live().playing, x.lab.store.getState().config.model.cell).toBe(true);
    for (const x of all) expect(x.lab.store.getState().step).toBeGreaterThan(0);
    page.lab.actions.pause();
    all.forEach((x) => x.settle());
    cmp.dispose();
  });
});
