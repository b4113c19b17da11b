import { useEffect } from 'react';
import type { SessionConfig } from '../engine/config';
import { useLab, useLabActions, useLabInstance } from '../state/context';
import { isLocked, lockedChanges, lockedMessage, scenarioParams, useScenario } from '../state/scenario';
import type { ControlId } from '../state/scenario';
import type { UiSettings } from '../state/store';
import { fromHash, MAX_LINK_TEXT, toHash } from '../state/url';
import { keepPresent } from '../present/present-flag';
import { parseRoute } from './route';

/**
 * Keeps the URL hash equal to the lab's config and page settings (replaceState: no history entry per
 * tweak), and applies a hash the user types or a link that is opened in this tab. The page's scenario stays in
 * the hash as it was opened (a reload or a copied address keeps its controls, locks and caption), and a typed
 * hash that would change a locked setting is refused whole, with a notice, and the address put back.
 */
export function useHashSync(): void {
  const config = useLab((s) => s.config);
  const ui = useLab((s) => s.ui);
  const a = useLabActions();
  const lab = useLabInstance();
  const scenario = useScenario();
  const extra = scenarioParams(scenario).toString();
  useEffect(() => {
    const hash = hashOf(config, ui, extra);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    const t = config.task;
    const own = t.kind === 'text' ? (t.text ?? '') : t.kind === 'series' ? t.csv : '';
    if (own.length > MAX_LINK_TEXT) a.notify('info', `Your own data (${own.length.toLocaleString('en-US')} characters) is too long for a link; a shared link opens with the default data.`);
  }, [config, ui, a, extra]);
  useEffect(() => {
    const onHash = () => {
      // a link to another page (a lesson, the home) is the site's to follow, not a lab setting
      if (parseRoute(window.location.hash).page !== 'lab') return;
      const { config: next, ui: nextUi, notes } = fromHash(window.location.hash);
      const now = lab.store.getState();
      const refused: ControlId[] = [...lockedChanges(scenario, now.config, next)];
      if (isLocked(scenario, 'speed') && nextUi.speed !== now.ui.speed) refused.push('speed');
      if (isLocked(scenario, 'views') && nextUi.views.join(',') !== now.ui.views.join(',')) refused.push('views');
      if (refused.length > 0) {
        a.notify('warning', lockedMessage(now.config, refused));
        window.history.replaceState(null, '', hashOf(now.config, now.ui, extra));
        return;
      }
      notes.forEach((n) => a.notify('warning', n));
      a.setUi(nextUi);
      a.setSpeed(nextUi.speed);
      a.configure(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [a, lab, scenario, extra]);
}

/** The lab's link: its config and page settings, then the scenario's keys. */
function hashOf(config: SessionConfig, ui: UiSettings, scenario: string): string {
  const hash = toHash(config, ui);
  // presenter mode (present=1) stays in the link too: a reloaded audience window still presents
  return keepPresent(scenario === '' ? hash : `${hash}&${scenario}`, window.location.hash);
}
