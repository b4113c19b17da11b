/**
 * Export a view's figure for slides: SVG (vector; canvases inside are embedded as images) or PNG
 * (at 2× for projectors). The figure is the element that holds the view's <svg> and <canvas> children.
 */

/**
 * A standalone SVG document of the figure: its svgs nested in place, its canvases as images and the one-line HTML
 * labels marked `export-text` (e.g. a legend's words) as SVG text, on a white background. Other HTML is left out.
 */
export function figureToSvg(figure: HTMLElement): string {
  const box = figure.getBoundingClientRect();
  const w = Math.max(1, Math.round(box.width));
  const h = Math.max(1, Math.round(box.height));
  const parts: string[] = [`<rect width="${w}" height="${h}" fill="#ffffff"/>`];
  const ser = new XMLSerializer();
  figure.querySelectorAll('svg, canvas, .export-text').forEach((el) => {
    if (el.closest('.no-export')) return;
    const r = el.getBoundingClientRect();
    const x = Math.round(r.left - box.left);
    const y = Math.round(r.top - box.top);
    if (el instanceof HTMLCanvasElement) {
      parts.push(`<image x="${x}" y="${y}" width="${r.width}" height="${r.height}" href="${el.toDataURL('image/png')}"/>`);
    } else if (el instanceof HTMLElement) {
      parts.push(textElement(el, x, Math.round(r.top - box.top + r.height / 2)));
    } else if (!el.parentElement?.closest('svg')) {
      const clone = el.cloneNode(true) as SVGSVGElement;
      inlineStyles(el as SVGSVGElement, clone);
      clone.setAttribute('x', String(x));
      clone.setAttribute('y', String(y));
      parts.push(ser.serializeToString(clone));
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif">${parts.join('')}</svg>`;
}

/** An HTML label as one line of SVG text, left edge at x, vertically centred on y, in its computed font and colour. */
function textElement(el: HTMLElement, x: number, y: number): string {
  const cs = getComputedStyle(el);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const font = [cs.fontSize && `font-size="${esc(cs.fontSize)}"`, cs.fontWeight && `font-weight="${esc(cs.fontWeight)}"`, cs.fontFamily && `font-family="${esc(cs.fontFamily)}"`].filter(Boolean).join(' ');
  return `<text x="${x}" y="${y}" dominant-baseline="central" fill="${esc(cs.color || '#1a1a1a')}" ${font}>${esc(el.textContent ?? '')}</text>`;
}

/** Copies the computed paint of every element (CSS classes do not travel with an exported file). */
function inlineStyles(src: Element, dst: Element): void {
  // paint-order: a "halo" label (stroke under its fill) would otherwise export as a blank white smear
  const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'paint-order', 'stroke-linejoin'];
  const cs = getComputedStyle(src);
  const style = props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  dst.setAttribute('style', style);
  for (let i = 0; i < src.children.length; i++) inlineStyles(src.children[i], dst.children[i]);
}

function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Turns a figure into a standalone SVG document (figureToSvg, or a view's own for figures made of HTML). */
export type FigureToSvg = (figure: HTMLElement) => string;

/** Saves the figure as an SVG file. */
export function downloadSvg(figure: HTMLElement, name: string, toSvg: FigureToSvg = figureToSvg): void {
  const url = URL.createObjectURL(new Blob([toSvg(figure)], { type: 'image/svg+xml' }));
  download(url, `${name}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the figure as a PNG file at `scale`× its CSS size. */
export async function downloadPng(figure: HTMLElement, name: string, scale = 2, toSvg: FigureToSvg = figureToSvg): Promise<void> {
  const svg = toSvg(figure);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width * scale;
  c.height = img.height * scale;
  const ctx = c.getContext('2d');
  if (!ctx) return;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  download(c.toDataURL('image/png'), `${name}.png`);
}
