/** What the browser tests and `npm run bench:lessons` do at a lesson step, as a student would. */
import type { Page } from '@playwright/test';

/** The views of a step are drawn: a frame of the lab says its step; the error surface is a canvas; the comparison waits for Start. */
export const DRAWN = '[data-step], .surface-view canvas, .compare-bar';

/** Enters a Try's solution through the step's own controls, then presses Play if the solution says so. */
export async function solveTry(page: Page, solution: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(solution)) {
    if (key === 'play') continue;
    const box = page.locator(`[data-control="${key}"]`);
    if (await box.locator('select').count()) await box.locator('select').selectOption(value);
    else {
      await box.locator('input').fill(value);
      await box.locator('input').press('Enter');
    }
  }
  // a new setting restarts the run: play after the settings
  if (solution.play) await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Play', exact: true }).click();
}

/**
 * Does what the step asks: answers its Predict (the first choice, committed, until the result shows), reaches its
 * Try (its solve entered, until the goal holds), or else waits until its views are drawn. Returns what it did.
 */
export async function doStep(page: Page, timeout: number): Promise<'predict' | 'try' | 'views'> {
  if (await page.locator('.predict').count()) {
    await page.locator('.predict input[type=radio]').first().check();
    await page.locator('.predict button.primary').click();
    await page.getByTestId('predict-result').waitFor({ timeout });
    return 'predict';
  }
  const solve = page.locator('[data-testid="try"][data-solve]');
  if (await solve.count()) {
    await page.locator('.lesson-views .panel').first().waitFor({ timeout });
    await solveTry(page, JSON.parse((await solve.getAttribute('data-solve'))!) as Record<string, string>);
    await page.locator('[data-testid="try"][data-held="true"]').waitFor({ timeout });
    return 'try';
  }
  for (const panel of await page.locator('.lesson-views section.panel').all()) await panel.locator(DRAWN).first().waitFor({ timeout });
  return 'views';
}
