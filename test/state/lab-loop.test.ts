/**
 * The lab (page side) against the real SessionLoop (worker side), with every message in flight able to be
 * overtaken: after any sequence of actions the page and the worker agree on the live run, its step, its
 * config and whether it plays, and the page knows what runs (`info`).
 */
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { Rng } from '../../src/engine/rng';
import { Session } from '../../src/engine/session';
import { createLab } from '../../src/state/lab';
import type { Lab } from '../../src/state/lab';
import { encodeRunFile } from '../../src/state/run-file';
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

describe('train to step N, save and open a run: page and worker together', () => {
  /** the losses of steps 1…n of a plain run of this config */
  const plainLosses = (config: SessionConfig, n: number) => {
    const s = new Session(config);
    return Array.from({ length: n }, () => (s.train(1), s.metrics().loss));
  };
  const historyLosses = (lab: Lab) => {
    const h = lab.store.getState().history;
    return { step: Array.from(h.step.subarray(0, h.length)), loss: Array.from(h.loss.subarray(0, h.length)) };
  };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('trainTo lands on exactly step N, paused, drawing no step between; handled equals sent', () => {
    const { lab, loop, settle } = makeLab(echo(3, 'lstm'));
    settle();
    const seen = new Set<number>();
    lab.store.subscribe((s) => seen.add(s.step));
    expect(lab.actions.trainTo(300)).toBe(true);
    expect(lab.store.getState().jumping).toEqual({ to: 300, step: 0 });
    settle();
    const s = lab.store.getState();
    expect(s.step).toBe(300);
    expect(s.jumping).toBeNull();
    expect([...seen]).toEqual([0, 300]);
    expectAgreement(lab, loop.live());
    expect(historyLosses(lab)).toEqual({ step: range(1, 300), loss: plainLosses(echo(3, 'lstm'), 300) });
  });

  it('a pause during the jump stops it; page and worker agree on where', () => {
    const { lab, loop, run, settle } = makeLab(echo(3));
    settle();
    lab.actions.trainTo(100_000);
    while (loop.live().step < 50) run(1);
    expect(loop.live().jumping).toBe(true);
    lab.actions.pause();
    expect(lab.store.getState().jumping).toBeNull();
    settle();
    const s = lab.store.getState();
    expect(s.step).toBeGreaterThanOrEqual(50);
    expect(s.step).toBeLessThan(100_000);
    expectAgreement(lab, loop.live());
    expect(historyLosses(lab).step).toEqual(range(1, s.step));
  });

  it('trainTo behind the current step starts again from the seed; the run at N is the plain run at N', () => {
    const { lab, loop, settle } = makeLab(echo(4, 'gru'));
    settle();
    lab.actions.trainTo(200);
    settle();
    const runId = lab.store.getState().runId;
    lab.actions.trainTo(57);
    settle();
    const s = lab.store.getState();
    expect(s.step).toBe(57);
    expect(s.runId).toBe(runId);
    expectAgreement(lab, loop.live());
    expect(historyLosses(lab)).toEqual({ step: range(1, 57), loss: plainLosses(echo(4, 'gru'), 57) });
  });

  it('trainTo while playing, the worker ahead of the page: it lands on N exactly, whichever side of N the worker was', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rng = new Rng(seed);
      const { lab, loop, run, settle } = makeLab(echo(2), true);
      run(40 + rng.int(200), rng);
      const target = Math.max(0, loop.live().step + rng.int(41) - 20);
      lab.actions.trainTo(target);
      settle();
      expect(lab.store.getState().step, `seed ${seed}`).toBe(target);
      expectAgreement(lab, loop.live());
      expect(historyLosses(lab), `seed ${seed}`).toEqual({ step: range(1, target), loss: plainLosses(echo(2), target) });
    }
  });

  it('a saved run opened in another lab goes on exactly as the run that never stopped (steps 301–400)', async () => {
    const config = echo(3, 'lstm');
    const a = makeLab(config);
    a.settle();
    a.lab.actions.trainTo(300);
    a.settle();
    const saving = a.lab.actions.exportRun();
    a.settle();
    const file = await saving;
    expect(file.snapshot.trainer.step).toBe(300);
    expect(file.history.step.length).toBe(300);
    const text = encodeRunFile(file);

    const b = makeLab(echo(2, 'rnn'));
    b.settle();
    b.lab.actions.step();
    b.settle();
    expect(await b.lab.actions.importRun(text)).toBe(true);
    b.settle();
    let s = b.lab.store.getState();
    expect(s.notices.map((n) => n.text)).toEqual([`Opened a run saved at step 300 on ${file.savedAt.slice(0, 10)}.`]);
    expect(s.step).toBe(300);
    expect(s.config).toEqual(config);
    expect(historyLosses(b.lab)).toEqual(historyLosses(a.lab));
    expectAgreement(b.lab, b.loop.live());
    b.lab.actions.trainTo(400);
    b.settle();
    s = b.lab.store.getState();
    expect(s.step).toBe(400);
    expectAgreement(b.lab, b.loop.live());

    const straight = makeLab(config);
    straight.settle();
    straight.lab.actions.trainTo(400);
    straight.settle();
    const opened = historyLosses(b.lab);
    const plain = historyLosses(straight.lab);
    expect(opened.step.slice(300)).toEqual(range(301, 400));
    expect(opened.loss.slice(300)).toEqual(plain.loss.slice(300));
    expect(opened).toEqual(plain);
  });

  it('a bad file gives a notice and sends nothing: the current run goes on untouched', async () => {
    const { lab, loop, settle } = makeLab(echo(3));
    settle();
    lab.actions.trainTo(20);
    settle();
    const before = lab.store.getState();
    for (const text of ['not json', '{"format":"unrolled-run","version":9}', JSON.stringify({ format: '<img src=x onerror=alert(1)>' })]) {
      expect(await lab.actions.importRun(text)).toBe(false);
      const s = lab.store.getState();
      expect(s.notices.at(-1)).toMatchObject({ kind: 'error' });
      expect(s.notices.at(-1)!.text).toMatch(/^This run cannot be opened: /);
      expect(s).toMatchObject({ runId: before.runId, sent: before.sent, step: 20, config: before.config });
    }
    settle();
    expectAgreement(lab, loop.live());
  });

  it('refuses a trainTo that is not a step from 0 to 1,000,000, with a notice, and sends nothing', () => {
    const { lab, settle } = makeLab(echo(3));
    settle();
    const sent = lab.store.getState().sent;
    for (const bad of [-1, 2.5, NaN, Infinity, 1_000_001, '300' as unknown as number]) {
      expect(lab.actions.trainTo(bad)).toBe(false);
      expect(lab.store.getState().notices.at(-1)!.text).toMatch(/Train to step needs a whole number from 0 to 1,000,000/);
    }
    expect(lab.store.getState().sent).toBe(sent);
    expect(lab.store.getState().jumping).toBeNull();
    // nor while the worker is down: nothing would ever land
    lab.store.setState({ status: 'error', fatal: 'crashed' });
    expect(lab.actions.trainTo(10)).toBe(false);
    expect(lab.store.getState().notices.at(-1)!.text).toMatch(/worker stopped/);
    expect(lab.store.getState().sent).toBe(sent);
  });

  it('200 random sequences with trainTo, saves and opens among the other actions: page and worker agree, every save settles', async () => {
    const configs = [echo(2), echo(3, 'lstm'), echo(4, 'gru')];
    let saved = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rng = new Rng(seed);
      const { lab, loop, run, settle } = makeLab(configs[rng.int(3)], rng.next() < 0.5);
      const saves: Promise<unknown>[] = [];
      let lastFile: string | null = null;
      const n = 1 + rng.int(10);
      for (let i = 0; i < n; i++) {
        const a = rng.int(9);
        if (a === 0) lab.actions.play();
        else if (a === 1) lab.actions.pause();
        else if (a === 2) lab.actions.step();
        else if (a === 3) lab.actions.reset();
        else if (a === 4) lab.actions.configure(configs[rng.int(configs.length)]);
        else if (a === 5 || a === 6) lab.actions.trainTo(rng.int(60));
        else if (a === 7) saves.push(lab.actions.exportRun().then((f) => (lastFile = encodeRunFile(f)), () => null));
        else if (lastFile) await lab.actions.importRun(lastFile);
        run(rng.int(40), rng);
      }
      lab.actions.pause();
      try {
        settle();
        expectAgreement(lab, loop.live());
        expect(lab.store.getState().jumping).toBeNull();
        // every save was answered: resolved or refused, none left waiting
        const outcomes = await Promise.race([Promise.all(saves).then(() => 'settled'), new Promise((r) => setTimeout(() => r('waiting'), 50))]);
        expect(outcomes).toBe('settled');
        saved += saves.length;
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}`, { cause: e });
      }
    }
    expect(saved).toBeGreaterThan(20);
  });
});
