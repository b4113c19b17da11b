import type { ReactNode } from 'react';

/** A titled region of the page holding one view. */
export function Panel({ id, title, children, wide }: { id: string; title: string; children: ReactNode; wide?: boolean }) {
  const headingId = `panel-${id}-title`;
  return (
    <section className={wide ? 'panel panel-wide' : 'panel'} aria-labelledby={headingId} data-view={id}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
