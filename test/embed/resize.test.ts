import { describe, expect, it } from 'vitest';
import { createResizeEmitter } from '../../src/embed/resize';

function setup(target = '*') {
  const sent: { data: unknown; target: string }[] = [];
  const r = createResizeEmitter((data, t) => sent.push({ data, target: t }), target);
  return { r, sent, take: () => sent.splice(0).map((s) => s.data) };
}

describe('the resize emitter', () => {
  it("says H5P's hello at once, before any height", () => {
    const { sent } = setup();
    expect(sent).toEqual([{ data: { context: 'h5p', action: 'hello' }, target: '*' }]);
  });

  it('posts our message and Canvas’s JSON string for each new height, rounded up, to the target origin', () => {
    const { r, sent, take } = setup('https://lms.example.org');
    take();
    r.report(612.2);
    expect(sent.map((s) => s.target)).toEqual(['https://lms.example.org', 'https://lms.example.org']);
    expect(take()).toEqual([{ ns: 'unrolled', v: 1, type: 'resize', height: 613 }, '{"subject":"lti.frameResize","height":613}']);
  });

  it('repeat posts the last height again (nothing before the first one)', () => {
    const { r, take } = setup();
    take();
    r.repeat();
    expect(take()).toEqual([]);
    r.report(500);
    take();
    r.repeat();
    expect(take()).toEqual([{ ns: 'unrolled', v: 1, type: 'resize', height: 500 }, '{"subject":"lti.frameResize","height":500}']);
  });

  it('posts nothing when the height has not changed, or is not a height', () => {
    const { r, take } = setup();
    r.report(400);
    take();
    r.report(400);
    r.report(399.5);
    r.report(NaN);
    r.report(-5);
    r.report(Infinity);
    expect(take()).toEqual([]);
    r.report(401);
    expect(take()).toHaveLength(2);
  });

  it('runs the H5P exchange once the host answers hello: prepareResize, then resize after resizePrepared', () => {
    const { r, take } = setup();
    r.report(500);
    take();
    expect(r.receive({ context: 'h5p', action: 'hello' })).toBe(true);
    expect(take()).toEqual([{ context: 'h5p', action: 'prepareResize', scrollHeight: 500, clientHeight: 500 }]);
    expect(r.receive({ context: 'h5p', action: 'resizePrepared' })).toBe(true);
    expect(take()).toEqual([{ context: 'h5p', action: 'resize', scrollHeight: 500 }]);
    // from now on every change goes through H5P too
    r.report(620);
    expect(take()).toEqual([
      { ns: 'unrolled', v: 1, type: 'resize', height: 620 },
      '{"subject":"lti.frameResize","height":620}',
      { context: 'h5p', action: 'prepareResize', scrollHeight: 620, clientHeight: 620 },
    ]);
  });

  it("sends no prepareResize before the host's hello, and says hello again when a late resizer says ready", () => {
    const { r, take } = setup();
    take();
    r.report(300);
    expect(take().some((d) => typeof d === 'object' && d !== null && 'context' in d)).toBe(false);
    r.receive({ context: 'h5p', action: 'ready' });
    expect(take()).toEqual([{ context: 'h5p', action: 'hello' }]);
  });

  it("answers the host's window resize with a new prepareResize", () => {
    const { r, take } = setup();
    r.report(300);
    r.receive({ context: 'h5p', action: 'hello' });
    take();
    r.receive({ context: 'h5p', action: 'resize' });
    expect(take()).toEqual([{ context: 'h5p', action: 'prepareResize', scrollHeight: 300, clientHeight: 300 }]);
  });

  it('leaves other messages to others', () => {
    const { r } = setup();
    for (const d of [null, 'slide:stop', { ns: 'unrolled', v: 1, type: 'play' }, { context: 'other' }, 5]) expect(r.receive(d)).toBe(false);
  });
});
