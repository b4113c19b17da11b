/**
 * KaTeX typesetting for the formulas view: HTML (for the eye) plus MathML (for screen readers and export),
 * with \htmlData allowed so symbols carry their highlight names. Results are cached by TeX string: the
 * symbolic formulas never change within a run and the numeric ones repeat whenever training is paused.
 */
import katex from 'katex';
import type { KatexOptions } from 'katex';

const OPTIONS: KatexOptions = {
  throwOnError: false,
  output: 'htmlAndMathml',
  // only \htmlData is trusted: it adds data-* attributes, nothing that runs or loads
  trust: (ctx) => ctx.command === '\\htmlData',
  // the HTML extension is the point here; anything else non-strict is worth a console warning
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
};

const CACHE_SIZE = 256;
const cache = new Map<string, string>();

/**
 * The HTML KaTeX makes of `tex`, from the cache when typeset before. Display mode centres nothing here but
 * keeps big operators; inline mode lets a long one-line formula wrap after its = and + signs on a phone.
 */
export function renderTex(tex: string, display = true): string {
  const key = display ? tex : `inline:${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // refresh its place: the map's iteration order is the eviction order
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = katex.renderToString(tex, { ...OPTIONS, displayMode: display });
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}
