/**
 * The fast kernels (float32 WebAssembly SIMD) training inside the page's worker, under the built site's CSP. The run
 * is compared with the engine's own in Node: WebAssembly's float32 arithmetic is exactly specified and the Float64
 * around it is the same V8, so the same seed must give the same θ, byte for byte, in the browser and here. The
 * reference run of the same config is computed too, so a page that silently trained on the reference would fail.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Session } from '../../src/engine/session';
import { fromHash } from '../../src/state/url';
import { collectErrors, openLab, settle, stepText } from './lab-page';

const RUN = 'task=echo&lag=5&symbols=4&cell=lstm&hidden=16&opt=adam&lr=0.01&clip=norm&clipAt=1&batch=8&seed=3&play=0';
const STEPS = 200;

/** θ of the run in Node after `steps`, as the run file stores it: base64 of little-endian doubles. */
function nodeTheta(hash: string, steps: number): { theta: string; kernels: string } {
  const s = new Session(fromHash(hash).config);
  s.train(steps);
  return { theta: Buffer.from(s.net.theta.buffer, s.net.theta.byteOffset, s.net.theta.byteLength).toString('base64'), kernels: s.trainer.kernels };
}

async function trainTo(page: Page, n: number): Promise<void> {
  await page.getByRole('spinbutton', { name: /^Train to step/ }).fill(String(n));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText(stepText(n));
  expect(await settle(page)).toBe(n);
}

async function savedTheta(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save run' }).click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { snapshot: { theta: string; config: { kernels?: string } } };
  expect(saved.snapshot.config.kernels).toBe('fast');
  return saved.snapshot.theta;
}

test('kernels=fast trains in the worker on the float32 kernels: θ after 200 steps equals the engine’s fast run in Node, not the reference run', async ({ page }) => {
  const errors = collectErrors(page);
  const fast = nodeTheta(`#${RUN}&kernels=fast`, STEPS);
  const reference = nodeTheta(`#${RUN}`, STEPS);
  expect(fast.kernels).toBe('fast');
  expect(reference.kernels).toBe('reference');
  // the two paths really differ after 200 steps, so equality below says which one the page ran
  expect(fast.theta).not.toBe(reference.theta);

  await openLab(page, `/#${RUN}&kernels=fast&views=curve,formulas`);
  await expect(page.getByTestId('step')).toHaveAttribute('data-kernels', 'fast');
  await expect(page.getByTestId('kernels')).toHaveText('float32 kernels');
  await expect(page.getByTestId('formulas-kernels')).toContainText('recomputed in Float64');
  await trainTo(page, STEPS);
  expect(await savedTheta(page)).toBe(fast.theta);
  expect(errors).toEqual([]);
});

test('the Kernels setting switches a run between the paths, and the link and the status bar follow', async ({ page }) => {
  await openLab(page, `/#${RUN}`);
  await expect(page.getByTestId('step')).toHaveAttribute('data-kernels', 'reference');
  await expect(page.getByTestId('kernels')).toHaveCount(0);
  await expect(page.getByTestId('formulas-kernels')).toHaveCount(0);
  const select = page.getByLabel('Kernels', { exact: true });
  await select.selectOption('fast');
  await expect(page.getByTestId('step')).toHaveAttribute('data-kernels', 'fast');
  await expect(page).toHaveURL(/kernels=fast/);
  await select.selectOption('reference');
  await expect(page.getByTestId('step')).toHaveAttribute('data-kernels', 'reference');
  await expect(page).not.toHaveURL(/kernels=/);
});

test('the language-model application page trains on the fast kernels', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#app=lm');
  await expect(page.getByTestId('step')).toHaveAttribute('data-kernels', 'fast');
  expect(errors).toEqual([]);
});
