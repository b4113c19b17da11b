/**
 * The translation and caption outputs draw what the output holds: each item's words, digits or caption with ✓/✗
 * as the item says, the meaning vector's bars one per unit with its values, the pictures' pixels on their canvases
 * (a mocked 2-D context records every square), the feature maps one per channel; and the same as tables.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, normalizeConfig } from '../../../src/engine/config';
import type { SessionConfig } from '../../../src/engine/config';
import { Rng } from '../../../src/engine/rng';
import { Seq2SeqSession } from '../../../src/engine/seq2seq-session';
import { drawShapes } from '../../../src/engine/tasks/caption-draw';
import { formatFixed } from '../../../src/views/chart/format';
import { barWidthFor, meaningStrip } from '../../../src/views/output/meaning-layout';
import { colourPatches, describePicture, mapStats, xMajor } from '../../../src/views/output/picture';
import { TaskOutput } from '../../../src/views/output/TaskOutput';
import { taskOutput, toRgba } from '../../../src/worker/outputs';
import type { TaskOutput as Output } from '../../../src/worker/protocol';
import { renderLab } from '../render-lab';

type Translations = Extract<Output, { kind: 'translations' }>;
type Captions = Extract<Output, { kind: 'captions' }>;

const TRANSLATE = normalizeConfig({ task: { kind: 'translate', reverse: false }, model: { cell: 'lstm', hiddenSize: 6 }, batch: 4 }).config;
const CAPTION = normalizeConfig({ task: { kind: 'caption' }, model: { cell: 'gru', hiddenSize: 5 }, batch: 2 }).config;

/** Every square each canvas was painted with: its colour and place (PictureCanvas paints one fillRect a pixel). */
const painted = new Map<HTMLCanvasElement, { fill: string; x: number; y: number; w: number }[]>();
beforeEach(() => {
  painted.clear();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const squares: { fill: string; x: number; y: number; w: number }[] = [];
    painted.set(this, squares);
    const ctx = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      imageSmoothingEnabled: true,
      setTransform() {},
      strokeRect() {},
      drawImage() {},
      putImageData() {},
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(4 * w * h) }),
      fillRect: (x: number, y: number, w: number) => squares.push({ fill: ctx.fillStyle, x, y, w }),
    };
    return ctx as unknown as CanvasRenderingContext2D;
  } as never);
});
afterEach(() => vi.restoreAllMocks());

const show = (output: Output, config: SessionConfig) => renderLab(<TaskOutput />, { config, setup: (s) => s.setState({ output }) });

/** A translation output by hand: one right, one wrong, one empty answer; an LSTM's h and c. */
const HAND: Translations = {
  kind: 'translations',
  step: 1234,
  evalSize: 205,
  items: [
    { source: 'three hundred twelve', reference: '312', output: '312', correct: true },
    { source: 'forty', reference: '40', output: '41', correct: false },
    { source: 'nine hundred five', reference: '905', output: '', correct: false },
  ],
  meaning: { source: 'three hundred twelve', output: '312', h: Float64Array.from([0.5, -0.25, 0, 0.9]), c: Float64Array.from([2, -3, 0.1, 0]) },
};

