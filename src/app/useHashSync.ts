import { useEffect } from 'react';
import { useLab, useLabActions } from '../state/context';
import { fromHash, MAX_LINK_TEXT, toHash } from '../state/url';
import { parseRoute } from './route';

/**
 * Keeps the URL hash equal to the lab's config and page settings (replaceState: no history entry per
 * tweak), and applies a hash the user types or a link that is opened in this tab.
 */
export function useHashSync(): void {
  const config = useLab((s) => s.config);
  const ui = useLab((s) => s.ui);
  const a = useLabActions();
  useEffect(() => {
    const hash = toHash(config, ui);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    const t = config.task;
    const own = t.kind === 'text' ? (t.text ?? '') : t.kind === 'series' ? t.csv : '';
    if (own.length > MAX_LINK_TEXT) a.notify('info', `Your own data (${own.length.toLocaleString('en-US')} characters) is too long for a link; a shared link opens with the default data.`);
  }, [config, ui, a]);
  useEffect(() => {
    const onHash = () => {
      // a link to another page (a lesson, the home) is the site's to follow, not a lab setting
      if (parseRoute(window.location.hash).page !== 'lab') return;
      const { config: next, ui: nextUi, notes } = fromHash(window.location.hash);
      notes.forEach((n) => a.notify('warning', n));
      a.setUi(nextUi);
      a.setSpeed(nextUi.speed);
      a.configure(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [a]);
}
