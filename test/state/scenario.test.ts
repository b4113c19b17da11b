import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { defaultTaskConfig } from '../../src/engine/tasks/create';
import { TASK_KINDS } from '../../src/engine/tasks/task';
import { Rng } from '../../src/engine/rng';
import {
  CONTROL_IDS,
  DEFAULT_SCENARIO,
  MAX_AT,
  MAX_CAPTION,
  SETTING_IDS,
  cleanCaption,
  isLocked,
  isVisible,
  lockPrecheck,
  parseScenario,
  scenarioParams,
} from '../../src/state/scenario';
import type { ControlId, Scenario } from '../../src/state/scenario';
import { DEFAULT_UI, PATHS, fromHash, toHash } from '../../src/state/url';

const parse = (hash: string) => parseScenario(hash);
const roundTrip = (s: Scenario) => parse(`#${scenarioParams(s).toString()}`);

/** A random scenario as the dialog makes them: ids in CONTROL_IDS order, locked ones visible, a caption of awkward characters. */
function randomScenario(rng: Rng): Scenario {
  const pick = () => CONTROL_IDS.filter(() => rng.next() < 0.4);
  const all = rng.next() < 0.3;
  const controls = all ? null : pick();
  const lock = pick().filter((id) => controls === null || controls.includes(id));
  const alphabet = ['a', ' ', '"', "'", '<', '>', '&', '=', '#', '%', '+', ',', 'é', '😀', '\\', '?', '/'];
  const len = Math.floor(rng.next() * 40);
  const caption = cleanCaption(Array.from({ length: len }, () => alphabet[Math.floor(rng.next() * alphabet.length)]).join(''));
  const at = rng.next() < 0.5 ? null : 1 + Math.floor(rng.next() * 5000);
  return { controls, lock, caption, at };
}

describe('scenario controls', () => {
  it('every run setting a link can carry is a control a scenario can hide or lock (a new link key must join)', () => {
    expect([...SETTING_IDS].sort()).toEqual(Object.keys(PATHS).sort());
  });
});

describe('scenario links', () => {
  it('the default scenario has no keys and shows everything, unlocked', () => {
    expect(scenarioParams(DEFAULT_SCENARIO).toString()).toBe('');
    expect(parse('')).toEqual({ scenario: DEFAULT_SCENARIO, notes: [] });
    expect(parse('#task=echo&lag=40&views=flow')).toEqual({ scenario: DEFAULT_SCENARIO, notes: [] });
    for (const id of CONTROL_IDS) {
      expect(isVisible(DEFAULT_SCENARIO, id)).toBe(true);
      expect(isLocked(DEFAULT_SCENARIO, id)).toBe(false);
    }
  });

  it('reads controls, lock, caption and at', () => {
    const { scenario, notes } = parse('#task=echo&controls=lr,seed,playback&lock=seed&caption=Watch%20the%20loss&at=300');
    expect(notes).toEqual([]);
    expect(scenario).toEqual({ controls: ['lr', 'seed', 'playback'], lock: ['seed'], caption: 'Watch the loss', at: 300 });
    expect(isVisible(scenario, 'lr')).toBe(true);
    expect(isLocked(scenario, 'lr')).toBe(false);
    expect(isLocked(scenario, 'seed')).toBe(true);
    // a hidden control is locked too
    expect(isVisible(scenario, 'cell')).toBe(false);
    expect(isLocked(scenario, 'cell')).toBe(true);
  });

  it('an empty controls= shows nothing (and so locks everything)', () => {
    const { scenario } = parse('#controls=');
    expect(scenario.controls).toEqual([]);
    expect(CONTROL_IDS.every((id) => isLocked(scenario, id))).toBe(true);
    expect(roundTrip(scenario).scenario).toEqual(scenario);
  });

  it('round-trips 500 random scenarios exactly', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 500; i++) {
      const s = randomScenario(rng);
      const back = roundTrip(s);
      expect(back.notes).toEqual([]);
      expect(back.scenario).toEqual(s);
    }
  });

  it('writes ids in one canonical order without repeats', () => {
    const s: Scenario = { controls: ['seed', 'lr', 'seed', 'task'], lock: ['seed', 'seed'], caption: null, at: null };
    expect(scenarioParams(s).toString()).toBe('controls=task%2Clr%2Cseed&lock=seed');
    expect(parse('#controls=seed,lr,seed,,task').scenario.controls).toEqual(['task', 'lr', 'seed']);
  });

  it('a caption with quotes, < and & survives the link unchanged', () => {
    const caption = `Say "hi" & <b>don't</b> <script>alert(1)</script> 100% #1 a+b=c`;
    const back = roundTrip({ ...DEFAULT_SCENARIO, caption });
    expect(back.scenario.caption).toBe(caption);
  });
});

