import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab, stepCount } from './lab-page';

/** Every number-bearing part of every view says which training step it shows (data-step): one snapshot of all of them. */
function stepsShown(page: Page): Promise<{ where: string; step: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('section.panel [data-step]')].map((e) => ({
      where: `${e.closest('section.panel')!.getAttribute('data-view')} ${e.className || e.tagName}`,
      step: Number(e.getAttribute('data-step')),
    })),
  );
}

for (const cell of ['lstm', 'gru', 'rnn'] as const) {
  test(`while ${cell === 'gru' ? 'a' : 'an'} ${cell.toUpperCase()} trains at full speed, every view shows the numbers of one and the same frame`, async ({ page }) => {
    // four views redrawn for every frame at full speed, twelve frames waited for: 7–10 s on a lightly loaded 2-core
    // machine, 20–35 s on a heavily loaded one (measured; the paused part takes well under a second). Only the bound.
    test.slow();
    const errors = collectErrors(page);
    await openLab(page, `/#task=echo&lag=10&symbols=4&cell=${cell}&views=unroll,flow,gates,formulas&speed=0`);
    await expect(page.locator('.panel .view-empty', { hasText: 'Loading the view' })).toHaveCount(0);
    // the page is taller than the screen: views off screen hold their frame by design (they skip re-rendering);
    // check, at moments the test does not choose, the views that are on screen together
    for (const view of ['unroll', 'gates', 'formulas']) {
      await page.locator(`[data-view="${view}"]`).scrollIntoViewIfNeeded();
      let last = await stepCount(page);
      for (let k = 0; k < 4; k++) {
        await expect.poll(() => stepCount(page)).toBeGreaterThan(last);
        last = await stepCount(page);
        const visible = await page.evaluate((v) => {
          const r = document.querySelector(`[data-view="${v}"]`)!.getBoundingClientRect();
          return r.top < innerHeight && r.bottom > 0;
        }, view);
        expect(visible).toBe(true);
        const shown = (await stepsShown(page)).filter((s) => s.where.startsWith(view));
        expect(shown.length, `${view} says which step it shows`).toBeGreaterThan(0);
        expect(new Set(shown.map((s) => s.step)).size, JSON.stringify(shown)).toBe(1);
      }
    }
    // paused, every view, on screen or not, comes to the same frame as the step counter
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByTestId('step')).toHaveAttribute('data-synced', 'true');
    await expect(page.getByTestId('step')).toHaveAttribute('data-worker-playing', 'false');
    const counter = await stepCount(page);
    for (const view of ['unroll', 'flow', 'gates', 'formulas']) {
      await page.locator(`[data-view="${view}"]`).scrollIntoViewIfNeeded();
      await expect.poll(async () => [...new Set((await stepsShown(page)).filter((s) => s.where.startsWith(view)).map((s) => s.step))]).toEqual([counter]);
    }
    expect(errors).toEqual([]);
  });
}
