import type { Lab, LabCommand, LabOptions } from '../../state/lab';
import { mirrorConfig, otherCells } from './compare-layout';

/** Makes a lab (createLab in the page; a fake in tests). */
export type LabFactory = (opts: LabOptions) => Lab;

/** The comparison's two extra labs and the way to stop them. */
export interface CompareController {
  /** the labs running the two cells the page does not, in the order of otherCells */
  readonly extras: [Lab, Lab];
  /** stops following the page and disposes the extra labs (their workers end) */
  dispose(): void;
}

/**
 * Drives the comparison: two extra labs run the page's config with the other two cells, and every run command
 * the page's lab carries out (play, pause, step, reset, configure, speed) is carried out on both, explicitly —
 * one Step of the page is one Step of each, a configure mirrors the new config (cells re-assigned when the
 * page's cell changes). On start the three restart together from the seed's weights, as Reset does.
 */
export function startComparison(page: Lab, makeLab: LabFactory): CompareController {
  const s = page.store.getState();
  const cells = otherCells(s.config.model.cell);
  const extras = cells.map((cell) => makeLab({ config: mirrorConfig(s.config, cell), ui: { ...s.ui, views: [], autoplay: false } })) as [Lab, Lab];
  const follow = (c: LabCommand) => {
    if (c.type === 'configure') {
      const now = otherCells(c.config.model.cell);
      extras.forEach((l, i) => l.actions.configure(mirrorConfig(c.config, now[i])));
    } else if (c.type === 'speed') extras.forEach((l) => l.actions.setSpeed(c.stepsPerSecond));
    else if (c.type === 'trainTo') extras.forEach((l) => l.actions.trainTo(c.step));
    else extras.forEach((l) => l.actions[c.type]());
  };
  const unfollow = page.onCommand(follow);
  const wasPlaying = s.playing;
  page.actions.reset();
  if (wasPlaying) page.actions.play();
  return {
    extras,
    dispose() {
      unfollow();
      extras.forEach((l) => l.dispose());
    },
  };
}
