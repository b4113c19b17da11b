/**
 * The embed's postMessage API, version 1: what a host page may send (commands) and what the embed sends back
 * (events). Every message is `{ ns: 'unrolled', v: 1, type, … }`. Messages come from another site, so each one is
 * checked here field by field before anything acts on it; a bad one gives a reason, never a throw.
 * This file imports nothing: the host-side web component (element.ts) uses its types only.
 */

export const NS = 'unrolled';
export const VERSION = 1;

/** A command's optional `id`, echoed on its `ack` so a host can tell which command was answered. */
export type CommandId = string | number;

/** A setting's value as a host sends it: the link's value (`lag: 40`, `cell: 'lstm'`, `views: 'flow,gates'`). */
export type SettingValue = string | number | boolean;

export type Command =
  /** says again what a host listening late missed: `ready`, the height (`resize`) and where training is (`step`) */
  | { type: 'hello'; id?: CommandId }
  | { type: 'play' | 'pause' | 'step' | 'reset'; id?: CommandId }
  /** link keys → values; applied as a link would be (checked and clamped), locked keys refused */
  | { type: 'set'; config: Record<string, SettingValue>; id?: CommandId }
  /** a lesson step, 1-based as in a link */
  | { type: 'goTo'; lesson: string; step: number; id?: CommandId }
  | { type: 'trainTo'; step: number; id?: CommandId };

export type CommandType = Command['type'];
export const COMMAND_TYPES: readonly CommandType[] = ['hello', 'play', 'pause', 'step', 'reset', 'set', 'goTo', 'trainTo'];

/** What the embed tells its host. */
export type EmbedEvent =
  /** the embed listens: commands are accepted from now on (those sent before its lab starts wait for it) */
  | { type: 'ready'; mode: 'lab' | 'lesson'; lesson: string | null; step: number | null }
  /** where training is: at most a few a second while playing, and once when it stops */
  | { type: 'step'; step: number; loss: number | null; metric: { name: string; value: number } | null; playing: boolean }
  | { type: 'resize'; height: number }
  | { type: 'error'; message: string; id?: CommandId }
  /** a command with an `id` was carried out (ok) or refused (message says why) */
  | { type: 'ack'; id: CommandId; command: CommandType; ok: boolean; message?: string };

export type Message<T> = T & { ns: typeof NS; v: typeof VERSION };

/** The parser's verdict: a command; a message of another protocol (not ours: ignore quietly); or ours but broken. */
export type Parsed = { kind: 'command'; command: Command } | { kind: 'foreign' } | { kind: 'invalid'; reason: string };

/** Longest string field accepted; a setting's value may be user text or CSV (the link's own limit, url.ts MAX_LINK_TEXT). */
const MAX_STRING = 2000;
const MAX_ID = 64;
const MAX_KEY = 24;
const MAX_SETTINGS = 40;
/** Longest message read as a JSON string (some hosts can only post strings); anything longer is not ours. */
const MAX_JSON = 64 * 1024;
/** The largest step a host may ask for: the lab counts steps in doubles, and nobody trains 10⁹ steps in a browser. */
export const MAX_STEP = 1e9;

/** A value as it may be quoted in a reason: short, printable. */
function quote(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own field only: `__proto__`, `constructor` and the like inherited from Object.prototype never count. */
const field = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** A JSON string posted by a host that can only send strings; null if it is not one of ours. */
function fromJson(data: string): unknown {
  if (data.length > MAX_JSON || !data.startsWith('{') || !data.includes(NS)) return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

function parseId(o: Record<string, unknown>): { id?: CommandId } | string {
  const id = field(o, 'id');
  if (id === undefined) return {};
  if (typeof id === 'string' && id.length <= MAX_ID) return { id };
  if (typeof id === 'number' && Number.isFinite(id)) return { id };
  return `id must be a string of at most ${MAX_ID} characters or a finite number, not ${quote(id)}`;
}

/** A whole number of steps in [lo, MAX_STEP]. */
function parseStep(v: unknown, name: string, lo: number): number | string {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > MAX_STEP) return `${name} must be a whole number from ${lo} to ${MAX_STEP}, not ${quote(v)}`;
  return v;
}

function parseSettings(v: unknown): Record<string, SettingValue> | string {
  if (!isRecord(v)) return `config must be an object of link settings, not ${quote(v)}`;
  const keys = Object.keys(v);
  if (keys.length === 0) return 'config is empty';
  if (keys.length > MAX_SETTINGS) return `config has ${keys.length} settings; at most ${MAX_SETTINGS}`;
  // a null prototype: a key named __proto__ stays a plain key
  const out: Record<string, SettingValue> = Object.create(null) as Record<string, SettingValue>;
  for (const k of keys) {
    if (k.length > MAX_KEY || !/^[A-Za-z][A-Za-z0-9]*$/.test(k)) return `config has a key that is not a link setting: ${quote(k)}`;
    const x = v[k];
    if (typeof x === 'string' && x.length <= MAX_STRING) out[k] = x;
    else if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
    else if (typeof x === 'boolean') out[k] = x;
    else return `config.${k} must be a finite number, a boolean or a string of at most ${MAX_STRING} characters, not ${quote(x)}`;
  }
  return out;
}

/**
 * Reads a message from a host. Messages of other protocols (H5P's, reveal.js's, an LMS's) are `foreign`;
 * one that names our namespace but breaks the protocol is `invalid`, with the reason.
 */
export function parseCommand(data: unknown): Parsed {
  const raw = typeof data === 'string' ? fromJson(data) : data;
  if (!isRecord(raw) || field(raw, 'ns') !== NS) return { kind: 'foreign' };
  const v = field(raw, 'v');
  if (v !== VERSION) return { kind: 'invalid', reason: `version ${quote(v)} is not spoken here; this embed speaks v: ${VERSION}` };
  const type = field(raw, 'type');
  if (typeof type !== 'string' || !(COMMAND_TYPES as readonly string[]).includes(type)) {
    return { kind: 'invalid', reason: `unknown command ${quote(type)}; known: ${COMMAND_TYPES.join(', ')}` };
  }
  const id = parseId(raw);
  if (typeof id === 'string') return { kind: 'invalid', reason: id };
  const bad = (reason: string): Parsed => ({ kind: 'invalid', reason: `${type}: ${reason}` });
  switch (type as CommandType) {
    case 'hello':
      return { kind: 'command', command: { type: 'hello', ...id } };
    case 'play':
    case 'pause':
    case 'step':
    case 'reset':
      return { kind: 'command', command: { type: type as 'play', ...id } };
    case 'set': {
      const config = parseSettings(field(raw, 'config'));
      return typeof config === 'string' ? bad(config) : { kind: 'command', command: { type: 'set', config, ...id } };
    }
    case 'goTo': {
      const lesson = field(raw, 'lesson');
      if (typeof lesson !== 'string' || lesson.length === 0 || lesson.length > 40) return bad(`lesson must be a lesson id (a short string), not ${quote(lesson)}`);
      const rawStep = field(raw, 'step');
      const step = parseStep(rawStep === undefined ? 1 : rawStep, 'step', 1);
      return typeof step === 'string' ? bad(step) : { kind: 'command', command: { type: 'goTo', lesson, step, ...id } };
    }
    case 'trainTo': {
      const step = parseStep(field(raw, 'step'), 'step', 0);
      return typeof step === 'string' ? bad(step) : { kind: 'command', command: { type: 'trainTo', step, ...id } };
    }
  }
}

/** An event as posted: namespaced and versioned. */
export function message<T extends EmbedEvent>(event: T): Message<T> {
  return { ns: NS, v: VERSION, ...event };
}
