/**
 * The "human or network?" and CO₂ forecast applications in Chromium: each page trains live; the game deals two
 * snippets, records a guess with its step and plots it; the forecast draws the held-out tail and the network's
 * forecast of it; the lab's series task offers the CO₂ example; axe passes and no console error is logged.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, stepCount } from './lab-page';

const violations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);

test('human or network? trains live, deals two snippets of the same length, records a guess with its step and plots it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#app=lm');
  await expect(page.getByRole('heading', { level: 1, name: 'Human or network? A character model writes' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('app-metric')).toContainText('bits per character on the text');
  await expect(page.getByTestId('sampled-text')).not.toBeEmpty();
  const game = page.getByTestId('guess-game');
  await game.getByRole('button', { name: 'Deal two snippets' }).click();
  const a = game.locator('[data-snippet="A"] .mono');
  const b = game.locator('[data-snippet="B"] .mono');
  await expect(a).toHaveText(/.{60}/);
  expect(((await a.textContent()) ?? '').length).toBe(60);
  expect(((await b.textContent()) ?? '').length).toBe(60);
  const question = (await game.locator('.guess-question').textContent()) ?? '';
  const step = Number(/step ([\d,]+)/.exec(question)?.[1].replace(/,/g, ''));
  expect(step).toBeGreaterThan(0);
  await game.locator('[data-snippet="A"]').click();
  await expect(game).toHaveAttribute('data-guesses', '1');
  await expect(game.getByRole('status')).toContainText(/^(Right|Wrong): the network wrote [AB]/);
  await expect(game.locator('circle.guess-point')).toHaveCount(1);
  const row = game.locator('table[data-table="guesses"] tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('1');
  // the bin holds the step the guess was made at
  const [from, to] = ((await row.locator('td').first().textContent()) ?? '').split('–').map((s) => Number(s.replace(/,/g, '')));
  expect(step).toBeGreaterThanOrEqual(from);
  expect(step).toBeLessThan(to);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the CO₂ forecast trains live and draws the held-out tail against the network’s forecast', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#app=forecast');
  await expect(page.getByRole('heading', { level: 1, name: 'Forecasting: CO₂ at Mauna Loa' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('app-metric')).toContainText('on the 48 held-out months');
  const output = page.locator('[data-view="output"]');
  await expect(output.locator('path[data-series="truth"]')).toHaveCount(1);
  await expect(output.locator('path[data-series="forecast"]')).toHaveAttribute('d', /^M/);
  await expect(output.getByRole('list', { name: 'Legend' })).toContainText('what happened (held out)');
  // the seasonal naive forecast with drift: a second dashed line, and named beside the last value in the readout
  await expect(output.locator('path[data-series="seasonal"]')).toHaveAttribute('d', /^M/);
  await expect(output.getByRole('list', { name: 'Legend' })).toContainText('seasonal yardstick');
  await expect(page.getByTestId('app-metric')).toContainText('persistence (repeat the last value): 0.00205; seasonal naive with drift');
  await expect(output.locator('svg.forecast-chart')).toHaveAttribute('aria-label', /read 60 values, then predicted 48 more on its own; .*the seasonal yardstick 2\.05, the last value repeated 3\.53/);
  // the lab link names the series: short
  const href = (await page.getByRole('link', { name: 'Open this run in the lab' }).getAttribute('href')) ?? '';
  expect(href).toContain('csv=co2&');
  expect(href.length).toBeLessThan(300);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the lab’s series task offers the CO₂ series as an example, with its last 48 months held out', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#task=series&csv=1%0A2%0A3%0A2%0A1%0A2%0A3%0A2%0A1%0A2%0A3%0A2&T=4&views=output&play=0');
  await page.getByRole('button', { name: 'CO₂ at Mauna Loa (NOAA)' }).click();
  await expect(page.getByLabel('Sequence length T')).toHaveValue('60');
  // the series by name: the address bar holds csv=co2, not 806 numbers
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/[#&]csv=co2&/);
  await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('[data-view="output"] path[data-series="truth"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
