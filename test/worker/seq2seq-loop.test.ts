/** Translation and captions through the worker's protocol: the SessionLoop driving a Seq2SeqSession, and the benchmark command. */
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/engine/config';
import { Seq2SeqSession } from '../../src/engine/seq2seq-session';
import { CaptionTask } from '../../src/engine/tasks/caption';
import { TranslateTask } from '../../src/engine/tasks/translate';
import { MAX_BENCHMARK_STEPS, timeCell } from '../../src/worker/benchmark';
import { SessionLoop } from '../../src/worker/loop';
import { CAPTIONS, TRANSLATIONS, toRgba } from '../../src/worker/outputs';
import type { Frame, TaskOutput, WorkerEvent } from '../../src/worker/protocol';
import { BENCHMARK_BUDGET_MS, frameTransferables, parseCommand } from '../../src/worker/protocol';
import { loopHarness } from './loop-harness';

const TRANSLATE = normalizeConfig({ task: { kind: 'translate', reverse: false }, model: { cell: 'lstm', hiddenSize: 8 }, optimizer: { kind: 'adam', lr: 0.01 }, batch: 4, seed: 2 }).config;
const CAPTION = normalizeConfig({ task: { kind: 'caption' }, model: { cell: 'gru', hiddenSize: 6 }, optimizer: { kind: 'adam', lr: 0.005 }, batch: 2, seed: 4 }).config;

const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** The shared hand-driven loop (loop-harness.ts): each clock reading 1 ms later, every frame acked as the page would. */
const harness = loopHarness;

const outputOf = <K extends TaskOutput['kind']>(f: Frame, kind: K) => {
  expect(f.output?.kind).toBe(kind);
  return f.output as Extract<TaskOutput, { kind: K }>;
};

