/**
 * The LSTM lesson's cost sentences, checked where a Claim cannot reach: the weight counts its claims read (the
 * `weights` quantity) are the engine's own |θ| (Session's net.theta.length), and the "about 3.5 times the RNN's
 * time per step" it quotes is the ratio of the lab's own estimate (src/state/cost.ts) for the lesson's two
 * scenarios. No seconds are measured: the estimate is arithmetic on the sizes, the measured speed depends on the machine.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session';
import { lesson } from '../../src/lessons/course/lstm';
import { readQuantity } from '../../src/lessons/quantities';
import { stepFlops } from '../../src/state/cost';
import { fromHash } from '../../src/state/url';

const sessionOf = (scenario: string) => new Session(fromHash(`#${scenario}`).config);
const step = lesson.steps.find((s) => s.title === 'The price: four weight blocks')!;
const rnnScenario = lesson.claims.find((c) => c.says.startsWith('An RNN with 16 units'))!.scenario;

describe('the LSTM lesson: what four weight blocks cost', () => {
  it('the weight counts it claims are |θ| of the engine: 1,476 for the LSTM, 420 for the RNN', () => {
    const lstm = sessionOf(step.scenario);
    const rnn = sessionOf(rnnScenario);
    expect([lstm.config.model.cell, rnn.config.model.cell]).toEqual(['lstm', 'rnn']);
    expect([lstm.net.theta.length, rnn.net.theta.length]).toEqual([1476, 420]);
    for (const s of [lstm, rnn]) expect(readQuantity('weights', { step: 0, loss: null, metric: null, record: s.inspect(0), spectral: null })).toBe(s.net.theta.length);
  });

  it('the lab estimates about 3.5 times the RNN’s time per step, as the text says', () => {
    const flops = (s: Session) => {
      const { kind, inputSize, outputSize, head, length } = s.task;
      const task = { kind, inputSize, outputSize, head, length, evalSize: s.task.evalSet().length };
      return stepFlops({ task, model: { cell: s.config.model.cell, paramCount: s.net.theta.length, blocks: [] } }, s.config.batch, s.config.model.hiddenSize);
    };
    const lstm = sessionOf(step.scenario);
    const rnn = sessionOf(rnnScenario);
    // same batch and hidden size: the ratio is (4·H·(I + H) + O·H) / (H·(I + H) + O·H) = 1408 / 400
    expect(lstm.config.batch).toBe(rnn.config.batch);
    expect(flops(lstm) / flops(rnn)).toBeCloseTo(3.52, 10);
    expect(step.text.join(' ')).toContain('estimate about 3.5 times the RNN’s time per step');
  });
});
