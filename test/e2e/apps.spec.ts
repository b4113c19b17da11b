/**
 * "What RNNs are for" in Chromium: the gallery lists every application and links to its page; each application page
 * trains live (the step counter moves, the score appears, the output view shows a translation or a caption), measures
 * what each cell costs in its worker, passes axe, and logs no console error — at 1366 and 390 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { allViewsLoaded, collectErrors, settle, stepCount } from './lab-page';

function summarize(violations: { id: string; impact?: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join(' | ')}`);
}

/** Where screenshots for a person to look at go (SHOTS=1 saves them). */
const shot = async (page: Page, name: string) => {
  if (process.env.SHOTS) await page.screenshot({ path: `test-results/apps-${name}.png`, fullPage: true });
};

test('the home page and the site header lead to the gallery, which lists every application', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#');
  await page.getByRole('link', { name: 'What RNNs are for' }).first().click();
  await expect(page).toHaveURL(/#apps$/);
  await expect(page.getByRole('heading', { level: 1, name: 'What RNNs are for' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'What RNNs are for' })).toHaveAttribute('aria-current', 'page');
  const cards = page.locator('.app-card');
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(0).getByRole('link')).toHaveAttribute('href', '#app=translate');
  await expect(cards.nth(1).getByRole('link')).toHaveAttribute('href', '#app=caption');
  await expect(cards.nth(2).getByRole('link')).toHaveAttribute('href', '#app=lm');
  await expect(cards.nth(3).getByRole('link')).toHaveAttribute('href', '#app=forecast');
  const result = await new AxeBuilder({ page }).analyze();
  expect(summarize(result.violations)).toEqual([]);
  await shot(page, 'gallery');
  expect(errors).toEqual([]);
});

