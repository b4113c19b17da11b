import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, control, openLab, stepCount } from './lab-page';

// The rest of the suite blocks service workers (playwright.config.ts) so that no test pays for precaching the whole
// site; this file is about the service worker.
test.use({ serviceWorkers: 'allow' });

/** Waits until a service worker controls the page: from then on every file of the site comes from its cache. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // the first visit is not controlled until the worker claims it (clientsClaim): wait for that, not for a time
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Presses Play unless the run already plays (a lesson step may open paused). */
async function ensurePlaying(page: Page): Promise<void> {
  const play = control(page, 'Play');
  if ((await play.count()) > 0) await play.click();
}

/** The step counter moves: the worker trains (state, not time: it waits until the count passes `from`). */
async function trainsPast(page: Page, from: number): Promise<void> {
  await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBeGreaterThan(from);
}

test('after one visit the lab and a lesson load and train with the network off', async ({ page, context }) => {
  const errors = collectErrors(page);
  await openLab(page, '/#lab');
  await controlled(page);
  // the precache holds the built files, lazily loaded views and the lessons' chunks included
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  expect(cached.some((u) => u.endsWith('/index.html'))).toBe(true);
  expect(cached.some((u) => u.endsWith('/embed.html'))).toBe(true);
  expect(cached.some((u) => u.endsWith('/unrolled-embed.js'))).toBe(true);
  expect(cached.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(10);
  expect(cached.some((u) => u.endsWith('.woff2'))).toBe(true);

  await context.setOffline(true);
  // the network is really off: a file the site never had cannot be fetched
  const online = await page.evaluate(() => fetch('/never-built.txt').then(() => true, () => false));
  expect(online).toBe(false);

  await page.reload();
  await expect(page.getByTestId('run-state')).not.toHaveText('starting');
  await ensurePlaying(page);
  await trainsPast(page, 20);

  // a lesson, opened fresh while offline: its chunk, KaTeX and its views come from the cache
  await page.goto('/#lesson=vanishing&step=2');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  await expect(page.getByTestId('run-state')).not.toHaveText('starting');
  const before = await stepCount(page);
  await ensurePlaying(page);
  await trainsPast(page, before);

  // the embed too, opened fresh offline (it starts when on screen, and it is)
  await page.goto('/embed.html#task=echo&lag=5&views=curve');
  await page.reload();
  await expect(page.locator('body.embedded')).toHaveCount(1);
  await expect(page.getByTestId('run-state')).not.toHaveText('starting');
  expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});
