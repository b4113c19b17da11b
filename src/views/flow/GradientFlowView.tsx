import { useId, useMemo, useRef } from 'react';
import { useLab, useLabActions } from '../../state/context';
import { Legend } from '../chart/Legend';
import type { LegendItem } from '../chart/Legend';
import '../chart/chart.css';
import { formatStep } from '../chart/format';
import { useElementWidth } from '../chart/use-width';
import { Scrubber } from '../kit/Scrubber';
import { ViewShell } from '../kit/ViewShell';
import { FlowChart, formatNorm } from './FlowChart';
import { FlowKnobs } from './FlowKnobs';
import { FlowTable } from './FlowTable';
import { EXPLOSION_RULE } from './flow-layout';
import { describeFlow, SHAPE_RULE } from './flow-shape';
import type { FlowShape } from './flow-shape';
import { carryGateMean, carryWords, guideWords, slopeStats, taskLag, truncationLagWords } from './flow-words';
import { buildHistory } from './history-model';
import type { NormSeries } from './history-model';
import { NormHistory } from './NormHistory';
import { buildProfile } from './profile-model';
import './flow.css';

/** Width laid out before the panel is measured (and in jsdom, which has no layout). */
export const FLOW_FALLBACK_WIDTH = 560;

/** The scored steps of a record's mask (the steps τ may be). */
export function scoredSteps(mask: Uint8Array): number[] {
  const out: number[] = [];
  mask.forEach((m, t) => m === 1 && out.push(t));
  return out;
}

/** "step 1,200: ‖∇θ‖ = 3.2; 850 of 1,200 steps clipped; 2 explosions marked ▼ (‖∇θ‖ above 1,000, or overflowed to ∞/NaN)." */
export function historySummary(h: NormSeries, spikes: number): string {
  const n = h.length;
  if (n === 0) return 'No training steps yet.';
  let clipped = 0;
  for (let i = 0; i < n; i++) clipped += h.clipped[i];
  const last = h.step[n - 1];
  const after = h.clipped[n - 1] > 0 ? ` → ${formatNorm(h.gradNormClipped[n - 1])} after clipping` : '';
  const what = h.stride > 1 ? (spikes === 1 ? 'point' : 'points') : spikes === 1 ? 'explosion' : 'explosions';
  const merged = h.stride > 1 ? `, each point the largest of ${formatStep(h.stride)} steps` : '';
  return `step ${formatStep(last)}: ‖∇θ‖ = ${formatNorm(h.gradNorm[n - 1])}${after}; ${formatStep(clipped)} of ${formatStep(last)} steps clipped; ${spikes} ${what} marked ▼ (${EXPLOSION_RULE}${merged}).`;
}

/** data-trend of the profile's sentence: falling / rising / level for the steady shapes, the shape's own name for a curve that turns. */
export function trendAttr(fit: FlowShape | null): string {
  if (!fit) return 'unknown';
  return fit.shape === 'vanishing' ? 'falling' : fit.shape === 'exploding' ? 'rising' : fit.shape === 'constant' ? 'level' : fit.shape;
}

/**
 * §2 of the lecture, live: how much of step τ's error reaches each earlier step (a straight line on a log
 * axis: falling = vanishing, rising = exploding), the per-step factor, the knobs that cause and cure it, and
 * the global gradient norm per training step with explosions and clipping marked.
 */
