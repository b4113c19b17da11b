/**
 * Where a pointer event falls in an element's own CSS pixels — the pixels its figure was laid out in. clientX and
 * getBoundingClientRect are page pixels; under CSS zoom on an ancestor (presenter mode enlarges each panel that way)
 * one of the element's pixels is `zoom` page pixels, so the offset is divided by the element's effective zoom.
 */
export function zoomOf(el: Element): number {
  const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof z === 'number' && Number.isFinite(z) && z > 0 ? z : 1;
}

/** The pointer's offset from `el`'s top-left corner, in `el`'s own pixels. */
export function pointIn(e: { clientX: number; clientY: number }, el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  const z = zoomOf(el);
  return { x: (e.clientX - r.left) / z, y: (e.clientY - r.top) / z };
}
