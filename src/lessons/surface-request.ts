import { DEFAULT_SURFACE_REQUEST } from '../views/surface/surface-summary';
import type { SurfaceRequest } from '../worker/protocol';

/**
 * The error-surface request a lesson step or claim speaks of: the view's first request with the fields it changes.
 * A step and its claims build theirs here alike, so the request the page sends is the one the claim test computes.
 */
export function lessonSurfaceRequest(patch: Partial<SurfaceRequest> | undefined): SurfaceRequest {
  return { ...DEFAULT_SURFACE_REQUEST, ...patch };
}