describe('TranslationOutput', () => {
  it('lists each held-out number with the network’s digits, ✓ or ✗ as the item says, and the right answer when wrong', () => {
    show(HAND, TRANSLATE);
    expect(screen.getByText(/the first 3 of 205 numbers it never trained on, at step 1,234: 1 of 3 exactly right/)).toBeInTheDocument();
    expect(screen.getByText('Write a number given in words as digits')).toBeInTheDocument();
    const rows = [...document.querySelectorAll('.translation')];
    expect(rows.map((r) => r.getAttribute('data-correct'))).toEqual(['true', 'false', 'false']);
    expect(rows.map((r) => r.querySelector('.translation-output')!.textContent)).toEqual(['312', '41', '(nothing)']);
    expect(rows.map((r) => r.querySelector('span[data-correct] > [aria-hidden]')!.textContent)).toEqual(['✓', '✗', '✗']);
    expect(rows.map((r) => r.querySelector('.translation-reference')?.textContent ?? null)).toEqual([null, 'should be 40', 'should be 905']);
  });

  it('draws the meaning vector as one bar per unit, h and the LSTM’s c, each bar on its side of the zero line', () => {
    show(HAND, TRANSLATE);
    const strips = [...document.querySelectorAll('svg.meaning-bars')];
    expect(strips.map((s) => s.getAttribute('data-name'))).toEqual(['h', 'c']);
    const [h, c] = strips.map((s) => [...s.querySelectorAll('rect.meaning-bar')]);
    expect(h.map((b) => Number(b.getAttribute('data-value')))).toEqual([0.5, -0.25, 0, 0.9]);
    expect(c.map((b) => Number(b.getAttribute('data-value')))).toEqual([2, -3, 0.1, 0]);
    // h on ±1: 0.9 reaches 90% of the half-height above the line, −0.25 a quarter below
    const zero = Number(strips[0].querySelector('line')!.getAttribute('y1'));
    const geom = (b: Element) => ({ y: Number(b.getAttribute('y')), height: Number(b.getAttribute('height')) });
    expect(geom(h[3]).y + geom(h[3]).height).toBeCloseTo(zero, 9);
    expect(geom(h[1]).y).toBeCloseTo(zero, 9);
    expect(geom(h[3]).height / geom(h[1]).height).toBeCloseTo(0.9 / 0.25, 9);
    // c beyond 1 widens its own scale to ±3: −3 fills the lower half
    const cZero = Number(strips[1].querySelector('line')!.getAttribute('y1'));
    expect(geom(c[1]).height).toBeCloseTo(meaningStrip(HAND.meaning.c).bars[1].height, 9);
    expect(geom(c[1]).y + geom(c[1]).height).toBeCloseTo(72 - 1, 9);
    expect(cZero).toBeCloseTo(36, 9);
    expect(strips[0]).toHaveAttribute('aria-label', 'The meaning vector h of “three hundred twelve”: 4 numbers, from -0.25 to 0.90');
    expect(h[0].querySelector('title')!.textContent).toBe('h[0] = 0.500');
  });

  it('a GRU’s meaning is h alone', () => {
    show({ ...HAND, meaning: { ...HAND.meaning, c: new Float64Array(0) } }, TRANSLATE);
    expect(document.querySelectorAll('svg.meaning-bars')).toHaveLength(1);
  });

  it('as tables: the numbers with ✓/✗, and the meaning vector unit by unit', () => {
    show(HAND, TRANSLATE);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const [numbers, meaning] = screen.getAllByRole('table');
    const cells = (t: HTMLElement) => within(t).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(cells(numbers)).toEqual([
      ['three hundred twelve', '312', '312', '✓right'],
      ['forty', '40', '41', '✗wrong'],
      ['nine hundred five', '905', '', '✗wrong'],
    ]);
    expect(cells(meaning)).toEqual([
      ['0', '0.5000', '2.0000'],
      ['1', '-0.2500', '-3.0000'],
      ['2', '0.0000', '0.1000'],
      ['3', '0.9000', '0.0000'],
    ]);
  });

  it('shows a live run’s output as the worker makes it: the session’s greedy answers and meaning vector', () => {
    const s = new Seq2SeqSession(TRANSLATE);
    s.train(20);
    const out = taskOutput(s, new Rng(1), 2) as Translations;
    show(out, TRANSLATE);
    const rows = [...document.querySelectorAll('.translation')];
    expect(rows).toHaveLength(8);
    rows.forEach((r, i) => expect(r.getAttribute('data-correct')).toBe(String(out.items[i].correct)));
    const bars = [...document.querySelectorAll('svg[data-name="h"] rect.meaning-bar')];
    expect(bars.map((b) => Number(b.getAttribute('data-value')))).toEqual(Array.from(s.decodeTest(2).start.h0));
  });
});

