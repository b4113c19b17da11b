/** The longest a committed frame waits when no animation frame comes (ms): a few commits a second. */
const FALLBACK_MS = 250;

/**
 * The embed's frame scheduler for createLab: requestAnimationFrame, with a timer behind it. Chromium runs no
 * animation frames in a cross-origin iframe scrolled off screen, so a lab paused there would never commit the frame
 * that says where it stopped, and the host would not hear it. Whichever comes first commits; the other does nothing.
 */
export function embedRaf(cb: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cb();
  };
  requestAnimationFrame(run);
  setTimeout(run, FALLBACK_MS);
}
