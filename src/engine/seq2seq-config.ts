import type { SessionConfig } from './config';
import { INIT_DEFAULTS } from './init-config';

/**
 * What an encoder–decoder or a captioner runs of a SessionConfig. They are made of the same cells as a Network, but
 * they train on whole examples with full BPTT (seq2seq-trainer.ts), draw their weights Xavier-uniform with the
 * forget-gate bias (seq2seq-layout.ts), always carry the state from step to step and use the sigmoid forget gate
 * (seq2seq-cell.ts). A setting they would ignore is put back to its default here, with one sentence in `notes`, so the
 * config a run announces is the one it runs. Applied by normalizeConfig, after every field was repaired.
 */
export function fitExampleConfig(config: SessionConfig, notes: string[]): void {
  const what = config.task.kind === 'caption' ? 'The captioner' : 'The encoder–decoder';
  if (config.truncate !== 0 || config.truncMode !== 'chunk') {
    if (config.truncate !== 0) notes.push(`${what} trains with full BPTT; truncation k ${config.truncate} is not used.`);
    else notes.push(`${what} trains with full BPTT; the truncation mode is not used.`);
    config.truncate = 0;
    config.truncMode = 'chunk';
  }
  if (config.model.recurrence !== undefined) {
    notes.push(`${what} always carries its state from step to step; recurrence stays on.`);
    delete config.model.recurrence;
  }
  if (config.kernels !== undefined) {
    notes.push(`${what} trains on the Float64 reference kernels only.`);
    delete config.kernels;
  }
  if (config.model.forgetGate !== undefined) {
    notes.push(`${what} uses the sigmoid forget gate.`);
    delete config.model.forgetGate;
  }
  const { scheme, scale, recurrentScale, forgetBias } = config.init;
  const unused = [
    scheme !== 'xavier' ? `the ${scheme} initialization` : '',
    scale !== INIT_DEFAULTS.scale ? `init scale ${scale}` : '',
    recurrentScale !== INIT_DEFAULTS.recurrentScale ? `recurrent scale ${recurrentScale}` : '',
  ].filter((w) => w !== '');
  if (unused.length > 0) {
    notes.push(`${what} starts its weights Xavier-uniform (only the forget-gate bias is set); ${unused.join(', ')} not used.`);
    config.init = { scheme: 'xavier', scale: INIT_DEFAULTS.scale, recurrentScale: INIT_DEFAULTS.recurrentScale, forgetBias };
  }
}