/** A caption output by hand: two pictures (a red circle top left; a blue square left of a yellow cross), 2 channels of maps. */
function handCaptions(): Captions {
  const a = toRgba(drawShapes([{ colour: 0, shape: 0, row: 0, col: 0, dx: 0, dy: 0 }]), 16);
  const b = toRgba(drawShapes([{ colour: 2, shape: 1, row: 1, col: 0, dx: 1, dy: 2 }, { colour: 3, shape: 3, row: 1, col: 1, dx: 2, dy: 0 }]), 16);
  const maps = new Float64Array(2 * 256);
  maps[3 * 16 + 5] = 0.75; // channel 0 peaks at x 5, y 3
  maps[256 + 15 * 16 + 0] = 2; // channel 1 at x 0, y 15
  return {
    kind: 'captions',
    step: 800,
    evalSize: 256,
    items: [
      { image: a, size: 16, reference: 'a red circle in the top left', output: 'a red circle in the top left', correct: true },
      { image: b, size: 16, reference: 'a blue square left of a yellow cross', output: 'a blue square left of a red cross', correct: false },
    ],
    features: { image: b, caption: 'a blue square left of a red cross', channels: 2, size: 16, maps },
  };
}

describe('CaptionOutput', () => {
  it('paints each picture’s pixels on its canvas, 5 screen pixels a picture pixel, each in its own colour', () => {
    const out = handCaptions();
    show(out, CAPTION);
    const canvases = [...document.querySelectorAll('.caption-item canvas')] as HTMLCanvasElement[];
    expect(canvases).toHaveLength(2);
    canvases.forEach((canvas, k) => {
      const squares = painted.get(canvas)!;
      expect(squares).toHaveLength(256);
      const rgba = out.items[k].image;
      for (const sq of squares) {
        expect(sq.w).toBe(5);
        const i = 4 * ((sq.y / 5) * 16 + sq.x / 5);
        expect(sq.fill).toBe(`rgb(${rgba[i]}, ${rgba[i + 1]}, ${rgba[i + 2]})`);
      }
      expect(canvas.style.width).toBe('80px');
    });
    // the red circle: 24 red squares in the 6 × 6 box at the top left, nothing else lit
    const red = painted.get(canvases[0])!.filter((sq) => sq.fill === 'rgb(255, 0, 0)');
    expect(red).toHaveLength(24);
    expect(Math.max(...red.map((sq) => sq.x))).toBe(25);
    expect(painted.get(canvases[0])!.filter((sq) => sq.fill !== 'rgb(255, 0, 0)' && sq.fill !== 'rgb(0, 0, 0)')).toEqual([]);
    expect(canvases[0]).toHaveAttribute('aria-label', 'Picture 1: red: 24 pixels at x 0–5, y 0–5');
    expect(canvases[1].getAttribute('aria-label')).toBe('Picture 2: yellow: 20 pixels at x 10–15, y 8–13; blue: 36 pixels at x 1–6, y 10–15');
  });

  it('marks each caption right or wrong as the item says, with the right caption when wrong', () => {
    show(handCaptions(), CAPTION);
    const items = [...document.querySelectorAll('.caption-item')];
    expect(items.map((it) => it.getAttribute('data-correct'))).toEqual(['true', 'false']);
    expect(items.map((it) => it.querySelector('.caption-output')!.textContent)).toEqual(['a red circle in the top left', 'a blue square left of a red cross']);
    expect(items.map((it) => it.querySelector('span[data-correct] > [aria-hidden]')!.textContent)).toEqual(['✓', '✗']);
    expect(items[1].querySelector('.caption-reference')!.textContent).toBe('should be: a blue square left of a yellow cross');
    expect(items[0].querySelector('.caption-reference')).toBeNull();
    expect(screen.getByText(/the first 2 of 256 pictures it never trained on, at step 800: 1 of 2 exactly right/)).toBeInTheDocument();
  });

  it('shows one heatmap per convolution channel beside the picture, on one scale from 0 to the largest value', () => {
    show(handCaptions(), CAPTION);
    const maps = [...document.querySelectorAll('.feature-map[data-channel] canvas')];
    expect(maps.map((m) => m.getAttribute('aria-label'))).toEqual(['Feature map 1 of 2', 'Feature map 2 of 2']);
    expect(document.querySelector('.feature-maps figcaption')!.textContent).toMatch(/2 feature maps \(3×3 filters, after ReLU\), 16×16 each, 0 \(dark\) to 2\.00 \(yellow\)/);
    const picture = document.querySelector('.feature-row .feature-map:not([data-channel]) canvas') as HTMLCanvasElement;
    expect(painted.get(picture)!.filter((sq) => sq.fill === 'rgb(0, 0, 255)')).toHaveLength(36);
  });

  it('as tables: each picture in words, its captions and ✓/✗; each map’s largest value, where, and its mean', () => {
    show(handCaptions(), CAPTION);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const [captions, maps] = screen.getAllByRole('table');
    const cells = (t: HTMLElement) => within(t).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(cells(captions)).toEqual([
      ['red: 24 pixels at x 0–5, y 0–5', 'a red circle in the top left', 'a red circle in the top left', '✓right'],
      ['yellow: 20 pixels at x 10–15, y 8–13; blue: 36 pixels at x 1–6, y 10–15', 'a blue square left of a yellow cross', 'a blue square left of a red cross', '✗wrong'],
    ]);
    expect(cells(maps)).toEqual([
      ['1', '0.750', '5, 3', formatFixed(0.75 / 256, 3)],
      ['2', '2.000', '0, 15', formatFixed(2 / 256, 3)],
    ]);
  });

  it('shows a live run’s output as the worker makes it', () => {
    const s = new Seq2SeqSession(CAPTION);
    s.train(3);
    const out = taskOutput(s, new Rng(1), 0) as Captions;
    show(out, CAPTION);
    expect(document.querySelectorAll('.caption-item')).toHaveLength(6);
    expect(document.querySelectorAll('.feature-map[data-channel]')).toHaveLength(6);
    const first = document.querySelector('.caption-item canvas') as HTMLCanvasElement;
    const lit = painted.get(first)!.filter((sq) => sq.fill !== 'rgb(0, 0, 0)').length;
    expect(lit).toBe(colourPatches(out.items[0].image, 16).reduce((n, p) => n + p.pixels, 0));
  });
});

