import type { ReactNode } from 'react';

/** The course pages' header: the name (home), the lesson index, the applications, the lab; `children` go on its right (playback). */
export function SiteHeader({ children, current }: { children?: ReactNode; current: 'home' | 'lessons' | 'lesson' | 'apps' }) {
  return (
    <header className="app-header course-header">
      <p className="site-name">
        <a href="#" aria-current={current === 'home' ? 'page' : undefined}>
          Unrolled
        </a>
      </p>
      <nav aria-label="Site">
        <a href="#lessons" aria-current={current === 'lessons' ? 'page' : undefined}>
          Lessons
        </a>{' '}
        <a href="#apps" aria-current={current === 'apps' ? 'page' : undefined}>
          What RNNs are for
        </a>{' '}
        <a href="#lab">Lab</a>
      </nav>
      {children}
    </header>
  );
}
