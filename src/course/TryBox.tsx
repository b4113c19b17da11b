import { useState } from 'react';
import { compare, readQuantity, QUANTITIES } from '../lessons/quantities';
import type { Try } from '../lessons/types';
import { useLab } from '../state/context';
import { formatValue } from '../views/chart/format';
import { snapshotOf } from './snapshot';

/** Try it: a goal checked on every committed frame; once it holds, the page says so and why it worked. */
export function TryBox({ goal }: { goal: Try }) {
  const value = useLab((s) => readQuantity(goal.holds.quantity, snapshotOf(s)));
  // once reached, the goal stays reached (the run goes on and may move away from it)
  const [held, setHeld] = useState(false);
  const holds = value !== null && compare(value, goal.holds.op, goal.holds.value);
  if (holds && !held) setHeld(true);
  return (
    <section className={held ? 'try try-done' : 'try'} aria-labelledby="try-goal" data-testid="try" data-held={held} data-value={value ?? undefined} data-solve={goal.solve ? JSON.stringify(goal.solve) : undefined}>
      <h2 id="try-goal">Try it: {goal.goal}</h2>
      <p className="try-now">
        Now: {QUANTITIES[goal.holds.quantity].label} = <strong>{value === null ? '—' : formatValue(value)}</strong> (goal: {goal.holds.op} {formatValue(goal.holds.value)})
      </p>
      <p aria-live="polite">{held ? `✓ Done. ${goal.why}` : ''}</p>
    </section>
  );
}
