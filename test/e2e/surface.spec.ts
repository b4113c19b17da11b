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

/** The loss a result line says its descent ended at: "E 0.329 → 0.000407 in 200 steps…" → 0.000407. */
async function endLoss(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const m = /→ (\S+) in \d+ steps/.exec(text);
  if (!m) throw new Error(`no end loss in ${JSON.stringify(text)}`);
  return Number(m[1].replace(/,/g, ''));
}

test('a lesson step opens the error surface its text speaks of: clipped at 2 in the valley, at 3 on the plateau, the first request on the next step; the embed alike', async ({ page }) => {
  const errors = collectErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // paths drawn at once: the status names the last step as soon as the answer is in
  const clip = page.getByRole('spinbutton', { name: 'clip at ‖g‖ =' });
  const status = page.getByTestId('surface-status');
  const clipped = page.getByTestId('surface-result-clipped');

  // "Clipped at 2 it still reaches the valley." (the claim: its loss ends below 0.001, seeds 1–3)
  await page.goto('/#lesson=surface&step=4');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A higher threshold');
  await expect(clip).toHaveValue('2');
  await expect(clipped).toHaveText(/^Clipped at 2: E 0\.329 → 0\.000407 in 200 steps, ending at \(/);
  await expect(status).toHaveText('step 200 of 200');
  expect(await endLoss(page, 'surface-result-clipped')).toBeLessThan(0.001);
  await expect(page.getByRole('list', { name: 'Lines and marks on the map' })).toContainText('clipped at ‖g‖ ≤ 2');
  await expect(page.getByTestId('try')).toHaveAttribute('data-held', 'false');

  // the next step, by the clicker's key: "Clipped at 3 one step is long enough to cross onto the plateau." (above 0.05)
  await page.locator('body').press('PageDown');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Too high');
  await expect(clip).toHaveValue('3');
  await expect(clipped).toHaveText(/^Clipped at 3: E 0\.329 → 0\.0871 in 200 steps/);
  await expect(status).toHaveText('step 200 of 200');
  expect(await endLoss(page, 'surface-result-clipped')).toBeGreaterThan(0.05);

  // a step without its own request: the view's first one again (clipped at 1, down to 3.29e-4), no threshold carried over
  await page.locator('body').press('PageDown');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start somewhere else');
  await expect(clip).toHaveValue('1');
  await expect(clipped).toHaveText(/^Clipped at 1: E 0\.329 → 0\.000329 in 200 steps/);
  await expect(status).toHaveText('step 200 of 200');

  // the wall step opens on the wall's low end: "There the gradient is in the hundreds" — plain descent's first step, 791 long
  await page.goto('/#lesson=surface&step=8');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('On the wall itself');
  await expect(page.getByTestId('surface-result-raw')).toHaveText(/off the map; largest step 791, at step 1\.$/);

  // the embedded step enters the same way (enterStep): clipped at 3
  await page.goto('/embed.html#lesson=surface&step=5');
  await expect(page.locator('#embed-step-title')).toHaveText('Too high');
  await expect(clip).toHaveValue('3');
  await expect(clipped).toHaveText(/^Clipped at 3: E 0\.329 → 0\.0871 in 200 steps/);
  expect(errors).toEqual([]);
});
