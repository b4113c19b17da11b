import { memo, useLayoutEffect, useRef } from 'react';
import { checkText } from './formula-parts';
import type { Formula } from './formula-parts';
import { Tex } from './Tex';
import { useHeld, useOnScreen } from './use-on-screen';

/**
 * One formula, its symbols outlined when they name `highlight`: its title, the symbols, the same formula with today's numbers, the check of both sides, and what
 * is not streamed. When `lazy` (training runs) and off screen, it keeps the numbers it last showed (re-typesetting
 * unseen formulas would only cost frames) and catches up as soon as it scrolls into view or training pauses.
 */
export const FormulaBlock = memo(function FormulaBlock({ formula, highlight, lazy = false }: { formula: Formula; highlight: string | null; lazy?: boolean }) {
  const ref = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(ref);
  const shown = useHeld(formula, onScreen || !lazy);
  // outline the symbols naming the shared highlight; KaTeX's HTML is replaced whenever the numbers change, so after every render
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.querySelectorAll('.sym-lit').forEach((el) => el.classList.remove('sym-lit'));
    // highlight names are identifiers ('Whh', 'dh'); anything else cannot name a symbol here
    if (highlight && /^\w+$/.test(highlight)) root.querySelectorAll(`[data-sym="${highlight}"]`).forEach((el) => el.classList.add('sym-lit'));
  });
  const { id, title, symbolic, numeric, check, checks, note } = shown;
  return (
    <section className="formula" data-formula={id} aria-label={title} ref={ref}>
      <h3 className="formula-title">{title}</h3>
      <Tex className="formula-symbolic" tex={symbolic} />
      {/* a one-line substitution may wrap after = or + on a phone; aligned blocks keep their columns */}
      {numeric && <Tex className="formula-numeric" tex={numeric} inline={!numeric.startsWith('\\begin')} />}
      {[check, ...(checks ?? [])].map((c, k) => c && (
        <p key={k} className={c.agree ? 'formula-check formula-check-ok' : 'formula-check formula-check-bad'} data-testid={k === 0 ? `check-${id}` : `check-${id}-${k}`}>
          {checkText(c)}
        </p>
      ))}
      {note && <p className="formula-note">{note}</p>}
    </section>
  );
});
