import { useId, useRef, useState } from 'react';

/**
 * One output of the dialog: its text, read-only, and a Copy button. When the browser refuses the clipboard (no
 * permission, an insecure page, no Clipboard API), the text is selected instead and the field says to press Ctrl+C.
 */
export function CopyField({ label, value, rows = 3, name }: { label: string; value: string; rows?: number; name: string }) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  // what the last copy did, for the value it copied (a new value clears it)
  const [status, setStatus] = useState<{ for: string; text: string } | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus({ for: value, text: 'Copied.' });
    } catch {
      area.current?.focus();
      area.current?.select();
      setStatus({ for: value, text: 'The browser did not let the page copy: the text is selected, press Ctrl+C (⌘C on a Mac).' });
    }
  };
  return (
    <div className="copy-field" data-output={name}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={area} readOnly value={value} rows={rows} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <div className="copy-row">
        <button type="button" onClick={() => void copy()}>
          Copy {label.toLowerCase()}
        </button>
        <span role="status" className="hint">
          {status && status.for === value ? status.text : ''}
        </span>
      </div>
    </div>
  );
}
