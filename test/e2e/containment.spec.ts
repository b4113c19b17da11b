import { expect, test } from '@playwright/test';
import { collectErrors, control, openLab, stepCount } from './lab-page';

test("a view whose code fails to load says so in its panel while the run trains on; Reload this view loads it", async ({ page }) => {
  const errors = collectErrors(page);
  // the gates view's chunk cannot be fetched (a dropped connection, a server that lost the file)
  let blocked = true;
  await page.route(/\/assets\/GatesView-[^/]*\.js$/, (route) => (blocked ? route.abort('connectionfailed') : route.continue()));
  await openLab(page, '/#views=curve,gates&speed=0');
  const panel = page.locator('[data-view="gates"]');
  await expect(panel.getByRole('alert')).toContainText('The code of this view could not be loaded');
  await expect(panel.getByRole('button', { name: 'Reload this view' })).toBeVisible();
  // the rest of the page works: the run trains and the curve panel follows it
  await expect.poll(() => stepCount(page)).toBeGreaterThan(20);
  await expect(page.getByTestId('curve-latest')).toContainText('loss');
  await control(page, 'Pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  // the connection is back: one click loads the view, which draws the run
  blocked = false;
  await panel.getByRole('button', { name: 'Reload this view' }).click();
  await expect(panel.locator('.gate-panel')).toHaveCount(6);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  // only the failed load itself was logged
  expect(errors.filter((e) => !/GatesView|dynamically imported module|view "Inside the gates" failed|ERR_CONNECTION_FAILED|Failed to load resource/.test(e))).toEqual([]);
});
