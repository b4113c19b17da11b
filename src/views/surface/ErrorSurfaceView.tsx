import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLab, useLabActions } from '../../state/context';
import type { SurfaceRequest } from '../../worker/protocol';
import { sameSurfaceRequest } from '../../worker/surface-request';
import '../chart/chart.css';
import { formatValue } from '../chart/format';
import { useElementWidth } from '../chart/use-width';
import { ColorLegend } from '../kit/ColorLegend';
import { sequentialScale } from '../kit/colors';
import { useReducedMotion } from '../kit/useReducedMotion';
import { ViewShell } from '../kit/ViewShell';
import '../kit/kit.css';
import { SurfaceControls } from './SurfaceControls';
import { SurfaceLegend } from './SurfaceLegend';
import type { SurfaceLegendItem } from './SurfaceLegend';
import { SurfaceMap } from './SurfaceMap';
import type { SurfaceLayer } from './SurfaceMap';
import { SurfaceTable } from './SurfaceTable';
import { colorDomain, formatPower, surfaceLayout } from './surface-layout';
import { DEFAULT_SURFACE_REQUEST, describeAnnealing, describePath, describeRestarts, mapLabel } from './surface-summary';
import { useStepAnimation } from './use-step-animation';
import './surface.css';

/** Width laid out before the panel is measured (and in jsdom, which has no layout). */
export const SURFACE_FALLBACK_WIDTH = 640;

/**
 * The error surface of Pascanu, Mikolov & Bengio's one-unit network x_t = w σ(x_{t−1}) + b, computed in the
 * worker. The cliff — a thin wall where ‖∇E‖ jumps by orders of magnitude — throws plain gradient descent far
 * away; clipping the gradient's norm keeps each step short. Random restarts and simulated annealing make
 * concrete that recurrent error surfaces have local optima and plateaus where descent stalls.
 */
