import { useCallback, useEffect, useRef, useState } from 'react';
import { createLab } from '../../state/lab';
import type { Lab, LabOptions } from '../../state/lab';
import { useLab, useLabActions } from '../../state/context';
import { configKey, mirrorConfig, otherCells } from './compare-layout';

/** Makes a lab (createLab in the page; a stub in tests). */
export type LabFactory = (opts: LabOptions) => Lab;

/**
 * Two extra labs beside the page's, running the page's config with the two other cells, created on `start()`
 * and disposed on `stop()` or unmount. They follow the page's lab: its config (cell slots re-assigned when
 * the page's cell changes), reset, play/pause, single steps and speed.
 */
export function useCompareLabs(makeLab: LabFactory = createLab): { extras: [Lab, Lab] | null; start: () => void; stop: () => void } {
  const config = useLab((s) => s.config);
  const ui = useLab((s) => s.ui);
  const playing = useLab((s) => s.playing);
  const runId = useLab((s) => s.runId);
  const step = useLab((s) => s.step);
  const page = useLabActions();
  const [extras, setExtras] = useState<[Lab, Lab] | null>(null);
  const labs = useRef<[Lab, Lab] | null>(null);
  const seen = useRef({ key: '', runId: -1, step: 0 });

  const start = useCallback(() => {
    if (labs.current) return;
    const cells = otherCells(config.model.cell);
    const made = cells.map((cell) => makeLab({ config: mirrorConfig(config, cell), ui: { ...ui, views: [], autoplay: false } })) as [Lab, Lab];
    labs.current = made;
    seen.current = { key: configKey(config), runId, step: 0 };
    setExtras(made);
    // all three start together from the seed's weights: the page's run restarts (as Reset does), then plays if it was
    page.reset();
    if (playing) page.play();
  }, [config, ui, runId, playing, makeLab, page]);

  const stop = useCallback(() => {
    labs.current?.forEach((l) => l.dispose());
    labs.current = null;
    setExtras(null);
  }, []);

  useEffect(() => () => labs.current?.forEach((l) => l.dispose()), []);

  // a new config restarts the extras with the same one (and their cells); a reset of the page resets them
  useEffect(() => {
    if (!extras) return;
    const key = configKey(config);
    if (key !== seen.current.key) {
      const cells = otherCells(config.model.cell);
      extras.forEach((l, i) => l.actions.configure(mirrorConfig(config, cells[i])));
    } else if (runId !== seen.current.runId) {
      extras.forEach((l) => l.actions.reset());
    } else return;
    seen.current = { ...seen.current, key, runId };
    if (playing) extras.forEach((l) => l.actions.play());
  }, [extras, config, runId, playing]);

  useEffect(() => {
    extras?.forEach((l) => (playing ? l.actions.play() : l.actions.pause()));
  }, [extras, playing]);

  useEffect(() => {
    extras?.forEach((l) => l.actions.setSpeed(ui.speed));
  }, [extras, ui.speed]);

  // one Step of the paused page is one step of each extra that is exactly one step behind it
  useEffect(() => {
    const before = seen.current.step;
    seen.current.step = step;
    if (!extras || playing || step !== before + 1) return;
    extras.forEach((l) => l.store.getState().step === step - 1 && l.actions.step());
  }, [extras, step, playing]);

  return { extras, start, stop };
}
