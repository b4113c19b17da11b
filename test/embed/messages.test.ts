import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, MAX_STEP, message, parseCommand } from '../../src/embed/messages';

const ours = (m: Record<string, unknown>) => ({ ns: 'unrolled', v: 1, ...m });
const invalid = (data: unknown) => {
  const p = parseCommand(data);
  if (p.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(p)}`);
  return p.reason;
};

describe('parseCommand: every command', () => {
  it('reads play, pause, step and reset, with and without an id', () => {
    for (const type of ['play', 'pause', 'step', 'reset']) {
      expect(parseCommand(ours({ type }))).toEqual({ kind: 'command', command: { type } });
      expect(parseCommand(ours({ type, id: 'a1' }))).toEqual({ kind: 'command', command: { type, id: 'a1' } });
      expect(parseCommand(ours({ type, id: 7 }))).toEqual({ kind: 'command', command: { type, id: 7 } });
    }
  });

  it('reads set with link settings of each value type', () => {
    const p = parseCommand(ours({ type: 'set', config: { lag: 40, cell: 'lstm', rec: false } }));
    expect(p.kind).toBe('command');
    if (p.kind !== 'command' || p.command.type !== 'set') return;
    expect({ ...p.command.config }).toEqual({ lag: 40, cell: 'lstm', rec: false });
  });

  it('reads goTo (step 1-based, 1 when left out) and trainTo', () => {
    expect(parseCommand(ours({ type: 'goTo', lesson: 'vanishing', step: 3 }))).toEqual({ kind: 'command', command: { type: 'goTo', lesson: 'vanishing', step: 3 } });
    expect(parseCommand(ours({ type: 'goTo', lesson: 'vanishing' }))).toEqual({ kind: 'command', command: { type: 'goTo', lesson: 'vanishing', step: 1 } });
    expect(parseCommand(ours({ type: 'trainTo', step: 0 }))).toEqual({ kind: 'command', command: { type: 'trainTo', step: 0 } });
    expect(parseCommand(ours({ type: 'trainTo', step: 500, id: 'x' }))).toEqual({ kind: 'command', command: { type: 'trainTo', step: 500, id: 'x' } });
  });

  it('reads a command posted as a JSON string', () => {
    expect(parseCommand(JSON.stringify(ours({ type: 'pause' })))).toEqual({ kind: 'command', command: { type: 'pause' } });
  });

  it('reads hello, with or without an id', () => {
    expect(parseCommand(ours({ type: 'hello' }))).toEqual({ kind: 'command', command: { type: 'hello' } });
    expect(parseCommand(ours({ type: 'hello', id: 7 }))).toEqual({ kind: 'command', command: { type: 'hello', id: 7 } });
  });

  it('knows exactly the eight commands', () => {
    expect([...COMMAND_TYPES].sort()).toEqual(['goTo', 'hello', 'pause', 'play', 'reset', 'set', 'step', 'trainTo']);
  });
});

describe('parseCommand: hostile and foreign input', () => {
  it('leaves messages of other protocols alone (foreign, not invalid)', () => {
    for (const data of [null, undefined, 0, NaN, 'slide:stop', '{"method":"next"}', [], [1, 2], { context: 'h5p', action: 'hello' }, { ns: 'other', v: 1, type: 'play' }, { subject: 'lti.frameResize', height: 3 }, 'x'.repeat(1e6)]) {
      expect(parseCommand(data)).toEqual({ kind: 'foreign' });
    }
  });

  it('refuses our namespace with another version', () => {
    expect(invalid({ ns: 'unrolled', v: 2, type: 'play' })).toMatch(/version 2 .*v: 1/);
    expect(invalid({ ns: 'unrolled', type: 'play' })).toMatch(/version undefined/);
    expect(invalid({ ns: 'unrolled', v: '1', type: 'play' })).toMatch(/version "1"/);
  });

  it('refuses unknown, missing and huge types, quoting them short', () => {
    expect(invalid(ours({ type: 'explode' }))).toMatch(/unknown command "explode"/);
    expect(invalid(ours({}))).toMatch(/unknown command undefined/);
    const reason = invalid(ours({ type: 'p'.repeat(5_000_000) }));
    expect(reason.length).toBeLessThan(200);
    expect(invalid(ours({ type: 'toString' }))).toMatch(/unknown command/);
    expect(invalid(ours({ type: '__proto__' }))).toMatch(/unknown command/);
  });

  it('never reads inherited fields: a prototype carrying ns, v or type is not a message', () => {
    const proto = { ns: 'unrolled', v: 1, type: 'play' };
    expect(parseCommand(Object.create(proto))).toEqual({ kind: 'foreign' });
    const withOwnNs = Object.assign(Object.create({ v: 1, type: 'play' }), { ns: 'unrolled' });
    expect(parseCommand(withOwnNs).kind).toBe('invalid');
  });

  it('keeps a __proto__ key of set.config a plain key, never a prototype', () => {
    const data = JSON.parse('{"ns":"unrolled","v":1,"type":"set","config":{"__proto__":{"lag":1}}}');
    expect(invalid(data)).toMatch(/not a link setting: "__proto__"/);
    const data2 = JSON.parse('{"ns":"unrolled","v":1,"type":"set","config":{"lag":3,"constructor":"x"}}');
    const p = parseCommand(data2);
    if (p.kind !== 'command' || p.command.type !== 'set') throw new Error('expected set');
    expect(Object.getPrototypeOf(p.command.config)).toBe(null);
    expect(Object.keys(p.command.config)).toEqual(['lag', 'constructor']);
  });

  it('refuses non-finite and out-of-range numbers', () => {
    for (const step of [NaN, Infinity, -Infinity, -1, 1.5, MAX_STEP + 1, '10', null]) expect(invalid(ours({ type: 'trainTo', step }))).toMatch(/^trainTo: step must be a whole number/);
    for (const step of [0, -3, NaN, Infinity]) expect(invalid(ours({ type: 'goTo', lesson: 'bptt', step }))).toMatch(/^goTo: step must be/);
    expect(invalid(ours({ type: 'set', config: { lr: NaN } }))).toMatch(/config\.lr must be a finite number/);
    expect(invalid(ours({ type: 'set', config: { lr: Infinity } }))).toMatch(/config\.lr/);
    expect(invalid(ours({ type: 'play', id: NaN }))).toMatch(/id must be/);
  });

  it('refuses huge strings, bad keys, nested values and empty or oversized configs', () => {
    expect(invalid(ours({ type: 'set', config: { text: 'a'.repeat(2001) } }))).toMatch(/at most 2000 characters/);
    expect(invalid(ours({ type: 'set', config: { 'lag;drop': 1 } }))).toMatch(/not a link setting/);
    expect(invalid(ours({ type: 'set', config: { ['k'.repeat(100)]: 1 } }))).toMatch(/not a link setting/);
    expect(invalid(ours({ type: 'set', config: { lag: { $gt: 1 } } }))).toMatch(/config\.lag must be/);
    expect(invalid(ours({ type: 'set', config: { lag: [1] } }))).toMatch(/an array/);
    expect(invalid(ours({ type: 'set', config: {} }))).toMatch(/config is empty/);
    expect(invalid(ours({ type: 'set', config: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`k${i}`, 1])) }))).toMatch(/at most 40/);
    expect(invalid(ours({ type: 'set', config: 'lag=40' }))).toMatch(/config must be an object/);
    expect(invalid(ours({ type: 'set' }))).toMatch(/config must be an object/);
    expect(invalid(ours({ type: 'goTo', lesson: 'l'.repeat(41) }))).toMatch(/lesson must be/);
    expect(invalid(ours({ type: 'goTo', lesson: 3 }))).toMatch(/lesson must be/);
    expect(invalid(ours({ type: 'play', id: 'i'.repeat(65) }))).toMatch(/id must be/);
    expect(invalid(ours({ type: 'play', id: { a: 1 } }))).toMatch(/id must be/);
  });

  it('reads a broken or oversized JSON string as not ours', () => {
    expect(parseCommand('{"ns":"unrolled",')).toEqual({ kind: 'foreign' });
    expect(parseCommand(`{"ns":"unrolled","v":1,"type":"play","pad":"${'x'.repeat(70_000)}"}`)).toEqual({ kind: 'foreign' });
  });
});

describe('message', () => {
  it('namespaces and versions an event', () => {
    expect(message({ type: 'resize', height: 300 })).toEqual({ ns: 'unrolled', v: 1, type: 'resize', height: 300 });
  });
});
