import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allViewsLoaded, openLab, pauseAndSettle, stepCount } from './lab-page';

/** One line per axe violation: rule, impact and the offending elements, so a failure says what to fix. */
function summarize(violations: { id: string; impact?: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join(' | ')}`);
}

test('axe finds no accessibility violations while the lab trains', async ({ page }) => {
  // axe over a page that re-renders 20 times a second, on a 2-core machine: 15 s lightly loaded, 34–52 s heavily
  // loaded (measured), past the default 30 s. The waits are all on state; this is only the bound.
  test.slow();
  await openLab(page, '/#lab');
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('run-state')).toContainText('training');
  await allViewsLoaded(page);
  const result = await new AxeBuilder({ page }).analyze();
  expect(summarize(result.violations)).toEqual([]);
  expect(result.passes.length).toBeGreaterThan(10);
});

/** Overflows in the first forward pass (5^400 squared), so the run diverges at step 1 before any update. */
const DIVERGES_AT_ONCE = '/#task=adding&T=400&cell=rnn&act=linear&init=identity&rscale=5&opt=sgd&lr=1&clip=none&speed=0&evil=1';

test('axe finds no violations with a notice, the divergence alert and the curve table showing', async ({ page }) => {
  // 8 s on a lightly loaded 2-core machine, 22–26 s on a heavily loaded one (measured): close to the default 30 s
  test.slow();
  await openLab(page, DIVERGES_AT_ONCE);
  await expect(page.getByTestId('notices')).toBeVisible();
  await expect(page.getByTestId('divergence')).toBeVisible();
  await expect(page.getByTestId('run-state')).toHaveText('diverged');
  await page.locator('[data-view="curve"]').getByRole('button', { name: 'Show as table' }).click();
  await expect(page.locator('table[data-table="loss"]')).toBeVisible();
  await allViewsLoaded(page);
  const result = await new AxeBuilder({ page }).analyze();
  expect(summarize(result.violations)).toEqual([]);
});

test('axe finds no violations with every view open', async ({ page }) => {
  // axe checks some 6,000 elements here: 10–20 s on a loaded 2-core machine, and 72–96 s on a heavily loaded one
  // (measured), past test.slow()'s 90 s. The waits are all on state; this is only the bound.
  test.setTimeout(180_000);
  await openLab(page, '/#views=curve,output,unroll,flow,gates,formulas,surface,compare&speed=20');
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(5);
  // every view loaded first, so that no view arriving later pushes the surface off screen (an off-screen panel's view waits)
  await allViewsLoaded(page);
  await page.locator('[data-view="surface"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-view="surface"] canvas').first()).toBeVisible();
  // a DOM that changes under axe can give it a half-drawn view: check the page at rest
  await pauseAndSettle(page);
  const result = await new AxeBuilder({ page }).analyze();
  expect(summarize(result.violations)).toEqual([]);
});