describe('the SessionLoop runs translation', () => {
  it('announces the encoder–decoder, then frames with the decoder’s record, the metric and the translations', () => {
    const h = harness(TRANSLATE);
    const ready = h.of('ready')[0];
    const direct = new Seq2SeqSession(TRANSLATE);
    expect(ready.info).toMatchObject({ config: TRANSLATE, notes: [], task: { kind: 'translate', inputSize: 11, outputSize: 11, head: 'softmax', length: 5, evalSize: 205 } });
    expect(ready.info.model.paramCount).toBe(direct.app.model.theta.length);
    expect(ready.info.model.blocks.map((b) => b.name)).toContain('enc.Whf');
    h.send({ type: 'trainTo', runId: 1, step: 40 });
    h.run();
    const f = h.frames().at(-1)!;
    expect(f.step).toBe(40);
    direct.train(40);
    // the loop's run is the session's, bit for bit: loss history, metric, record
    expect(f.metric!.value).toEqual(direct.evaluate());
    expect(f.record.loss).toBe(direct.inspect(0).loss);
    expect(bytes(f.record.h0!)).toEqual(bytes(direct.inspect(0).h0!));
    const out = outputOf(f, 'translations');
    expect(out.items).toHaveLength(TRANSLATIONS);
    expect(out.evalSize).toBe(205);
    const task = new TranslateTask();
    out.items.forEach((it, i) => {
      expect(it.source).toBe(task.sourceText(task.test[i].source));
      expect(it.reference).toBe(String(task.test[i].n));
      const d = direct.decodeTest(i);
      expect(it.output).toBe(task.targetText(d.tokens));
      expect(it.correct).toBe(it.output === it.reference);
    });
    expect(out.meaning.source).toBe(task.sourceText(task.test[0].source));
    expect(out.meaning.h.length).toBe(8);
    expect(out.meaning.c.length).toBe(8); // an LSTM's meaning is h and c
    expect(bytes(out.meaning.h)).toEqual(bytes(direct.decodeTest(0).start.h0));
  });

  it('follows the inspected example: its record and its meaning vector; τ outside the decoder falls back to the last step', () => {
    const h = harness(TRANSLATE);
    h.send({ type: 'inspect', runId: 1, sample: 3, tau: 99 });
    h.send({ type: 'step', runId: 1 });
    h.run();
    const f = h.frames().at(-1)!;
    const task = new TranslateTask();
    expect(f.record.targetLabels.slice(0, -1).join('')).toBe(String(task.test[3].n));
    expect(f.record.tau).toBe(f.record.T - 1);
    expect(outputOf(f, 'translations').meaning.source).toBe(task.sourceText(task.test[3].source));
    h.send({ type: 'inspect', runId: 1, sample: 3, tau: 0 });
    h.send({ type: 'step', runId: 1 });
    h.run();
    expect(h.frames().at(-1)!.record.tau).toBe(0);
  });

  it('a run saved by exportRun and opened by importRun goes on as the saved run would, bit for bit', () => {
    const h = harness(TRANSLATE);
    h.send({ type: 'trainTo', runId: 1, step: 25 });
    h.run();
    h.send({ type: 'exportRun', runId: 1, requestId: 7 });
    h.run();
    const snap = h.of('exported')[0].snapshot;
    expect(snap.trainer.step).toBe(25);
    const g = harness({ task: { kind: 'echo', lag: 2, symbols: 2 } });
    g.send({ type: 'importRun', runId: 2, snapshot: snap });
    g.run();
    expect(g.of('ready').at(-1)).toMatchObject({ runId: 2, step: 25, info: { task: { kind: 'translate' } } });
    g.send({ type: 'trainTo', runId: 2, step: 35 });
    g.run();
    h.send({ type: 'trainTo', runId: 1, step: 35 });
    h.run();
    const a = h.frames().at(-1)!;
    const b = g.frames().at(-1)!;
    expect(b.step).toBe(35);
    expect(Array.from(b.history.loss)).toEqual(Array.from(a.history.loss.slice(-10)));
    expect(b.metric!.value).toEqual(a.metric!.value);
    h.send({ type: 'exportRun', runId: 1, requestId: 8 });
    g.send({ type: 'exportRun', runId: 2, requestId: 8 });
    h.run();
    g.run();
    expect(bytes(g.of('exported').at(-1)!.snapshot.theta)).toEqual(bytes(h.of('exported').at(-1)!.snapshot.theta));
  });

  it('repairs a hostile config, saying what it changed, and refuses a snapshot it cannot run: the previous run goes on', () => {
    const h = harness(TRANSLATE);
    // the task repairs everything here (notes say so); a snapshot of garbage is refused and the run goes on
    h.send({ type: 'configure', runId: 2, config: { task: { kind: 'translate', reverse: '<script>' }, model: { hiddenSize: -4, cell: 'elman' }, truncate: 9 } });
    h.run();
    const ready = h.of('ready').at(-1)!;
    expect(ready.info.config.task).toEqual({ kind: 'translate', reverse: false });
    expect(ready.info.notes.join(' ')).toMatch(/reverse was "<script>"/);
    expect(ready.info.notes.join(' ')).toMatch(/full BPTT/);
    h.send({ type: 'importRun', runId: 3, snapshot: { config: TRANSLATE, theta: new Float64Array(3) } as never });
    h.run();
    expect(h.of('refused').at(-1)).toMatchObject({ runId: 3 });
    expect(h.of('ready').at(-1)!.runId).toBe(3);
    expect(h.loop.live().config!.task).toEqual({ kind: 'translate', reverse: false });
  });
});

describe('the SessionLoop runs captions', () => {
  it('captions pictures as RGBA, with the inspected picture’s feature maps; the frame transfers every buffer once', () => {
    const h = harness(CAPTION);
    h.send({ type: 'inspect', runId: 1, sample: 2, tau: null });
    h.send({ type: 'step', runId: 1 });
    h.run();
    const f = h.frames().at(-1)!;
    const out = outputOf(f, 'captions');
    const task = new CaptionTask();
    expect(out.items).toHaveLength(CAPTIONS);
    out.items.forEach((it, i) => {
      expect(it.size).toBe(16);
      expect(Array.from(it.image)).toEqual(Array.from(toRgba(task.test[i].image, 16)));
      expect(it.reference).toBe(task.captionText(task.test[i].target));
      expect(it.correct).toBe(it.output === it.reference);
    });
    // a pixel by hand: the first test picture's channels at pixel (y, x) are its RGBA bytes
    const img = task.test[0].image;
    const lit = Array.from({ length: 256 }, (_, i) => i).find((i) => img[i] + img[256 + i] + img[512 + i] > 0)!;
    expect(Array.from(out.items[0].image.slice(4 * lit, 4 * lit + 4))).toEqual([img[lit] * 255, img[256 + lit] * 255, img[512 + lit] * 255, 255]);
    expect(out.features).toMatchObject({ channels: 6, size: 16 });
    expect(out.features.maps.length).toBe(6 * 256);
    expect(out.features.maps.every((v) => v >= 0)).toBe(true); // after ReLU
    expect(Array.from(out.features.image)).toEqual(Array.from(toRgba(task.test[2].image, 16)));
    const direct = new Seq2SeqSession(CAPTION);
    direct.train(1);
    direct.decodeTest(2);
    expect(bytes(out.features.maps)).toEqual(bytes((direct.app.model as { conv: { relu: Float64Array } }).conv.relu));
    const buffers = frameTransferables(f);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const a of [...out.items.map((it) => it.image), out.features.image, out.features.maps, f.record.h0!]) expect(buffers).toContain(a.buffer);
  });
});

