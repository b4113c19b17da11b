import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { VIEWS } from '../app/views';
import { parseOrigins } from '../embed/origins';
import { MAX_AT, MAX_CAPTION } from '../state/scenario';
import type { ControlId, Scenario } from '../state/scenario';
import type { ViewId } from '../state/store';
import { ControlTable } from './ControlTable';
import { CopyField } from './CopyField';
import { modesOf, scenarioOf } from './share-choices';
import { shareOutputs } from './share-links';
import type { ShareTarget } from './share-links';
import { SharePreview } from './SharePreview';
import './share.css';

export interface ShareDialogProps {
  open: boolean;
  onClose: () => void;
  target: ShareTarget;
  /** the controls the table lists */
  offered: readonly ControlId[];
  /** the page's own scenario: the choices start from it */
  current: Scenario;
  /** the run's step now, offered as the start step (the lab), or null */
  step: number | null;
}

/**
 * "Share or embed": a modal <dialog> (showModal keeps the focus inside; Escape closes; the focus goes back to what
 * opened it). The form inside is mounted only while open, so each opening starts from the page as it is, and a
 * closed dialog runs no preview.
 */
export function ShareDialog(props: ShareDialogProps) {
  const { open, onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      // jsdom has no showModal; the open attribute is the same state there
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
    if (!open && opener.current instanceof HTMLElement) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);
  return (
    // onCancel: Escape; onClose: a close by the browser (form method=dialog, or close() from elsewhere)
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onCancel={onClose} onClose={onClose}>
      <div className="share-head">
        <h2 id="share-title">Share or embed</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {open && <ShareForm {...props} />}
    </dialog>
  );
}

function ShareForm({ target, offered, current, step }: ShareDialogProps) {
  const uid = useId();
  const [views, setViews] = useState<ViewId[]>(() => (target.kind === 'lab' ? target.ui.views : []));
  const [modes, setModes] = useState(() => modesOf(offered, current));
  const [caption, setCaption] = useState(current.caption ?? '');
  const [at, setAt] = useState(current.at === null ? '' : String(current.at));
  const [originText, setOriginText] = useState('');
  const [height, setHeight] = useState(target.kind === 'lab' ? 720 : 640);
  const scenario = useMemo(() => scenarioOf(offered, modes, caption, at), [offered, modes, caption, at]);
  const origins = useMemo(() => parseOrigins(originText), [originText]);
  const out = useMemo(() => shareOutputs(document.baseURI, target, { scenario, views, origins: origins.origins, height }), [target, scenario, views, origins, height]);
  const captionLength = Array.from(caption).length;
  const toggleView = (id: ViewId, on: boolean) => {
    const next = VIEWS.map((v) => v.id).filter((v) => (v === id ? on : views.includes(v)));
    if (next.length > 0) setViews(next);
  };
  return (
    <div className="share-body">
      <form className="share-choices" onSubmit={(e) => e.preventDefault()} aria-label="What the link shows">
        {target.kind === 'lab' && (
          <fieldset className="share-views">
            <legend>Views</legend>
            {VIEWS.map((v) => (
              <label key={v.id}>
                <input type="checkbox" checked={views.includes(v.id)} disabled={views.length === 1 && views[0] === v.id} onChange={(e) => toggleView(v.id, e.target.checked)} /> {v.title}
              </label>
            ))}
          </fieldset>
        )}
        <ControlTable offered={offered} modes={modes} onChange={setModes} />
        <div className="field">
          <label htmlFor={`${uid}-at`}>Start at step</label>
          <div className="share-inline">
            <input id={`${uid}-at`} type="number" inputMode="numeric" min={0} max={MAX_AT} step={1} value={at} placeholder="0" onChange={(e) => setAt(e.target.value)} aria-describedby={`${uid}-at-hint`} />
            {step !== null && step > 0 && (
              <button type="button" onClick={() => setAt(String(step))}>
                Use step {step.toLocaleString('en-US')}
              </button>
            )}
          </div>
          <small id={`${uid}-at-hint`} className="hint">
            The page trains to this step as it opens (the run is seeded: always the same state). Empty or 0: step 0.
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-caption`}>Caption</label>
          <input id={`${uid}-caption`} type="text" value={caption} onChange={(e) => setCaption(Array.from(e.target.value).slice(0, MAX_CAPTION).join(''))} aria-describedby={`${uid}-caption-hint`} />
          <small id={`${uid}-caption-hint`} className="hint">
            Plain text above the views, {captionLength} of {MAX_CAPTION} characters.
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-origin`}>Host page origin (for the iframe)</label>
          <input id={`${uid}-origin`} type="url" value={originText} placeholder="https://course.example.org" onChange={(e) => setOriginText(e.target.value)} aria-describedby={`${uid}-origin-hint`} />
          <small id={`${uid}-origin-hint`} className="hint">
            {origins.notes.length > 0 ? origins.notes.join(' ') : 'The site the iframe goes in: only it may drive the embed by messages. Several: separate them with commas.'}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-height`}>Iframe height (px)</label>
          <input id={`${uid}-height`} type="number" min={200} max={4000} step={10} value={height} onChange={(e) => setHeight(Number(e.target.value) || 640)} />
        </div>
      </form>
      <div className="share-outputs">
        <CopyField name="link" label="Link" value={out.link} rows={3} />
        <CopyField name="iframe" label="Iframe" value={out.iframe} rows={4} />
        <CopyField name="component" label="Web component" value={out.component} rows={4} />
        <SharePreview src={out.embedUrl} />
      </div>
    </div>
  );
}
