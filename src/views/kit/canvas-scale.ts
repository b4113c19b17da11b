/**
 * How many backing-store pixels a canvas needs per CSS pixel of its own: the screen's devicePixelRatio times the CSS
 * zoom of its ancestors (presenter mode enlarges each panel with `zoom`, src/present/presenter.css). Drawn at the
 * screen's ratio alone, a zoomed canvas would be stretched and blurred on a projector; drawn at both, its pixels are
 * the screen's.
 */
import { useSyncExternalStore } from 'react';
import { zoomOf } from './pointer';

/** Beyond this the backing store grows without a visible gain (and a large canvas costs memory on a phone). */
const MAX_SCALE = 4;

export function backingScale(canvas: Element): number {
  const dpr = typeof devicePixelRatio === 'number' && Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  return Math.min(MAX_SCALE, dpr * zoomOf(canvas));
}

/** Paint effects waiting for a change of scale, and the version they read; one set of listeners serves every canvas. */
const listeners = new Set<() => void>();
let version = 0;
let stop: (() => void) | null = null;

/** Listens to the page while any canvas does: the root's `data-present`, window resizes, the screen's pixel ratio. */
function listen(): () => void {
  const bump = () => {
    version++;
    for (const l of listeners) l();
  };
  const observer = typeof MutationObserver === 'function' ? new MutationObserver(bump) : null;
  observer?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-present'] });
  window.addEventListener('resize', bump);
  // a media query for the current ratio stops matching when the ratio changes; then watch the new one
  let query: MediaQueryList | null = null;
  const onRatio = () => {
    watchRatio();
    bump();
  };
  const watchRatio = () => {
    query?.removeEventListener('change', onRatio);
    query = typeof window.matchMedia === 'function' ? window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`) : null;
    query?.addEventListener('change', onRatio);
  };
  watchRatio();
  return () => {
    observer?.disconnect();
    window.removeEventListener('resize', bump);
    query?.removeEventListener('change', onRatio);
  };
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  listeners.add(onChange);
  stop ??= listen();
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      stop?.();
      stop = null;
    }
  };
}

/**
 * A number that changes whenever a canvas's backing scale may have: presenter mode switched (the root's
 * `data-present`), the window resized (the zoom depends on the viewport: presenter.css), or the screen's pixel ratio
 * changed (a window moved to the projector). Canvas paint effects list it in their dependencies. Every canvas shares
 * one set of page listeners.
 */
export function useBackingScaleKey(): number {
  return useSyncExternalStore(subscribe, () => version, () => 0);
}
