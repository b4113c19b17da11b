import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as exportImage from '../../../src/views/kit/export-image';
import { htmlFigureToSvg } from '../../../src/views/kit/export-html';
import { FormulasView } from '../../../src/views/formulas/FormulasView';
import { renderTex } from '../../../src/views/formulas/katex-render';
import { renderLab } from '../render-lab';
import { configFor, frameOf, recordFor } from './records';

describe('htmlFigureToSvg', { timeout: 20_000 }, () => {
  it('puts the figure in a foreignObject with each KaTeX formula as its MathML, without controls or tooltips', () => {
    const fig = document.createElement('div');
    fig.innerHTML = `<h4>Memory</h4>${renderTex('c_t = \\htmlData{sym=f}{f_t} c_{t-1}')}<div class="no-export"><input type="range"></div><div class="tooltip">f: 0.5</div>`;
    document.body.appendChild(fig);
    const svg = htmlFigureToSvg(fig);
    fig.remove();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const fo = doc.querySelector('foreignObject') as Element;
    expect(fo.querySelector('h4')?.textContent).toBe('Memory');
    expect(fo.getElementsByTagName('math')).toHaveLength(1);
    expect(fo.getElementsByTagName('annotation')[0].textContent).toContain('c_t =');
    expect(fo.querySelector('.katex, .katex-html, input, .tooltip')).toBeNull();
    expect(fo.querySelector('h4')?.getAttribute('style')).toMatch(/font-weight:/);
  });

  it('is what the view exports', () => {
    const spy = vi.spyOn(exportImage, 'downloadSvg').mockImplementation(() => {});
    const { rec } = recordFor(configFor('gru'));
    renderLab(<FormulasView />, { setup: (s) => s.setState({ frame: frameOf(rec) }) });
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    expect(spy).toHaveBeenCalledWith(expect.any(HTMLElement), 'formulas', htmlFigureToSvg);
    spy.mockRestore();
  });
});
