import { useCallback, useEffect, useRef, useState } from 'react';
import { createLab } from '../../state/lab';
import type { Lab } from '../../state/lab';
import { useLabInstance } from '../../state/context';
import { startComparison } from './compare-controller';
import type { CompareController, LabFactory } from './compare-controller';

export type { LabFactory } from './compare-controller';

/**
 * The comparison's extra labs for a view: created on `start()` (startComparison drives them from the page's
 * commands), disposed on `stop()` or unmount.
 */
export function useCompareLabs(makeLab: LabFactory = createLab): { extras: [Lab, Lab] | null; start: () => void; stop: () => void } {
  const page = useLabInstance();
  const [extras, setExtras] = useState<[Lab, Lab] | null>(null);
  const controller = useRef<CompareController | null>(null);

  const start = useCallback(() => {
    if (controller.current) return;
    controller.current = startComparison(page, makeLab);
    setExtras(controller.current.extras);
  }, [page, makeLab]);

  const stop = useCallback(() => {
    controller.current?.dispose();
    controller.current = null;
    setExtras(null);
  }, []);

  useEffect(() => () => controller.current?.dispose(), []);

  return { extras, start, stop };
}
