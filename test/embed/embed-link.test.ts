import { describe, expect, it } from 'vitest';
import { readEmbedLink } from '../../src/embed/embed-link';

describe('readEmbedLink', () => {
  it('reads a lab scenario with its scenario keys and allowlist', () => {
    const link = readEmbedLink('#task=echo&lag=40&views=flow&controls=playback,lag&lock=lag&caption=Look&at=200&origins=https://course.example.org');
    expect(link.route).toEqual({ kind: 'lab' });
    expect(link.scenario).toEqual({ controls: ['lag', 'playback'], lock: ['lag'], caption: 'Look', at: 200 });
    expect(link.origins).toEqual(['https://course.example.org']);
    expect(link.notes).toEqual([]);
  });

  it('reads a lesson step (0-based inside, 1-based in the link)', () => {
    expect(readEmbedLink('#lesson=vanishing&step=3').route).toEqual({ kind: 'lesson', id: 'vanishing', step: 2 });
    expect(readEmbedLink('#lesson=vanishing&step=zero').route).toEqual({ kind: 'lesson', id: 'vanishing', step: 0 });
  });

  it('opens the default lab for an empty or unreadable hash, with no allowlist', () => {
    for (const hash of ['', '#', '#%E0%A4%A', '#origins=']) {
      const link = readEmbedLink(hash);
      expect(link.route).toEqual({ kind: 'lab' });
      expect(link.origins).toEqual([]);
    }
  });

  it('says what it ignored: unknown controls, entries that are not origins', () => {
    const link = readEmbedLink('#controls=playback,warp&origins=*,https://ok.example,https://x.example/path');
    expect(link.origins).toEqual(['https://ok.example']);
    expect(link.notes).toHaveLength(3);
    expect(link.notes[0]).toMatch(/warp/);
  });
});
