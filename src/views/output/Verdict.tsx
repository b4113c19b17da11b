/** ✓ or ✗ in its colour, with the word for screen readers (an exported image has the mark). */
export function Verdict({ correct, as = 'td' }: { correct: boolean; as?: 'td' | 'span' }) {
  const Tag = as;
  return (
    <Tag className={correct ? 'answer-right' : 'answer-wrong'} data-correct={String(correct)}>
      <span aria-hidden="true">{correct ? '✓' : '✗'}</span>
      <span className="visually-hidden no-export">{correct ? 'right' : 'wrong'}</span>
    </Tag>
  );
}
