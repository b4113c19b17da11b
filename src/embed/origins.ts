/**
 * The `origins=` allowlist of an embed link: the host pages whose commands the embed obeys. Each entry must be an
 * origin exactly — scheme, host and port, such as `https://course.example.org` — because that is what a message's
 * `event.origin` is compared with. Anything else (a path, a wildcard, `null`, a `file:` URL) is left out with a note.
 */

/** More entries than a course would ever need; a longer list is a mistake or an attack. */
const MAX_ORIGINS = 20;
const MAX_LENGTH = 200;

export function parseOrigins(text: string | null): { origins: string[]; notes: string[] } {
  if (text === null || text.trim() === '') return { origins: [], notes: [] };
  const origins: string[] = [];
  const notes: string[] = [];
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of entries) {
    if (origins.length === MAX_ORIGINS) {
      notes.push(`origins= lists more than ${MAX_ORIGINS} entries; the rest are ignored.`);
      break;
    }
    const origin = asOrigin(entry);
    if (origin === null) notes.push(`origins=: ${JSON.stringify(entry.slice(0, 60))} is not an origin (such as https://course.example.org); it is ignored.`);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, notes };
}

/** `entry` as an origin (lower-case scheme and host, default port dropped), or null if it is anything more or less. */
export function asOrigin(entry: string): string | null {
  if (entry.length > MAX_LENGTH || !/^https?:\/\//i.test(entry)) return null;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  // only scheme://host[:port], optionally with a trailing slash: a path, query, fragment or credentials are not an origin
  if (/[?#@\s]/.test(entry) || url.pathname !== '/' || url.hostname === '') return null;
  return url.origin;
}

/**
 * Where the embed's events go: '*' without an allowlist (they say where training is and how tall the embed is,
 * nothing secret, and a page that only sizes its iframe need not set origins=); with one, the parent's origin when
 * the browser tells it (location.ancestorOrigins, Chromium and Safari) and it is allowed, else the first allowed
 * origin — a parent that is not allowed then hears nothing, as postMessage drops a message for another origin.
 */
export function eventTarget(origins: readonly string[], parentOrigin: string | null): string {
  if (origins.length === 0) return '*';
  return parentOrigin !== null && origins.includes(parentOrigin) ? parentOrigin : origins[0];
}
