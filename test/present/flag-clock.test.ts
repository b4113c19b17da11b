import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/app/route';
import { CLOCK_ZERO, elapsed, formatElapsed, pauseClock, startClock } from '../../src/present/clock';
import { keepPresent, presentIn, speakerUrl, withPresent } from '../../src/present/present-flag';

describe('the presenter key in links', () => {
  it('present=1 and nothing else turns it on', () => {
    expect(presentIn('#lab&present=1')).toBe(true);
    expect(presentIn('#lesson=vanishing&step=3&present=1')).toBe(true);
    for (const h of ['#lab', '#present=0', '#present=yes', '#lessons', '', '#%E0%A4%A']) expect(presentIn(h), h).toBe(false);
  });

  it('is added and removed leaving the other keys as they were', () => {
    expect(withPresent('#lesson=vanishing&step=3', true)).toBe('#lesson=vanishing&step=3&present=1');
    expect(withPresent('#lesson=vanishing&present=1&step=3', false)).toBe('#lesson=vanishing&step=3');
    expect(withPresent('#task=text&text=a%20b&present=1', true)).toBe('#task=text&text=a%20b&present=1');
    expect(withPresent('', true)).toBe('#present=1');
  });

  it("survives the lab rewriting its link from its settings", () => {
    expect(keepPresent('#task=echo&speed=20', '#lab&present=1')).toBe('#task=echo&speed=20&present=1');
    expect(keepPresent('#task=echo&speed=20', '#lab')).toBe('#task=echo&speed=20');
  });

  it('the speaker link is this page with speaker=<id>, and routes to the speaker window', () => {
    window.history.replaceState(null, '', '#lesson=vanishing&step=3&present=1&speaker=old000old000');
    const url = speakerUrl('abc123def456');
    expect(url).toBe(`${window.location.origin}${window.location.pathname}#lesson=vanishing&step=3&present=1&speaker=abc123def456`);
    expect(parseRoute(new URL(url).hash)).toEqual({ page: 'speaker', id: 'abc123def456' });
    expect(parseRoute('#lab&speaker=x')).toEqual({ page: 'speaker', id: 'x' });
    window.history.replaceState(null, '', '#');
  });
});

describe("the speaker's clock", () => {
  it('counts while running, keeps its time while paused, and formats minutes and hours', () => {
    let c = startClock(CLOCK_ZERO, 1000);
    expect(elapsed(c, 61_000)).toBe(60_000);
    c = pauseClock(c, 61_000);
    expect(elapsed(c, 999_999)).toBe(60_000);
    c = startClock(c, 100_000);
    expect(elapsed(c, 105_000)).toBe(65_000);
    expect(startClock(c, 200_000)).toBe(c);
    // a system clock set back does not make it run backwards
    expect(elapsed(c, 50_000)).toBe(60_000);
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});
