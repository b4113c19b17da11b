import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, control, focusBody, latestLoss, openLab, pauseAndSettle, PAUSED_DEFAULT, settle, stepCount, stepText } from './lab-page';

test('the default lab loads without errors, streams frames from a worker, and its loss falls', async ({ page }) => {
  const errors = collectErrors(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openLab(page, '/#lab');

  // a real Web Worker (not the in-process fallback) was started from the built worker chunk
  expect(workers.some((u) => /\/assets\/worker-[\w-]+\.js$/.test(u))).toBe(true);

  // frames stream: the counter rises by at least 10 steps within 3 s (default speed 20 steps/s)
  const start = await stepCount(page);
  await expect.poll(() => stepCount(page), { timeout: 3_000 }).toBeGreaterThanOrEqual(start + 10);

  // the loss falls: a reading at step ≥ 1, then one at least 60 steps later, reached within 60–1,000 steps
  await expect.poll(async () => (await latestLoss(page))?.step ?? 0).toBeGreaterThanOrEqual(1);
  const first = (await latestLoss(page))!;
  await expect.poll(async () => (await latestLoss(page))?.step ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(first.step + 60);
  const later = (await latestLoss(page))!;
  await pauseAndSettle(page);
  expect(first.loss).toBeGreaterThan(0);
  expect(later.step).toBeLessThanOrEqual(first.step + 1_000);
  // echo with 4 symbols starts near ln 4 ≈ 1.39 per scored step; the default LSTM gets well below a quarter of its first reading
  expect(later.loss).toBeLessThan(first.loss / 4);
  expect(later.loss).toBeLessThan(0.5);
  expect(errors).toEqual([]);
});

test('Pause holds the step, Step and → advance exactly one, Reset returns to step 0', async ({ page }) => {
  await openLab(page, '/#lab');
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(5);
  const paused = await pauseAndSettle(page);
  // a Step through the same channel lands exactly one after: nothing trained after the pause
  await control(page, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText(stepText(paused + 1));
  expect(await settle(page)).toBe(paused + 1);
  await expect(page.getByTestId('run-state')).toHaveText('paused');

  await control(page, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText(stepText(paused + 2));
  await focusBody(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText(stepText(paused + 3));
  // and no more than one each
  expect(await settle(page)).toBe(paused + 3);
  await expect(page.getByTestId('curve-latest')).toContainText(`at step ${(paused + 3).toLocaleString('en-US')}`);

  await control(page, 'Reset').click();
  await expect(page.getByTestId('step')).toHaveText(stepText(0));
  await expect(page.getByTestId('curve-latest')).toContainText('No training steps yet.');
  await expect(page.getByTestId('run-state')).toHaveText('paused');
});

/** What the page shows of the seed's initial weights: the answers at step 0, then the loss of the first step (computed on them). */
async function initialState(page: Page): Promise<{ answers: string; firstLoss: string }> {
  await expect(page.getByTestId('step')).toHaveText(stepText(0));
  const output = page.locator('[data-view="output"]');
  await expect(output).toContainText('at step 0');
  const answers = (await output.locator('table').textContent()) ?? '';
  await control(page, 'Step').click();
  await expect(page.getByTestId('curve-latest')).toContainText(/at step 1(?![\d,])/);
  return { answers, firstLoss: (await latestLoss(page))!.text };
}

test("after a reset the run starts again from the seed's initial weights, as a fresh page load does", async ({ page, context }) => {
  await openLab(page, PAUSED_DEFAULT);
  const url = page.url();
  const fresh = await initialState(page);
  expect(fresh.firstLoss).toMatch(/^loss [\d.]+ at step 1$/);
  expect(fresh.answers.length).toBeGreaterThan(20);

  // train a little so the weights move, then reset twice
  await control(page, 'Play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(15);
  await pauseAndSettle(page);
  expect((await latestLoss(page))!.text).not.toBe(fresh.firstLoss);
  await control(page, 'Reset').click();
  expect(await initialState(page)).toEqual(fresh);
  await control(page, 'Reset').click();
  expect(await initialState(page)).toEqual(fresh);

  // a new page opened at the very same URL starts from the same weights
  const other = await context.newPage();
  await openLab(other, url);
  expect(await initialState(other)).toEqual(fresh);
  await other.close();
});
