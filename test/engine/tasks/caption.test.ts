import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engine/errors';
import { Rng } from '../../../src/engine/rng';
import { CAPTION_TEST_SIZE, CAPTION_WORDS, CaptionTask, captionOf, isTestScene, randomScene, sceneNumber } from '../../../src/engine/tasks/caption';
import type { CaptionScene } from '../../../src/engine/tasks/caption';
import { drawShapes, inShape } from '../../../src/engine/tasks/caption-draw';
import type { PlacedShape } from '../../../src/engine/tasks/caption-draw';

const at = (colour: number, shape: number, row: number, col: number, dx = 0, dy = 0): PlacedShape => ({ colour, shape, row, col, dx, dy });

describe('caption pictures and captions', () => {
  const task = new CaptionTask();

  it('draws each shape with its pixel count, in its colour, in its quadrant', () => {
    const count = (s: number) => { let n = 0; for (let v = 0; v < 6; v++) for (let u = 0; u < 6; u++) if (inShape(s, u, v)) n++; return n; };
    expect([0, 1, 2, 3].map(count)).toEqual([24, 36, 24, 20]);
    // a yellow (R + G) square in the bottom right, offset (2, 1): box x 10…15, y 9…14
    const img = drawShapes([at(3, 1, 1, 1, 2, 1)]);
    const px = (c: number, y: number, x: number) => img[c * 256 + y * 16 + x];
    expect([px(0, 9, 10), px(1, 9, 10), px(2, 9, 10)]).toEqual([1, 1, 0]);
    expect(px(0, 14, 15)).toBe(1);
    expect(px(0, 8, 10)).toBe(0);
    expect(img.reduce((s, v) => s + v, 0)).toBe(72);
  });

  it('captions scenes by the grammar', () => {
    const words = (s: CaptionScene) => captionOf(s).map((k) => CAPTION_WORDS[k]).join(' ');
    expect(words({ layout: 'single', shapes: [at(0, 0, 0, 0)] })).toBe('a red circle in the top left');
    expect(words({ layout: 'single', shapes: [at(2, 3, 1, 1)] })).toBe('a blue cross in the bottom right');
    expect(words({ layout: 'row', shapes: [at(0, 0, 1, 0), at(2, 1, 1, 1)] })).toBe('a red circle left of a blue square');
    expect(words({ layout: 'column', shapes: [at(3, 2, 0, 1), at(1, 0, 1, 1)] })).toBe('a yellow triangle above a green circle');
    expect(task.captionText(task.encodeCaption('a green cross above a red square'))).toBe('a green cross above a red square');
    expect(() => task.encodeCaption('a purple circle')).toThrow(EngineError);
  });

  it('numbers every picture once, and holds out about a fifth of them by a fixed rule', () => {
    const seen = new Set<number>();
    let held = 0;
    const all: CaptionScene[] = [];
    for (let k = 0; k < 16; k++) for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) for (let o = 0; o < 9; o++) all.push({ layout: 'single', shapes: [at(k >> 2, k & 3, r, c, o % 3, Math.floor(o / 3))] });
    for (const layout of ['row', 'column'] as const) for (let line = 0; line < 2; line++) for (let k = 0; k < 256; k++) for (let o = 0; o < 81; o++) {
      const [k1, k2, o1, o2] = [k >> 4, k & 15, Math.floor(o / 9), o % 9];
      const p = layout === 'row' ? [at(k1 >> 2, k1 & 3, line, 0, o1 % 3, Math.floor(o1 / 3)), at(k2 >> 2, k2 & 3, line, 1, o2 % 3, Math.floor(o2 / 3))]
        : [at(k1 >> 2, k1 & 3, 0, line, o1 % 3, Math.floor(o1 / 3)), at(k2 >> 2, k2 & 3, 1, line, o2 % 3, Math.floor(o2 / 3))];
      all.push({ layout, shapes: p });
    }
    for (const s of all) {
      seen.add(sceneNumber(s));
      if (isTestScene(s)) held++;
    }
    expect(all.length).toBe(83520);
    expect(seen.size).toBe(83520);
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(83519);
    expect(held / all.length).toBeGreaterThan(0.19);
    expect(held / all.length).toBeLessThan(0.21);
  });

  it('tests on distinct held-out pictures; trains on the others only', () => {
    expect(task.test.length).toBe(CAPTION_TEST_SIZE);
    expect(new Set(task.test.map((p) => sceneNumber(p.scene))).size).toBe(CAPTION_TEST_SIZE);
    expect(task.test.every((p) => isTestScene(p.scene))).toBe(true);
    const rng = new Rng(7);
    for (let i = 0; i < 2000; i++) expect(isTestScene(task.sample(rng).scene)).toBe(false);
    // the same test set every time (it comes from the fixed EVAL_SEED)
    expect(new CaptionTask().test.map((p) => sceneNumber(p.scene))).toEqual(task.test.map((p) => sceneNumber(p.scene)));
    const r = new Rng(3);
    const layouts = { single: 0, row: 0, column: 0 };
    for (let i = 0; i < 4000; i++) layouts[randomScene(r).layout]++;
    expect(layouts.single / 4000).toBeCloseTo(0.5, 1);
  });

  it('scores per-word accuracy against the majority caption', () => {
    const perfect = task.evaluate(task.test.map((p) => p.target));
    expect(perfect.value).toBe(1);
    expect(perfect.extra![0].value).toBe(1);
    const m = task.evaluate(task.test.map(() => []));
    expect(m.value).toBe(0);
    // measured once: the constant "a red square in the a left" gets 41.7% of the test positions
    expect(m.baseline).toBeCloseTo(0.41725, 5);
    expect(m.baselineName).toContain('a red square in the a left');
  });
});
