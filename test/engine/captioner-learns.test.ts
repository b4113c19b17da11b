import { describe, expect, it } from 'vitest';
import { Captioner } from '../../src/engine/captioner';
import { Rng } from '../../src/engine/rng';
import { ExampleTrainer } from '../../src/engine/seq2seq-trainer';
import { CaptionTask } from '../../src/engine/tasks/caption';

describe('the captioner learns to describe pictures it has not seen', () => {
  it('an LSTM captioner beats the majority caption by far within 1,500 steps', () => {
    const task = new CaptionTask();
    const rng = new Rng(1);
    const m = new Captioner({ cell: 'lstm', activation: 'tanh', imageSize: task.imageSize, imageChannels: task.imageChannels, convChannels: 6, hiddenSize: 32, vocab: task.vocab.length });
    m.initialize(rng.fork());
    const data = rng.fork();
    const tr = new ExampleTrainer(m, { optimizer: { kind: 'adam', lr: 0.005 }, clip: { kind: 'norm', threshold: 1 } });
    const steps = 1500;
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) expect(tr.trainBatch(Array.from({ length: 16 }, () => task.sample(data)))).toBe(true);
    const seconds = (performance.now() - t0) / 1000;
    const metric = task.evaluate(m.greedy(task.test.map((p) => p.image), task.maxLength));
    const exact = metric.extra![0].value;
    console.info(`caption, lstm, ${steps} steps in ${seconds.toFixed(1)} s: per-word ${metric.value.toFixed(3)} (majority caption ${metric.baseline.toFixed(3)}), exact match ${exact.toFixed(3)} on 256 unseen pictures`);
    // Measured (seed 1): per-word 0.975 against 0.417 for the majority caption, exact match 0.813 (the constant: 0).
    // About 15 s on a 2-core machine alone.
    expect(metric.baseline).toBeCloseTo(0.41725, 5);
    expect(metric.value).toBeGreaterThan(0.8);
    expect(exact).toBeGreaterThan(0.4);
  }, 600_000);
});