test('translation trains live: the steps move, the score appears, held-out numbers are translated, the cost is measured', async ({ page }) => {
  // the score's climb below is bounded at 60 s, on a loaded machine: the test's own bound must be longer than that wait
  test.slow();
  const errors = collectErrors(page);
  await page.goto('/#apps');
  await page.getByRole('link', { name: 'Translation: number words to digits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Translation: number words to digits' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('run-state')).toContainText('training');
  // the score: an exact-match percentage of the held-out numbers
  await expect(page.getByTestId('app-metric')).toContainText('of the 205 unseen numbers written exactly right');
  const output = page.locator('[data-view="output"]');
  await expect(output.locator('.translation')).toHaveCount(8);
  await expect(output.locator('.translation').first().locator('.translation-source')).toHaveText(/^[a-z ]+$/);
  await expect(output.locator('svg.meaning-bars[data-name="h"] rect.meaning-bar')).toHaveCount(32);
  await expect(output.locator('svg.meaning-bars[data-name="c"]')).toHaveCount(1); // an LSTM's memory too
  // the worker timed the three cells: parameters and ms per step, the LSTM with about 4× the RNN's gate weights
  const cost = page.getByTestId('cost-table');
  await expect(cost.locator('tbody tr')).toHaveCount(3);
  const params = async (cell: string) => Number(await cost.locator(`tr[data-cell="${cell}"] td`).first().getAttribute('data-value'));
  expect(await params('lstm')).toBeGreaterThan(3 * (await params('rnn')));
  expect(await params('gru')).toBeGreaterThan(await params('rnn'));
  for (const cell of ['rnn', 'lstm', 'gru']) expect(Number(await cost.locator(`tr[data-cell="${cell}"] td`).nth(1).getAttribute('data-value'))).toBeGreaterThan(0);
  // the settings the page hands over: the cell and the source order, nothing else
  await expect(page.getByLabel('Cell')).toBeVisible();
  await expect(page.getByLabel('The encoder reads the words')).toBeVisible();
  await expect(page.getByLabel('Learning rate')).toHaveCount(0);
  // later, most numbers are right: the score climbs over the constant answer's
  await expect.poll(async () => Number(await page.getByTestId('app-metric').getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThan(0.3);
  await shot(page, 'translate-1366');
  const result = await new AxeBuilder({ page }).analyze();
  expect(summarize(result.violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('captions train live: pictures are captioned, feature maps drawn, the cost measured; the table shows the same', async ({ page }) => {
  test.slow();
  const errors = collectErrors(page);
  await page.goto('/#app=caption');
  await expect(page.getByRole('heading', { level: 1, name: 'Captions: pictures to sentences' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('app-metric')).toContainText('of the caption words right on 256 unseen pictures');
  const output = page.locator('[data-view="output"]');
  await expect(output.locator('.caption-item')).toHaveCount(6);
  await expect(output.locator('.caption-item canvas').first()).toHaveAttribute('aria-label', /^Picture 1: (red|green|blue|yellow): \d+ pixels/);
  await expect(output.locator('.caption-output').first()).not.toBeEmpty();
  await expect(output.locator('.feature-map[data-channel] canvas')).toHaveCount(6);
  // the picture on the canvas is the picture: its pixels, read back, are lit where the label says
  const lit = await output.locator('.caption-item canvas').first().evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 0) n++;
    return n / ((c.width / 16) * (c.height / 16));
  });
  const label = (await output.locator('.caption-item canvas').first().getAttribute('aria-label')) ?? '';
  const counted = [...label.matchAll(/(\d+) pixels/g)].reduce((s, m) => s + Number(m[1]), 0);
  expect(Math.round(lit)).toBe(counted);
  await expect(page.getByTestId('cost-table').locator('tbody tr')).toHaveCount(3, { timeout: 30_000 });
  await shot(page, 'caption-1366');
  const result = await new AxeBuilder({ page }).analyze();
  expect(summarize(result.violations)).toEqual([]);
  // the table alternative: each picture in words, its captions and ✓/✗
  await output.getByRole('button', { name: 'Show as table' }).click();
  await expect(output.locator('table[data-table="captions"] tbody tr')).toHaveCount(6);
  await expect(output.locator('table[data-table="feature-maps"] tbody tr')).toHaveCount(6);
  expect(errors).toEqual([]);
});

test('changing the cell on the page starts a new run with that cell, which the cost table marks', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#app=translate');
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(2);
  await expect(page.locator('tr.cost-current')).toHaveAttribute('data-cell', 'lstm');
  await page.getByLabel('Cell').selectOption('gru');
  await expect(page.getByLabel('Cell')).toHaveValue('gru');
  await expect(page.locator('tr.cost-current')).toHaveAttribute('data-cell', 'gru');
  // a GRU's meaning vector is h alone: the output view of the new run has no memory strip
  await expect(page.locator('[data-view="output"] svg.meaning-bars[data-name="c"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('[data-view="output"] svg.meaning-bars[data-name="h"]')).toHaveCount(1);
  await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await settle(page)).toBeGreaterThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('the lab runs translation with every teaching view on the decoder: no check fails, no console error, axe clean', async ({ page }) => {
  test.slow();
  const errors = collectErrors(page);
  await page.goto('/#task=translate&reverse=1&cell=gru&hidden=8&views=output,unroll,flow,gates,formulas&speed=0');
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(20);
  await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Pause', exact: true }).click();
  await settle(page);
  await allViewsLoaded(page);
  // the decoder starts from the meaning vector: the unrolled chain's first node says h₀, not 0
  await expect(page.locator('[data-view="unroll"] .h-init + text')).toHaveText('h₀');
  await expect(page.locator('[data-view="formulas"] .formula-check-ok').first()).toBeVisible();
  await expect(page.locator('[data-view="formulas"] .formula-check-bad')).toHaveCount(0);
  await expect(page.locator('[data-view="output"] .translation')).toHaveCount(8);
  const result = await new AxeBuilder({ page }).analyze();
  expect(summarize(result.violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('an unknown application says so and lists the ones there are', async ({ page }) => {
  await page.goto('/#app=%3Cimg%20src%3Dx%3E');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No application called “<img src=x>”');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Captions: pictures to sentences' })).toHaveAttribute('href', '#app=caption');
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('both pages fit the phone: no sideways scrolling of the page, the output readable', async ({ page }) => {
    // two pages, each waiting up to 30 s for its cost table (the cells timed in its worker): longer than the default bound
    test.slow();
    for (const id of ['translate', 'caption']) {
      await page.goto(`/#app=${id}`);
      await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(2);
      // below the story on a phone: a panel off screen holds its view back until it is scrolled to
      await page.locator('[data-view="output"]').scrollIntoViewIfNeeded();
      await expect(page.locator('[data-view="output"] .view-shell')).toBeVisible();
      await page.getByTestId('cost-table').scrollIntoViewIfNeeded({ timeout: 30_000 });
      await expect(page.getByTestId('cost-table')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, `${id}-390`);
    }
  });
});
