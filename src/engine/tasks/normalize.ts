/**
 * Repairing task configurations that come from outside (URL parameters, saved sessions, embed props) before they
 * are built, and each kind's defaults. Pure data work: the page normalizes every link with it, so it imports no
 * task class (create.ts builds tasks).
 */
import { BUNDLED_SERIES_NAMES, bundledSeries, looksLikeSeriesName } from './bundled-series';
import { normalizeLineEndings } from './check';
import { MAX_TEXT_CHARS, TASK_LIMITS, describe, type ParamLimit } from './limits';
import { TASK_KINDS, type TaskConfig, type TaskKind } from './task';

/** The task kind used when a configuration names none or an unknown one. */
export const DEFAULT_TASK_KIND: TaskKind = 'text';

/** The default configuration of a task kind (the series kind starts with an empty CSV). */
export function defaultTaskConfig(kind: TaskKind): TaskConfig {
  const d = (l: ParamLimit): number => l.default;
  switch (kind) {
    case 'text':
      return { kind, seqLength: d(TASK_LIMITS.text.seqLength) };
    case 'sine':
      return { kind, seqLength: d(TASK_LIMITS.sine.seqLength), noise: d(TASK_LIMITS.sine.noise), components: d(TASK_LIMITS.sine.components) };
    case 'echo':
      return { kind, lag: d(TASK_LIMITS.echo.lag), symbols: d(TASK_LIMITS.echo.symbols) };
    case 'adding':
      return { kind, seqLength: d(TASK_LIMITS.adding.seqLength) };
    case 'series':
      return { kind, csv: '', seqLength: d(TASK_LIMITS.series.seqLength) };
    case 'translate':
      return { kind, reverse: false };
    case 'caption':
      return { kind };
  }
}

/** A numeric field repaired: missing → default (silently), garbage → default, out of range → clamped, fraction → rounded. */
export function repairNumber(raw: unknown, limit: ParamLimit, name: string, notes: string[]): number {
  if (raw === undefined) return limit.default;
  // numbers from a URL arrive as strings: accept "12" but not "12abc"
  const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    notes.push(`${name} was ${describe(raw)}, not a number; using the default ${limit.default}.`);
    return limit.default;
  }
  let x = v;
  if (limit.integer && !Number.isInteger(x)) {
    x = Math.round(x);
    notes.push(`${name} must be a whole number; rounded ${v} to ${x}.`);
  }
  if (x < limit.min || x > limit.max) {
    const c = Math.min(limit.max, Math.max(limit.min, x));
    notes.push(`${name} ${x} is outside ${limit.min}…${limit.max}; using ${c}.`);
    x = c;
  }
  return x;
}

/** A user text repaired: line endings normalised, cut to MAX_TEXT_CHARS characters. Emptiness is left for createTask to report. */
function repairText(raw: unknown, notes: string[]): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') {
    notes.push(`text was ${describe(raw)}, not text; using the bundled Alice passage.`);
    return undefined;
  }
  const text = normalizeLineEndings(raw);
  const chars = Array.from(text);
  if (chars.length > MAX_TEXT_CHARS) {
    notes.push(`The text had ${chars.length.toLocaleString('en-US')} characters; kept the first ${MAX_TEXT_CHARS.toLocaleString('en-US')}.`);
    return chars.slice(0, MAX_TEXT_CHARS).join('');
  }
  return text;
}

const KNOWN_FIELDS: Readonly<Record<TaskKind, readonly string[]>> = {
  text: ['kind', 'seqLength', 'text'],
  sine: ['kind', 'seqLength', 'noise', 'components'],
  echo: ['kind', 'lag', 'symbols'],
  adding: ['kind', 'seqLength'],
  series: ['kind', 'csv', 'seqLength', 'holdout'],
  translate: ['kind', 'reverse'],
  caption: ['kind'],
};

