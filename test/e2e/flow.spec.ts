import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { collectErrors, openLab, pauseAndSettle } from './lab-page';

/** A linear RNN with Whh = s·I on the adding problem, SGD at a tiny rate (the weights barely move), clipping by norm at 1. */
const linear = (s: number) => `/#task=adding&T=20&cell=rnn&act=linear&init=identity&rscale=${s}&opt=sgd&lr=0.0001&views=flow&speed=5`;

/** The profile's trend and fitted per-step factor, as the view prints them. */
async function fitted(page: Page): Promise<{ trend: string | null; factor: number }> {
  const p = page.getByTestId('flow-factor');
  return { trend: await p.getAttribute('data-trend'), factor: Number(await p.getAttribute('data-factor')) };
}

/** The training step the norm history has reached ("step 12: ‖∇θ‖ …"). */
async function historyStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('flow-history-summary').textContent()) ?? '';
  const m = /^step ([\d,]+):/.exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : 0;
}

/** y values of an SVG path's points. */
async function pathYs(path: Locator): Promise<number[]> {
  const d = (await path.getAttribute('d')) ?? '';
  return [...d.matchAll(/[ML]-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
}

test('the gradient-flow slope turns from falling to rising as the recurrent scale crosses 1 on a linear RNN', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, linear(0.5));
  const view = page.locator('[data-view="flow"]');
  await expect(page.getByTestId('flow-factor')).toHaveAttribute('data-trend', 'falling');
  const lo = await fitted(page);
  // Whh = 0.5·I and a linear activation: every step back multiplies the error by exactly 0.5 (lr 1e-4 barely moves it)
  expect(lo.factor).toBeGreaterThan(0.49);
  expect(lo.factor).toBeLessThan(0.51);
  await expect(page.getByTestId('flow-factor')).toContainText('each step back multiplies the error by 0.50');
  await expect(view.getByTestId('flow-spectral')).toContainText('ρ(Whh) = 0.50');
  // live: the worker's frames keep coming
  const first = await historyStep(page);
  await expect.poll(() => historyStep(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(first + 3);

  // the knob: drag the recurrent scale to 1.5 and release — a new run, now rising
  const slider = view.getByRole('slider', { name: /Recurrent scale/ });
  await slider.fill('1.5');
  await slider.blur();
  await expect(page.getByTestId('flow-factor')).toHaveAttribute('data-trend', 'rising');
  const hi = await fitted(page);
  expect(hi.factor).toBeGreaterThan(1.49);
  expect(hi.factor).toBeLessThan(1.51);
  await expect(view.getByTestId('flow-spectral')).toContainText('ρ(Whh) = 1.50');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('rscale=1.5');
  expect(errors).toEqual([]);
});

test('clipping visibly caps the norm history: after clipping it never rises above the threshold line', async ({ page }) => {
  await openLab(page, linear(1.5));
  const strip = page.locator('[data-view="flow"] .norm-history');
  // a few clipped steps (Whh = 1.5·I over 20 steps: ‖∇θ‖ ≫ 1 at every step)
  await expect.poll(async () => Number(await strip.locator('.flow-clips').getAttribute('data-count')), { timeout: 6_000 }).toBeGreaterThanOrEqual(3);
  // paused and settled, so that no frame lands between the readings: a new norm can rescale the axis, and the line's y
  // and the paths' must come from one drawing
  await pauseAndSettle(page);
  await expect(strip.locator('.flow-threshold')).toHaveAttribute('data-threshold', '1');
  const y = Number(await strip.locator('.flow-threshold line').getAttribute('y1'));
  const before = await pathYs(strip.locator('[data-series="before"]'));
  const after = await pathYs(strip.locator('[data-series="after"]'));
  expect(before.length).toBeGreaterThanOrEqual(3);
  // before clipping the norm is above the line (smaller y is higher); after clipping it is on or below it
  expect(Math.min(...before)).toBeLessThan(y - 20);
  for (const ay of after) expect(ay).toBeGreaterThanOrEqual(y);
  await expect(page.getByTestId('flow-history-summary')).toContainText('→ 1 after clipping');
});

/** Text of the view's SVGs that is smaller than 12 px on screen, or runs outside its SVG, as "text: why". */
function smallOrCut(root: string): string[] {
  const out: string[] = [];
  for (const svg of document.querySelectorAll<SVGSVGElement>(`${root} svg.chart`)) {
    const box = svg.getBoundingClientRect();
    const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? box.width / svg.viewBox.baseVal.width : 1;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent?.trim()) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 12) out.push(`${t.textContent}: ${px.toFixed(1)} px`);
      const b = t.getBoundingClientRect();
      if (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5) out.push(`${t.textContent}: outside its SVG`);
    }
  }
  return out;
}

test('after a 1e25 spike at step 2 the norm history keeps the later norms off the floor and counts the spike it marks', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, '/#task=adding&T=50&cell=rnn&act=relu&init=xavier&opt=rmsprop&lr=0.1&clip=none&views=flow&speed=20');
  await expect.poll(() => historyStep(page), { timeout: 8_000 }).toBeGreaterThanOrEqual(12);
  // paused and settled: the axis labels and the path below are read from one drawing, not across a frame
  await pauseAndSettle(page);
  const strip = page.locator('[data-view="flow"] .norm-history');
  // the spike is marked, and the caption counts exactly the marks by the rule it states
  await expect(strip.locator('.flow-spikes')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('flow-history-summary')).toContainText('1 explosion marked ▼ (‖∇θ‖ above 1,000, or overflowed to ∞/NaN)');
  // the axis runs from 1 (the smallest norm's decade) to the spike: the norms ≈ 4 after it are drawn above the floor line at 1
  const labels = await strip.locator('.axis-left .axis-label').allTextContents();
  expect(labels[0]).toBe('1');
  expect(labels).toContain('1e20');
  const ys = await pathYs(strip.locator('[data-series="before"]'));
  const floor = 132; // the strip's bottom
  for (const y of ys.slice(3)) expect(y).toBeLessThan(floor - 2);
  expect(errors).toEqual([]);
});

test('at 1280 × 720 the flow view explains the truncated LSTM’s lag, states its rule, and no chart text is under 12 px or cut', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, '/#trunc=3&views=flow&speed=20');
  await expect.poll(() => historyStep(page), { timeout: 8_000 }).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('flow-trunc-lag')).toContainText('Truncation limits what the gradient can teach, not what the state carries');
  await expect(page.getByTestId('flow-trunc-lag')).toContainText(/forget gates averaging 0\.\d\d per step/);
  await expect(page.getByTestId('flow-rule')).toContainText('within 2% of 1 "roughly constant"');
  expect(await page.evaluate(smallOrCut, '[data-view="flow"]')).toEqual([]);
});
