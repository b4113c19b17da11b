import type { InspectRecord } from '../../worker/record';
import { cellOf, fmt } from './gates-layout';
import { LATCH_KEEP, LATCH_SHARE, flips, latches, memoryStats, sharePercent as pct } from './memory-unit';
import type { MemoryStats } from './memory-unit';

/**
 * What the selected unit does with what it held at t = 0: the share of its final state that is that value
 * carried (the rest was written since), its mean keep and write gates over the later steps, and whether that
 * is the textbook latch. Names the best memory unit of the sequence when it is another one.
 */
export function MemoryReadout({ record, unit, best }: { record: InspectRecord; unit: number; best: MemoryStats | null }) {
  const s = memoryStats(record, unit, 0);
  if (!s) return null;
  const lstm = cellOf(record) === 'lstm';
  const state = lstm ? 'c' : 'h';
  const [keep, write] = lstm ? ['forget f', 'input i'] : ['update z', 'write 1 − z'];
  const last = record.T - 1;
  return (
    <div className="memory-readout" data-testid="memory-readout" aria-live="polite">
      <p>
        <strong>Unit {unit}</strong> from t = 0 to t = {last}: its final {state} = {fmt(s.end)} is {fmt(s.kept)} kept from t = 0 plus {fmt(s.writtenNet)} written since. Kept share: <strong>{pct(s.share)}</strong> (|kept| against |kept| + the size of every later write, {fmt(s.written)}). Mean {keep} = {fmt(s.meanKeep)}, mean {write} = {fmt(s.meanWrite)} over t ≥ 1.
      </p>
      <p className={latches(s) || flips(s) ? 'memory-verdict memory-latch' : 'memory-verdict'}>
        {flips(s)
          ? 'It keeps it with the sign flipping: a tanh forget gate near −1 multiplies the memory by −1 at every step, and the input gate writes little over it.'
          : latches(s)
          ? lstm
            ? 'It latches: forget ≈ 1 keeps the first input across the lag, input ≈ 0 writes almost nothing, and the output gate reads it out at the end.'
            : 'It latches: z ≈ 1 keeps h from t = 0 across the lag and lets almost nothing new in.'
          : s.share < LATCH_SHARE
            ? `It does not latch: what it wrote after t = 0 outweighs what it kept${lstm ? ' — the input gate stays open and the memory is rewritten at every step' : ''}.`
            : `It does not latch: the kept part dominates, but the mean ${keep} gate is below ${LATCH_KEEP}, so what it held fades over the lag.`}
        {best && best.unit !== unit && (latches(best) ? ` Unit ${best.unit} latches (${pct(best.share)} kept): press “Find the memory unit”.` : ` No unit of this sequence latches; unit ${best.unit} keeps the largest share (${pct(best.share)}).`)}
        {best && best.unit === unit && !latches(s) && !flips(s) && ' No unit of this sequence latches better.'}
      </p>
    </div>
  );
}
