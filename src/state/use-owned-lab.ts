import { useEffect, useState } from 'react';
import type { Lab } from './lab';

/**
 * A lab the calling component owns: made after mount (a lab starts a worker, which is not a thing to do while
 * rendering), disposed on unmount or when `key` changes. Null until made.
 */
export function useOwnedLab(make: () => Lab, key: string): Lab | null {
  const [lab, setLab] = useState<Lab | null>(null);
  useEffect(() => {
    const l = make();
    // the lab is an external resource synchronised with this component's life: made here, handed to render
    setLab(l); // eslint-disable-line react-hooks/set-state-in-effect
    return () => l.dispose();
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `make` is read once per key
  return lab;
}
