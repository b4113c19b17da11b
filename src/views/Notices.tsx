import { useLab, useLabActions } from '../state/context';

/** What a link changed, refused inputs, a divergence (with reset) and a crashed worker (with restart). */
export function Notices() {
  const notices = useLab((s) => s.notices);
  const divergence = useLab((s) => s.divergence);
  const fatal = useLab((s) => s.fatal);
  const a = useLabActions();
  if (notices.length === 0 && !divergence && !fatal) return null;
  return (
    <section className="notices" aria-label="Messages">
      {divergence && (
        <div className="notice notice-error" role="alert" data-testid="divergence">
          <p>
            <strong>{divergence.message}</strong> Training is paused. Try a smaller
            learning rate, gradient clipping, or a smaller recurrent scale.
          </p>
          <button type="button" onClick={a.reset}>
            Reset to step 0
          </button>
        </div>
      )}
      {fatal && (
        <div className="notice notice-error" role="alert" data-testid="fatal">
          <p>
            <strong>The training worker stopped:</strong> {fatal}
          </p>
          <button type="button" onClick={a.restartWorker}>
            Restart it
          </button>
        </div>
      )}
      {notices.length > 0 && (
        <ul className="notice-list" aria-label="Notices" data-testid="notices">
          {notices.map((n) => (
            <li key={n.id} className={`notice notice-${n.kind}`}>
              <span>{n.text}</span>
              <button type="button" className="dismiss" onClick={() => a.dismissNotice(n.id)} aria-label={`Dismiss: ${n.text}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
