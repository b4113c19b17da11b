import { describe, expect, it } from 'vitest';
import { lessonHash, parseRoute } from '../../src/app/route';
import { complete, loadProgress, saveProgress, visit } from '../../src/lessons/progress';

describe('routes', () => {
  it('the empty hash is the course home, #lessons the index, #lesson=… a lesson step, #lab and every lab link the lab', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#')).toEqual({ page: 'home' });
    expect(parseRoute('#lessons')).toEqual({ page: 'lessons' });
    expect(parseRoute('#lesson=vanishing')).toEqual({ page: 'lesson', id: 'vanishing', step: 0 });
    expect(parseRoute('#lesson=vanishing&step=3')).toEqual({ page: 'lesson', id: 'vanishing', step: 2 });
    expect(parseRoute(lessonHash('lstm', 4))).toEqual({ page: 'lesson', id: 'lstm', step: 4 });
    expect(parseRoute('#lab')).toEqual({ page: 'lab' });
    expect(parseRoute('#task=echo&lag=40&cell=rnn')).toEqual({ page: 'lab' });
    expect(parseRoute('#play=0')).toEqual({ page: 'lab' });
  });

  it('hostile lesson links give a harmless route', () => {
    expect(parseRoute('#lesson=<script>&step=-4')).toEqual({ page: 'lesson', id: '<script>', step: 0 });
    expect(parseRoute('#lesson=x&step=1e9')).toMatchObject({ step: 1e9 - 1 }); // the page clamps to its steps
    expect(parseRoute('#lesson=x&step=abc')).toMatchObject({ step: 0 });
    expect(parseRoute(`#lesson=${'a'.repeat(500)}`)).toMatchObject({ id: 'a'.repeat(40) });
  });
});

/** A Storage that keeps one string per key, or throws on everything. */
function memory(throws = false) {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => {
      if (throws) throw new Error('denied');
      return m.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (throws) throw new Error('quota');
      m.set(k, v);
    },
    m,
  };
}

describe('progress on this device', () => {
  it('keeps the furthest step, the last place and completion, and reads back what it wrote', () => {
    const store = memory();
    let p = visit(loadProgress(store), 'vanishing', 2);
    p = visit(p, 'vanishing', 1);
    p = complete(p, 'vanishing');
    saveProgress(p, store);
    expect(loadProgress(store)).toEqual({ lessons: { vanishing: { reached: 2, done: true } }, last: { lesson: 'vanishing', step: 1 } });
  });

  it('tolerates corrupt, foreign or hostile data, and a storage that throws', () => {
    for (const raw of ['{', 'null', '42', '"x"', '[]', '{"lessons":[1,2]}', '{"lessons":{"__proto__":{"reached":3}}}', '{"lessons":{"a":{"reached":-1,"done":"yes"}},"last":{"lesson":"<img>","step":2}}', '{"lessons":{"ok":{"reached":1e9}}}']) {
      const store = memory();
      store.m.set('unrolled.progress.v1', raw);
      const p = loadProgress(store);
      expect(p.last === null || /^[a-z]/.test(p.last.lesson), raw).toBe(true);
      for (const [id, v] of Object.entries(p.lessons)) {
        expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(Number.isInteger(v.reached) && v.reached >= 0 && v.reached < 100).toBe(true);
        expect(typeof v.done).toBe('boolean');
      }
    }
    const broken = memory(true);
    expect(loadProgress(broken)).toEqual({ lessons: {}, last: null });
    expect(() => saveProgress(visit(loadProgress(broken), 'x', 1), broken)).not.toThrow();
    expect(({} as Record<string, unknown>).reached).toBeUndefined();
  });
});
