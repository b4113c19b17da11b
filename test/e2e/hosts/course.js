// The host side of the embed API, as docs/embedding.md shows it: size the iframe, listen to its events, command it.
// The page loads this in its head, so it listens before any embed has loaded: an embed says `ready` once and reports
// its height only when it changes, so a listener added after the frames (a script at the end of the body, fetched
// while the frames load) can miss both (seen on a loaded machine: frame A never sized, its `ready` never heard).
/* global window, document */
const EMBED = '{{EMBED}}';
/** every event the page heard: { from: 'a' | 'b' | 'c', data } */
window.heard = [];

window.addEventListener('message', (event) => {
  const from = ['frame-a', 'frame-c'].find((id) => document.getElementById(id).contentWindow === event.source);
  if (!from || event.origin !== EMBED) return;
  const data = event.data;
  if (typeof data !== 'object' || data === null || data.ns !== 'unrolled' || data.v !== 1) return;
  if (data.type === 'resize') document.getElementById(from).style.height = `${data.height}px`;
  window.heard.push({ from: from === 'frame-a' ? 'a' : 'c', data });
});
// the component's events bubble out of it (composed): heard on the window, before the element is parsed
for (const type of ['ready', 'step', 'error', 'ack']) {
  window.addEventListener(`unrolled-${type}`, (event) => {
    if (event.target?.id === 'widget-b') window.heard.push({ from: 'b', data: event.detail });
  });
}

/** a command to an iframe embed, at its origin */
window.command = (id, data) => document.getElementById(id).contentWindow.postMessage({ ns: 'unrolled', v: 1, ...data }, EMBED);
/** anything at all, as a hostile or careless page would post it */
window.raw = (id, data) => document.getElementById(id).contentWindow.postMessage(data, EMBED);

let keys = 0;
window.addEventListener('keydown', () => {
  keys++;
  document.getElementById('keys').textContent = String(keys);
});