describe('scenario links: hostile input', () => {
  it('ignores unknown ids with a note naming them (cut short)', () => {
    const { scenario, notes } = parse(`#controls=lr,bogus,${'x'.repeat(50)},<script>&lock=nope`);
    expect(scenario.controls).toEqual(['lr']);
    expect(scenario.lock).toEqual([]);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('"bogus"');
    expect(notes[0]).toContain(`"${'x'.repeat(20)}…"`);
    expect(notes[0]).toContain('"<script>"');
    expect(notes[0].length).toBeLessThan(200);
    expect(notes[1]).toContain('"nope"');
  });

  it('caps 10,000-character values, and its notes stay short', () => {
    const long = 'lr,'.repeat(3334);
    const { scenario, notes } = parse(`#controls=${long}&lock=${'a'.repeat(10_000)}&caption=${'c'.repeat(10_000)}&at=${'9'.repeat(10_000)}`);
    expect(scenario.controls).toEqual(['lr']);
    expect(scenario.lock).toEqual([]);
    expect(scenario.caption).toBe('c'.repeat(MAX_CAPTION));
    expect(scenario.at).toBe(MAX_AT);
    expect(notes.length).toBeGreaterThanOrEqual(4);
    for (const n of notes) expect(n.length).toBeLessThan(200);
  });

  it('keeps a <script> caption as the text it is (the page renders it as text)', () => {
    const { scenario } = parse(`#caption=${encodeURIComponent('<script>window.__x=1</script>')}`);
    expect(scenario.caption).toBe('<script>window.__x=1</script>');
  });

  it('makes a caption one line of at most 280 characters, never splitting an emoji', () => {
    expect(parse(`#caption=${encodeURIComponent('a\nb\tc\u0000d')}`).scenario.caption).toBe('a b c d');
    expect(parse('#caption=%20%20').scenario.caption).toBeNull();
    const emoji = parse(`#caption=${encodeURIComponent('😀'.repeat(300))}`);
    expect(Array.from(emoji.scenario.caption!)).toHaveLength(MAX_CAPTION);
    expect(emoji.scenario.caption).toBe('😀'.repeat(MAX_CAPTION));
    expect(emoji.notes).toEqual([`The caption was cut to ${MAX_CAPTION} characters.`]);
    expect(cleanCaption('a\ud800b')).toBe('ab');
  });

  it('uses the first of duplicate keys, and says so', () => {
    const { scenario, notes } = parse('#controls=lr&controls=seed&caption=one&caption=two&at=5&at=9');
    expect(scenario).toEqual({ controls: ['lr'], lock: [], caption: 'one', at: 5 });
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/controls= 2 times/);
  });

  it('reads at= as a whole number of steps from 0 to MAX_AT', () => {
    const at = (v: string) => parse(`#at=${encodeURIComponent(v)}`);
    expect(at('120').scenario.at).toBe(120);
    expect(at('0').scenario.at).toBeNull();
    for (const bad of ['-5', 'NaN', '-Infinity', '', ' ', 'abc', '-1e400', '-0.5e3']) {
      const r = at(bad);
      expect(r.scenario.at, bad).toBeNull();
      expect(r.notes, bad).toHaveLength(1);
    }
    expect(at('12.6').scenario.at).toBe(13);
    expect(at('12.6').notes).toHaveLength(1);
    expect(at('1e9').scenario.at).toBe(MAX_AT);
    expect(at('1e9').notes[0]).toMatch(/too far/);
    expect(at('1e400').scenario.at).toBe(MAX_AT);
    expect(at('Infinity').scenario.at).toBe(MAX_AT);
  });

  it('survives malformed percent-encoding and odd separators', () => {
    for (const h of ['#%', '#controls=%E0%A4%A', '#&&&=&controls', '#caption=%ZZ', '#lock=,,,']) {
      const r = parse(h);
      expect(r.scenario.controls === null || Array.isArray(r.scenario.controls)).toBe(true);
      expect(Array.isArray(r.scenario.lock)).toBe(true);
    }
  });
});

