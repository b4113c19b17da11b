import type { AnySession } from '../engine/create-session';
import { forecast, generateText } from '../engine/generate';
import type { Rng } from '../engine/rng';
import type { Seq2SeqSession } from '../engine/seq2seq-session';
import type { Session } from '../engine/session';
import { SeriesTask } from '../engine/tasks/series';
import type { TaskOutput } from './protocol';

/** How many characters of sampled text, forecast steps and answered sequences a frame shows. */
const TEXT_LENGTH = 200;
const TEXT_TEMPERATURE = 0.7;
const HORIZON = 40;
/** The longest held-out tail a series forecast runs over. */
const TAIL_HORIZON = 240;
const ANSWERS = 8;
/** How many held-out numbers and pictures the translation and caption outputs show. */
export const TRANSLATIONS = 8;
export const CAPTIONS = 6;

/**
 * The task's own output at the current weights: sampled text (text), a free-running forecast (sine, series), the
 * answers to the first evaluation sequences (echo, adding), or the first held-out numbers translated and pictures
 * captioned (translate, caption) with the inspected example's meaning vector or feature maps (`sample`).
 */
export function taskOutput(session: AnySession, rng: Rng, sample = 0): TaskOutput {
  if (session.family === 'example') return exampleOutput(session, sample);
  return sequenceOutput(session, rng);
}

function sequenceOutput(session: Session, rng: Rng): TaskOutput {
  const { task, net } = session;
  const step = session.trainer.step;
  if (task.kind === 'text') return { kind: 'text', step, temperature: TEXT_TEMPERATURE, text: generateText(net, task, TEXT_LENGTH, TEXT_TEMPERATURE, rng) };
  if (task instanceof SeriesTask && task.holdout > 0) {
    // the free-running forecast of the held-out tail from the T points before it, in the series' own units
    const f = forecast(net, task, task.beforeTail(), Math.min(task.holdout, TAIL_HORIZON));
    const units = (a: Float64Array) => a.map((u) => task.denormalize(u));
    return { kind: 'forecast', step, context: units(f.context), predicted: units(f.predicted), truth: units(task.tail().subarray(0, f.predicted.length)), truthName: 'what happened (held out)' };
  }
  if (task.kind === 'sine' || task.kind === 'series') {
    const f = forecast(net, task, task.evalSet()[0], HORIZON);
    return { kind: 'forecast', step, ...f };
  }
  const O = task.outputSize;
  const items = task.evalSet().slice(0, ANSWERS).map((seq) => {
    net.forward(seq);
    const T = seq.length;
    const out = task.head === 'softmax' ? net.ws.ps : net.ws.ys;
    const last = T - 1;
    const input = Array.from({ length: T }, (_, t) => task.inputLabel(seq, t)).join(' ');
    const target = task.targetLabel(seq, last);
    const output = task.outputLabel(out, last * O);
    const error = task.head === 'linear' ? Math.abs(out[last * O] - seq.targets[last * O]) : null;
    return { input, target, output, correct: task.head === 'softmax' ? output === target : null, error };
  });
  return { kind: 'answers', step, items };
}

/** A greedy output is right when it is the reference token for token, in length too (the metric's exact match). */
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((k, i) => k === b[i]);

function exampleOutput(session: Seq2SeqSession, sample: number): TaskOutput {
  const { app, step, testSize } = session;
  if (app.kind === 'translate') {
    const { task } = app;
    const items = Array.from({ length: Math.min(TRANSLATIONS, testSize) }, (_, i) => {
      const d = session.decodeTest(i);
      const ref = session.reference(i);
      return { source: task.sourceText(task.test[i].source), reference: task.targetText(ref), output: task.targetText(d.tokens), correct: same(d.tokens, ref) };
    });
    const k = ((sample % testSize) + testSize) % testSize;
    const d = session.decodeTest(k);
    // copies: the record's arrays are fresh, but a meaning vector is small and the frame transfers what it holds
    const meaning = { source: task.sourceText(task.test[k].source), output: task.targetText(d.tokens), h: d.start.h0.slice(), c: d.start.c0.slice() };
    return { kind: 'translations', step, evalSize: testSize, items, meaning };
  }
  const { task, model } = app;
  const S = task.imageSize;
  const items = Array.from({ length: Math.min(CAPTIONS, testSize) }, (_, i) => {
    const d = session.decodeTest(i);
    const ref = session.reference(i);
    return { image: toRgba(task.test[i].image, S), size: S, reference: task.captionText(ref), output: task.captionText(d.tokens), correct: same(d.tokens, ref) };
  });
  const k = ((sample % testSize) + testSize) % testSize;
  const d = session.decodeTest(k);
  // decoding ran the convolution on picture k last: its feature maps are the front end's buffer
  const features = { image: toRgba(task.test[k].image, S), caption: task.captionText(d.tokens), channels: model.conv.C, size: S, maps: model.conv.relu.slice() };
  return { kind: 'captions', step, evalSize: testSize, items, features };
}

/** A channel-major RGB picture with values in [0, 1] as RGBA bytes, row-major (ImageData's layout), opaque. */
export function toRgba(image: Float64Array, S: number): Uint8ClampedArray {
  const n = S * S;
  const out = new Uint8ClampedArray(4 * n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) out[4 * i + c] = Math.round(255 * image[c * n + i]);
    out[4 * i + 3] = 255;
  }
  return out;
}
