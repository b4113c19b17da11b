import { memo, useId, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import 'katex/dist/katex.min.css';
import type { InspectRecord } from '../../engine/session';
import { useLab, useLabActions } from '../../state/context';
import { cellOf } from '../../worker/record';
import { formatStep } from '../chart/format';
import { htmlFigureToSvg } from '../kit/export-html';
import { zoomOf } from '../kit/pointer';
import { Scrubber } from '../kit/Scrubber';
import { ViewShell } from '../kit/ViewShell';
import '../kit/kit.css';
import { FormulaBlock } from './FormulaBlock';
import { FormulasTable } from './FormulasTable';
import { buildFormulas, overflowed } from './build-formulas';
import { exactNumber } from './tex';
import { useHeld, useOnScreen } from './use-on-screen';
import { useThrottled } from './use-throttled';
import './formulas.css';

/** How often the substituted numbers are re-typeset while training runs (a student cannot read faster). */
export const PLAYING_REFRESH_MS = 500;

/** What one frame gives the view, taken together: every block is computed from one Snapshot and nothing else that streams. */
export interface Snapshot {
  record: InspectRecord;
  /** the training step of the frame */
  step: number;
  /** ρ(W_hh) as streamed up to this frame (null before the first spectrum) */
  rho: number | null;
  /** the run the frame belongs to: a snapshot held over a new run (throttled, or off screen) is not drawn with the new run's settings */
  runId: number;
}

/** The hovered number: which formula, which row, and where to put its tooltip. */
interface Tip {
  formula: string;
  n: number;
  x: number;
  y: number;
}

/**
 * The lecture's equations for the running cell, typeset, with the numbers of one frame substituted at the
 * selected timestep and hidden unit. Hovering a symbol lights the element it names in every view
 * (selection.highlight); a highlight set elsewhere outlines the matching symbols here. While training runs, the
 * frame shown changes at most every PLAYING_REFRESH_MS, and not at all while the view is off screen; the whole
 * view always changes at once (one Snapshot), so every section and every check belong to the same frame.
 */
export function FormulasView() {
  const frame = useLab((s) => s.frame);
  // committed in the same store update as the frame it came with
  const spectral = useLab((s) => s.spectral);
  const playing = useLab((s) => s.playing);
  // the store holds no frame of another run (a new run clears it, stale frames are dropped): this is the frame's run
  const runId = useLab((s) => s.runId);
  const live = useMemo<Snapshot | null>(
    () => (frame ? { record: frame.record, step: frame.step, rho: spectral?.find((x) => x.name === 'Whh')?.radius ?? null, runId } : null),
    [frame, spectral, runId],
  );
  const snapshot = useThrottled(live, playing ? PLAYING_REFRESH_MS : 0);
  if (!snapshot || snapshot.record.T === 0) return <p className="view-empty">Training starts… the formulas fill with numbers after the first frame.</p>;
  // a frame of the previous run, still held by the throttle while the new run (a new activation, cell or size)
  // starts playing: its numbers under the new settings' equations would be wrong, so wait for the new run's frame
  if (snapshot.runId !== runId) return <Waiting />;
  return <FormulasBody snapshot={snapshot} playing={playing} />;
}

/** What the view shows between a new run's start and its first frame drawn here. */
function Waiting() {
  return (
    <p className="view-empty" data-testid="formulas-waiting">
      A new run starts… the formulas fill with its numbers after its first frame.
    </p>
  );
}

/** The view proper, for one snapshot (re-rendered only when the snapshot, the selection or the settings change). */
const FormulasBody = memo(function FormulasBody({ snapshot, playing }: { snapshot: Snapshot; playing: boolean }) {
  const activation = useLab((s) => s.config.model.activation);
  const truncate = useLab((s) => s.config.truncate);
  const truncMode = useLab((s) => s.config.truncMode);
  const divergedAt = useLab((s) => (s.status === 'diverged' ? (s.divergence?.step ?? s.step) : null));
  const sel = useLab((s) => s.selection);
  // which kernels trained the run: the record itself is always recomputed by the Float64 reference (Session.inspect)
  const fast = useLab((s) => s.info?.kernels === 'fast');
  const actions = useLabActions();
  const unitId = useId();
  const outer = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const mine = useRef<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  // off screen while training runs, the whole view keeps the frame it last showed (typesetting unseen formulas only costs frames)
  const onScreen = useOnScreen(outer);
  const held = useHeld(snapshot, onScreen || !playing);
  const runId = useLab((s) => s.runId);
  const { record, step, rho } = held;
  const stale = held.runId !== runId;

  const { T, H } = record;
  const t = sel.t === null ? T - 1 : Math.min(sel.t, T - 1);
  const unit = Math.min(sel.unit, H - 1);
  const ctx = useMemo(() => ({ rec: record, step, activation, t, unit, rho, truncate, truncMode }), [record, step, activation, t, unit, rho, truncate, truncMode]);
  const formulas = useMemo(() => (stale ? [] : buildFormulas(ctx, divergedAt)), [ctx, divergedAt, stale]);
  const broken = useMemo(() => overflowed(record), [record]);
  // the same step buildFormulas names in the checks (overflowStep)
  const overflow = divergedAt ?? (broken ? step : null);

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
      // page pixels to the figure's own (they differ under presenter mode's zoom)
      const z = zoomOf(root);
      setTip({ formula: block.dataset.formula ?? '', n: Number(num.dataset.n), x: (r.left - b.left) / z, y: (r.bottom - b.top) / z + 4 });
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
  const diverged = overflow === null ? null
    : broken ? `The run diverged at step ${formatStep(overflow)}: these numbers overflowed, so the checks cannot hold.`
      : `The run diverged at step ${formatStep(overflow)}; these are the numbers streamed before it.`;

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

  // a frame held off screen over a new run: not drawn with the new run's settings (the outer div keeps the observer)
  if (stale) {
    return (
      <div ref={outer}>
        <Waiting />
      </div>
    );
  }
  return (
    <div ref={outer}>
      <ViewShell
        name="formulas"
        toolbar={toolbar}
        table={() => <FormulasTable formulas={formulas} t={t} unit={unit} step={step} />}
        toSvg={htmlFigureToSvg}
        caption={`The ${cell === 'rnn' ? `vanilla RNN (${activation})` : cell.toUpperCase()} equations the engine computes, and under each the same equation with the numbers of one training step, for evaluation sequence ${sel.sample} at t = ${t}, unit j = ${unit}. Hover a symbol to light it in the other views.`}
      >
        <div className="no-export">
          <Scrubber T={T} labels={record.inputLabels} />
        </div>
        <p className="formulas-step" data-testid="formulas-step" data-step={step}>
          Numbers of training step {formatStep(step)}
        </p>
        {fast && (
          <p className="formulas-kernels hint" data-testid="formulas-kernels">
            This run trains on the fast float32 kernels. The numbers here are recomputed in Float64 by the reference
            kernels from the same weights, so the checks test the reference; the float32 gradients that trained it agree
            with the reference to about 1 part in a million.
          </p>
        )}
        {diverged && (
          <p className="formulas-diverged" role="status" data-testid="formulas-diverged">
            {diverged}
          </p>
        )}
        <div className="formulas" ref={box} onMouseOver={onOver} onMouseLeave={onLeave} data-testid="formulas" data-step={step}>
          {formulas.map((f) => (
            <FormulaBlock key={f.id} formula={f} highlight={sel.highlight} step={step} />
          ))}
          {tip && tipRow && (
            <div className="tooltip" role="status" style={{ left: tip.x, top: tip.y }}>
              {tipRow.label}: <strong>{tipRow.value === null ? tipRow.text : exactNumber(tipRow.value)}</strong>
            </div>
          )}
        </div>
      </ViewShell>
    </div>
  );
});
