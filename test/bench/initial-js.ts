/**
 * The JavaScript a built page loads before it can show anything: its module entry script and every
 * `<link rel="modulepreload">` it lists, in the page's order, each with its raw and gzip bytes (Node's zlib at level
 * 9, as bundlers report). Lazily imported chunks (views, lessons, dialogs, the worker) are not in it; neither is
 * `registerSW.js`, a classic script of a few hundred bytes that registers the service worker.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** The files a page's HTML loads as its first JavaScript: module scripts, then modulepreload links, in order of appearance. */
export function initialScripts(html: string): string[] {
  const files: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
    const url = m[1] === 'script' ? (attr('type') === 'module' ? attr('src') : null) : attr('rel') === 'modulepreload' ? attr('href') : null;
    if (url !== null && !files.includes(url)) files.push(url);
  }
  return files.map((u) => u.replace(/^\.?\//, ''));
}

/** Sizes of one built page's first JavaScript; `dist` ends with a slash. Throws if the page has no module entry. */
export function initialJs(dist: string, page: string): { files: ScriptSize[]; bytes: number; gzip: number } {
  const html = readFileSync(`${dist}${page}`, 'utf8');
  if (!/<script\b[^>]*type="module"/.test(html)) throw new Error(`${page} has no module script: is ${dist} a build of this site?`);
  const files = initialScripts(html).map((file) => {
    const buf = readFileSync(`${dist}${file}`);
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}
