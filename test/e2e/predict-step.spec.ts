/**
 * Lesson 12's Predicts answer with the metric of step `after` itself — the number its claims are tested on — not
 * with the worker's latest periodic evaluation, which at the lesson's speed came from steps before `after`.
 *
 * The expected value is computed here, in Node, by the engine itself: the step's own scenario (read from the page's
 * "Open this in the lab" link), its seed, trained to exactly `after`, then evaluated. Node and Chromium run the same
 * float64 engine code on V8, and a seeded run is bit-identical there (docs/engine.md, determinism): the metric is
 * compared exactly. No tolerance is needed or given: translation's exact match is a count over 205 held-out numbers
 * and the captioner's per-word accuracy a count over the held-out words, so a difference is at least one number or
 * word, never rounding; and data-measured is String(value), which reads back as the same double.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createSession } from '../../src/engine/create-session';
import { fromHash } from '../../src/state/url';
import { collectErrors } from './lab-page';

/** The metric of the step's scenario trained to exactly `after` steps, by the engine in Node. */
function engineMetric(scenario: string, after: number): { value: number; seed: number } {
  const { config } = fromHash(scenario);
  const s = createSession(config);
  if (after > 0) s.train(after);
  expect(s.step, 'the engine run reached the step without diverging').toBe(after);
  return { value: s.evaluate().value, seed: config.seed };
}

/** Commits the step's first choice and returns what the box measured, once it says so (a state: the result shows). */
async function predictOnPage(page: Page, lessonStep: number): Promise<{ value: number; step: number; scenario: string }> {
  await page.goto(`/#lesson=applications&step=${lessonStep}`);
  // the step's scenario as the page runs it: its lab link (the views appended)
  const href = await page.getByRole('link', { name: 'Open this in the lab' }).getAttribute('href');
  await page.locator('.predict input[type=radio]').first().check();
  await page.locator('.predict button.primary').click();
  const result = page.getByTestId('predict-result');
  // the run trains up to 400 steps at the lesson's speed first: the bound is for a loaded machine, the wait is for the result
  await result.waitFor({ timeout: 100_000 });
  return { value: Number(await result.getAttribute('data-measured')), step: Number(await result.getAttribute('data-measured-step')), scenario: href! };
}

const STEPS = [
  // the encoder–decoder at 50 steps a second: played, then the last steps trained at once to land on 400
  { lessonStep: 6, title: 'translation', after: 400 },
  // the captioner at full speed: trained to 300 at once
  { lessonStep: 8, title: 'captions', after: 300 },
];

for (const { lessonStep, title, after } of STEPS) {
  test(`lesson 12, ${title}: the Predict shows the metric the engine gives at step ${after}, and says it was measured there`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors = collectErrors(page);
    const shown = await predictOnPage(page, lessonStep);
    expect(shown.step).toBeGreaterThanOrEqual(after);
    // nothing touched the run on the way, so the box measured exactly at `after`
    expect(shown.step).toBe(after);
    await expect(page.getByTestId('predict-result')).toContainText(`Measured at step ${after},`);
    const engine = engineMetric(shown.scenario, after);
    expect(engine.seed).toBe(1);
    expect(shown.value, `the page's metric at step ${shown.step} against the engine's at step ${after}, seed ${engine.seed}`).toBe(engine.value);
    expect(errors).toEqual([]);
  });
}
