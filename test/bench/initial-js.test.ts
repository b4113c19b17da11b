import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialJs, initialScripts } from './initial-js';

// the head Vite writes for index.html (trimmed): the CSP, the entry, its preloads, a stylesheet, the service worker
const HTML = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<script type="module" crossorigin src="./assets/main-A1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/rolldown-runtime-B2.js">
<link rel="modulepreload" crossorigin href="./assets/kit-C3.js">
<link rel="stylesheet" crossorigin href="./assets/main-D4.css">
<link rel="manifest" href="./manifest.webmanifest">
<script id="vite-plugin-pwa:register-sw" src="./registerSW.js"></script>
</head><body><div id="root"></div></body></html>`;

describe('the first JavaScript of a built page', () => {
  it('is the module entry and its modulepreload links, in order; not the stylesheet, the manifest or registerSW.js', () => {
    expect(initialScripts(HTML)).toEqual(['assets/main-A1.js', 'assets/rolldown-runtime-B2.js', 'assets/kit-C3.js']);
  });

  it('weighs the sum of those files, raw and gzip at level 9', () => {
    const dist = `${mkdtempSync(join(tmpdir(), 'initial-js-'))}/`;
    mkdirSync(`${dist}assets`);
    const body = { 'main-A1': 'console.log(1);'.repeat(50), 'rolldown-runtime-B2': 'export{};', 'kit-C3': 'export const a = [1, 2, 3];'.repeat(200), 'lazy-E5': 'x'.repeat(9999) };
    for (const [name, text] of Object.entries(body)) writeFileSync(`${dist}assets/${name}.js`, text);
    writeFileSync(`${dist}index.html`, HTML);
    const m = initialJs(dist, 'index.html');
    const gz = (t: string) => gzipSync(Buffer.from(t), { level: 9 }).length;
    expect(m.files.map((f) => f.file)).toEqual(['assets/main-A1.js', 'assets/rolldown-runtime-B2.js', 'assets/kit-C3.js']);
    expect(m.bytes).toBe(750 + 9 + 5400);
    expect(m.gzip).toBe(gz(body['main-A1']) + gz(body['rolldown-runtime-B2']) + gz(body['kit-C3']));
    writeFileSync(`${dist}empty.html`, '<html><body>nothing built</body></html>');
    expect(() => initialJs(dist, 'empty.html')).toThrow(/no module script/);
  });
});
