import { describe, expect, it } from 'vitest';
import { checkTaskConfig, checkText } from '../../../src/engine/tasks/check';
import { ALICE_CHAPTER_1_OPENING } from '../../../src/engine/tasks/corpus';
import { createTask } from '../../../src/engine/tasks/create';
import { TASK_LIMITS } from '../../../src/engine/tasks/limits';
import type { TaskConfig } from '../../../src/engine/tasks/task';

/** What a call threw: its class name and message, or 'ok'. */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${String(e)}`;
  }
}

const wave = Array.from({ length: 60 }, (_, i) => Math.sin(i / 3).toFixed(4)).join('\n');
const many = Array.from({ length: 120 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');

/** Configurations createTask accepts and refuses, for every kind and every check it makes. */
const CASES: unknown[] = [
  null, 'echo', 42, [], {}, { kind: 'maze' }, { kind: 'csv', csv: '1\n2\n3' },
  { kind: 'text', seqLength: 32 }, { kind: 'text', seqLength: 256 }, { kind: 'text', seqLength: 3 }, { kind: 'text', seqLength: 12.5 },
  { kind: 'text', seqLength: 8, text: '' }, { kind: 'text', seqLength: 8, text: 'short' }, { kind: 'text', seqLength: 8, text: 'abcdefghij' },
  { kind: 'text', seqLength: 8, text: 'a\r\nb\r\nc\r\nd\r\ne' }, { kind: 'text', seqLength: 8, text: 42 }, { kind: 'text', seqLength: 8, text: many },
  { kind: 'text', seqLength: 8, text: 'x'.repeat(200_001) }, { kind: 'text', seqLength: '32' },
  { kind: 'sine', seqLength: 40, noise: 0.05, components: 2 }, { kind: 'sine', seqLength: 40, noise: -1, components: 2 },
  { kind: 'sine', seqLength: 40, noise: 0.05, components: 9 }, { kind: 'sine', seqLength: NaN, noise: 0, components: 1 }, { kind: 'sine' },
  { kind: 'echo', lag: 10, symbols: 4 }, { kind: 'echo', lag: 0, symbols: 4 }, { kind: 'echo', lag: 10, symbols: Infinity }, { kind: 'echo', lag: 2.5, symbols: 4 },
  { kind: 'adding', seqLength: 50 }, { kind: 'adding', seqLength: 401 }, { kind: 'adding' },
  { kind: 'series', csv: wave, seqLength: 32 }, { kind: 'series', csv: '', seqLength: 32 }, { kind: 'series', csv: '1\n2\n3', seqLength: 32 },
  { kind: 'series', csv: `value\n${wave}`, seqLength: 8 }, { kind: 'series', csv: '1\n2\nthree\n4', seqLength: 4 }, { kind: 'series', csv: '1\nNaN\n3', seqLength: 4 },
  { kind: 'series', csv: '5\n5\n5\n5\n5\n5\n5', seqLength: 4 }, { kind: 'series', csv: '1e308\n-1e308\n1e308\n-1e308\n1e308\n1e308', seqLength: 4 },
  { kind: 'series', csv: 12, seqLength: 4 }, { kind: 'series', csv: '1;2\n3;4\n5;6\n7;8\n9;1\n2;3', seqLength: 4 },
  { kind: 'translate', reverse: false }, { kind: 'translate', reverse: true }, { kind: 'caption' },
];

describe('checkTaskConfig', () => {
  it('refuses exactly what createTask refuses, with the same error', () => {
    let refused = 0;
    for (const c of CASES) {
      const want = outcome(() => createTask(c as TaskConfig));
      expect(outcome(() => checkTaskConfig(c as TaskConfig)), JSON.stringify(c)?.slice(0, 80)).toBe(want);
      if (want !== 'ok') refused++;
    }
    // the list exercises both sides
    expect(refused).toBeGreaterThan(20);
    expect(CASES.length - refused).toBeGreaterThan(10);
  });

  it('passes a text task without a text: the bundled passage fits every allowed T', () => {
    const { min, max } = TASK_LIMITS.text.seqLength;
    for (const T of [min, max]) expect(() => checkText(ALICE_CHAPTER_1_OPENING, T)).not.toThrow();
    expect(checkText(ALICE_CHAPTER_1_OPENING, max).vocab.length).toBe(62);
  });
});
