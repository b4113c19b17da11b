/**
 * The host pages of the embed tests, served from an origin of their own (another port than the embed's `vite
 * preview`), as a course site would serve them: test/e2e/hosts/*, and reveal.js's dist files under /reveal/.
 * `{{EMBED}}`, `{{HOST}}` and `{{OTHER}}` in a page or a host script become the embed's origin, this server's and a second server's.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const reveal = fileURLToPath(new URL('../../../node_modules/reveal.js/dist/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface Hosts {
  /** the course site: http://127.0.0.1:<port> */
  host: string;
  /** another site on another port (a sibling frame, a window that is not allowed) */
  other: string;
  close(): Promise<void>;
}

function listen(embed: string, names: { host: string; other: string }): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/reveal/') ? join(reveal, normalize(path.slice('/reveal/'.length))) : join(here, normalize(path));
    if (!file.startsWith(here) && !file.startsWith(reveal)) return void res.writeHead(403).end();
    readFile(file)
      .then((body) => {
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const text = type.startsWith('text/html') || (file.endsWith('.js') && !file.startsWith(reveal)) ? body.toString('utf8').replaceAll('{{EMBED}}', embed).replaceAll('{{HOST}}', names.host).replaceAll('{{OTHER}}', names.other) : body;
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(text);
      })
      .catch(() => res.writeHead(404).end());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** Starts the course site and the other site; both know each other's origin and the embed's. */
export async function startHosts(embed: string): Promise<Hosts> {
  const names = { host: '', other: '' };
  const a = await listen(embed, names);
  const b = await listen(embed, names);
  names.host = a.origin;
  names.other = b.origin;
  const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));
  return { host: a.origin, other: b.origin, close: async () => void (await Promise.all([close(a.server), close(b.server)])) };
}
