import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { collectErrors, openLab, pauseAndSettle, stepCount } from './lab-page';

/** The default echo task with an LSTM of 8 units, training at full speed, only the formulas view open. */
const LSTM = '/#views=formulas&hidden=8&speed=0';

const view = (page: Page) => page.locator('[data-view="formulas"]');
/** The numbers substituted into a formula, in reading order, from its TeX source (KaTeX keeps it in a MathML annotation). */
async function substituted(block: Locator): Promise<number[]> {
  const tex = (await block.locator('.formula-numeric annotation').textContent()) ?? '';
  return Array.from(tex.matchAll(/\\htmlData\{[^}]*n=\d+\}\{\(?([-\d.]+)\)?\}/g), (m) => Number(m[1]));
}

test('the formulas view shows live numbers that add up, checks them against the record, and links its symbols by hover', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, LSTM);
  const memory = view(page).locator('[data-formula="lstm-memory"]');
  await expect(memory).toBeVisible();
  // frames stream in: the substituted numbers change while training runs
  const first = await substituted(memory);
  await expect.poll(() => stepCount(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(100);
  await expect.poll(() => substituted(memory), { timeout: 5_000 }).not.toEqual(first);
  await pauseAndSettle(page);

  // c_t = f·c_{t−1} + i·g as printed (3 significant digits each): f, c_{t−1}, i, g, f·c_{t−1}, i·g, c_t
  const [f, cPrev, i, g, kept, written, c] = await substituted(memory);
  expect(Math.abs(kept - f * cPrev)).toBeLessThanOrEqual(0.005 * (1 + Math.abs(cPrev)));
  expect(Math.abs(written - i * g)).toBeLessThanOrEqual(0.005);
  expect(Math.abs(c - (kept + written))).toBeLessThanOrEqual(0.005 * (1 + Math.abs(c)));
  // at the last (scored) step every recomputed side agrees with the record: the four gates from their streamed
  // pre-activation parts (f, i, g, o), then c, h, p, ℓ, L and ∂L/∂c
  await expect(view(page).locator('.formula-check-ok')).toHaveCount(10);
  await expect(view(page).locator('.formula-check-bad')).toHaveCount(0);

  // hovering W_hh lights every W_hh symbol of the view (in the formulas and in their substituted numbers); leaving clears it
  const whh = view(page).locator('.formula-symbolic .katex-html [data-sym="Whh"]');
  const everyWhh = view(page).locator('.katex-html [data-sym="Whh"]');
  await whh.first().hover();
  expect(await everyWhh.count()).toBeGreaterThan(await whh.count());
  await expect(view(page).locator('.sym-lit')).toHaveCount(await everyWhh.count());
  await page.mouse.move(2, 2);
  await expect(view(page).locator('.sym-lit')).toHaveCount(0);

  // step 0 of the echo task has no target
  await view(page).getByRole('slider', { name: 'timestep t' }).press('Home');
  await expect(view(page).locator('[data-formula="step-loss"]')).toContainText('not scored (step 0 has no target)');
  expect(errors).toEqual([]);
});
