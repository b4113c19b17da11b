import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, control, focusBody, latestLoss, settle, stepText } from './lab-page';

/** A lesson step with the training curve that trains steadily: the sine forecast (a GRU, 50 steps/s, paused). */
const FORECAST = '/#lesson=applications&step=3&present=1';

/** Opens the speaker window with the clicker's S and waits until it follows the audience window. */
async function openSpeaker(page: Page): Promise<Page> {
  await focusBody(page);
  const popup = page.context().waitForEvent('page');
  await page.keyboard.press('s');
  const speaker = await popup;
  await expect(speaker.getByTestId('connection')).toHaveText('Following the audience window');
  return speaker;
}

/**
 * Both windows show the same run: the audience window settles (its worker caught up, not training), then the speaker
 * window shows that very step and loss, and is settled too. State, not time.
 */
async function sameNumbers(audience: Page, speaker: Page): Promise<number> {
  const n = await settle(audience);
  const loss = await latestLoss(audience);
  await expect(speaker.getByTestId('step')).toHaveText(stepText(n));
  expect(await settle(speaker)).toBe(n);
  if (loss) await expect(speaker.getByTestId('curve-latest')).toContainText(loss.text);
  else await expect(speaker.getByTestId('curve-latest')).toContainText('No training steps yet.');
  return n;
}

/** The lesson step each window is on (1-based). */
async function lessonSteps(audience: Page, speaker: Page) {
  const a = await audience.locator('.lesson-text').getAttribute('data-step');
  const s = await speaker.locator('.speaker-now').getAttribute('data-step');
  return [Number(a), Number(s)];
}

