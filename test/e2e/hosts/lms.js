// Two LMS hosts in one page, each sizing its own frame the way the real one does (written from their protocols, not
// their code): #h5p-frame by the host side of H5P's iframe resizer (h5p-resizer.js, which Moodle and WordPress load),
// #canvas-frame by Canvas's lti.frameResize, a JSON string.
// The page loads this in its head, as an LMS has its listeners before the content: the embed says H5P's `hello` once,
// when it loads, and Canvas's lti.frameResize only when its height changes; a listener added after the frames can
// miss them.
/* global window, document */
/** what each protocol did, for the test: ['hello', 'prepareResize 812', 'resize 812', 'lti.frameResize 790', …] */
window.lms = [];

window.addEventListener('message', (event) => {
  const h5p = document.getElementById('h5p-frame');
  const canvas = document.getElementById('canvas-frame');
  const data = event.data;
  if (event.source === h5p.contentWindow && typeof data === 'object' && data !== null && data.context === 'h5p') {
    const respond = (action) => event.source.postMessage({ context: 'h5p', action }, event.origin);
    window.lms.push(`${data.action}${data.scrollHeight === undefined ? '' : ` ${data.scrollHeight}`}`);
    if (data.action === 'hello') respond('hello');
    else if (data.action === 'prepareResize' && (h5p.clientHeight !== data.scrollHeight || data.scrollHeight !== data.clientHeight)) {
      h5p.style.height = `${data.clientHeight}px`;
      respond('resizePrepared');
    } else if (data.action === 'resize') h5p.style.height = `${data.scrollHeight}px`;
  }
  if (event.source === canvas.contentWindow && typeof data === 'string') {
    let m;
    try {
      m = JSON.parse(data);
    } catch {
      return;
    }
    if (m.subject === 'lti.frameResize') {
      window.lms.push(`lti.frameResize ${m.height}`);
      canvas.style.height = `${Number(m.height)}px`;
    }
  }
});
