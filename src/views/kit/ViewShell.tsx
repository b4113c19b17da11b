import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { formatStep } from '../chart/format';
import { useOverflowsX } from '../chart/use-width';
import { downloadPng, downloadSvg } from './export-image';
import type { FigureToSvg } from './export-image';

/**
 * The frame every teaching view shares: a toolbar (its own controls, "show as table", PNG and SVG export),
 * the figure, and the table alternative for screen readers and for reading exact numbers.
 */
export function ViewShell(props: { name: string; toolbar?: ReactNode; table: () => ReactNode; children: ReactNode; caption?: ReactNode; toSvg?: FigureToSvg; step?: number | null }) {
  const figure = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const wide = useOverflowsX(figure, asTable);
  return (
    <div className="view-shell" data-step={props.step ?? undefined}>
      <div className="view-toolbar">
        {props.toolbar}
        {/* the one frame the figure and table show: every number below is of this training step */}
        {props.step != null && (
          <span className="view-step" data-step={props.step}>
            numbers of step {formatStep(props.step)}
          </span>
        )}
        <span className="view-toolbar-end">
          <button type="button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? 'Show as figure' : 'Show as table'}
          </button>
          <button type="button" disabled={asTable} onClick={() => figure.current && downloadPng(figure.current, props.name, 2, props.toSvg)} title="Save the figure as a PNG image">
            PNG
          </button>
          <button type="button" disabled={asTable} onClick={() => figure.current && downloadSvg(figure.current, props.name, props.toSvg)} title="Save the figure as an SVG image">
            SVG
          </button>
        </span>
      </div>
      {props.caption && <p className="view-caption">{props.caption}</p>}
      {asTable ? (
        <div className="view-table">{props.table()}</div>
      ) : (
        <>
          {wide && <p className="scroll-hint">This figure is wider than the screen: scroll it sideways →</p>}
          <div className="view-figure" ref={figure}>
            {props.children}
          </div>
        </>
      )}
    </div>
  );
}
