import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab } from './lab-page';

const CELLS = ['rnn', 'lstm', 'gru'] as const;

/** The step each column shows ("step 1,234" → 1234). */
async function steps(page: Page): Promise<number[]> {
  return Promise.all(CELLS.map(async (c) => Number(((await page.getByTestId(`compare-step-${c}`).textContent()) ?? '').replace(/\D/g, ''))));
}

test('the comparison trains RNN, LSTM and GRU side by side in three workers and follows the page’s Pause and Step', async ({ page }) => {
  test.slow(); // three workers on two cores
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
  // three workers on a loaded 2-core machine: the bound is generous, the wait is on the steps
  await expect.poll(async () => Math.min(...(await steps(page))), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
  for (const c of CELLS) {
    await expect(page.locator(`[data-cell="${c}"] .flow-chart [data-series="h"]`)).toHaveAttribute('d', /^M/);
    await expect(page.getByTestId(`compare-factor-${c}`)).toContainText('per step back');
  }
  // the page's Pause pauses all three: each worker handles it and stops, so its step can no longer move
  await page.getByRole('button', { name: 'Pause' }).click();
  for (const c of CELLS) await expect(page.getByTestId(`compare-step-${c}`)).toHaveAttribute('data-settled', 'true');
  const paused = await steps(page);
  // and a Step of the page is exactly one step of each
  await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Step', exact: true }).click();
  for (const c of CELLS) await expect(page.getByTestId(`compare-step-${c}`)).toHaveText(`step ${(paused[CELLS.indexOf(c)] + 1).toLocaleString('en-US')}`);
  for (const c of CELLS) await expect(page.getByTestId(`compare-step-${c}`)).toHaveAttribute('data-settled', 'true');
  expect(await steps(page)).toEqual(paused.map((s) => s + 1));
  await page.getByRole('button', { name: 'Stop comparison' }).click();
  await expect(page.locator('[data-view="compare"] .compare-col')).toHaveCount(0);
  // the two extra workers are terminated, the page's own goes on
  await expect.poll(() => closed).toBe(2);
  expect(errors).toEqual([]);
});

test('at 1280 × 720 every column of the comparison fits its card, no chart text is under 12 px, and the verdict is smoothed', async ({ page }) => {
  test.slow(); // three workers train T = 50 sequences; the waits are on their steps, this is only the bound
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, '/#task=adding&T=50&views=compare&speed=20');
  await page.getByRole('button', { name: 'Start comparison' }).click();
  await expect.poll(async () => Math.min(...(await steps(page))), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
  for (const c of CELLS) await expect(page.locator(`[data-cell="${c}"] .flow-chart [data-series="h"]`)).toHaveAttribute('d', /^M/);
  await page.getByRole('button', { name: 'Pause' }).click();
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const card of document.querySelectorAll<HTMLElement>('.compare-col')) {
      const c = card.getBoundingClientRect();
      for (const svg of card.querySelectorAll<SVGSVGElement>('svg.chart')) {
        const s = svg.getBoundingClientRect();
        if (s.left < c.left || s.right > c.right) out.push(`${card.dataset.cell}: an SVG ${s.width} px wide runs out of its card`);
        for (const t of svg.querySelectorAll('text')) {
          if (!t.textContent?.trim()) continue;
          const b = t.getBoundingClientRect();
          if (b.left < c.left || b.right > c.right || b.left < s.left - 0.5 || b.right > s.right + 0.5) out.push(`${card.dataset.cell}: "${t.textContent}" is cut`);
          if (parseFloat(getComputedStyle(t).fontSize) < 12) out.push(`${card.dataset.cell}: "${t.textContent}" under 12 px`);
        }
      }
    }
    return out;
  });
  expect(problems).toEqual([]);
  // the verdict judges the mean of the last evaluations, with its tolerance stated
  await expect(page.getByText(/judge the mean of the last 5 evaluations; within 10% of the trivial predictor's score counts as at the baseline/)).toBeVisible();
  for (const c of CELLS) await expect(page.getByTestId(`compare-verdict-${c}`)).toHaveAttribute('data-verdict', /^(better|at|worse)$/);
});
