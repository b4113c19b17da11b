import { useEffect, useState } from 'react';
import type { Lab } from '../state/lab';

/**
 * A lab the embed owns, made the first time the embed is seen (`seen`): an embed far down a course page, or on a
 * slide not yet shown, starts no worker until a reader gets there. Disposed on unmount or when `key` changes.
 */
export function useEmbedLab(make: () => Lab, key: string, seen: boolean): Lab | null {
  const [lab, setLab] = useState<Lab | null>(null);
  useEffect(() => {
    if (!seen) return;
    const l = make();
    // the lab is an external resource synchronised with this component's life: made here, handed to render
    setLab(l); // eslint-disable-line react-hooks/set-state-in-effect
    return () => l.dispose();
  }, [key, seen]); // eslint-disable-line react-hooks/exhaustive-deps -- `make` is read once per key
  return lab;
}
