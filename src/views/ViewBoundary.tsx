import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** the view's title, as its panel shows it */
  title: string;
  /** changes when the view is reloaded: the boundary then tries its children again */
  attempt: number;
  onReload: () => void;
  children: ReactNode;
}

/**
 * A chunk that failed to load says so in its message (Chromium, Firefox and Safari word it differently); so does a
 * view's stylesheet that Vite's preload could not fetch ("Unable to preload CSS for …", thrown from the lazy import
 * before the view's code runs: the equations view's, with KaTeX's, when the server went away mid-walk).
 */
const CHUNK_FAILED = /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch|Unable to preload CSS/i;

/** One plain sentence on what failed, for the student; the detail goes behind a disclosure. */
export function failureSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return CHUNK_FAILED.test(message)
    ? 'The code of this view could not be loaded (the connection or the server may be down).'
    : 'This view hit an error while drawing.';
}

/**
 * Contains a failure of one view: the panel says what failed, offers "Reload this view" and the error detail;
 * the run, the other panels and the controls go on (React unmounts only the subtree below a boundary).
 */
export class ViewBoundary extends Component<Props, { error: unknown; attempt: number }> {
  override state = { error: null as unknown, attempt: this.props.attempt };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; attempt: number }) {
    // a reload clears the failure and renders the (fresh) children again
    return props.attempt !== state.attempt ? { error: null, attempt: props.attempt } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`The view "${this.props.title}" failed:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    return (
      <div className="view-failed" role="alert" data-failed-view={this.props.title}>
        <p>
          {failureSentence(error)} The training run and the other views go on.
        </p>
        <button type="button" onClick={this.props.onReload}>
          Reload this view
        </button>
        <details>
          <summary>Error detail</summary>
          <pre>{detail}</pre>
        </details>
      </div>
    );
  }
}
