import 'katex/dist/katex.min.css';
import { renderTex } from '../views/formulas/katex-render';

/**
 * A lesson paragraph: plain text with $…$ typeset as inline maths. The text is the lesson's own (authored in
 * the repository), and KaTeX escapes what it typesets; nothing in it comes from a link or a user.
 */
export function StepText({ text }: { text: string }) {
  const parts = text.split('$');
  return (
    <p>
      {parts.map((part, i) => (i % 2 === 1 ? <span key={i} className="lesson-math" dangerouslySetInnerHTML={{ __html: renderTex(part, false) }} /> : part))}
    </p>
  );
}
