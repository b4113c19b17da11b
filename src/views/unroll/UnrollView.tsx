import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { InspectRecord } from '../../engine/session';
import { useLab, useLabActions } from '../../state/context';
import { formatValue } from '../chart/format';
import { useElementWidth } from '../chart/use-width';
import { ColorLegend } from '../kit/ColorLegend';
import { pointIn } from '../kit/pointer';
import { Scrubber } from '../kit/Scrubber';
import { useReducedMotion } from '../kit/useReducedMotion';
import { ViewShell } from '../kit/ViewShell';
import '../kit/kit.css';
import { UnrollFigure } from './UnrollFigure';
import { NormLegend, WeightKey } from './UnrollLegend';
import { UnrollTable } from './UnrollTable';
import { layoutUnroll } from './unroll-layout';
import { litFor, recurrentName, tauFor, unrollStats } from './unroll-model';
import { unitAt } from './strip-draw';
import { tipText } from './unroll-tips';
import { useTween } from './useTween';
import './unroll.css';

/** Width laid out before the panel is measured (and in jsdom, which has no layout). */
export const UNROLL_FALLBACK_WIDTH = 960;
/** How long folding or unrolling takes (ms), and how long the forward-pass player rests on each step. */
export const UNROLL_MS = 700;
export const STEP_MS = 450;

/**
 * The recurrent network folded (one cell, a loop) and unrolled through time (T copies sharing one
 * W_hh), the forward pass filling in step by step, and backpropagation through time as arrows whose width is the
 * actual ‖∂L/∂h_t‖ of the inspected sequence, with the window truncated BPTT keeps.
 */
export function UnrollView() {
  const record = useLab((s) => s.frame?.record ?? null);
  const step = useLab((s) => s.frame?.step ?? 0);
  if (!record) return <p className="view-empty">Training starts… the unrolled network appears with the first frame.</p>;
  return <UnrollBody record={record} step={step} />;
}