describe('the scenario ids are the link keys of the run plus the page controls', () => {
  it('every setting id is a link key the lab reads, and every key the lab writes is a setting id', () => {
    for (const id of SETTING_IDS) expect(fromHash(`#${id}=1`).notes.join(' ')).not.toMatch(/unknown/);
    const written = new Set<string>();
    for (const kind of TASK_KINDS) {
      const c = { ...defaultConfig(), task: defaultTaskConfig(kind), clip: { kind: 'norm' as const, threshold: 1 } };
      for (const key of new URLSearchParams(toHash(c, DEFAULT_UI).slice(1)).keys()) written.add(key);
    }
    for (const key of ['speed', 'views', 'play', 'log']) written.delete(key);
    for (const key of written) expect(SETTING_IDS as readonly string[]).toContain(key);
  });

  it('the scenario keys are page keys of the lab link, not unknown ones', () => {
    expect(fromHash('#controls=lr&lock=lr&caption=x&at=5').notes).toEqual([]);
  });
});

describe('lockPrecheck', () => {
  const base: SessionConfig = { ...defaultConfig(), task: defaultTaskConfig('echo') };
  const s: Scenario = { controls: ['lr', 'seed', 'task', 'lag'], lock: ['seed'], caption: null, at: null };
  const check = lockPrecheck(s, base);

  it('lets through a change of a visible, unlocked setting', () => {
    expect(check({ ...base, optimizer: { ...base.optimizer, lr: base.optimizer.lr * 2 } })).toBeNull();
    expect(check(base)).toBeNull();
  });

  it('refuses a change to a locked or hidden setting, naming it and the value it keeps', () => {
    const msg = check({ ...base, seed: base.seed + 1 });
    expect(msg).toContain('Seed (seed)');
    expect(msg).toContain(`stays ${base.seed}`);
    const hidden = check({ ...base, model: { ...base.model, hiddenSize: base.model.hiddenSize + 1 } });
    expect(hidden).toContain('Hidden units (hidden)');
  });

  it('names every locked setting a change touches', () => {
    const msg = check({ ...base, seed: base.seed + 1, batch: base.batch + 1 })!;
    expect(msg).toContain('(seed)');
    expect(msg).toContain('(batch)');
  });

  it('then asks the next check: by default, that the task can be built', () => {
    const open = lockPrecheck(DEFAULT_SCENARIO, base);
    expect(open({ ...base, task: { kind: 'series', csv: 'a,b\nc,d', seqLength: 20 } })).toMatch(/./);
    const next = lockPrecheck(DEFAULT_SCENARIO, base, () => 'no');
    expect(next(base)).toBe('no');
  });

  it('refuses a task change that removes a locked task field', () => {
    const lagLocked = lockPrecheck({ ...DEFAULT_SCENARIO, lock: ['lag'] as ControlId[] }, base);
    expect(lagLocked({ ...base, task: defaultTaskConfig('sine') })).toContain('(lag)');
  });
});
