import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { CATALOG } from '../../src/lessons/catalog';
import { collectErrors, focusBody } from './lab-page';
import { doStep, DRAWN } from './lesson-steps';

/** axe's violations as one line each (rule: targets), so a failure says what to fix. */
async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

test('the empty link is the course home: one sentence, a network training live, the lessons, the lab', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Watch a recurrent network learn');
  const lessons = page.locator('.lesson-list li');
  expect(await lessons.count()).toBeGreaterThanOrEqual(1);
  await expect(lessons.first().getByRole('link')).toHaveAttribute('href', /^#lesson=[a-z-]+&step=1$/);
  await expect(page.getByRole('link', { name: 'Open the lab' })).toHaveAttribute('href', '#lab');
  // the live network: its curve summary says steps have been taken
  await expect(page.getByTestId('curve-latest')).toContainText(/loss \S+ at step [1-9]/);
  expect(await axe(page)).toEqual([]);
  // the lab is one click away, and a lab link still opens the lab
  await page.getByRole('link', { name: 'Open the lab' }).click();
  await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Settings' })).toBeAttached();
  expect(errors).toEqual([]);
});

test('the lesson index lists the course’s lessons, in order', async ({ page }) => {
  await page.goto('/#lessons');
  const ids = await page.locator('.lesson-list li').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson')!));
  expect(ids).toEqual(CATALOG.map((l) => l.id));
});

// One test per lesson, so each has its own time bound and a failure names its lesson (one walk through every step of
// every lesson took 14 of its 15 minutes on a loaded machine).
for (const { id } of CATALOG) {
  test(`every step of lesson ${id}: the live views drawn, its Predict and Try working, no console error, axe clean; PageDown moves on, Back goes back`, async ({ page }) => {
    test.setTimeout(6 * 60_000); // up to 8 steps, some training a few hundred steps; every wait is on state
    const errors = collectErrors(page);
    await page.goto(`/#lesson=${id}`);
    const where = (await page.locator('.lesson-where').textContent()) ?? '';
    const n = Number(/step 1 of (\d+)/.exec(where)?.[1]);
    expect(n, where).toBeGreaterThanOrEqual(3);
    for (let k = 0; k < n; k++) {
      await expect(page.locator('.lesson-text')).toHaveAttribute('data-step', String(k + 1));
      await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
      // every view of the step is drawn (a frame of the lab says its training step; the error surface is its own
      // computation, a canvas; the comparison waits for its Start button), none left loading
      const panels = page.locator('.lesson-views section.panel');
      expect(await panels.count(), `${id} step ${k + 1}`).toBeGreaterThanOrEqual(1);
      for (const panel of await panels.all()) await expect(panel.locator(DRAWN).first()).toBeAttached();
      await expect(page.locator('.panel .view-empty', { hasText: 'Loading the view' })).toHaveCount(0);
      // and what the step asks works: its Predict answered, its Try reached with its own controls
      await doStep(page, 45_000);
      expect(await axe(page), `${id} step ${k + 1}`).toEqual([]);
      if (k < n - 1) {
        // a field the step's Try was typed into keeps its keys: the clicker's key goes to the page
        await focusBody(page);
        await page.keyboard.press('PageDown');
        await expect(page).toHaveURL(new RegExp(`#lesson=${id}&step=${k + 2}$`));
      }
    }
    // the browser's Back goes to the previous step
    await page.goBack();
    await expect(page.locator('.lesson-text')).toHaveAttribute('data-step', String(n - 1));
    expect(errors).toEqual([]);
  });
}

test('Predict and Try work on the live engine in Chromium', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#lesson=vanishing&step=1');
  await page.getByRole('radio', { name: /Almost none/ }).check();
  await page.getByRole('button', { name: /Commit/ }).click();
  const result = page.getByTestId('predict-result');
  await expect(result).toContainText('Your prediction holds.');
  expect(Number(await result.getAttribute('data-measured'))).toBeCloseTo(0.5 ** 19, 10);
  await page.locator('body').press('PageDown');
  const tryBox = page.getByTestId('try');
  await expect(tryBox).toHaveAttribute('data-value', /\d/);
  await expect(tryBox).toHaveAttribute('data-held', 'false');
  const scale = page.getByRole('spinbutton', { name: 'Recurrent scale' });
  await scale.fill('1.5');
  await scale.press('Enter');
  await expect(tryBox).toHaveAttribute('data-held', 'true');
  await expect(tryBox).toContainText('✓ Done.');
  // the progress is kept: the index says how far the student got
  await page.goto('/#lessons');
  await expect(page.locator('[data-lesson="vanishing"] .lesson-state')).toHaveText('reached step 2');
  expect(errors).toEqual([]);
});

test('a lesson at 390 px: no sideways scrolling, the text first, the live view under it; reduced motion honoured', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/#lesson=vanishing&step=1');
  await expect(page.locator('.lesson-views [data-view="flow"] [data-step]').first()).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const text = (await page.locator('.lesson-text').boundingBox())!;
  const views = (await page.locator('.lesson-views').boundingBox())!;
  expect(text.y + text.height).toBeLessThanOrEqual(views.y + 1);
  expect(text.x + text.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/screens/lesson-390.png', fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
