/**
 * A task's output (worker/protocol.ts TaskOutput) from presenter-channel data, one parser per kind: apart because the
 * kinds grow with the tasks (the encoder–decoder's translations, the captioner's captions) and each has its own sizes.
 */
import type { CaptionItem, TaskOutput, TranslationItem } from '../worker/protocol';
import { anyNumber, count, f64, f64max, f64n, finite, intIn, isObj, LIMITS, list, own, rgba, str } from './parse-values';
import type { Obj } from './parse-values';

type Output<K extends TaskOutput['kind']> = Extract<TaskOutput, { kind: K }>;

function parseText(v: Obj, step: number): Output<'text'> | null {
  const temperature = own(v, 'temperature');
  const text = own(v, 'text');
  return finite(temperature) && temperature > 0 && str(text, LIMITS.text) ? { kind: 'text', step, temperature, text } : null;
}

function parseForecast(v: Obj, step: number): Output<'forecast'> | null {
  const [context, predicted, truth, truthName] = ['context', 'predicted', 'truth', 'truthName'].map((k) => own(v, k));
  // values are not scanned: a diverged network forecasts NaN. The truth is the predicted span's, or none (a series)
  if (!f64max(context, LIMITS.steps) || !f64max(predicted, LIMITS.steps) || !f64(truth) || (truth.length !== 0 && truth.length !== predicted.length)) return null;
  if (truthName !== undefined && !str(truthName, LIMITS.name)) return null;
  return truthName === undefined ? { kind: 'forecast', step, context, predicted, truth } : { kind: 'forecast', step, context, predicted, truth, truthName };
}

function parseAnswers(v: Obj, step: number): Output<'answers'> | null {
  const items = own(v, 'items');
  if (!list(items, LIMITS.items)) return null;
  const out: Output<'answers'>['items'] = [];
  for (const it of items) {
    if (!isObj(it)) return null;
    const [input, target, output, correct, error] = ['input', 'target', 'output', 'correct', 'error'].map((k) => own(it, k));
    if (!str(input, LIMITS.text) || !str(target, LIMITS.name) || !str(output, LIMITS.name)) return null;
    if (!(correct === null || typeof correct === 'boolean')) return null;
    // |y − target| of a linear head: ≥ 0, or NaN/+∞ from a diverged network; null for a softmax head
    if (!(error === null || (anyNumber(error) && !(error < 0)))) return null;
    out.push({ input, target, output, correct, error });
  }
  return { kind: 'answers', step, items: out };
}

/** The shared head of the example outputs: how many held-out examples there are, and at most `items` of them. */
function examples(v: Obj): { evalSize: number; items: unknown[] } | null {
  const evalSize = own(v, 'evalSize');
  const items = own(v, 'items');
  if (!intIn(evalSize, 1, LIMITS.evalSize) || !list(items, Math.min(LIMITS.items, evalSize))) return null;
  return { evalSize, items };
}

function parseTranslations(v: Obj, step: number): Output<'translations'> | null {
  const head = examples(v);
  const m = own(v, 'meaning');
  if (!head || !isObj(m)) return null;
  const items: TranslationItem[] = [];
  for (const it of head.items) {
    if (!isObj(it)) return null;
    const [source, reference, output, correct] = ['source', 'reference', 'output', 'correct'].map((k) => own(it, k));
    if (!str(source, LIMITS.sentence) || !str(reference, LIMITS.sentence) || !str(output, LIMITS.sentence) || typeof correct !== 'boolean') return null;
    items.push({ source, reference, output, correct });
  }
  // the encoder's final state: h (H units), and c of the same size for the LSTM, else empty
  const [source, output, h, c] = ['source', 'output', 'h', 'c'].map((k) => own(m, k));
  if (!str(source, LIMITS.sentence) || !str(output, LIMITS.sentence) || !f64(h) || h.length < 1 || h.length > LIMITS.hidden) return null;
  if (!f64(c) || (c.length !== 0 && c.length !== h.length)) return null;
  return { kind: 'translations', step, evalSize: head.evalSize, items, meaning: { source, output, h, c } };
}

function parseCaptions(v: Obj, step: number): Output<'captions'> | null {
  const head = examples(v);
  const f = own(v, 'features');
  if (!head || !isObj(f)) return null;
  const [image, caption, channels, size, maps] = ['image', 'caption', 'channels', 'size', 'maps'].map((k) => own(f, k));
  // the pictures are RGBA bytes, size × size; the feature maps channels × size × size
  if (!intIn(size, 1, LIMITS.imageSide) || !intIn(channels, 1, LIMITS.channels)) return null;
  const pixels = size * size;
  if (!rgba(image) || image.length !== 4 * pixels || !str(caption, LIMITS.sentence) || !f64n(maps, channels * pixels)) return null;
  const items: CaptionItem[] = [];
  for (const it of head.items) {
    if (!isObj(it)) return null;
    const [im, s, reference, output, correct] = ['image', 'size', 'reference', 'output', 'correct'].map((k) => own(it, k));
    // every picture of the task has the one size
    if (s !== size || !rgba(im) || im.length !== 4 * pixels || !str(reference, LIMITS.sentence) || !str(output, LIMITS.sentence) || typeof correct !== 'boolean') return null;
    items.push({ image: im, size, reference, output, correct });
  }
  return { kind: 'captions', step, evalSize: head.evalSize, items, features: { image, caption, channels, size, maps } };
}

const PARSERS: { [K in TaskOutput['kind']]: (v: Obj, step: number) => Output<K> | null } = {
  text: parseText,
  forecast: parseForecast,
  answers: parseAnswers,
  translations: parseTranslations,
  captions: parseCaptions,
};

/**
 * A TaskOutput of a known kind with every field checked, rebuilt from its own fields only (anything else it carried
 * is left behind), or null. The table above is typed by the protocol: a new kind there does not compile here until
 * it has its parser.
 */
export function parseOutput(v: unknown): TaskOutput | null {
  if (!isObj(v)) return null;
  const kind = own(v, 'kind');
  const step = own(v, 'step');
  if (typeof kind !== 'string' || !Object.hasOwn(PARSERS, kind) || !count(step)) return null;
  return PARSERS[kind as TaskOutput['kind']](v, step);
}
