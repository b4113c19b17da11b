/**
 * Which page a URL hash opens. The empty hash is the course home; `#lessons` the lesson index; `#lesson=<id>`
 * (and `&step=<n>`, 1-based) a lesson; `#lab` the lab with its defaults; any other hash is a lab link, as links
 * were before the course existed (`#task=echo&lag=40…`), and opens the lab exactly as it did. Any of these with
 * `speaker=<id>` added is the speaker window of presentation <id> (src/present/SpeakerWindow.tsx). `#apps` is the
 * gallery of applications ("What RNNs are for"), `#app=<id>` one of them (src/apps/registry.ts).
 */
export type Route =
  | { page: 'home' }
  | { page: 'lessons' }
  | { page: 'lesson'; id: string; step: number }
  | { page: 'lab' }
  | { page: 'speaker'; id: string }
  | { page: 'apps' }
  | { page: 'app'; id: string };

export function parseRoute(hash: string): Route {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { page: 'home' };
  if (text === 'lessons') return { page: 'lessons' };
  if (text === 'apps') return { page: 'apps' };
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(text);
  } catch {
    return { page: 'lab' };
  }
  const speaker = p.get('speaker');
  // the id is checked by the speaker window, which can say what is wrong with it
  if (speaker !== null) return { page: 'speaker', id: speaker.slice(0, 40) };
  const id = p.get('lesson');
  if (id !== null) {
    const n = Number(p.get('step') ?? '1');
    // a step outside the lesson is clamped by the lesson page, which knows how many steps there are
    return { page: 'lesson', id: id.slice(0, 40), step: Number.isInteger(n) && n >= 1 ? n - 1 : 0 };
  }
  // the id is checked by the application page, which lists the ones there are
  const app = p.get('app');
  if (app !== null) return { page: 'app', id: app.slice(0, 40) };
  return { page: 'lab' };
}

/** The hash of a lesson step (step 0-based; the link says it 1-based), in presenter mode if `present`. */
export function lessonHash(id: string, step: number, present = false): string {
  return `#lesson=${encodeURIComponent(id)}&step=${step + 1}${present ? '&present=1' : ''}`;
}