test('presenter mode enlarges the text past 24 px at 1280×720, and nothing is cut off on an 800×600 projector', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(FORECAST);
  await expect(page.locator('html')).toHaveAttribute('data-present', 'true');
  const text = page.locator('.lesson-text > p').nth(1);
  await expect(text).toBeVisible();
  const px = await text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px).toBeGreaterThanOrEqual(24);
  // the views are enlarged as a whole (their labels and strokes with them): zoom on each panel
  const zoom = await page.locator('.lesson-views .panel').first().evaluate((el) => Number(getComputedStyle(el).zoom));
  expect(zoom).toBeGreaterThan(1.2);
  // the controls are not: the playback buttons keep their size
  const playPx = await control(page, 'Play').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(playPx).toBe(16);

  await page.setViewportSize({ width: 800, height: 600 });
  await expect(page.locator('.lesson-views .panel')).toHaveCount(2);
  await expect(page.getByTestId('curve-latest')).toBeVisible();
  const overflow = await page.evaluate(() => {
    const wide = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    const out: string[] = [];
    if (wide(document.documentElement)) out.push(`page ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`);
    document.querySelectorAll('.app-header, .lesson-text, .lesson-views, .panel').forEach((el) => {
      if (wide(el)) out.push(`${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    });
    return out;
  });
  expect(overflow).toEqual([]);
  expect(errors).toEqual([]);
});

test('b blanks the screen and any key brings it back; f asks for full screen; Escape leaves presenter mode and the Present button returns to it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(FORECAST);
  await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
  await focusBody(page);
  await page.keyboard.press('b');
  await expect(page.getByTestId('blackout')).toBeVisible();
  // the key that brings the page back does nothing else: Space does not also play
  await page.keyboard.press(' ');
  await expect(page.getByTestId('blackout')).toHaveCount(0);
  await expect(control(page, 'Play')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('blackout')).toBeVisible();
  await page.getByTestId('blackout').click();
  await expect(page.getByTestId('blackout')).toHaveCount(0);

  // headless Chromium may grant or refuse full screen: either it is on, or a notice says it was refused
  await page.keyboard.press('f');
  await expect
    .poll(() => page.evaluate(() => (document.fullscreenElement ? 'full screen' : (document.querySelector('[data-testid="notices"]')?.textContent ?? ''))))
    .toMatch(/full screen/i);
  if (await page.evaluate(() => document.fullscreenElement !== null)) {
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-present');
  expect(page.url()).not.toContain('present=1');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-present', 'true');
  expect(page.url()).toContain('present=1');
  // and PageDown, like →, moves to the next step, still presenting
  await focusBody(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lesson-text')).toHaveAttribute('data-step', '4');
  expect(page.url()).toContain('present=1');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.lesson-text')).toHaveAttribute('data-step', '3');
  expect(errors).toEqual([]);
});

test('the speaker window follows the audience window: the same lesson step and the same numbers through play, step, reset, steps moved from either window and a reload of each', async ({ page }) => {
  test.slow();
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(FORECAST);
  await expect(page.getByTestId('curve-latest')).toBeVisible();
  const speaker = await openSpeaker(page);
  const speakerErrors = collectErrors(speaker);
  expect(await lessonSteps(page, speaker)).toEqual([3, 3]);
  expect(((await speaker.getByTestId('speaker-notes').textContent()) ?? '').length).toBeGreaterThan(40);
  await expect(speaker.getByRole('heading', { name: /^Next: / })).toBeVisible();
  await sameNumbers(page, speaker);

  // play and pause in the audience window
  await control(page, 'Play').click();
  await expect.poll(async () => Number((await speaker.getByTestId('step').textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(10);
  await control(page, 'Pause').click();
  const played = await sameNumbers(page, speaker);
  expect(played).toBeGreaterThanOrEqual(10);

  // step and play/pause from the speaker window: the audience window's lab does it
  await control(speaker, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText(stepText(played + 1));
  expect(await sameNumbers(page, speaker)).toBe(played + 1);
  await control(speaker, 'Play').click();
  await expect(page.getByTestId('run-state')).toContainText('training');
  await control(speaker, 'Pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  await sameNumbers(page, speaker);

  // reset from the speaker window
  await control(speaker, 'Reset').click();
  expect(await sameNumbers(page, speaker)).toBe(0);

  // the blank screen from the speaker window
  await speaker.getByRole('button', { name: 'Blank the audience screen' }).click();
  await expect(page.getByTestId('blackout')).toBeVisible();
  await speaker.getByRole('button', { name: 'Show the audience screen' }).click();
  await expect(page.getByTestId('blackout')).toHaveCount(0);

  // steps moved from the speaker window, and from the audience window
  await speaker.getByRole('button', { name: 'Next step →' }).click();
  await expect(page.locator('.lesson-text')).toHaveAttribute('data-step', '4');
  await expect.poll(() => lessonSteps(page, speaker)).toEqual([4, 4]);
  await speaker.getByRole('button', { name: 'Next step →' }).click();
  await expect.poll(() => lessonSteps(page, speaker)).toEqual([5, 5]);
  await focusBody(page);
  await page.keyboard.press('PageUp');
  await expect.poll(() => lessonSteps(page, speaker)).toEqual([4, 4]);
  await page.keyboard.press('PageDown');
  await expect.poll(() => lessonSteps(page, speaker)).toEqual([5, 5]);
  await control(speaker, 'Step').click();
  await control(speaker, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText(stepText(2));
  expect(await sameNumbers(page, speaker)).toBe(2);

  // the speaker window reloads: it asks again and catches up, mid-run
  await control(page, 'Play').click();
  await expect.poll(async () => Number((await page.getByTestId('step').textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(12);
  await control(page, 'Pause').click();
  await settle(page);
  await speaker.reload();
  await expect(speaker.getByTestId('connection')).toHaveText('Following the audience window');
  expect(await lessonSteps(page, speaker)).toEqual([5, 5]);
  expect(await sameNumbers(page, speaker)).toBeGreaterThanOrEqual(12);

  // the audience window reloads: the speaker window says so, then follows the new owner's run from its start
  await speaker.evaluate(() => {
    const el = document.querySelector('[data-testid="connection"]')!;
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-present', 'true');
  await expect(speaker.getByTestId('connection')).toHaveText('Following the audience window');
  expect(await speaker.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain('Reconnecting…');
  expect(await lessonSteps(page, speaker)).toEqual([5, 5]);
  expect(await sameNumbers(page, speaker)).toBe(0);
  await control(speaker, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText(stepText(1));
  expect(await sameNumbers(page, speaker)).toBe(1);

  expect(errors).toEqual([]);
  expect(speakerErrors).toEqual([]);
});

test('in the lab, the speaker window shows the run and its controls; → takes a training step while presenting', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#play=0&present=1');
  await settle(page);
  await focusBody(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText(stepText(1));
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('step')).toHaveText(stepText(2));
  // ← cannot take a run back: nothing happens
  await page.keyboard.press('ArrowLeft');
  expect(await settle(page)).toBe(2);
  // the lab's link keeps presenter mode as it rewrites itself
  expect(page.url()).toContain('present=1');
  const speaker = await openSpeaker(page);
  await expect(speaker.getByRole('heading', { name: 'The lab' })).toBeVisible();
  expect(await sameNumbers(page, speaker)).toBe(2);
  await control(speaker, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText(stepText(3));
  expect(await sameNumbers(page, speaker)).toBe(3);
  // the speaker window can jump the run ahead: the audience window's lab trains to the step
  await speaker.getByRole('spinbutton', { name: 'Train to step' }).fill('40');
  await speaker.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByTestId('step')).toHaveText(stepText(40));
  expect(await sameNumbers(page, speaker)).toBe(40);
  await speaker.getByRole('spinbutton', { name: 'Train to step' }).fill('2.5');
  await speaker.getByRole('button', { name: 'Go' }).click();
  await expect(speaker.getByRole('alert')).toContainText('A whole step from 0 to');
  await speaker.getByRole('spinbutton', { name: 'Train to step' }).fill('3');
  await speaker.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByTestId('step')).toHaveText(stepText(3));
  expect(await sameNumbers(page, speaker)).toBe(3);
  // the views are zoomed, and pointing still reads the right numbers: the curve's newest point, at its right end
  const loss = page.locator('[data-view="curve"] .curve-box svg .series-loss').first();
  const box = (await loss.boundingBox())!;
  await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
  await expect(page.getByTestId('curve-readout')).toContainText('step 3:');
  // the settings are a drawer in presenter mode, out of the way until opened
  await expect(page.getByRole('complementary', { name: 'Settings' })).toBeHidden();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('complementary', { name: 'Settings' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('two presentations in two tabs do not cross; a broken speaker link says so', async ({ page, context }) => {
  await page.goto('/#play=0&present=1');
  await settle(page);
  const speaker = await openSpeaker(page);
  const other = await context.newPage();
  await other.goto('/#lesson=applications&step=3&present=1');
  await expect(other.getByTestId('curve-latest')).toBeVisible();
  await focusBody(page);
  await page.keyboard.press('ArrowRight');
  await expect(speaker.getByTestId('step')).toHaveText(stepText(1));
  // the other tab's presentation is on its own channel: the speaker window still shows the lab, not its lesson
  await expect(speaker.getByRole('heading', { name: 'The lab' })).toBeVisible();
  const broken = await context.newPage();
  await broken.goto('/#lab&speaker=%3Cscript%3E');
  await expect(broken.getByRole('alert')).toContainText('This speaker link is not one the presenter mode makes');
});

test('axe finds no violations in presenter mode with high contrast, nor in the speaker window', async ({ page }) => {
  await page.emulateMedia({ contrast: 'more' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(FORECAST);
  await expect(page.getByTestId('curve-latest')).toBeVisible();
  await settle(page);
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`)).toEqual([]);
  const speaker = await openSpeaker(page);
  await settle(speaker);
  const r2 = await new AxeBuilder({ page: speaker }).analyze();
  expect(r2.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`)).toEqual([]);
  // and the page without presenter mode, asking for more contrast, gets the same theme
  await page.goto('/#lesson=applications&step=3');
  const fg = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--fg').trim());
  expect(fg).toBe('#000');
});
