import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab } from './lab-page';

const CELLS = ['rnn', 'lstm', 'gru'] as const;

/** The step each column shows ("step 1,234" → 1234). */
async function steps(page: Page): Promise<number[]> {
  return Promise.all(CELLS.map(async (c) => Number(((await page.getByTestId(`compare-step-${c}`).textContent()) ?? '').replace(/\D/g, ''))));
}

test('the comparison trains RNN, LSTM and GRU side by side in three workers and follows the page’s Pause', async ({ page }) => {
  const errors = collectErrors(page);
  const workers: string[] = [];
  let closed = 0;
  page.on('worker', (w) => {
    workers.push(w.url());
    w.on('close', () => closed++);
  });
  await openLab(page, '/#task=adding&T=10&cell=lstm&views=compare&speed=20');
  expect(workers).toHaveLength(1);
  await page.getByRole('button', { name: 'Start comparison' }).click();
  // two more workers, one column per cell in the order RNN, LSTM, GRU; the page's own is the LSTM
  await expect.poll(() => workers.length).toBe(3);
  const heads = page.locator('[data-view="compare"] .compare-col h3');
  await expect(heads).toHaveText([/^RNN \(tanh\)/, /^LSTM · this page's run/, /^GRU/]);
  // live: every column's step rises and its gradient-flow profile is drawn
  await expect.poll(async () => Math.min(...(await steps(page))), { timeout: 6_000 }).toBeGreaterThanOrEqual(10);
  for (const c of CELLS) {
    await expect(page.locator(`[data-cell="${c}"] .flow-chart [data-series="h"]`)).toHaveAttribute('d', /^M/);
    await expect(page.getByTestId(`compare-factor-${c}`)).toContainText('per step back');
  }
  // the page's Pause pauses all three
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(600);
  const paused = await steps(page);
  await page.waitForTimeout(800);
  expect(await steps(page)).toEqual(paused);
  await page.getByRole('button', { name: 'Stop comparison' }).click();
  await expect(page.locator('[data-view="compare"] .compare-col')).toHaveCount(0);
  // the two extra workers are terminated, the page's own goes on
  await expect.poll(() => closed).toBe(2);
  expect(errors).toEqual([]);
});
