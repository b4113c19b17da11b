import { memo, useLayoutEffect, useRef } from 'react';
import { checkText } from './formula-parts';
import type { Check, Formula } from './formula-parts';
import { Tex } from './Tex';

/** The class of a check's line: agrees (green), differs (red), or cannot hold because the run diverged (neutral). */
function checkClass(c: Check): string {
  return `formula-check ${c.overflow !== undefined ? 'formula-check-diverged' : c.agree ? 'formula-check-ok' : 'formula-check-bad'}`;
}

/**
 * One formula, its symbols outlined when they name `highlight`: its title, the symbols, the same formula with the
 * numbers of training step `step` (every block of the view shows the same step), the check of both sides, and
 * what is not streamed.
 */
export const FormulaBlock = memo(function FormulaBlock({ formula, highlight, step }: { formula: Formula; highlight: string | null; step: number }) {
  const ref = useRef<HTMLElement>(null);
  // outline the symbols naming the shared highlight; KaTeX's HTML is replaced whenever the numbers change, so after every render
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.querySelectorAll('.sym-lit').forEach((el) => el.classList.remove('sym-lit'));
    // highlight names are identifiers ('Whh', 'dh'); anything else cannot name a symbol here
    if (highlight && /^\w+$/.test(highlight)) root.querySelectorAll(`[data-sym="${highlight}"]`).forEach((el) => el.classList.add('sym-lit'));
  });
  const { id, title, symbolic, numeric, check, checks, note } = formula;
  return (
    <section className="formula" data-formula={id} data-step={step} aria-label={title} ref={ref}>
      <h3 className="formula-title">{title}</h3>
      <Tex className="formula-symbolic" tex={symbolic} />
      {/* a one-line substitution may wrap after = or + on a phone; aligned blocks keep their columns */}
      {numeric && <Tex className="formula-numeric" tex={numeric} inline={!numeric.startsWith('\\begin')} />}
      {[check, ...(checks ?? [])].map((c, k) => c && (
        <p key={k} className={checkClass(c)} data-testid={k === 0 ? `check-${id}` : `check-${id}-${k}`}>
          {checkText(c)}
        </p>
      ))}
      {note && <p className="formula-note">{note}</p>}
    </section>
  );
});
