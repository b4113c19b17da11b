import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectErrors, openLab, synced } from './lab-page';

/** A number field of the settings, found by its label as a student (or a screen reader) finds it. */
const field = (page: Page, label: string) => page.getByRole('spinbutton', { name: label, exact: true });
const select = (page: Page, label: string) => page.getByRole('combobox', { name: label, exact: true });

/** Types a value into a number field and applies it with Enter (fields apply on Enter or blur, never per keystroke). */
async function setNumber(page: Page, label: string, value: string): Promise<void> {
  await field(page, label).fill(value);
  await field(page, label).press('Enter');
  await expect(field(page, label)).toHaveValue(value);
}

test('a shared link reproduces the settings in a new page, and the hash round-trips unchanged', async ({ page, context }) => {
  await openLab(page, '/#lab');
  await select(page, 'Cell').selectOption('gru');
  await setNumber(page, 'Hidden units', '24');
  await setNumber(page, 'Lag (blank steps)', '20');
  await setNumber(page, 'Learning rate', '0.003');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('lr=0.003');
  const hash = await page.evaluate(() => location.hash);
  for (const part of ['task=echo', 'lag=20', 'cell=gru', 'hidden=24', 'lr=0.003']) expect(hash.split(/[#&]/)).toContain(part);

  const errors = collectErrors(page);
  const other = await context.newPage();
  await openLab(other, `/${hash}`);
  await expect(select(other, 'Task')).toHaveValue('echo');
  await expect(select(other, 'Cell')).toHaveValue('gru');
  await expect(field(other, 'Hidden units')).toHaveValue('24');
  await expect(field(other, 'Lag (blank steps)')).toHaveValue('20');
  await expect(field(other, 'Learning rate')).toHaveValue('0.003');
  // the worker built the same run: the new page trains a GRU (it has no forget-gate bias field, an LSTM-only setting)
  await expect(field(other, 'Forget-gate bias')).toHaveCount(0);
  // the page rewrites its hash from its state: identical to the one it was opened with
  await expect.poll(() => other.evaluate(() => location.hash)).toBe(hash);
  await expect(other.getByTestId('notices')).toHaveCount(0);
  expect(errors).toEqual([]);
  await other.close();
});

const HOSTILE =
  '/#task=%3Cscript%3Ealert(1)%3C/script%3E&hidden=1e99&lr=-5&cell=__proto__&batch=abc&evil=1&views=<img src=x onerror=alert(1)>';

test('a hostile link runs nothing, loads clamped or default settings, and says what it changed', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await openLab(page, HOSTILE);
  const notices = page.getByTestId('notices');
  await expect(notices).toBeVisible();

  // defaults for garbage, clamps for numbers out of range
  await expect(select(page, 'Task')).toHaveValue('echo');
  await expect(select(page, 'Cell')).toHaveValue('lstm');
  await expect(field(page, 'Hidden units')).toHaveValue('128');
  await expect(field(page, 'Learning rate')).toHaveValue('0.00001');
  await expect(field(page, 'Batch size')).toHaveValue('16');

  // one notice per change, naming the setting and the value used
  const items = notices.getByRole('listitem');
  const texts = await items.allTextContents();
  const expected = [/unknown link setting "evil"/, /Unknown task kind "<script>alert\(1\)<\/sc.*using the echo task/, /hidden size 1e\+99 is outside 1…128; using 128/, /learning rate -5 is outside .*; using 0\.00001/, /Unknown cell "__proto__"; using lstm/, /batch size was "abc".*using the default 16/, /Ignored unknown views: "<img src=x onerror=a/];
  for (const re of expected) expect(texts.some((t) => re.test(t)), `a notice matching ${re}`).toBe(true);
  expect(texts).toHaveLength(expected.length);

  // the markup in the link stayed text: nothing was injected, nothing ran
  expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
  expect(await page.locator('body script').count()).toBe(0);
  expect(await page.evaluate(() => [...document.querySelectorAll('[onerror], [onload], [onclick]')].length)).toBe(0);
  // cell=__proto__ polluted no prototype
  expect(await page.evaluate(() => ['cell', 'model', 'kind', 'hiddenSize'].filter((k) => k in {}))).toEqual([]);
  await synced(page); // the page has run a full round trip with the worker: anything injected would have run by now
  expect(dialogs).toEqual([]);

  // the page now links to what it actually runs: none of the hostile values survive in its hash
  const hash = await page.evaluate(() => location.hash);
  expect(hash).not.toMatch(/script|evil|img|onerror|__proto__|abc|1e99|-5/);
  expect(hash.split('&')).toEqual(expect.arrayContaining(['#task=echo', 'cell=lstm', 'hidden=128', 'lr=0.00001', 'batch=16']));
  // the views fall back to the known ones: plain ids, comma-separated
  expect(hash).toMatch(/&views=[a-z]+(%2C[a-z]+)*(&|$)/);

  // and a notice can be dismissed
  await items.first().getByRole('button').click();
  await expect(items).toHaveCount(expected.length - 1);
});
