import { useId, useRef, useState } from 'react';
import type { ParamLimit } from '../../engine/tasks/limits';
import { useLab, useLabActions } from '../../state/context';
import { encodeRunFile, MAX_RUN_FILE_BYTES, runFileName } from '../../state/run-file';
import { MAX_TRAIN_TO } from '../../worker/protocol';
import { NumberField, useControl } from './fields';
import './run-controls.css';
import { saveTextFile } from './save-file';

const fmt = new Intl.NumberFormat('en-US');
const STEP_LIMIT: ParamLimit = { min: 0, max: MAX_TRAIN_TO, default: 1000, integer: true };

/**
 * Jumping ahead and saved runs: "Train to step N" (full speed, nothing drawn until it lands, then paused), "Save run"
 * (a run file downloaded from a Blob) and "Open run…" (a run file read here, checked before anything is sent).
 */
export function RunControls() {
  const a = useLabActions();
  const jumping = useLab((s) => s.jumping);
  const status = useLab((s) => s.status);
  const jump = useControl('trainTo');
  const files = useControl('runFile');
  const [target, setTarget] = useState(STEP_LIMIT.default);
  /** the latest committed target, read by Enter in the field right after the field's own Enter has committed it */
  const latest = useRef(target);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  if (!jump.visible && !files.visible) return null;
  const go = () => {
    if (!jump.locked) a.trainTo(latest.current);
  };
  const save = async () => {
    setSaving(true);
    try {
      const file = await a.exportRun();
      saveTextFile(encodeRunFile(file), runFileName(file));
    } catch (e) {
      a.notify('error', e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const open = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_RUN_FILE_BYTES) {
      // refused before reading: a 200 MB file never reaches memory
      a.notify('error', `This run cannot be opened: the file is larger than ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB.`);
      return;
    }
    try {
      a.importRun(await file.text());
    } catch {
      a.notify('error', 'This run cannot be opened: the file could not be read.');
    }
  };
  return (
    <fieldset className="run-controls">
      <legend>Jump ahead, save a run</legend>
      {jump.visible && (
        <div
          className="train-to"
          onKeyDown={(e) => {
            // the field commits on Enter first (its own handler), then Enter goes
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) go();
          }}
        >
          <NumberField
            label="Train to step"
            control="trainTo"
            value={target}
            limit={STEP_LIMIT}
            hint="At full speed, drawing nothing until it lands; then paused."
            onCommit={(v) => {
              latest.current = v;
              setTarget(v);
            }}
          />
          <div className="train-to-buttons">
            <button type="button" onClick={go} disabled={jump.locked} aria-describedby={statusId}>
              Go
            </button>
            {jumping && (
              <button type="button" onClick={a.pause} title="Stop where it got to, paused">
                Stop
              </button>
            )}
          </div>
        </div>
      )}
      <p id={statusId} className="hint jump-status" role="status" data-testid="jump-status">
        {jumping ? `Training to step ${fmt.format(jumping.to)}…` : ''}
      </p>
      {jumping && <progress className="jump-progress" max={Math.max(1, jumping.to)} value={Math.min(jumping.step, jumping.to)} aria-label={`Reached step ${fmt.format(jumping.step)} of ${fmt.format(jumping.to)}`} />}
      {files.visible && (
        <div className="field run-file" data-control="runFile" data-locked={files.locked || undefined}>
          <div className="run-file-buttons">
            <button type="button" onClick={save} disabled={files.locked || saving || status === 'error'}>
              {saving ? 'Saving…' : 'Save run'}
            </button>
            <button type="button" onClick={() => input.current?.click()} disabled={files.locked}>
              Open run…
            </button>
          </div>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            aria-label="Open a saved run file"
            hidden
            disabled={files.locked}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // the same file may be chosen again
              void open(file);
            }}
          />
          <small className="hint">A run file holds the settings, the weights, the optimizer&rsquo;s state and the curve: opened, the run goes on exactly where it was.</small>
        </div>
      )}
    </fieldset>
  );
}
