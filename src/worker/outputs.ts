import { forecast, generateText } from '../engine/generate';
import type { Rng } from '../engine/rng';
import type { Session } from '../engine/session';
import type { TaskOutput } from './protocol';

/** How many characters of sampled text, forecast steps and answered sequences a frame shows. */
const TEXT_LENGTH = 200;
const TEXT_TEMPERATURE = 0.7;
const HORIZON = 40;
const ANSWERS = 8;

/**
 * The task's own output at the current weights: sampled text (text), a free-running forecast
 * (sine, series), or the answers to the first evaluation sequences (echo, adding).
 */
export function taskOutput(session: Session, rng: Rng): TaskOutput {
  const { task, net } = session;
  const step = session.trainer.step;
  if (task.kind === 'text') return { kind: 'text', step, temperature: TEXT_TEMPERATURE, text: generateText(net, task, TEXT_LENGTH, TEXT_TEMPERATURE, rng) };
  if (task.kind === 'sine' || task.kind === 'series') {
    const f = forecast(net, task, task.evalSet()[0], HORIZON);
    return { kind: 'forecast', step, ...f };
  }
  const O = task.outputSize;
  const items = task.evalSet().slice(0, ANSWERS).map((seq) => {
    net.forward(seq);
    const T = seq.length;
    const out = task.head === 'softmax' ? net.ws.ps : net.ws.ys;
    const last = T - 1;
    const input = Array.from({ length: T }, (_, t) => task.inputLabel(seq, t)).join(' ');
    const target = task.targetLabel(seq, last);
    const output = task.outputLabel(out, last * O);
    const error = task.head === 'linear' ? Math.abs(out[last * O] - seq.targets[last * O]) : null;
    return { input, target, output, correct: task.head === 'softmax' ? output === target : null, error };
  });
  return { kind: 'answers', step, items };
}
