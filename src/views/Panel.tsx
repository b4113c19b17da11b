import type { ReactNode } from 'react';

/** A titled region of the page holding one view. */
export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = `panel-${id}-title`;
  return (
    <section className="panel" aria-labelledby={headingId} data-view={id}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
