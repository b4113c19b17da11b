/**
 * Presenter mode enlarges each view with CSS zoom; its canvases must then draw at the projector's pixels, not be
 * stretched from the laptop's: the backing store is the canvas's CSS size × devicePixelRatio × its zoom
 * (src/views/kit/canvas-scale.ts), and back to × devicePixelRatio when presenter mode ends.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, focusBody, settle } from './lab-page';

/** Every heatmap canvas of the gates view: its backing width, its CSS width and the zoom it is drawn under. */
async function canvases(page: Page) {
  return page.locator('[data-view="gates"] .heatmap canvas').evaluateAll((els) =>
    els.map((el) => {
      const c = el as HTMLCanvasElement & { currentCSSZoom?: number };
      return { backing: c.width, css: parseFloat(c.style.width), zoom: c.currentCSSZoom ?? 1, dpr: window.devicePixelRatio };
    }),
  );
}

test('in presenter mode a heatmap draws at its zoomed size; leaving it, at its own size again', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#cell=lstm&views=gates&play=0&present=1');
  await settle(page);
  await expect(page.locator('[data-view="gates"] .heatmap canvas').first()).toBeVisible();
  const zoomed = await canvases(page);
  expect(zoomed.length).toBeGreaterThan(0);
  for (const c of zoomed) {
    expect(c.zoom).toBeGreaterThan(1.1);
    expect(c.backing).toBe(Math.round(c.css * c.dpr * c.zoom));
  }
  await focusBody(page);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await canvases(page)).every((c) => c.zoom === 1 && c.backing === Math.round(c.css * c.dpr))).toBe(true);
  expect(errors).toEqual([]);
});
