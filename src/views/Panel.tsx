import { useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { LabProvider, useLabInstance } from '../state/context';
import { gateStore } from '../state/gate';

/**
 * A titled region of the page holding one view. Unless `live`, the view below it sees the widget's state
 * only while the panel is on screen (or near it): off-screen views skip the re-render of every frame.
 */
export function Panel({ id, title, children, wide, live, reserve }: { id: string; title: string; children: ReactNode; wide?: boolean; live?: boolean; reserve?: number }) {
  const headingId = `panel-${id}-title`;
  const lab = useLabInstance();
  const section = useRef<HTMLElement>(null);
  const gated = useMemo(() => (live ? null : gateStore(lab.store)), [lab, live]);
  const gatedLab = useMemo(() => (gated ? { ...lab, store: gated } : null), [lab, gated]);
  useEffect(() => {
    const el = section.current;
    if (!gated || !el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => gated.setOpen(entries[entries.length - 1].isIntersecting), { rootMargin: '200px 0px' });
    io.observe(el);
    return () => {
      io.disconnect();
      gated.setOpen(true);
    };
  }, [gated]);
  const body = gatedLab ? <LabProvider lab={gatedLab}>{children}</LabProvider> : children;
  return (
    <section
      ref={section}
      className={wide ? 'panel panel-wide' : 'panel'}
      aria-labelledby={headingId}
      data-view={id}
      // off screen, content-visibility skips the panel's layout: estimate its real height so scrolling does not shift the page
      style={reserve ? { containIntrinsicSize: `auto ${reserve}px` } : undefined}
    >
      <h2 id={headingId}>{title}</h2>
      {body}
    </section>
  );
}
