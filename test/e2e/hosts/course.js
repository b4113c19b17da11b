// The host side of the embed API, as docs/embedding.md shows it: size the iframe, listen to its events, command it.
/* global window, document */
const EMBED = '{{EMBED}}';
const widgetB = document.getElementById('widget-b');
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
for (const type of ['ready', 'step', 'error', 'ack']) {
  widgetB.addEventListener(`unrolled-${type}`, (event) => window.heard.push({ from: 'b', data: event.detail }));
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
