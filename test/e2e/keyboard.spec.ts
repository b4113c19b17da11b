import { expect, test } from '@playwright/test';
import { allViewsLoaded, control, focusBody, openLab, pauseAndSettle, settle, stepCount, stepText, synced } from './lab-page';

/** What can take focus from Tab: enabled, rendered, not taken out of the order by a negative tabindex. */
const TABBABLE = 'button, select, input, textarea, a[href], [tabindex]';

/** The focused element: its place among the page's tabbable elements (document order), its region and name, and its focus ring. */
function describeFocus(selector: string): { index: number; id: string; focusVisible: boolean; ring: number } {
  const list = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => !(e as HTMLButtonElement).disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);
  const e = document.activeElement as HTMLElement | null;
  if (!e || e === document.body) return { index: -1, id: 'body', focusVisible: false, ring: 0 };
  const region = e.closest('.status-bar') ? 'playback' : e.closest('.app-header') ? 'header' : e.closest('.notices') ? 'notices' : e.closest('.app-controls') ? 'settings' : e.closest('main') ? 'views' : 'other';
  const name = (e as HTMLInputElement).labels?.[0]?.textContent?.trim().split(/\s/)[0] ?? e.getAttribute('aria-label') ?? e.textContent?.trim();
  const cs = getComputedStyle(e);
  // the ring's width in px: a solid outline, or for an SVG shape (which draws no outline) its focus stroke
  const outline = cs.outlineStyle === 'solid' ? parseFloat(cs.outlineWidth) : 0;
  const stroke = e instanceof SVGElement && cs.stroke !== 'none' ? parseFloat(cs.strokeWidth) : 0;
  return { index: list.indexOf(e), id: `${region}: ${e.tagName.toLowerCase()} ${name}`, focusVisible: e.matches(':focus-visible'), ring: Math.max(outline, stroke) };
}

test('Tab reaches every control once, in page order, each with a visible focus ring', async ({ page }) => {
  await openLab(page, '/#play=0');
  // the teaching views load lazily: wait until every panel has rendered its content
  await allViewsLoaded(page);
  const expected = await page.evaluate((sel) => [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => !(e as HTMLButtonElement).disabled && e.tabIndex >= 0 && e.getClientRects().length > 0).length, TABBABLE);
  expect(expected).toBeGreaterThanOrEqual(20);

  await focusBody(page);
  const seen: ReturnType<typeof describeFocus>[] = [];
  for (let i = 0; i <= expected; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(describeFocus, TABBABLE));
  }
  const cycle = seen.slice(0, expected);
  // every tabbable element once, in document order (no positive tabindex, no trap), then back to the page
  expect(cycle.map((f) => f.index)).toEqual([...Array(expected).keys()]);
  expect(seen[expected].id).toBe('body');
  // playback first, then the settings in their panel order, then the views
  const regions = cycle.map((f) => f.id.split(':')[0]);
  expect([...new Set(regions)]).toEqual(['playback', 'header', 'settings', 'views']);
  expect(cycle.slice(0, 5).map((f) => f.id)).toEqual(['playback: button Play', 'playback: button Step', 'playback: button Reset', 'playback: select Speed', 'header: button Keys']);
  const settings = cycle.filter((f) => f.id.startsWith('settings')).map((f) => f.id.replace('settings: ', ''));
  expect(settings.indexOf('select Task')).toBe(0);
  expect(settings.indexOf('select Cell')).toBeLessThan(settings.indexOf('select Optimizer'));
  // the run's settings end with the seed and the kernels; then "jump ahead, save a run"
  expect(settings.slice(-6)).toEqual(['input Seed', 'select Kernels', 'input Train', 'button Go', 'button Save run', 'button Open run…']);
  // a keyboard user sees where they are: every stop matches :focus-visible and draws a ring (solid outline, or an SVG stroke) at least 2 px wide
  for (const f of cycle) {
    expect(f.focusVisible, f.id).toBe(true);
    expect(f.ring, f.id).toBeGreaterThanOrEqual(2);
  }
});

test('Space plays and pauses, → steps, r resets; keys typed into a field stay in the field', async ({ page }) => {
  await openLab(page, '/#play=0');
  const state = page.getByTestId('run-state');
  await expect(state).toHaveText('paused');
  await focusBody(page);
  await page.keyboard.press('Space');
  await expect(state).toContainText('training');
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('Space');
  await expect(state).toHaveText('paused');
  const s = await settle(page);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText(stepText(s + 1));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText(stepText(s + 2));

  // in a number field, r, Space and → are typing and caret keys, not lecture keys
  const hidden = page.getByRole('spinbutton', { name: 'Hidden units', exact: true });
  await hidden.focus();
  for (const key of ['r', 'Space', 'ArrowRight', 'R']) await hidden.press(key);
  // had a key sent a command, the worker would not have caught up yet or the step would have moved
  expect(await settle(page)).toBe(s + 2);
  await expect(state).toHaveText('paused');
  await hidden.press('Escape');
  await expect(hidden).toHaveValue('16');
  // the same in the selects
  const cell = page.getByRole('combobox', { name: 'Cell', exact: true });
  await cell.focus();
  await cell.press('r');
  await expect(cell).toHaveValue('lstm');
  expect(await settle(page)).toBe(s + 2);

  await focusBody(page);
  await page.keyboard.press('r');
  await expect(page.getByTestId('step')).toHaveText(stepText(0));
  await expect(page.getByTestId('curve-latest')).toContainText('No training steps yet.');

  // one rule: with focus on the Play button, Space plays once (no double toggle from the button and the page's key)
  await control(page, 'Play').focus();
  await page.keyboard.press('Space');
  await expect(state).toContainText('training');
  // a double toggle would have sent play then pause: once the worker has handled all, it still trains
  await synced(page);
  await expect(page.getByTestId('step')).toHaveAttribute('data-worker-playing', 'true');
  await expect(state).toContainText('training');
  await pauseAndSettle(page);

  // after clicking another button ("Show as table"), Space still plays and pauses, and does not press that button
  const asTable = page.locator('[data-view="curve"]').getByRole('button', { name: 'Show as table' });
  await asTable.click();
  const asFigure = page.locator('[data-view="curve"]').getByRole('button', { name: 'Show as figure' });
  await expect(asFigure).toBeFocused();
  await page.keyboard.press('Space');
  await expect(state).toContainText('training');
  await expect(asFigure).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('k');
  await expect(state).toHaveText('paused');
  await expect(asFigure).toHaveAttribute('aria-pressed', 'true');
  await settle(page);

  // ? lists the keys
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keys' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Keys' })).toContainText('Space or k');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keys' })).toBeHidden();
});
