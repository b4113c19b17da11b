import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

/**
 * The last resort: a failure outside every view's own boundary (the header, the settings, the shell) shows
 * this instead of a blank page. Reloading keeps the current link, and with it every setting.
 */
export class AppBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('The page failed:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const href = typeof location === 'undefined' ? '' : location.href;
    return (
      <main className="app-failed" role="alert">
        <h1>Unrolled stopped</h1>
        <p>Something on this page failed. Reloading it keeps your settings: they are in the link.</p>
        <p>
          <button type="button" className="primary" onClick={() => location.reload()}>
            Reload page
          </button>{' '}
          <a href={href}>{href}</a>
        </p>
        <details>
          <summary>Error detail</summary>
          <pre>{error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}</pre>
        </details>
      </main>
    );
  }
}
