import { useEffect, useRef } from 'react';
import { backingScale, useBackingScaleKey } from '../kit/canvas-scale';

/**
 * A small RGBA picture (size × size, row-major) scaled up `scale` times, crisp: each pixel painted as a square of
 * the backing store (so a PNG or SVG export is as sharp as the page), and `image-rendering: pixelated` for a browser
 * zoom. The canvas is an image with a label; the table alternative describes the same picture in words.
 */
export function PictureCanvas({ rgba, size, scale, label }: { rgba: Uint8ClampedArray; size: number; scale: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scaleKey = useBackingScaleKey();
  const side = size * scale;
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return; // jsdom has no 2-D canvas
    const dpr = backingScale(c);
    c.width = Math.max(1, Math.round(side * dpr));
    c.height = Math.max(1, Math.round(side * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false;
    if (rgba.length !== 4 * size * size) return;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = 4 * (y * size + x);
        ctx.fillStyle = `rgb(${rgba[i]}, ${rgba[i + 1]}, ${rgba[i + 2]})`;
        ctx.fillRect(x * scale, y * scale, scale, scale);
      }
    }
  }, [rgba, size, scale, side, scaleKey]);
  return <canvas ref={ref} className="picture-canvas" style={{ width: side, height: side }} role="img" aria-label={label} />;
}