describe('picture and meaning helpers', () => {
  it('colourPatches counts and boxes each colour; a picture of the wrong size is nothing', () => {
    const px = toRgba(drawShapes([{ colour: 1, shape: 2, row: 0, col: 1, dx: 2, dy: 1 }]), 16);
    expect(colourPatches(px, 16)).toEqual([{ colour: 'green', pixels: 24, x0: 10, x1: 15, y0: 1, y1: 6 }]);
    expect(colourPatches(px.slice(4), 16)).toEqual([]);
    expect(describePicture(new Uint8ClampedArray(4 * 256), 16)).toBe('all black');
  });

  it('mapStats and xMajor read channel-major maps', () => {
    const maps = Float64Array.from({ length: 2 * 9 }, (_, i) => i);
    expect(mapStats(maps, 1, 3)).toEqual({ max: 17, mean: 13, x: 2, y: 2 });
    expect(Array.from(xMajor(maps, 0, 3))).toEqual([0, 3, 6, 1, 4, 7, 2, 5, 8]);
  });

  it('meaningStrip: bars on a symmetric scale of at least ±1; NaN and ±∞ get no bar; widths fit the room', () => {
    const s = meaningStrip(Float64Array.from([0.5, NaN, -Infinity, -0.5]), 72, 8);
    expect(s.limit).toBe(1);
    expect(s.bars.map((b) => b.unit)).toEqual([0, 3]);
    expect(s.bars[0].height).toBeCloseTo(s.bars[1].height, 12);
    expect(s.width).toBe(4 * 9 - 1);
    expect(barWidthFor(32)).toBe(10);
    expect(barWidthFor(128)).toBe(3);
  });

  it('the default lab output is unchanged by the new kinds', () => {
    show({ kind: 'text', step: 1, temperature: 0.7, text: 'x' }, defaultConfig());
    expect(document.querySelector('.translations, .captions')).toBeNull();
  });
});
