import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppBoundary } from '../app/AppBoundary';
import '../app/styles.css';
import '../views/kit/kit.css';
import './embed.css';
import { readEmbedLink } from './embed-link';
import { EmbedRoot } from './EmbedRoot';
import { createGuest } from './guest';
import { eventTarget } from './origins';

/** Reads the link and starts talking to the host: once at load, and again when the host changes the hash. */
function start() {
  const hash = window.location.hash;
  const link = readEmbedLink(hash);
  const framed = window.parent !== window;
  // the embedding page's origin, where the browser tells it (Chromium, Safari): events then go to it if it is allowed
  const parentOrigin = window.location.ancestorOrigins?.[0] ?? null;
  const route = link.route;
  const guest = createGuest({
    self: window,
    parent: framed ? window.parent : null,
    origins: link.origins,
    targetOrigin: eventTarget(link.origins, parentOrigin),
    ready: { type: 'ready', mode: route.kind, lesson: route.kind === 'lesson' ? route.id : null, step: route.kind === 'lesson' ? route.step + 1 : null },
  });
  return { hash, link, guest };
}

let current = start();
let generation = 0;
const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <AppBoundary>
        <EmbedRoot key={generation} hash={current.hash} link={current.link} guest={current.guest} />
      </AppBoundary>
    </StrictMode>,
  );
// the web component rebuilds the hash when its attributes change: a new embed, from the new link
window.addEventListener('hashchange', () => {
  current.guest.dispose();
  current = start();
  generation++;
  render();
});
render();
