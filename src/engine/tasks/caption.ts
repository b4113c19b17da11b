/**
 * A toy image-description task for the captioner: generated 16×16 pictures (caption-draw.ts) of one or two coloured
 * shapes and captions from a small grammar. Generated here, nothing downloaded.
 *
 * Grammar (half the scenes have one shape, half two):
 * - one shape, in one of the four quadrants:            "a red circle in the top left"
 * - two shapes side by side in the top or bottom row:   "a red circle left of a blue square"  (the left one first)
 * - two shapes one above the other in a column:          "a red circle above a blue square"    (the top one first)
 * So the caption must name colours and shapes, count them, and read their layout; the row of a side-by-side pair and
 * the column of a stacked pair are not described.
 *
 * Why RGB rather than one channel with an intensity per colour: colour is then what each pixel's three channels say,
 * and every shape has the same contrast with the black background, so the convolution can find edges and shapes the
 * same way for every colour; with intensity codes a dark colour would have weaker edges than a bright one.
 *
 * Split: the held-out test images are pictures never seen in training. Each picture is fixed by discrete choices
 * (shapes, colours, quadrants, offsets: 83,520 pictures), and a picture is held out iff fmix32(its number) mod 5 = 0
 * — a fixed rule, not a seed, so every run tests on the same pictures and never trains on them. Their captions do
 * occur in training (with other offsets): the test measures describing new pictures, not new combinations of words.
 */
import { EngineError } from '../errors';
import { Rng } from '../rng';
import { BOUNDARY } from '../seq2seq-decoder';
import { positionalMajority, scoreSequences } from '../seq2seq-score';
import { CAPTION_CHANNELS, CAPTION_IMAGE_SIZE, COLOURS, SHAPES, drawShapes } from './caption-draw';
import type { PlacedShape } from './caption-draw';
import { EVAL_SEED } from './task';
import type { TaskMetric } from './task';
import { fmix32 } from './split-hash';

/** The caption vocabulary; index 0 is the end token. */
export const CAPTION_WORDS: readonly string[] = ['</s>', 'a', ...COLOURS, ...SHAPES, 'in', 'the', 'top', 'bottom', 'left', 'right', 'of', 'above'];
const W = new Map(CAPTION_WORDS.map((w, i) => [w, i]));
const word = (w: string): number => W.get(w)!;

/** How many held-out pictures the test set holds. */
export const CAPTION_TEST_SIZE = 256;

/**
 * A scene: one shape, or two side by side ('row': the first left of the second) or stacked ('column': the first
 * above the second).
 */
export interface CaptionScene {
  layout: 'single' | 'row' | 'column';
  shapes: readonly PlacedShape[];
}

/** A picture and its caption (end token left out), with the scene it was drawn from. */
export interface CaptionPair {
  readonly scene: CaptionScene;
  readonly image: Float64Array;
  readonly target: readonly number[];
}

/** The caption of a scene, as word tokens. */
export function captionOf(scene: CaptionScene): number[] {
  const np = (p: PlacedShape) => [word('a'), word(COLOURS[p.colour]), word(SHAPES[p.shape])];
  const [p, q] = scene.shapes;
  if (scene.layout === 'single') return [...np(p), word('in'), word('the'), word(p.row === 0 ? 'top' : 'bottom'), word(p.col === 0 ? 'left' : 'right')];
  if (scene.layout === 'row') return [...np(p), word('left'), word('of'), ...np(q)];
  return [...np(p), word('above'), ...np(q)];
}

/**
 * The picture's number, 0 … 83,519: a single shape gets (((colour·4 + shape)·2 + row)·2 + col)·9 + 3·dy + dx
 * (576 in all); a pair 576 + (((side·2 + line)·16 + first)·16 + second)·81 + 9·(3·dy₁ + dx₁) + 3·dy₂ + dx₂ with
 * side 0 for a row, 1 for a column, line its row or column, first and second colour·4 + shape.
 */
export function sceneNumber(s: CaptionScene): number {
  const [p, q] = s.shapes;
  const kind = (x: PlacedShape) => x.colour * 4 + x.shape;
  const off = (x: PlacedShape) => 3 * x.dy + x.dx;
  if (s.layout === 'single') return (((kind(p) * 2 + p.row) * 2 + p.col) * 9) + off(p);
  const side = s.layout === 'row' ? 0 : 1;
  const line = s.layout === 'row' ? p.row : p.col;
  return 576 + (((side * 2 + line) * 16 + kind(p)) * 16 + kind(q)) * 81 + 9 * off(p) + off(q);
}

