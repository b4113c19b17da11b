import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/embedding.md's snippets marked `<!-- tested in <host page> -->` are what test/e2e/embed.spec.ts runs: each
 * snippet's lines, with the docs' example origins put back as the test server's placeholders, appear in that host
 * page in the same order (indentation aside).
 */
// Vitest runs from the repository's root (in jsdom, import.meta.url is not a file URL)
const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
const asHost = (text: string) => text.replaceAll('https://unrolled.example', '{{EMBED}}').replaceAll('https://course.example.org', '{{HOST}}');

const docs = read('docs/embedding.md');
const snippets = [...docs.matchAll(/<!-- tested in (\S+) -->\n```\w*\n([\s\S]*?)```/g)].map((m) => ({ file: m[1], code: m[2] }));

describe('docs/embedding.md', () => {
  it('marks a tested snippet for each kind of host: plain iframe, web component, reveal.js, Markdown/LMS, host script', () => {
    expect(snippets.map((s) => s.file)).toEqual(['test/e2e/hosts/course.html', 'test/e2e/hosts/course.html', 'test/e2e/hosts/deck.html', 'test/e2e/hosts/lms.html', 'test/e2e/hosts/example.html']);
  });

  it.each(snippets.map((s, i) => [i + 1, s.file, s.code] as const))('snippet %i is in %s, line for line', (_i, file, code) => {
    const host = lines(read(file));
    let at = 0;
    for (const line of lines(asHost(code))) {
      const found = host.indexOf(line, at);
      expect(found, `not in ${file} (after line ${at}): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