/** A yes/no field from JSON or a link: true, false, "true", "false", "1", "0"; anything else is the default, with a note. */
function repairFlag(raw: unknown, def: boolean, name: string, notes: string[]): boolean {
  if (raw === undefined) return def;
  if (raw === true || raw === 'true' || raw === '1' || raw === 1) return true;
  if (raw === false || raw === 'false' || raw === '0' || raw === 0) return false;
  notes.push(`${name} was ${describe(raw)}, not true or false; using ${String(def)}.`);
  return def;
}

/**
 * A configuration createTask accepts, made from anything: numbers clamped into TASK_LIMITS, garbage
 * replaced by defaults, unknown fields dropped; `notes` says in one sentence each what was changed.
 * What cannot be repaired here (an empty text, a bad CSV) is kept and reported by createTask.
 */
export function normalizeTaskConfig(raw: unknown): { config: TaskConfig; notes: string[] } {
  const notes: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    notes.push(`The task configuration was ${describe(raw)}, not an object; using the default ${DEFAULT_TASK_KIND} task.`);
    return { config: defaultTaskConfig(DEFAULT_TASK_KIND), notes };
  }
  const r = raw as Record<string, unknown>;
  let kind: TaskKind = DEFAULT_TASK_KIND;
  if ((TASK_KINDS as readonly unknown[]).includes(r.kind)) kind = r.kind as TaskKind;
  else notes.push(r.kind === undefined ? `No task kind was given; using ${DEFAULT_TASK_KIND}.` : `Unknown task kind ${describe(r.kind)}; using ${DEFAULT_TASK_KIND}.`);
  for (const key of Object.keys(r)) {
    if (!KNOWN_FIELDS[kind].includes(key)) notes.push(`Ignored the field ${JSON.stringify(key)}, which the ${kind} task does not use.`);
  }
  let config: TaskConfig;
  switch (kind) {
    case 'text': {
      const text = repairText(r.text, notes);
      const seqLength = repairNumber(r.seqLength, TASK_LIMITS.text.seqLength, 'seqLength', notes);
      config = text === undefined ? { kind, seqLength } : { kind, seqLength, text };
      break;
    }
    case 'sine': {
      const L = TASK_LIMITS.sine;
      config = { kind, seqLength: repairNumber(r.seqLength, L.seqLength, 'seqLength', notes), noise: repairNumber(r.noise, L.noise, 'noise', notes), components: repairNumber(r.components, L.components, 'components', notes) };
      break;
    }
    case 'echo':
      config = { kind, lag: repairNumber(r.lag, TASK_LIMITS.echo.lag, 'lag', notes), symbols: repairNumber(r.symbols, TASK_LIMITS.echo.symbols, 'symbols', notes) };
      break;
    case 'adding':
      config = { kind, seqLength: repairNumber(r.seqLength, TASK_LIMITS.adding.seqLength, 'seqLength', notes) };
      break;
    case 'series': {
      let csv = '';
      if (typeof r.csv === 'string') csv = r.csv;
      else if (r.csv !== undefined) notes.push(`csv was ${describe(r.csv)}, not text; using an empty series.`);
      // one word names a bundled series (bundled-series.ts): an unknown one, which as a CSV would be a header with no
      // values, is replaced by the first bundled series, so the link still opens a run
      if (csv !== '' && !bundledSeries(csv) && looksLikeSeriesName(csv)) {
        notes.push(`csv ${describe(csv)} names no bundled series (there is ${BUNDLED_SERIES_NAMES.join(', ')}); using ${BUNDLED_SERIES_NAMES[0]}.`);
        csv = BUNDLED_SERIES_NAMES[0];
      }
      const seqLength = repairNumber(r.seqLength, TASK_LIMITS.series.seqLength, 'seqLength', notes);
      // absent and 0 are the same run: 0 is left out, so a config without a held-out tail reads as it always did
      const holdout = r.holdout === undefined ? 0 : repairNumber(r.holdout, TASK_LIMITS.series.holdout, 'holdout', notes);
      config = holdout > 0 ? { kind, csv, seqLength, holdout } : { kind, csv, seqLength };
      break;
    }
    case 'translate':
      config = { kind, reverse: repairFlag(r.reverse, false, 'reverse', notes) };
      break;
    case 'caption':
      config = { kind };
      break;
  }
  return { config, notes };
}
