import { useCallback, useEffect, useState } from 'react';
import { KeysHelp } from '../app/KeysHelp';
import { ownsKey, useKeyboard } from '../app/useKeyboard';
import { LabProvider } from '../state/context';
import type { Lab } from '../state/lab';

/** A lesson's keys: the lab's (Space/k, →, r, ?) and PageDown/PageUp for the steps (what clickers send). */
export function LessonKeys({ lab, onPrev, onNext }: { lab: Lab; onPrev: () => void; onNext: () => void }) {
  return (
    <LabProvider lab={lab}>
      <Keys onPrev={onPrev} onNext={onNext} />
    </LabProvider>
  );
}

function Keys({ onPrev, onNext }: { onPrev: () => void; onNext: () => void }) {
  const [help, setHelp] = useState(false);
  const toggle = useCallback(() => setHelp((h) => !h), []);
  useKeyboard(toggle);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target)) return;
      if (e.key === 'PageDown') onNext();
      else if (e.key === 'PageUp') onPrev();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPrev, onNext]);
  return <KeysHelp open={help} onClose={() => setHelp(false)} />;
}