describe('the benchmark command', () => {
  it('times each cell on throwaway sessions of the live config, one per slice, and answers with the parameter counts', () => {
    const h = harness(TRANSLATE);
    h.send({ type: 'trainTo', runId: 1, step: 3 });
    h.run();
    const handledBefore = h.frames().at(-1)!.handled;
    h.send({ type: 'benchmark', runId: 1, requestId: 5, cells: ['rnn', 'lstm', 'gru'], budgetMs: 10 });
    const slices = h.run();
    expect(slices).toBeGreaterThanOrEqual(3);
    const [answer] = h.of('benchmark');
    expect(answer).toMatchObject({ runId: 1, requestId: 5, error: null });
    expect(answer.results.map((r) => r.cell)).toEqual(['rnn', 'lstm', 'gru']);
    for (const r of answer.results) {
      const s = new Seq2SeqSession({ ...TRANSLATE, model: { ...TRANSLATE.model, cell: r.cell } });
      expect(r.paramCount).toBe(s.app.model.theta.length);
      // the test clock moves 1 ms a reading: at least the minimum of steps, within the budget
      expect(r.steps).toBeGreaterThanOrEqual(2);
      expect(r.msPerStep).toBeGreaterThan(0);
    }
    // the LSTM has 4 gate blocks to the RNN's 1 and the GRU's 3
    const [rnn, lstm, gru] = answer.results.map((r) => r.paramCount);
    expect(lstm).toBeGreaterThan(gru);
    expect(gru).toBeGreaterThan(rnn);
    // the live run was not touched, and the benchmark is not a command of the run
    expect(h.loop.live().step).toBe(3);
    h.send({ type: 'step', runId: 1 });
    h.run();
    expect(h.frames().at(-1)!.handled).toBe(handledBefore + 1);
  });

  it('times a clock that stands still for MAX_BENCHMARK_STEPS steps, not forever', () => {
    const r = timeCell(normalizeConfig({ task: { kind: 'echo', lag: 1, symbols: 2 }, model: { hiddenSize: 2 }, batch: 1 }).config, 'rnn', 100, { now: () => 0 });
    expect(r.steps).toBe(MAX_BENCHMARK_STEPS);
    expect(r.msPerStep).toBe(0);
  });

  it('answers with an error when there is no run yet', () => {
    const events: WorkerEvent[] = [];
    const queue: (() => void)[] = [];
    const loop = new SessionLoop((e) => events.push(e), { now: () => 0, schedule: (fn) => queue.push(fn) });
    loop.handle({ type: 'benchmark', runId: 0, requestId: 1, cells: ['lstm'], budgetMs: 50 });
    expect(events).toEqual([{ type: 'benchmark', runId: 0, requestId: 1, results: [], error: 'There is no run to time yet.' }]);
  });

  it('parseCommand: only known cells, each once; a finite budget, clamped', () => {
    const ok = parseCommand({ type: 'benchmark', runId: 1, requestId: 2, cells: ['gru', 'rnn'], budgetMs: 1e9 });
    expect(ok).toEqual({ type: 'benchmark', runId: 1, requestId: 2, cells: ['gru', 'rnn'], budgetMs: BENCHMARK_BUDGET_MS.max });
    expect(parseCommand({ type: 'benchmark', runId: 1, requestId: 2, cells: ['lstm'], budgetMs: -5 })).toMatchObject({ budgetMs: BENCHMARK_BUDGET_MS.min });
    for (const bad of [
      { cells: [], budgetMs: 100 },
      { cells: ['lstm', 'lstm'], budgetMs: 100 },
      { cells: ['elman'], budgetMs: 100 },
      { cells: 'lstm', budgetMs: 100 },
      { cells: ['rnn', 'lstm', 'gru', 'rnn'], budgetMs: 100 },
      { cells: ['lstm'], budgetMs: NaN },
      { cells: ['lstm'], budgetMs: '100' },
      { cells: ['lstm'], budgetMs: 100, requestId: 1.5 },
    ]) {
      expect(parseCommand({ type: 'benchmark', runId: 1, requestId: 2, ...bad })).toBeNull();
    }
  });
});
