/**
 * Export for figures made of HTML text and KaTeX formulas rather than svg/canvas (figureToSvg would find
 * nothing to draw): the figure is cloned into an SVG <foreignObject>, each KaTeX formula replaced by the
 * MathML KaTeX writes beside its HTML (browsers typeset MathML with their own math font, so the file needs
 * neither KaTeX's stylesheet nor its fonts), and the text's computed paint is inlined.
 */

/** The computed properties copied onto each exported element (classes and stylesheets do not travel). */
const PROPS = [
  'display', 'color', 'background-color', 'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'text-align', 'white-space',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top', 'border-right', 'border-bottom', 'border-left', 'border-radius',
];

/** Copies PROPS of each element of `src` onto the matching element of `dst`, not descending into KaTeX output. */
function inlineStyles(src: Element, dst: Element): void {
  if (src.classList.contains('katex')) return;
  const cs = getComputedStyle(src);
  const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).filter((d) => !d.endsWith(':')).join(';');
  if (style) dst.setAttribute('style', style);
  for (let i = 0; i < src.children.length && i < dst.children.length; i++) inlineStyles(src.children[i], dst.children[i]);
}

/** A standalone SVG document of an HTML figure: its text and its formulas (as MathML) in a foreignObject on white. */
export function htmlFigureToSvg(figure: HTMLElement): string {
  const w = Math.max(1, Math.round(figure.getBoundingClientRect().width));
  const clone = figure.cloneNode(true) as HTMLElement;
  inlineStyles(figure, clone);
  clone.querySelectorAll('.no-export, .tooltip').forEach((el) => el.remove());
  clone.querySelectorAll('.katex').forEach((k) => {
    const math = k.querySelector('math');
    if (math) k.replaceWith(math);
    else k.remove();
  });
  clone.style.width = `${w}px`;
  clone.style.background = '#ffffff';
  clone.style.overflow = 'visible';
  // MathML lays out to a different height than KaTeX's HTML: measure the clone itself, off screen
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;left:-100000px;top:0;width:${w}px;visibility:hidden`;
  probe.appendChild(clone);
  document.body.appendChild(probe);
  const h = Math.max(1, Math.ceil(clone.getBoundingClientRect().height));
  probe.remove();
  // XMLSerializer writes the XHTML namespace on the root itself
  const body = new XMLSerializer().serializeToString(clone);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#ffffff"/><foreignObject x="0" y="0" width="${w}" height="${h}">${body}</foreignObject></svg>`;
}
