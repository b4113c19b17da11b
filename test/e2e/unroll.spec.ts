import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab, pauseAndSettle } from './lab-page';

/** A vanilla RNN on echo (lag 10: T = 11, only the last step scored), full BPTT, training slowly. */
const RNN = '/#views=unroll&cell=rnn&hidden=8&speed=5';
const view = (page: Page) => page.locator('section[data-view="unroll"]');
const progress = (page: Page) => view(page).locator('svg.unroll-svg').getAttribute('data-progress');

/** From now on, records every data-progress the figure shows (a MutationObserver in the page, not a poll from the test). */
async function recordProgress(page: Page): Promise<void> {
  await view(page).locator('svg.unroll-svg').evaluate((svg) => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => seen.push(svg.getAttribute('data-progress') ?? '')).observe(svg, { attributes: true, attributeFilter: ['data-progress'] });
  });
}
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);

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
  // every progress the figure shows from the click on, recorded by a MutationObserver: a reading polled from the test
  // could land after the 700 ms glide had ended on a loaded machine, and then no mid-animation value would be seen
  await recordProgress(page);
  await view(page).getByRole('button', { name: 'Fold' }).click();
  await expect.poll(() => progress(page)).toBe('0.000');
  // mid-animation readings lie strictly between unrolled (1) and folded (0), falling, then it completes at 0
  const glide = (await recorded(page)).map(Number);
  expect(glide.at(-1)).toBe(0);
  const mid = glide.slice(0, -1);
  expect(mid.some((p) => p < 0.9), JSON.stringify(glide)).toBe(true);
  for (const p of mid) {
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  }
  for (let i = 1; i < glide.length; i++) expect(glide[i]).toBeLessThan(glide[i - 1]);
  await expect(view(page).locator('g.step-col')).toHaveCount(1);
  await expect(view(page).locator('.self-loop')).toBeVisible();
  await view(page).getByRole('button', { name: 'Unroll' }).click();
  await expect.poll(() => progress(page)).toBe('1.000');
  await expect(view(page).locator('g.step-col')).toHaveCount(11);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  // with reduced motion there is no glide: every progress the figure ever shows after the click is 0 (folded) — recorded
  // by a MutationObserver, so a slow machine cannot make an animation look like a jump or the reverse
  await recordProgress(page);
  await view(page).getByRole('button', { name: 'Fold' }).click();
  await expect.poll(() => progress(page)).toBe('0.000');
  expect(await recorded(page)).toEqual(['0.000']);
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