export function ErrorSurfaceView() {
  const surface = useLab((s) => s.surface);
  const asked = useLab((s) => s.surfaceRequest);
  const highlight = useLab((s) => s.selection.highlight);
  const { requestSurface, select } = useLabActions();
  const reduced = useReducedMotion();
  const [layer, setLayer] = useState<SurfaceLayer>('loss');
  const [contours, setContours] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, SURFACE_FALLBACK_WIDTH);

  // The first picture is asked for once, when nothing has been (the embed mounts this view alone); a lesson step
  // that asked for its own before this view loaded keeps it.
  useEffect(() => {
    if (surface === null && asked === null) requestSurface(DEFAULT_SURFACE_REQUEST);
  }, [surface, asked, requestSurface]);

  const req = surface?.request ?? asked ?? DEFAULT_SURFACE_REQUEST;
  // the latest request, whoever sent it (this view's controls, a lesson step), until the surface drawn answers it:
  // the controls show it and the status says we wait
  const inFlight = asked !== null && (surface === null || !sameSurfaceRequest(asked, surface.request)) ? asked : null;
  const waiting = surface === null || inFlight !== null;
  // a second change before the answer builds on the first, not on the older result
  const send = (patch: Partial<SurfaceRequest>) => requestSurface({ ...(inFlight ?? req), ...patch });

  const layout = useMemo(() => surfaceLayout(width), [width]);
  const scale = useMemo(() => (surface ? sequentialScale(...colorDomain(surface, layer)) : sequentialScale(0, 1)), [surface, layer]);
  // words and label depend on the result only: not recomputed on each animation frame
  const texts = useMemo(
    () =>
      surface && {
        label: mapLabel(surface),
        raw: surface.descent && describePath(surface.descent, surface.request),
        clipped: surface.clipped && describePath(surface.clipped, surface.request),
        restarts: surface.restarts && describeRestarts(surface.restarts),
        annealing: surface.annealing && describeAnnealing(surface.annealing),
      },
    [surface],
  );
  const onHighlight = useCallback((h: string | null) => select({ highlight: h }), [select]);
  const total = Math.max(surface?.descent?.w.length ?? 1, surface?.clipped?.w.length ?? 1);
  const { shown, replay } = useStepAnimation(total, surface, reduced);

  const legend: SurfaceLegendItem[] = [
    { label: 'start', marker: 'start' },
    { label: 'plain gradient descent', line: 'surface-raw' },
    { label: `clipped at ‖g‖ ≤ ${formatValue(req.clip)}`, line: 'surface-clipped', dashed: true },
    { label: layer === 'loss' ? 'the cliff (wall)' : 'the cliff, coloured by ‖∇E‖ on the wall', line: 'surface-cliff', dashed: true },
    ...(surface?.restarts
      ? ([
          { label: 'restart: start', marker: 'restart-start' },
          { label: 'restart: end', marker: 'restart-end' },
          { label: 'best restart', marker: 'restart-best' },
        ] as const)
      : []),
    ...(surface?.annealing
      ? ([
          { label: 'simulated annealing', line: 'surface-annealing-line' },
          { label: 'best annealing state', marker: 'annealing-best' },
        ] as const)
      : []),
  ];
  const toolbar = (
    <>
      <label>
        shade{' '}
        <select value={layer} onChange={(e) => setLayer(e.target.value as SurfaceLayer)}>
          <option value="loss">loss E</option>
          <option value="grad">gradient norm ‖∇E‖</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={contours} onChange={(e) => setContours(e.target.checked)} /> contours of E
      </label>
      <button type="button" onClick={replay} disabled={reduced || !surface?.descent}>
        Replay
      </button>
    </>
  );

  return (
    <div className="surface-view">
      <ViewShell
        name="error-surface"
        toolbar={toolbar}
        caption="The loss E = (σ(x₅₀) − 0.7)² of the one-unit network xₜ = w·σ(xₜ₋₁) + b, x₀ = 0.5 (Pascanu, Mikolov & Bengio 2013), over its two parameters. For w > 4 a thin wall separates two plateaus; on it ‖∇E‖ explodes. Click the map to start gradient descent there — on the cliff line to start exactly on the wall."
        table={() => <SurfaceTable result={surface} />}
      >
        <SurfaceControls request={inFlight ?? req} onChange={send} />
        <div className="surface-legends">
          {surface && <ColorLegend scale={scale} label={layer === 'loss' ? 'loss E (log scale)' : '‖∇E‖ (log scale)'} format={formatPower} width={200} />}
          <SurfaceLegend items={legend} />
        </div>
        <div className="surface-box" ref={box}>
          {surface ? (
            <SurfaceMap
              result={surface}
              layer={layer}
              scale={scale}
              contours={contours}
              layout={layout}
              shown={shown}
              highlight={highlight}
              onStart={(w, b) => send({ start: { w, b } })}
              onHighlight={onHighlight}
              label={texts!.label}
            />
          ) : (
            <p className="view-empty">Computing the error surface in the worker…</p>
          )}
        </div>
        <p className="surface-status" role="status" data-testid="surface-status">
          {waiting ? 'Computing…' : surface?.descent ? `step ${Math.min(shown, total) - 1} of ${total - 1}` : 'Click the map to start gradient descent.'}
        </p>
        {texts && (
          <ul className="surface-results" data-testid="surface-results">
            {texts.raw && (
              <li data-testid="surface-result-raw">
                <strong>Plain descent:</strong> {texts.raw}
              </li>
            )}
            {texts.clipped && (
              <li data-testid="surface-result-clipped">
                <strong>Clipped at {formatValue(req.clip)}:</strong> {texts.clipped}
              </li>
            )}
            {texts.restarts && (
              <li data-testid="surface-result-restarts">
                <strong>Random restarts:</strong> {texts.restarts}
              </li>
            )}
            {texts.annealing && (
              <li data-testid="surface-result-annealing">
                <strong>Simulated annealing:</strong> {texts.annealing}
              </li>
            )}
          </ul>
        )}
      </ViewShell>
    </div>
  );
}
