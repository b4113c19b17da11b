import { useEffect, useRef } from 'react';
import { backingScale, useBackingScaleKey } from '../kit/canvas-scale';
import type { ColorScale } from '../kit/colors';
import { drawStrips } from './strip-draw';
import type { StripPlan } from './strip-draw';
import type { UnrollRows } from './unroll-layout';

/**
 * The hidden strips of every drawn step on one canvas laid exactly over the figure's SVG (which keeps the node
 * outlines and the hover targets). Redrawn after every render: a frame, a scrubber move or an animation tick.
 */
export function StripCanvas(props: { width: number; height: number; plans: StripPlan[]; h: Float64Array; H: number; rows: UnrollRows; scale: ColorScale; selectedUnit: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // subscribed for its re-render: the effect below repaints after every render, now also after a change of backing scale
  useBackingScaleKey();
  const { width, height } = props;
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return; // jsdom has no 2-D canvas
    const dpr = backingScale(c);
    const w = Math.max(1, Math.round(width * dpr));
    const hgt = Math.max(1, Math.round(height * dpr));
    if (c.width !== w || c.height !== hgt) {
      c.width = w;
      c.height = hgt;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    drawStrips(ctx, props.plans, props.h, props.H, props.rows, props.scale, props.selectedUnit);
  });
  return <canvas ref={ref} className="strip-canvas" style={{ width, height }} role="img" aria-label={props.label} />;
}