/** Whether the scene's picture is held out for the test set (the rule of the file comment). */
export function isTestScene(s: CaptionScene): boolean {
  return fmix32(sceneNumber(s)) % 5 === 0;
}

/** A scene drawn uniformly: the layout (½ single, ¼ row, ¼ column), then every choice uniformly. */
export function randomScene(rng: Rng): CaptionScene {
  const shape = (row: number, col: number): PlacedShape => ({ colour: rng.int(4), shape: rng.int(4), row, col, dx: rng.int(3), dy: rng.int(3) });
  const u = rng.int(4);
  if (u < 2) return { layout: 'single', shapes: [shape(rng.int(2), rng.int(2))] };
  const line = rng.int(2);
  if (u === 2) return { layout: 'row', shapes: [shape(line, 0), shape(line, 1)] };
  return { layout: 'column', shapes: [shape(0, line), shape(1, line)] };
}

/** The captioning task: the fixed held-out pictures, training samples, and the test metric. */
export class CaptionTask {
  readonly kind = 'caption' as const;
  readonly vocab = CAPTION_WORDS;
  readonly imageSize = CAPTION_IMAGE_SIZE;
  readonly imageChannels = CAPTION_CHANNELS;
  /** the longest caption has 8 words; two to spare */
  readonly maxLength = 10;
  readonly test: readonly CaptionPair[];

  constructor() {
    // The test pictures: the first CAPTION_TEST_SIZE distinct held-out scenes of a stream from the fixed EVAL_SEED.
    const rng = new Rng(EVAL_SEED);
    const seen = new Set<number>();
    const test: CaptionPair[] = [];
    while (test.length < CAPTION_TEST_SIZE) {
      const s = randomScene(rng);
      const n = sceneNumber(s);
      if (!isTestScene(s) || seen.has(n)) continue;
      seen.add(n);
      test.push(this.pair(s));
    }
    this.test = test;
  }

  /** The picture and caption of a scene. */
  pair(scene: CaptionScene): CaptionPair {
    return { scene, image: drawShapes(scene.shapes), target: captionOf(scene) };
  }

  /** A training pair: a random scene, drawn again while its picture is held out. */
  sample(rng: Rng): CaptionPair {
    for (;;) {
      const s = randomScene(rng);
      if (!isTestScene(s)) return this.pair(s);
    }
  }

  /** Tokens as words (the end token as nothing). */
  captionText(tokens: ArrayLike<number>): string {
    return Array.from(tokens, (k) => (k === BOUNDARY ? '' : CAPTION_WORDS[k] ?? '?')).filter((w) => w.length > 0).join(' ');
  }

  /** Words to tokens; an unknown word is refused by name. */
  encodeCaption(text: string): number[] {
    return text.trim().split(/\s+/).filter((w) => w.length > 0).map((w) => {
      const k = W.get(w.toLowerCase());
      if (k === undefined || k === BOUNDARY) throw new EngineError('unknown-name', `"${w}" is not a caption word`, 'caption');
      return k;
    });
  }

  /**
   * Per-word accuracy on the test pictures (scoreSequences: caption positions and the end token) against the majority
   * baseline, the constant caption of the most frequent word at each position (positionalMajority); extra: exact match
   * (the whole caption right) and the constant caption's exact match.
   * `outputs[i]`: the decoded tokens of test[i], end token left out.
   */
  evaluate(outputs: readonly ArrayLike<number>[]): TaskMetric {
    const refs = this.test.map((p) => p.target);
    const s = scoreSequences(refs, outputs);
    const constant = positionalMajority(refs, CAPTION_WORDS.length);
    const base = scoreSequences(refs, refs.map(() => constant));
    return {
      name: 'per-word accuracy',
      value: s.tokenAccuracy,
      baseline: base.tokenAccuracy,
      baselineName: `the most frequent word at each position ("${this.captionText(constant)}")`,
      higherIsBetter: true,
      extra: [
        { name: 'exact match', value: s.exactMatch },
        { name: 'exact match of the constant caption', value: base.exactMatch },
      ],
    };
  }
}