function UnrollBody({ record: r, step }: { record: InspectRecord; step: number }) {
  const tSel = useLab((s) => s.selection.t);
  const unit = useLab((s) => s.selection.unit);
  const highlight = useLab((s) => s.selection.highlight);
  const truncate = useLab((s) => s.config.truncate);
  const truncMode = useLab((s) => s.config.truncMode);
  const { select } = useLabActions();
  const reduced = useReducedMotion();
  const [unrolled, setUnrolled] = useState(true);
  const [backward, setBackward] = useState(true);
  const [playing, setPlaying] = useState(false);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const p = useTween(unrolled ? 1 : 0, UNROLL_MS, reduced);
  const box = useRef<HTMLDivElement>(null);
  const mine = useRef<string | null>(null);
  const width = useElementWidth(box, UNROLL_FALLBACK_WIDTH);

  const T = r.T;
  const t = tSel === null ? T - 1 : Math.max(0, Math.min(tSel, T - 1));
  const stats = useMemo(() => unrollStats(r), [r]);
  const geom = useMemo(() => layoutUnroll({ T, H: r.H, t, width, maxChars: stats.maxChars }), [T, r.H, t, width, stats.maxChars]);
  const lit = litFor(highlight);
  const tau = tauFor(r.mask, t);
  const recurrent = recurrentName(r.gateNames);

  // The forward-pass player: one step every STEP_MS until the last step.
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(() => {
      if (t >= T - 1) setPlaying(false);
      else select({ t: t + 1 });
    }, STEP_MS);
    return () => clearTimeout(id);
  }, [playing, t, T, select]);

  const highlightFrom = (name: string | null) => {
    if (name === mine.current) return;
    mine.current = name;
    select({ highlight: name });
  };
  /** The hover target under the pointer: its kind, step, and (on a hidden strip) the unit at the pointer's height. */
  const locate = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as Element).closest('[data-tip]');
    if (!el) return null;
    const kind = el.getAttribute('data-tip');
    const svg = el.closest('svg');
    const u = kind === 'h' && svg ? unitAt(pointIn(e, svg).y, geom.rows, r.H) : null;
    return { kind, t: Number(el.getAttribute('data-t')), u };
  };
  const onMove = (e: MouseEvent<HTMLDivElement>) => {
    highlightFrom((e.target as Element).closest('[data-w]')?.getAttribute('data-w') ?? null);
    const at = locate(e);
    const text = at ? tipText(at.kind, at.t, at.u, r, stats) : null;
    if (text === (tip?.text ?? null)) return; // same text: keep the tooltip where it is, no re-render
    if (!text) return setTip(null);
    const p = pointIn(e, e.currentTarget);
    setTip({ text, x: p.x + 12, y: p.y + 14 });
  };
  const onLeave = () => {
    highlightFrom(null);
    setTip(null);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const at = locate(e);
    if (at?.kind === 'h' && at.u !== null) select({ t: at.t, unit: at.u });
  };

  const toolbar = (
    <>
      <button type="button" onClick={() => setUnrolled((v) => !v)} data-testid="unroll-toggle">
        {unrolled ? 'Fold' : 'Unroll'}
      </button>
      <label className="unroll-option">
        <input type="checkbox" checked={backward} onChange={(e) => setBackward(e.target.checked)} /> show backward pass
      </label>
      <button
        type="button"
        onClick={() => {
          if (!playing && t >= T - 1) select({ t: 0 });
          setPlaying((v) => !v);
        }}
      >
        {playing ? '❚❚ Stop' : '▶ Forward pass'}
      </button>
    </>
  );
  const cut = r.recurrence === 'off';
  const caption = cut
    ? `Recurrence is off: every step starts from h = 0, so nothing passes from one step to the next — no arrow links the ${T} steps, forward or backward. Each step is a feed-forward network of its own input.`
    : unrolled
    ? `The same cell copied at each of the ${T} steps: every recurrent arrow is the one matrix ${recurrent}. Steps up to t = ${t} are computed; later ones are faded.`
    : `Folded: one cell applied at every step; its loop is ${recurrent}. Unroll it to see the ${T} copies backpropagation runs through.`;

  return (
    <div className="unroll-view" ref={box}>
      <ViewShell name="unrolled-through-time" step={step} toolbar={toolbar} caption={caption} table={() => <UnrollTable record={r} stats={stats} t={t} />}>
        <div className="unroll-box" onMouseOver={onMove} onMouseMove={onMove} onMouseLeave={onLeave} onClick={onClick}>
          <div className="unroll-legends">
            <WeightKey recurrent={recurrent} lit={lit} onHighlight={highlightFrom} />
            <ColorLegend scale={stats.hScale} label="h_t[unit] (hidden value)" width={170} format={(v) => formatValue(v)} />
            {backward && <NormLegend range={stats.dhRange} hasZero={stats.dhNorms.some((n) => n === 0)} />}
          </div>
          <UnrollFigure
            record={r}
            stats={stats}
            geom={geom}
            t={t}
            unit={unit}
            p={p}
            backward={backward}
            truncate={truncate}
            truncMode={truncMode}
            tau={tau}
            lit={lit}
            recurrentName={recurrent}
            cut={cut}
            onPage={(s) => select({ t: Math.max(0, Math.min(T - 1, s)) })}
          />
          {tip && (
            <div className="tooltip" role="status" style={{ left: tip.x, top: tip.y }}>
              {tip.text}
            </div>
          )}
        </div>
        <p className="unroll-readout" data-testid="unroll-readout">
          t = {t}: input ‘{r.inputLabels[t]}’ → prediction ‘{r.outputLabels[t]}’
          {r.mask[t] === 1 ? ` (target ‘${r.targetLabels[t]}’${stats.verdicts[t] === null ? '' : stats.verdicts[t] ? ' ✓' : ' ✗'})` : ' (not scored)'}; ‖h_{t}‖ = {formatValue(stats.hNorms[t])}; ‖∂L/∂h_{t}‖ ={' '}
          {formatValue(stats.dhNorms[t])}
        </p>
      </ViewShell>
      <Scrubber T={T} labels={r.inputLabels} />
    </div>
  );
}
