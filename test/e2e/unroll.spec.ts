import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab, pauseAndSettle } from './lab-page';

/** A vanilla RNN on echo (lag 10: T = 11, only the last step scored), full BPTT, training slowly. */
const RNN = '/#views=unroll&cell=rnn&hidden=8&speed=5';
const view = (page: Page) => page.locator('section[data-view="unroll"]');
const progress = (page: Page) => view(page).locator('svg.unroll-svg').getAttribute('data-progress');

/** ‖∂L/∂h_t‖ for every step, read from the table alternative ("Show as table"). */
async function tableNorms(page: Page): Promise<number[]> {
  await view(page).getByRole('button', { name: 'Show as table' }).click();
  const cells = await view(page).locator('table tbody tr td:nth-of-type(6)').allTextContents();
  await view(page).getByRole('button', { name: 'Show as figure' }).click();
  return cells.map((c) => Number(c.replace(/,/g, '')));
}

test('the unrolled view draws live frames: T steps, backward arrows as wide as the ‖∂L/∂h_t‖ the table lists', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, RNN);
  const svg = view(page).locator('svg.unroll-svg');
  await expect(svg.locator('g.step-col')).toHaveCount(11);
  await expect(svg.locator('g.dh-arrow')).toHaveCount(11);
  // live: the sequence's loss at its scored step changes as the worker trains
  const loss = svg.locator('g.step-col[data-t="10"] .loss-text');
  const first = await loss.textContent();
  await expect.poll(() => loss.textContent(), { timeout: 8_000 }).not.toBe(first);
  await pauseAndSettle(page); // frames sent before the pause land
  const norms = await tableNorms(page);
  expect(norms).toHaveLength(11);
  const widths = await svg.locator('g.dh-arrow').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-width'))));
  // wider arrow ⇔ larger norm, wherever the table's 3 significant digits tell two norms apart
  for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) if (norms[i] > norms[j] * 1.01) expect(widths[i]).toBeGreaterThan(widths[j]);
  expect(Math.max(...widths)).toBe(12);
  expect(errors).toEqual([]);
});

test('Fold animates the chain into one cell and Unroll brings it back; with reduced motion it jumps', async ({ page }) => {
  await openLab(page, `${RNN}&play=0`);
  await expect(view(page).locator('g.step-col')).toHaveCount(11);
  await view(page).getByRole('button', { name: 'Fold' }).click();
  // mid-animation readings lie strictly between unrolled (1) and folded (0), then it completes
  await expect.poll(async () => Number(await progress(page)), { timeout: 2_000, intervals: [30] }).toBeLessThan(0.9);
  const mid = Number(await progress(page));
  expect(mid).toBeGreaterThan(0);
  await expect.poll(() => progress(page)).toBe('0.000');
  await expect(view(page).locator('g.step-col')).toHaveCount(1);
  await expect(view(page).locator('.self-loop')).toBeVisible();
  await view(page).getByRole('button', { name: 'Unroll' }).click();
  await expect.poll(() => progress(page)).toBe('1.000');
  await expect(view(page).locator('g.step-col')).toHaveCount(11);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  // with reduced motion there is no glide: every progress the figure ever shows after the click is 0 (folded) — recorded
  // by a MutationObserver, so a slow machine cannot make an animation look like a jump or the reverse
  await view(page).locator('svg.unroll-svg').evaluate((svg) => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => seen.push(svg.getAttribute('data-progress') ?? '')).observe(svg, { attributes: true, attributeFilter: ['data-progress'] });
  });
  await view(page).getByRole('button', { name: 'Fold' }).click();
  await expect.poll(() => progress(page)).toBe('0.000');
  expect(await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)).toEqual(['0.000']);
});

test('hovering one W_hh copy lights all of them', async ({ page }) => {
  await openLab(page, `${RNN}&play=0`);
  const copies = view(page).locator('svg.unroll-svg [data-w="Whh"]');
  await expect(copies).toHaveCount(11);
  await copies.nth(5).locator('.hit').hover({ force: true });
  await expect(view(page).locator('svg.unroll-svg [data-w="Whh"].is-lit')).toHaveCount(11);
  await page.mouse.move(0, 0);
  await expect(view(page).locator('svg.unroll-svg .is-lit')).toHaveCount(0);
});
