import { expect } from '@playwright/test';
import { test } from './hosts/fixture';
import { collectErrors } from './lab-page';

/**
 * A clicker in a reveal.js deck (test/e2e/hosts/deck.html, on its own origin) after the presenter clicked into an
 * embed: the focus is in the embed's iframe, so the deck no longer hears the keys; the embed passes the clicker's
 * keys back through reveal.js's postMessage API. Waits are on the deck's slide index and the embed's own state.
 */
test.use({ viewport: { width: 1600, height: 1000 } });

test('with the focus inside an embed, the clicker’s PageDown and PageUp still move the deck; Space stays the embed’s', async ({ page, hosts }) => {
  const errors = collectErrors(page);
  await page.goto(`${hosts.host}/deck.html`);
  await page.waitForFunction(() => (window as unknown as { Reveal: { isReady(): boolean } }).Reveal.isReady());
  const slide = () => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
  const s1 = page.frameLocator('#slide-1');
  // the presenter presses Pause in the embed: the run pauses and the focus is in the iframe (focus and Enter, as a
  // click would leave it: reveal.js scales the slide, and Playwright's click point then lands on the text beside it)
  await s1.getByRole('button', { name: 'Pause' }).focus();
  await page.keyboard.press('Enter');
  await expect(s1.getByTestId('run-state')).toHaveText('paused');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('slide-1');
  // the embed's own key still works there: Space plays
  await page.keyboard.press('Space');
  await expect(s1.getByTestId('run-state')).toContainText('training');
  // the clicker: forward to slide 2, back to slide 1, the focus still in slide 1's embed
  await page.keyboard.press('PageDown');
  await expect.poll(slide).toBe(1);
  await expect(s1.getByTestId('run-state')).toHaveText('paused');
  await page.keyboard.press('PageUp');
  await expect.poll(slide).toBe(0);
  // the clicker's blank-screen key blacks the deck out, and again brings it back
  await page.keyboard.press('b');
  await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal: { isPaused(): boolean } }).Reveal.isPaused())).toBe(true);
  await page.keyboard.press('b');
  await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal: { isPaused(): boolean } }).Reveal.isPaused())).toBe(false);
  expect(errors).toEqual([]);
});
