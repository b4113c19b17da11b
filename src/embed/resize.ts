import { message } from './messages';

/**
 * Tells the host page how tall the embed's content is, in each of the protocols hosts already listen for, so an
 * iframe grows to its content instead of showing 150 px and a scroll bar:
 *
 * - ours: `{ ns: 'unrolled', v: 1, type: 'resize', height }` (the web component and our docs' snippets);
 * - Canvas LMS: the JSON string `{"subject":"lti.frameResize","height":…}` (Canvas parses strings, not objects);
 * - H5P's iframe resizer (h5p-resizer.js, which Moodle, WordPress and Drupal sites load): the guest says `hello`;
 *   a host running the resizer answers `hello`; then for each change the guest sends `prepareResize` with
 *   `scrollHeight` and `clientHeight`, the host sets the iframe to `clientHeight` and answers `resizePrepared`
 *   (only if the heights differ), and the guest sends `resize` with the final `scrollHeight`. A host that loads
 *   the resizer late says `ready` (the guest says `hello` again); one whose window resized says `resize`.
 *
 * A height says nothing secret, so it may go to any parent (`targetOrigin` '*' when the embed has no allowlist).
 * Messages go out only when the height changes.
 */
export interface ResizeEmitter {
  /** the content's height in CSS pixels (rounded up); posts only if it changed */
  report(height: number): void;
  /** posts the last height again, in every protocol (a host that started listening late asked for it) */
  repeat(): void;
  /** handles a message from the parent if it belongs to the H5P exchange; true if it did */
  receive(data: unknown): boolean;
}

export function createResizeEmitter(post: (data: unknown, targetOrigin: string) => void, targetOrigin: string): ResizeEmitter {
  let last = -1;
  /** the parent runs H5P's resizer (it answered hello) */
  let h5p = false;
  const h5pSend = (action: string, data: Record<string, number> = {}) => post({ context: 'h5p', action, ...data }, targetOrigin);
  const prepare = () => {
    if (h5p && last >= 0) h5pSend('prepareResize', { scrollHeight: last, clientHeight: last });
  };
  const send = () => {
    post(message({ type: 'resize', height: last }), targetOrigin);
    post(JSON.stringify({ subject: 'lti.frameResize', height: last }), targetOrigin);
    prepare();
  };
  h5pSend('hello');
  return {
    report(height) {
      if (!Number.isFinite(height) || height < 0) return;
      const h = Math.ceil(height);
      if (h === last) return;
      last = h;
      send();
    },
    repeat() {
      if (last >= 0) send();
    },
    receive(data) {
      if (typeof data !== 'object' || data === null || (data as { context?: unknown }).context !== 'h5p') return false;
      const action = (data as { action?: unknown }).action;
      if (action === 'hello') {
        h5p = true;
        prepare();
      } else if (action === 'ready') h5pSend('hello');
      else if (action === 'resizePrepared') {
        if (last >= 0) h5pSend('resize', { scrollHeight: last });
      } else if (action === 'resize') prepare();
      return true;
    },
  };
}
