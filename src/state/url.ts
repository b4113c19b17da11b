import { normalizeConfig } from '../engine/config';
import type { SessionConfig } from '../engine/config';
import { VIEW_IDS } from './store';
import type { UiSettings, ViewId } from './store';

/** Speeds offered by the controls (training steps per second; 0 = max). */
export const SPEEDS: readonly number[] = [1, 5, 20, 100, 0];
/** The first page: training curve, output and the three core teaching views; the others are one click away in the picker. */
export const DEFAULT_VIEWS: readonly ViewId[] = ['curve', 'output', 'unroll', 'flow', 'gates'];
export const DEFAULT_UI: UiSettings = { speed: 20, views: [...DEFAULT_VIEWS], autoplay: true, logScale: true };
/** User text or CSV longer than this stays out of links (a URL of megabytes breaks browsers and chats). */
export const MAX_LINK_TEXT = 2000;

/**
 * Link parameter ↔ config path. Short, readable names: a link is something an instructor reads and edits. `csv` is a
 * series as numbers or the name of a bundled one (`csv=co2`, engine/tasks/bundled-series.ts): the name travels, the
 * task loads the values, and an unknown name is replaced, with a note, when the config is normalized.
 */
export const PATHS: Record<string, string[]> = {
  task: ['task', 'kind'], T: ['task', 'seqLength'], lag: ['task', 'lag'], symbols: ['task', 'symbols'],
  noise: ['task', 'noise'], comps: ['task', 'components'], text: ['task', 'text'], csv: ['task', 'csv'], holdout: ['task', 'holdout'], reverse: ['task', 'reverse'],
  cell: ['model', 'cell'], act: ['model', 'activation'], hidden: ['model', 'hiddenSize'],
  rec: ['model', 'recurrence'], fgate: ['model', 'forgetGate'],
  init: ['init', 'scheme'], iscale: ['init', 'scale'], rscale: ['init', 'recurrentScale'], fbias: ['init', 'forgetBias'],
  opt: ['optimizer', 'kind'], lr: ['optimizer', 'lr'],
  clip: ['clip', 'kind'], clipAt: ['clip', 'threshold'],
  trunc: ['truncate'], truncMode: ['truncMode'], batch: ['batch'], seed: ['seed'], kernels: ['kernels'],
};
// 'lab' is the bare lab link (#lab): the route's name, no setting. The others are read by the page around the lab:
// presenter mode (present, speaker), the scenario a link or an embed shows (controls, lock, caption, origins, at),
// and a lesson's or an application's route keys when a lab reads its link (lesson, step, app).
export const UI_KEYS = ['speed', 'views', 'play', 'log', 'lab', 'present', 'speaker', 'controls', 'lock', 'caption', 'origins', 'at', 'lesson', 'step', 'app'];

/** The config and page settings as a URL hash: `#task=echo&lag=20&cell=rnn…` (user text only when short). */
export function toHash(config: SessionConfig, ui: UiSettings): string {
  const p = new URLSearchParams();
  for (const [key, path] of Object.entries(PATHS)) {
    let v: unknown = config;
    for (const k of path) v = v === undefined ? undefined : (v as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (typeof v === 'string' && (key === 'text' || key === 'csv') && v.length > MAX_LINK_TEXT) continue;
    p.set(key, String(v));
  }
  p.set('speed', String(ui.speed));
  p.set('views', ui.views.join(','));
  if (!ui.autoplay) p.set('play', '0');
  if (!ui.logScale) p.set('log', '0');
  return `#${p.toString()}`;
}

/**
 * Reads a hash (anything: it comes from a link) into a valid config and page settings. Unknown keys
 * are ignored, out-of-range values clamped, garbage replaced by defaults; `notes` says what changed.
 */
export function fromHash(hash: string): { config: SessionConfig; ui: UiSettings; notes: string[] } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { config: normalizeConfig(undefined).config, ui: { ...DEFAULT_UI }, notes: [] };
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(text);
  } catch {
    return { config: normalizeConfig(undefined).config, ui: { ...DEFAULT_UI }, notes: ['The link could not be read; using the defaults.'] };
  }
  const notes: string[] = [];
  const raw: Record<string, Record<string, unknown> | unknown> = {};
  for (const [key, value] of p) {
    const path = PATHS[key];
    if (!path) {
      if (!UI_KEYS.includes(key)) notes.push(`Ignored the unknown link setting ${JSON.stringify(key.slice(0, 30))}.`);
      continue;
    }
    if (path.length === 1) raw[path[0]] = value;
    else raw[path[0]] = { ...((raw[path[0]] as Record<string, unknown>) ?? {}), [path[1]]: value };
  }
  // Only a task kind decides which task fields apply; without one, the link's task fields refine the default task.
  if (raw.task && (raw.task as Record<string, unknown>).kind === undefined) (raw.task as Record<string, unknown>).kind = 'echo';
  const { config, notes: cfgNotes } = normalizeConfig(raw);
  notes.push(...cfgNotes);
  const ui = { ...DEFAULT_UI };
  const speed = p.get('speed');
  if (speed !== null) {
    const v = Number(speed);
    if (speed.trim() !== '' && Number.isFinite(v) && v >= 0) ui.speed = Math.min(v, 100000);
    else notes.push(`speed ${JSON.stringify(speed.slice(0, 20))} is not a number of steps per second; using full speed.`);
  }
  const views = p.get('views');
  if (views !== null) {
    const wanted = views.split(',').filter((v) => v !== '');
    const known = wanted.filter((v): v is ViewId => (VIEW_IDS as readonly string[]).includes(v));
    if (known.length < wanted.length) notes.push(`Ignored unknown views: ${wanted.filter((v) => !known.includes(v as ViewId)).map((v) => JSON.stringify(v.slice(0, 20))).join(', ')}.`);
    ui.views = known.length > 0 ? known : [...DEFAULT_VIEWS];
  }
  ui.autoplay = p.get('play') !== '0';
  ui.logScale = p.get('log') !== '0';
  return { config, ui, notes };
}
