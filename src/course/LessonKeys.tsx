import { useCallback, useEffect, useState } from 'react';
import { KeysHelp } from '../app/KeysHelp';
import { ownsKey, useKeyboard } from '../app/useKeyboard';
import { LabProvider } from '../state/context';
import type { Lab } from '../state/lab';

/**
 * A lesson's keys: the lab's (Space/k, →, r, ?) and PageDown/PageUp for the steps (what clickers send). While
 * presenting, the steps' keys — → and ← as well — are the presenter's (src/present/usePresenter.ts).
 */
export function LessonKeys({ lab, presenting = false, onPrev, onNext }: { lab: Lab; presenting?: boolean; onPrev: () => void; onNext: () => void }) {
  return (
    <LabProvider lab={lab}>
      <Keys presenting={presenting} onPrev={onPrev} onNext={onNext} />
    </LabProvider>
  );
}

function Keys({ presenting, onPrev, onNext }: { presenting: boolean; onPrev: () => void; onNext: () => void }) {
  const [help, setHelp] = useState(false);
  const toggle = useCallback(() => setHelp((h) => !h), []);
  useKeyboard(toggle, presenting);
  useEffect(() => {
    if (presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target)) return;
      if (e.key === 'PageDown') onNext();
      else if (e.key === 'PageUp') onPrev();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPrev, onNext, presenting]);
  return <KeysHelp open={help} onClose={() => setHelp(false)} />;
}
