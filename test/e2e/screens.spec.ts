import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { allViewsLoaded, openLab, pauseAndSettle, stepCount } from './lab-page';

/** Screenshots for a person to look at (they are not compared to references: the curve differs run to run). */
const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));

/** Trains the default lab for a few seconds, pauses, and checks what must be on screen before the picture is taken. */
async function trainAndPause(page: Page): Promise<void> {
  await openLab(page, '/#lab');
  await expect.poll(() => stepCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(40);
  await pauseAndSettle(page);
  await allViewsLoaded(page);
  await expect(page.getByRole('img', { name: /^Training curve: over [\d,]+ steps the loss fell/ })).toBeVisible();
  await expect(page.locator('[data-view="output"] table')).toBeVisible();
}

/** Text that overflows its own box horizontally (clipped or spilling), as "tag.class: text". */
function overflowingText(): string[] {
  const out: string[] = [];
  for (const e of document.querySelectorAll<HTMLElement>('button, label, p, legend, h1, h2, td, th, option, small, output, span')) {
    const cs = getComputedStyle(e);
    // inline boxes cannot clip; screen-reader-only text (ours, KaTeX's MathML) is clipped on purpose
    if (cs.display === 'inline' || e.getClientRects().length === 0 || e.closest('.visually-hidden, .katex-mathml')) continue;
    if (e.scrollWidth > e.clientWidth + 1 && cs.overflowX !== 'visible') out.push(`${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`);
  }
  return out;
}

test('desktop, 1366×900: the page fits its width and the panels are filled', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await trainAndPause(page);
  await page.screenshot({ path: `${SCREENS}desktop-1366.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENS}desktop-1366-first-screen.png` });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  // settings beside the views, both panels side by side at this width
  const aside = (await page.getByRole('complementary', { name: 'Settings' }).boundingBox())!;
  const curve = (await page.locator('[data-view="curve"]').boundingBox())!;
  const output = (await page.locator('[data-view="output"]').boundingBox())!;
  expect(aside.x + aside.width).toBeLessThanOrEqual(curve.x);
  expect(curve.x + curve.width).toBeLessThanOrEqual(output.x);
  expect(await page.evaluate(overflowingText)).toEqual([]);
});

test('phone, 390×844: no horizontal scrolling, playback always at the top, settings one tap away in a drawer', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await trainAndPause(page);
  await page.screenshot({ path: `${SCREENS}phone-390.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENS}phone-390-first-screen.png` });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => window.innerWidth)).toBe(390);
  for (const box of [(await page.locator('[data-view="curve"]').boundingBox())!, (await page.locator('[data-view="output"]').boundingBox())!]) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(overflowingText)).toEqual([]);
  // far down the page, the playback header is still on screen
  await page.locator('[data-view="gates"]').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  const play = (await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Play', exact: true }).boundingBox())!;
  expect(play.y).toBeGreaterThanOrEqual(0);
  expect(play.y + play.height).toBeLessThanOrEqual(844);
  // the settings: a drawer opened from the header, its first setting on the first screen
  const toggle = page.getByRole('button', { name: 'Settings' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('combobox', { name: 'Task', exact: true })).toBeHidden();
  await toggle.click();
  const task = page.getByRole('combobox', { name: 'Task', exact: true });
  await expect(task).toBeVisible();
  const box = (await task.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  await expect(page.getByRole('button', { name: 'Close settings' })).toBeFocused();
  await page.screenshot({ path: `${SCREENS}phone-390-settings.png` });
  await page.keyboard.press('Escape');
  await expect(task).toBeHidden();
  await expect(toggle).toBeFocused();
  await context.close();
});

test('1280×720: the playback header stays on screen while the views scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, '/#play=0');
  await allViewsLoaded(page);
  await page.locator('[data-view="gates"]').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  const play = (await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Play', exact: true }).boundingBox())!;
  expect(play.y).toBeGreaterThanOrEqual(0);
  expect(play.y + play.height).toBeLessThanOrEqual(720);
});

/** Visible text smaller than 12 px on screen (an SVG's text scaled by its viewBox), as "view: text (px)". */
function smallText(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!e || !n.textContent?.replace(/[\u200b\s]/g, '') || e.closest('.visually-hidden, .katex-mathml, [aria-hidden="true"] .katex-mathml, script, style, option, dialog:not([open])')) continue;
    if (e.getClientRects().length === 0) continue;
    let px = parseFloat(getComputedStyle(e).fontSize);
    const svg = e.closest('svg');
    if (svg) {
      const vb = svg.viewBox.baseVal;
      if (vb && vb.width > 0) px *= svg.getBoundingClientRect().width / vb.width;
    }
    if (px < 11.95) out.push(`${e.closest('section.panel')?.getAttribute('data-view') ?? 'page'}: ${n.textContent.trim().slice(0, 30)} (${px.toFixed(1)} px)`);
  }
  return out;
}

for (const [w, h] of [[1366, 900], [390, 844]] as const) {
  test(`nothing under 12 px at ${w}×${h}, every view open`, async ({ page }) => {
    test.slow(); // every view, each brought on screen once
    await page.setViewportSize({ width: w, height: h });
    await openLab(page, '/#views=curve,output,unroll,flow,gates,formulas,surface,compare&task=echo&cell=lstm&speed=20');
    await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(3);
    await allViewsLoaded(page);
    await pauseAndSettle(page);
    expect(await page.evaluate(smallText)).toEqual([]);
  });
}
