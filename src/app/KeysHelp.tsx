import { useEffect, useRef } from 'react';
import { KEYS } from './useKeyboard';

function KeyTable({ keys }: { keys: readonly (typeof KEYS)[number][] }) {
  return (
    <table className="data-table">
      <tbody>
        {keys.map((k) => (
          <tr key={k.does}>
            <th scope="row">
              {k.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </th>
            <td>{k.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The list of keys, as a modal dialog ("?" or the header's Keys button opens it; Escape or Close shuts it); the presenter's keys apart. */
export function KeysHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    // jsdom has no showModal; the open attribute is the same state there
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={dialog} className="keys-help" aria-labelledby="keys-help-title" onClose={onClose} onCancel={onClose}>
      <h2 id="keys-help-title">Keys</h2>
      <KeyTable keys={KEYS.filter((k) => !k.presenting)} />
      <h3 className="keys-help-sub">While presenting</h3>
      <KeyTable keys={KEYS.filter((k) => k.presenting)} />
      <p className="hint">Keys act while the page has the focus; a text or number field keeps its own keys.</p>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
