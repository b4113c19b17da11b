import { describe, expect, it } from 'vitest';
import { defaultConfig, normalizeConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { DEFAULT_UI, fromHash, MAX_LINK_TEXT, toHash } from '../../src/state/url';

describe('config ↔ URL hash', () => {
  it('round-trips a full configuration and the page settings exactly', () => {
    const config: SessionConfig = {
      task: { kind: 'sine', seqLength: 30, noise: 0.1, components: 3 },
      model: { cell: 'rnn', activation: 'relu', hiddenSize: 24 },
      init: { scheme: 'orthogonal', scale: 0.2, recurrentScale: 1.5, forgetBias: 2 },
      optimizer: { kind: 'rmsprop', lr: 0.003 },
      clip: { kind: 'value', threshold: 0.5 },
      truncate: 7,
      truncMode: 'window',
      batch: 4,
      seed: 12345,
    };
    const ui = { speed: 5, views: ['output' as const], autoplay: false, logScale: false };
    const back = fromHash(toHash(config, ui));
    expect(back.notes).toEqual([]);
    expect(back.config).toEqual(config);
    expect(back.ui).toEqual(ui);
  });

  it('round-trips every task kind', () => {
    for (const task of [{ kind: 'echo', lag: 33, symbols: 6 }, { kind: 'adding', seqLength: 120 }, { kind: 'text', seqLength: 16, text: 'hello world, hello rnn' }, { kind: 'series', seqLength: 8, csv: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11' }]) {
      const config = normalizeConfig({ ...defaultConfig(), task }).config;
      expect(fromHash(toHash(config, DEFAULT_UI)).config).toEqual(config);
    }
  });

  it('an empty hash gives the defaults and no notes', () => {
    expect(fromHash('')).toEqual({ config: defaultConfig(), ui: DEFAULT_UI, notes: [] });
    expect(fromHash('#').notes).toEqual([]);
  });

  it('a hostile hash gives a valid config, clamps, defaults, and says what it changed', () => {
    const { config, ui, notes } = fromHash('#task=%3Cscript%3Ealert(1)%3C%2Fscript%3E&hidden=1e99&lr=-5&cell=__proto__&batch=abc&evil=1&speed=NaN&views=%3Cimg%20src%3Dx%3E,curve');
    expect(config.task.kind).toBe('echo');
    expect(config.model.hiddenSize).toBe(128);
    expect(config.optimizer.lr).toBe(1e-5);
    expect(config.model.cell).toBe('lstm');
    expect(config.batch).toBe(16);
    expect(ui.speed).toBe(DEFAULT_UI.speed);
    expect(ui.views).toEqual(['curve']);
    const all = notes.join('\n');
    for (const expected of [/task kind/i, /hidden size 1e\+99 is outside 1…128/, /learning rate -5 is outside/, /Unknown cell "__proto__"/, /batch size was "abc"/, /unknown link setting "evil"/, /speed "NaN"/, /unknown views/]) {
      expect(all).toMatch(expected);
    }
  });

  it('reads the truncation mode (trunc=k chunks by default, truncMode=window per loss) and repairs a hostile one', () => {
    expect(fromHash('#trunc=20').config).toMatchObject({ truncate: 20, truncMode: 'chunk' });
    expect(fromHash('#trunc=20&truncMode=window')).toMatchObject({ config: { truncate: 20, truncMode: 'window' }, notes: [] });
    expect(toHash({ ...defaultConfig(), truncate: 20, truncMode: 'window' }, DEFAULT_UI)).toContain('trunc=20&truncMode=window');
    const { config, notes } = fromHash('#trunc=20&truncMode=%3Cscript%3E');
    expect(config.truncMode).toBe('chunk');
    expect(notes).toEqual(['Unknown truncation mode "<script>"; using chunk.']);
  });

  it('reads rec=off and fgate=tanh, leaves them out at their defaults, and repairs hostile values with a note', () => {
    expect(fromHash('#cell=rnn&rec=off')).toMatchObject({ config: { model: { cell: 'rnn', recurrence: 'off' } }, notes: [] });
    expect(fromHash('#fgate=tanh')).toMatchObject({ config: { model: { cell: 'lstm', forgetGate: 'tanh' } }, notes: [] });
    const config = normalizeConfig({ ...defaultConfig(), model: { cell: 'lstm', activation: 'tanh', hiddenSize: 8, recurrence: 'off', forgetGate: 'tanh' } }).config;
    const hash = toHash(config, DEFAULT_UI);
    expect(hash).toContain('rec=off&fgate=tanh');
    expect(fromHash(hash).config).toEqual(config);
    expect(toHash(defaultConfig(), DEFAULT_UI)).not.toMatch(/rec=|fgate=/);
    const { config: repaired, notes } = fromHash('#rec=%3Cscript%3E&fgate=relu');
    expect(repaired.model).toEqual(defaultConfig().model);
    expect(notes).toEqual(['Unknown recurrence "<script>"; using on.', 'Unknown forget gate "relu"; using sigmoid.']);
  });

  it('leaves long user text out of the link', () => {
    const long = 'abcdefghij '.repeat(Math.ceil((MAX_LINK_TEXT + 10) / 11));
    const config = normalizeConfig({ ...defaultConfig(), task: { kind: 'text', seqLength: 16, text: long } }).config;
    const hash = toHash(config, DEFAULT_UI);
    expect(hash).not.toContain('text=');
    expect(fromHash(hash).config.task).toEqual({ kind: 'text', seqLength: 16 });
  });
});
