import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab } from './lab-page';

/** "ending at (8.21, 5.83)" or "(4.13e+11, 6.64e+11)" in a result line → [w, b]. */
async function endOf(page: Page, testId: string): Promise<[number, number]> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const m = /ending at \(([^,]+), ([^)]+)\)/.exec(text);
  if (!m) throw new Error(`no end point in ${JSON.stringify(text)}`);
  return [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
}

/** The [x, y] points of an SVG path "M…L…". */
function points(d: string): [number, number][] {
  return Array.from(d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g), (m) => [Number(m[1]), Number(m[2])]);
}

test('the error surface comes from the worker; a click on the cliff throws plain descent off the map while clipped descent stays', async ({ page }) => {
  const errors = collectErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // paths drawn at once
  await openLab(page, '/#views=surface&play=0');
  const view = page.locator('section[data-view="surface"]');

  // the worker's grid: the loss legend spans the σ → 0 plateau's 0.49, and the canvas is painted with more than one colour
  await expect(view.getByRole('img', { name: /^loss E \(log scale\): colour from .* to 0\.49$/ })).toBeVisible();
  await expect(view.getByTestId('surface-raw')).toHaveAttribute('data-points', '201');
  const colours = await view.locator('canvas.surface-canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<string>();
    for (let k = 0; k < data.length; k += 4 * 97) seen.add(`${data[k]},${data[k + 1]},${data[k + 2]}`);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(20);

  // click a wall point a quarter of the way along the cliff (w ≈ 7.5): the descent starts exactly on the wall
  const svg = (await view.locator('svg.surface-svg').boundingBox())!;
  const cliff = points((await view.getByTestId('surface-cliff').getAttribute('d'))!);
  const [cx, cy] = cliff[Math.floor(cliff.length / 4)];
  await page.mouse.click(svg.x + cx, svg.y + cy);
  await expect(view.getByTestId('surface-status')).toHaveText('step 200 of 200');
  await expect(view.getByTestId('surface-start')).toHaveAttribute('cx', String(cx));
  await expect(view.getByTestId('surface-start')).toHaveAttribute('cy', String(cy));

  // two paths: the plain one leaves the map at its first step (an exit arrow), the clipped one moves lr·clip = 1 per step at most
  await expect(view.getByTestId('surface-raw-exit')).toHaveCount(1);
  await expect(view.getByTestId('surface-result-raw')).toContainText('off the map');
  await expect(view.getByTestId('surface-result-raw')).toContainText('at step 1.');
  await expect(view.getByTestId('surface-result-clipped')).toContainText('largest step 1,');
  const raw = await endOf(page, 'surface-result-raw');
  const clipped = await endOf(page, 'surface-result-clipped');
  expect(Math.hypot(raw[0] - clipped[0], raw[1] - clipped[1])).toBeGreaterThan(1e6);
  expect(clipped[0]).toBeGreaterThanOrEqual(0);
  expect(clipped[0]).toBeLessThanOrEqual(16);
  expect(points((await view.getByTestId('surface-clipped').getAttribute('d'))!).length).toBe(201);
  expect(errors).toEqual([]);
});