export function GradientFlowView() {
  // a lesson puts only its own settings in the student's hands
  const knobs = useLab((s) => s.ui.viewKnobs !== false);
  const record = useLab((s) => s.frame?.record ?? null);
  const step = useLab((s) => s.frame?.step ?? null);
  const config = useLab((s) => s.config);
  const spectral = useLab((s) => s.spectral);
  const version = useLab((s) => s.historyVersion);
  const history = useLab((s) => s.history);
  const tauSel = useLab((s) => s.selection.tau);
  const t = useLab((s) => s.selection.t);
  const highlight = useLab((s) => s.selection.highlight);
  const taskLength = useLab((s) => s.info?.task.length ?? null);
  const a = useLabActions();
  const main = useRef<HTMLDivElement>(null);
  const width = useElementWidth(main, FLOW_FALLBACK_WIDTH);
  const tauId = useId();

  const profile = useMemo(() => (record ? buildProfile(record, width, config.truncate, config.truncMode) : null), [record, width, config.truncate, config.truncMode]);
  // history is mutated in place: `version` says when it changed
  const strip = useMemo(() => ({ model: buildHistory(history, config.clip, width), version }), [history, config.clip, width, version]);
  const scored = useMemo(() => (record ? scoredSteps(record.mask) : []), [record]);

  const hasC = (record?.flowC.length ?? 0) > 0;
  const fit = profile?.h.fit ?? null;
  const hText = profile ? describeFlow(fit, 'error', profile.tau) : '';
  const cText = profile?.c ? describeFlow(profile.c.fit, 'error through the cell state', profile.tau) : '';
  const trend = trendAttr(fit);
  // ρ·⟨act′⟩ beside the measurement (vanilla RNN), or the gate that carries a gated cell's error; read from the record the curve came from
  const guide = useMemo(() => {
    if (!record || !fit) return null;
    if (record.cell === 'rnn') return guideWords(config.model.activation, spectral, slopeStats(record, config.model.activation, fit.from, fit.to), fit);
    const text = carryWords(record.cell, carryGateMean(record, fit.from, fit.to), fit.steps);
    return text ? { text, why: null, agrees: null, step: NaN } : null;
  }, [record, fit, spectral, config.model.activation]);
  const lagText = useMemo(() => {
    const lag = taskLag(config.task);
    const carry = record && lag && record.T > lag.answer ? carryGateMean(record, lag.answer, lag.earliest) : null;
    return truncationLagWords(config.task, config.truncate, config.truncMode, record?.cell ?? config.model.cell, carry);
  }, [record, config.task, config.truncate, config.truncMode, config.model.cell]);
  const legend: LegendItem[] = [
    { label: '‖∂ℓτ/∂hk‖ (through h)', className: 'flow-h' },
    ...(hasC ? [{ label: '‖∂ℓτ/∂ck‖ (through the cell state c)', className: 'flow-c', dashed: true }] : []),
    { label: 'per-step factor between the ends', className: 'flow-fit-swatch', dashed: true },
  ];
  const historyLegend: LegendItem[] = [
    { label: '‖∇θ‖ before clipping', className: 'flow-before' },
    ...(strip.model.clipped.length > 0 ? [{ label: 'after clipping', className: 'flow-after', dashed: true }] : []),
    ...(strip.model.thresholdY !== null ? [{ label: 'clipping threshold', className: 'flow-threshold-swatch', dashed: true }] : []),
  ];
  const truncWords = config.truncMode === 'chunk' ? `chunks of ${config.truncate} steps: from the start of τ's chunk to τ` : `a window of ${config.truncate} steps per loss, ending at τ`;
  const tauValue = tauSel === null ? '' : String(tauSel);
  const aria = profile && record ? `Gradient flow from τ = ${record.tau}: ‖∂ℓτ/∂hk‖ is ${formatNorm(record.flowH[record.tau])} at k = ${record.tau} and ${formatNorm(record.flowH[0])} at k = 0. ${hText}` : '';

  const toolbar = record && (
    <span className="flow-tau">
      <label htmlFor={tauId}>error of step τ</label>{' '}
      <select id={tauId} value={tauValue} onChange={(e) => a.select({ tau: e.target.value === '' ? null : Number(e.target.value) })} onKeyDown={(e) => e.stopPropagation()}>
        <option value="">last scored ({scored[scored.length - 1] ?? '—'})</option>
        {scored.map((k) => (
          <option key={k} value={k}>
            τ = {k}
          </option>
        ))}
      </select>
    </span>
  );

  return (
    <div className={knobs ? 'flow-view' : 'flow-view no-knobs'}>
      <div className="flow-main" ref={main}>
        <ViewShell
          name="gradient-flow"
          step={step}
          toolbar={toolbar}
          caption="The error of step τ travels back through the unrolled network, multiplied at each step by the Jacobian ∂hₖ/∂hₖ₋₁ (for the vanilla RNN diag(act′)·W_hh). A factor that stays below 1 makes it vanish, one that stays above 1 makes it explode. Try a linear RNN with identity init at recurrent scale 0.5, then 1.5; then tanh; then an LSTM."
          table={() => (record ? <FlowTable tau={record.tau} flowH={record.flowH} flowC={record.flowC} history={history} /> : <p>No frame yet.</p>)}
        >
          {!record || !profile ? (
            <p className="view-empty">Training starts… the gradient-flow profile appears with the first frame.</p>
          ) : (
            <>
              <p className={`flow-factor flow-${trend}`} data-testid="flow-factor" data-trend={trend} data-shape={fit?.shape ?? ''} data-factor={fit?.factor ?? ''}>
                {hText}
                {cText && <span className="flow-factor-c"> Through c: {cText.charAt(0).toLowerCase() + cText.slice(1)}</span>}
              </p>
              {guide && (
                <p className="flow-note flow-guide" data-testid="flow-guide" data-agrees={guide.agrees === null ? '' : String(guide.agrees)}>
                  {guide.text}
                  {guide.why && <> {guide.why}</>}
                </p>
              )}
              <p className="flow-note" data-testid="flow-rule">
                {SHAPE_RULE}
              </p>
              {/* HTML legends do not travel with an exported image: the lines are labelled inside the SVG as well */}
              <div className="no-export">
                <Legend items={legend} label="Profile legend" />
              </div>
              <FlowChart
                model={profile}
                flowH={record.flowH}
                flowC={record.flowC}
                label={aria}
                selectedT={t}
                highlight={highlight}
                onHighlight={(h) => a.select({ highlight: h })}
                onSelect={(k) => a.select({ t: k })}
              />
              {profile.window && (
                <p className="flow-note">
                  Shaded: the {profile.window.to - profile.window.from + 1} steps k = {profile.window.from}…{profile.window.to} that truncated BPTT trains on ({truncWords}); the error beyond never reaches the weights.
                </p>
              )}
              {lagText && (
                <p className="flow-note flow-lag" data-testid="flow-trunc-lag">
                  {lagText}
                </p>
              )}
              <Scrubber T={record.T} labels={record.inputLabels} />
            </>
          )}
          <h3 className="flow-subtitle">Gradient norm per training step</h3>
          <p className="flow-note" data-testid="flow-history-summary">
            {historySummary(history, strip.model.spikes.length)}
          </p>
          <div className="no-export">
            <Legend items={historyLegend} label="History legend" />
          </div>
          <p className="flow-marks-key" aria-hidden="true">
            <span className="flow-spike-key">▼</span> explosion: {EXPLOSION_RULE} · <span className="flow-clip-key">|</span> a clipped step
          </p>
          <NormHistory model={strip.model} h={history} label={`Global gradient norm per training step (log scale). ${historySummary(history, strip.model.spikes.length)}`} />
        </ViewShell>
      </div>
      {knobs && (
        <div className="flow-side">
          <h3 className="flow-subtitle">Causes and cures</h3>
          <FlowKnobs config={config} spectral={spectral} T={record?.T ?? taskLength ?? 50} configure={(c) => a.configure(c)} highlight={highlight} />
        </div>
      )}
    </div>
  );
}
