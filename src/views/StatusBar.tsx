import { useId } from 'react';
import { useLab, useLabActions } from '../state/context';
import { SPEEDS } from '../state/url';
import { LockedMark, useControl } from './controls/fields';

const fmt = new Intl.NumberFormat('en-US');

/** Playback (play/pause, one step, reset, speed) and where the run is: step, speed, state. */
export function StatusBar() {
  const playing = useLab((s) => s.playing);
  const step = useLab((s) => s.step);
  const rate = useLab((s) => s.stepsPerSecond);
  const status = useLab((s) => s.status);
  // a jump ("train to step N") trains at full speed without frames: the run is busy although it does not "play"
  const jumpTo = useLab((s) => s.jumping?.to ?? null);
  const speed = useLab((s) => s.ui.speed);
  // the worker has handled every command the page sent, and this is its latest frame (tests wait on this, not on time)
  const synced = useLab((s) => s.frame !== null && s.frame.handled === s.sent);
  const workerPlaying = useLab((s) => s.frame?.playing ?? false);
  // which kernels the worker says train this run (RunInfo.kernels): the fast ones are named, the reference is the default
  const kernels = useLab((s) => s.info?.kernels ?? null);
  const a = useLabActions();
  // the page's scenario may hide or lock playback and speed (the lab's actions refuse them too: state/locked-lab.ts)
  const playback = useControl('playback');
  const speedControl = useControl('speed');
  const blocked = status === 'diverged' || status === 'error' || playback.locked;
  const markId = useId();
  // the one mark of the bar is the description of each locked control in it
  const shownLocked = (playback.visible && playback.locked) || (speedControl.visible && speedControl.locked);
  const lockedNote = shownLocked ? markId : undefined;
  const state = status === 'starting' ? 'starting' : status === 'diverged' ? 'diverged' : status === 'error' ? 'stopped' : jumpTo !== null ? 'jumping' : playing ? 'training' : 'paused';
  return (
    <div className="status-bar" role="group" aria-label="Playback">
      {playback.visible && (
        <>
          <button type="button" className="primary" onClick={a.togglePlay} disabled={blocked} aria-keyshortcuts="Space" title="Play or pause (Space)" aria-describedby={playback.locked ? lockedNote : undefined}>
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" onClick={a.step} disabled={blocked} aria-keyshortcuts="ArrowRight" title="One training step (→)" aria-describedby={playback.locked ? lockedNote : undefined}>
            Step
          </button>
          <button type="button" onClick={a.reset} disabled={playback.locked} aria-keyshortcuts="r" title="Back to step 0 and the seed's initial weights (r)" aria-describedby={playback.locked ? lockedNote : undefined}>
            Reset
          </button>
        </>
      )}
      {speedControl.visible && (
        <label className="speed">
          <span className="speed-word">Speed</span>{' '}
          <select aria-label="Speed" value={String(speed)} disabled={speedControl.locked} aria-describedby={speedControl.locked ? lockedNote : undefined} onChange={(e) => a.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((v) => (
              <option key={v} value={String(v)}>
                {v === 0 ? 'max' : `${v} steps/s`}
              </option>
            ))}
            {!SPEEDS.includes(speed) && <option value={String(speed)}>{speed} steps/s</option>}
          </select>
        </label>
      )}
      {lockedNote && <LockedMark id={lockedNote} />}
      <output className="step-counter" aria-live="off" data-testid="step" data-synced={synced} data-worker-playing={workerPlaying} data-kernels={kernels ?? undefined}>
        step <strong>{fmt.format(step)}</strong>
      </output>
      <span className={`run-state run-${state}`} data-testid="run-state">
        {state === 'jumping' ? `training to step ${fmt.format(jumpTo ?? 0)}` : state}
        {state !== 'jumping' && playing && rate > 0 ? ` · ${fmt.format(Math.round(rate))} steps/s` : ''}
      </span>
      {kernels === 'fast' && (
        <span className="run-kernels" data-testid="kernels" title="Training runs on the float32 WebAssembly kernels; the views recompute their numbers in Float64.">
          float32 kernels
        </span>
      )}
    </div>
  );
}
