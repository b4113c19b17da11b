/**
 * "Train to step N" and saved runs in Chromium. The losses of a run are read from its saved run file: "Save run" is
 * the test hook — the file holds the page's training history (history.loss: one double per step while the curve holds
 * fewer than 2,048 points, base64 of little-endian bytes) and θ, exactly, where the curve's table shows rounded values.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, latestLoss, openLab, PAUSED_DEFAULT, settle, stepText } from './lab-page';

const trainToField = (page: Page) => page.getByRole('spinbutton', { name: /^Train to step/ });

/** Types N into "Train to step", presses Go, and waits until the page shows step N with the worker caught up. */
async function trainTo(page: Page, n: number, timeout = 8_000): Promise<void> {
  await trainToField(page).fill(String(n));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText(stepText(n), { timeout });
  expect(await settle(page)).toBe(n);
}

/** Presses "Save run" and returns the downloaded file's name and text. */
async function saveRun(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save run' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The doubles of a base64 field of a run file (little-endian bytes). */
function doubles(b64: string): number[] {
  const buf = Buffer.from(b64, 'base64');
  return Array.from({ length: buf.length / 8 }, (_, i) => buf.readDoubleLE(i * 8));
}

interface SavedRun {
  snapshot: { trainer: { step: number }; theta: string };
  history: { stride: number; step: string; loss: string };
}

/** Opens a run file through "Open run…" (the file input behind the button). */
async function openRun(page: Page, file: { name: string; text: string }): Promise<void> {
  await page.getByLabel('Open a saved run file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
}

test('a run saved at step 300, reloaded and opened, gives steps 301–400 equal to a run trained straight to 400', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, PAUSED_DEFAULT);
  await trainTo(page, 300);
  const at300 = await saveRun(page);
  expect(at300.name).toBe('unrolled-run-echo-step300.json');
  const saved = JSON.parse(at300.text) as SavedRun & { format: string; version: number };
  expect(saved).toMatchObject({ format: 'unrolled-run', version: 1, snapshot: { trainer: { step: 300 } } });
  expect(doubles(saved.history.step)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));

  await page.reload();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  await expect(page.getByTestId('step')).toHaveText(stepText(0));
  await openRun(page, at300);
  await expect(page.getByTestId('step')).toHaveText(stepText(300));
  expect(await settle(page)).toBe(300);
  await expect(page.getByTestId('notices')).toContainText('Opened a run saved at step 300');
  await expect(page.getByTestId('curve-latest')).toContainText('at step 300');
  await trainTo(page, 400);
  const resumed = JSON.parse((await saveRun(page)).text) as SavedRun;

  await page.goto('about:blank');
  await openLab(page, PAUSED_DEFAULT);
  await trainTo(page, 400);
  const straight = JSON.parse((await saveRun(page)).text) as SavedRun;

  const [a, b] = [resumed, straight].map((r) => ({ step: doubles(r.history.step), loss: doubles(r.history.loss) }));
  expect(a.step.slice(300)).toEqual(Array.from({ length: 100 }, (_, i) => 301 + i));
  expect(a.loss.slice(300)).toEqual(b.loss.slice(300)); // steps 301–400, every double equal
  expect(a.loss).toEqual(b.loss);
  expect(resumed.snapshot.theta).toBe(straight.snapshot.theta); // θ byte for byte
  expect(errors).toEqual([]);
});

test('hostile run files give a message, create no element, and leave the current run as it was', async ({ page }) => {
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openLab(page, PAUSED_DEFAULT);
  await trainTo(page, 25);
  const good = JSON.parse((await saveRun(page)).text) as Record<string, unknown> & { snapshot: { config: { task: { kind: string } } } };
  const HTML = '<img src=x onerror=alert(1)>';
  const hostile: [string, string, RegExp][] = [
    ['html-format.json', JSON.stringify({ ...good, format: HTML }), /not an Unrolled run file/],
    ['wrong-format.json', JSON.stringify({ format: 'something-else', version: 1 }), /not an Unrolled run file/],
    ['not-json.json', `${HTML} not json`, /not JSON/],
    ['newer.json', JSON.stringify({ ...good, version: 2 }), /newer version of Unrolled/],
    ['html-date.json', JSON.stringify({ ...good, savedAt: HTML }), /"savedAt" is not a date/],
    ['html-task.json', JSON.stringify({ ...good, snapshot: { ...good.snapshot, config: { ...good.snapshot.config, task: { kind: HTML } } } }), /not ones this version runs/],
  ];
  for (const [name, text, message] of hostile) {
    await openRun(page, { name, text });
    const notice = page.getByTestId('notices').getByRole('listitem').last();
    await expect(notice).toContainText('This run cannot be opened:');
    await expect(notice).toContainText(message);
    // nothing was made of the file's HTML, nothing ran, and the run is where it was
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.getByTestId('step')).toHaveText(stepText(25));
    await expect(page.getByTestId('run-state')).toHaveText('paused');
  }
  expect(await settle(page)).toBe(25);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('train to 5,000 on the default lab lands on step 5,000 without drawing the steps between', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openLab(page, PAUSED_DEFAULT);
  await settle(page);
  // every text the step counter shows from now on (the page's own element, observed from the test)
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { stepsSeen: string[] }).stepsSeen = seen;
    const el = document.querySelector('[data-testid="step"]')!;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await trainToField(page).fill('5000');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByTestId('jump-status')).toHaveText('Training to step 5,000…');
  await expect(page.getByTestId('step')).toHaveText(stepText(5000), { timeout: 100_000 });
  expect(await settle(page)).toBe(5000);
  await expect(page.getByTestId('jump-status')).toHaveText('');
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  const seen = await page.evaluate(() => (window as unknown as { stepsSeen: string[] }).stepsSeen);
  expect(new Set(seen)).toEqual(new Set([stepText(5000)]));
  // the curve got the steps: past 4,096 steps each of its points covers 4, so its newest point is one of the last
  // 4 steps (the rest wait in the point being filled); back on screen first, as the field is far down the settings
  await page.getByTestId('curve-latest').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await latestLoss(page))?.step ?? 0).toBeGreaterThan(5000 - 4);
  expect(errors).toEqual([]);
});

test('Stop ends a jump where it got to: paused, the page and the worker on the same step', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, PAUSED_DEFAULT);
  await trainToField(page).fill('1000000');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  // the worker says how far it got (a progress event), drawing nothing
  await expect.poll(() => page.locator('progress.jump-progress').evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const at = await settle(page);
  expect(at).toBeGreaterThan(0);
  expect(at).toBeLessThan(1_000_000);
  await expect(page.getByTestId('jump-status')).toHaveText('');
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  expect(errors).toEqual([]);
});
