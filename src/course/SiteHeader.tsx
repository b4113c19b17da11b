import type { ReactNode } from 'react';

/** The course pages' header: the name (home), the lesson index, the lab; `children` go on its right (playback). */
export function SiteHeader({ children, current }: { children?: ReactNode; current: 'home' | 'lessons' | 'lesson' }) {
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
        <a href="#lab">Lab</a>
      </nav>
      {children}
    </header>
  );
}
