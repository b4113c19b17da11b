import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab, pauseAndSettle, stepCount } from './lab-page';

/** The echo task the gates view is about: lag 8, an LSTM of 8 units with forget bias 3, at full speed. */
const ECHO_LSTM = '/#views=gates&lag=8&hidden=8&fbias=3&speed=0';

const gates = (page: Page) => page.locator('[data-view="gates"]');
/** A number the cell diagram prints ("kept f·cₜ₋₁ = −1.056" → −1.056). */
async function printed(page: Page, q: string): Promise<number> {
  const text = (await gates(page).locator(`.cell-diagram [data-q="${q}"]`).textContent()) ?? '';
  return Number(text.split('= ').pop()!.replace('−', '-'));
}

test('the gates view follows live frames, and its diagram adds up: c_t = f·c_{t−1} + i·g', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, ECHO_LSTM);
  await expect(gates(page).locator('.gate-panel')).toHaveCount(6);
  // frames stream into the view: the printed c_t changes while training runs
  const first = await gates(page).locator('.cell-diagram [data-q="c"]').textContent();
  await expect.poll(() => stepCount(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(150);
  await expect.poll(() => gates(page).locator('.cell-diagram [data-q="c"]').textContent()).not.toBe(first);
  await pauseAndSettle(page);
  const [c, kept, written, f, cPrev, i, g] = await Promise.all(['c', 'kept', 'written', 'f', 'cPrev', 'i', 'g'].map((q) => printed(page, q)));
  expect(Math.abs(c - (kept + written))).toBeLessThanOrEqual(0.001 + 1e-9);
  expect(Math.abs(kept - f * cPrev)).toBeLessThanOrEqual(0.0005 * (1 + Math.abs(cPrev) + f) + 1e-9);
  expect(Math.abs(written - i * g)).toBeLessThanOrEqual(0.0015);
  expect(errors).toEqual([]);
});

test('clicking a heatmap cell shows that unit and step in the diagram; the memory finder explains its unit', async ({ page }) => {
  await openLab(page, ECHO_LSTM);
  await expect.poll(() => stepCount(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(100);
  await pauseAndSettle(page);
  const canvas = gates(page).locator('.gate-panel[data-name="f"] canvas');
  const box = (await canvas.boundingBox())!;
  // T = 9 steps across, 8 units down: the cell of step 3, unit 6
  await canvas.click({ position: { x: (3.5 * box.width) / 9, y: (6.5 * box.height) / 8 } });
  await expect(gates(page).locator('.diagram-caption')).toHaveText('unit 6 · t = 3 · input ·');
  await expect(page.getByRole('slider', { name: 'timestep t' })).toHaveValue('3');
  await gates(page).getByRole('button', { name: 'Find the memory unit' }).click();
  await expect(gates(page).locator('.diagram-caption')).toHaveText(/^unit \d · t = 8 · input ·$/);
  // the readout's decomposition adds up: c_T = kept + written
  const text = (await page.getByTestId('memory-readout').textContent()) ?? '';
  const m = /its final c = (\S+) is (\S+) kept from t = 0 plus (\S+) written since\. Kept share: ([\d.<> ]+%)/.exec(text);
  expect(m, text).not.toBeNull();
  const [c, kept, written] = m!.slice(1, 4).map((v) => Number(v.replace('−', '-')));
  expect(Math.abs(c - (kept + written))).toBeLessThanOrEqual(0.002);
});
