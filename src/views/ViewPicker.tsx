import { VIEWS } from '../app/views';
import { useLab, useLabActions } from '../state/context';
import type { ViewId } from '../state/store';
import { LockedMark, useControl } from './controls/fields';

/** Which views the page shows (kept in the URL, so a lecture link opens on the views it needs). */
export function ViewPicker() {
  const shown = useLab((s) => s.ui.views);
  const a = useLabActions();
  const { visible, locked } = useControl('views');
  const toggle = (id: ViewId, on: boolean) => {
    const next = VIEWS.map((v) => v.id).filter((v) => (v === id ? on : shown.includes(v)));
    if (next.length > 0) a.setUi({ views: next });
  };
  const last = shown.length === 1 ? shown[0] : null;
  if (!visible) return null;
  return (
    // a fieldset disabled by the scenario disables every box in it
    <fieldset className="view-picker" disabled={locked} aria-describedby={locked ? 'view-picker-locked' : undefined}>
      <legend>Views</legend>
      {locked && <LockedMark id="view-picker-locked" />}
      {VIEWS.map((v) => (
        <label key={v.id}>
          <input
            type="checkbox"
            checked={shown.includes(v.id)}
            // the page always shows at least one view: the last one cannot be unticked, and says why
            disabled={v.id === last}
            aria-describedby={v.id === last ? 'view-picker-last' : undefined}
            onChange={(e) => toggle(v.id, e.target.checked)}
          />{' '}
          {v.title}
        </label>
      ))}
      {last && (
        <span id="view-picker-last" className="hint">
          One view always stays open: tick another to close this one.
        </span>
      )}
    </fieldset>
  );
}
