import { memo, useId, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import 'katex/dist/katex.min.css';
import type { InspectRecord } from '../../engine/session';
import { useLab, useLabActions } from '../../state/context';
import { htmlFigureToSvg } from '../kit/export-html';
import { Scrubber } from '../kit/Scrubber';
import { ViewShell } from '../kit/ViewShell';
import '../kit/kit.css';
import { FormulaBlock } from './FormulaBlock';
import { FormulasTable } from './FormulasTable';
import { buildFormulas } from './formulas-model';
import { cellOf } from './formulas-values';
import { useThrottled } from './use-throttled';
import './formulas.css';

/** How often the substituted numbers are re-typeset while training runs (a student cannot read faster). */
export const PLAYING_REFRESH_MS = 500;

/** The hovered number: which formula, which row, and where to put its tooltip. */
interface Tip {
  formula: string;
  n: number;
  x: number;
  y: number;
}

/**
 * The lecture's equations for the running cell, typeset, with the record's numbers substituted at the selected
 * timestep and hidden unit. Hovering a symbol lights the element it names in every view (selection.highlight);
 * a highlight set elsewhere outlines the matching symbols here. While training runs the numbers are
 * re-typeset at most every PLAYING_REFRESH_MS; this outer part re-renders on every frame and does nothing else.
 */
export function FormulasView() {
  const live = useLab((s) => s.frame?.record ?? null);
  const playing = useLab((s) => s.playing);
  const record = useThrottled(live, playing ? PLAYING_REFRESH_MS : 0);
  if (!record || record.T === 0) return <p className="view-empty">Training starts… the formulas fill with numbers after the first frame.</p>;
  return <FormulasBody record={record} playing={playing} />;
}

/** The view proper, for one record (re-rendered only when the shown record, the selection or the settings change). */
const FormulasBody = memo(function FormulasBody({ record, playing }: { record: InspectRecord; playing: boolean }) {
  const activation = useLab((s) => s.config.model.activation);
  const truncate = useLab((s) => s.config.truncate);
  const truncMode = useLab((s) => s.config.truncMode);
  const rho = useLab((s) => s.spectral?.find((x) => x.name === 'Whh')?.radius ?? null);
  const sel = useLab((s) => s.selection);
  const actions = useLabActions();
  const unitId = useId();
  const box = useRef<HTMLDivElement>(null);
  const mine = useRef<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  const { T, H } = record;
  const t = sel.t === null ? T - 1 : Math.min(sel.t, T - 1);
  const unit = Math.min(sel.unit, H - 1);
  const formulas = useMemo(
    () => buildFormulas({ rec: record, activation, t, unit, rho, truncate, truncMode }),
    [record, activation, t, unit, rho, truncate, truncMode],
  );

  const onOver = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as Element;
    const name = target.closest<HTMLElement>('[data-sym]')?.dataset.sym ?? null;
    if (name !== mine.current) {
      mine.current = name;
      actions.select({ highlight: name });
    }
    const num = target.closest<HTMLElement>('[data-n]');
    const block = num?.closest<HTMLElement>('[data-formula]');
    const root = box.current;
    if (num && block && root) {
      const r = num.getBoundingClientRect();
      const b = root.getBoundingClientRect();
      setTip({ formula: block.dataset.formula ?? '', n: Number(num.dataset.n), x: r.left - b.left, y: r.bottom - b.top + 4 });
    } else setTip(null);
  };
  const onLeave = () => {
    if (mine.current !== null) {
      mine.current = null;
      actions.select({ highlight: null });
    }
    setTip(null);
  };
  const tipRow = tip ? formulas.find((f) => f.id === tip.formula)?.rows[tip.n] : undefined;
  const cell = cellOf(record);

  const toolbar = (
    <label className="formulas-unit" htmlFor={unitId}>
      hidden unit j{' '}
      <select id={unitId} value={unit} onChange={(e) => actions.select({ unit: Number(e.target.value) })} onKeyDown={(e) => e.stopPropagation()}>
        {Array.from({ length: H }, (_, j) => (
          <option key={j} value={j}>
            {j}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <ViewShell
      name="formulas"
      toolbar={toolbar}
      table={() => <FormulasTable formulas={formulas} t={t} unit={unit} />}
      toSvg={htmlFigureToSvg}
      caption={`The ${cell === 'rnn' ? `vanilla RNN (${activation})` : cell.toUpperCase()} equations the engine computes, and under each the same equation with the numbers of evaluation sequence ${sel.sample} at t = ${t}, unit j = ${unit}. Hover a symbol to light it in the other views.`}
    >
      <div className="no-export">
        <Scrubber T={T} labels={record.inputLabels} />
      </div>
      <div className="formulas" ref={box} onMouseOver={onOver} onMouseLeave={onLeave} data-testid="formulas">
        {formulas.map((f) => (
          <FormulaBlock key={f.id} formula={f} highlight={sel.highlight} lazy={playing} />
        ))}
        {tip && tipRow && (
          <div className="tooltip" role="status" style={{ left: tip.x, top: tip.y }}>
            {tipRow.label}: <strong>{tipRow.value === null ? tipRow.text : String(tipRow.value)}</strong>
          </div>
        )}
      </div>
    </ViewShell>
  );
});
