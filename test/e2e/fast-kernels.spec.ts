/**
 * The fast kernels (float32 WebAssembly SIMD) training inside the page's worker, under the built site's CSP. The run
 * is compared with the engine's own in Node, on both paths: the page's θ after 200 steps must be the fast run's, bit
 * for bit (the engine's elementary functions are its own, src/engine/detmath.ts, so they do not depend on the host's
 * Math; before them the two differed by 5.7e-14 here) and not the reference run's (measured 1e-7 apart, float32
 * rounding grown over the same steps) — so a page that silently trained on the reference fails. determinism.spec.ts
 * checks the same byte for byte for more runs and both kernels.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Session } from '../../src/engine/session';
import { fromHash } from '../../src/state/url';
import { collectErrors, openLab, settle, stepText } from './lab-page';

const RUN = 'task=echo&lag=5&symbols=4&cell=lstm&hidden=16&opt=adam&lr=0.01&clip=norm&clipAt=1&batch=8&seed=3&play=0';
const STEPS = 200;

/** θ of the run in Node after `steps`, and the kernels that trained it. */
function nodeTheta(hash: string, steps: number): { theta: Float64Array; kernels: string } {
  const s = new Session(fromHash(hash).config);
  s.train(steps);
  return { theta: s.net.theta, kernels: s.trainer.kernels };
}

/** The largest relative difference between two θ (relative to max(|b|, 1e-3), so near-zero weights do not dominate). */
function worstRelative(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-3));
  return worst;
}

async function trainTo(page: Page, n: number): Promise<void> {
  await page.getByRole('spinbutton', { name: /^Train to step/ }).fill(String(n));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText(stepText(n));
  expect(await settle(page)).toBe(n);
}

async function savedTheta(page: Page): Promise<Float64Array> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save run' }).click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { snapshot: { theta: string; config: { kernels?: string } } };
  expect(saved.snapshot.config.kernels).toBe('fast');
  const bytes = Buffer.from(saved.snapshot.theta, 'base64');
  return new Float64Array(Array.from({ length: bytes.length / 8 }, (_, i) => bytes.readDoubleLE(i * 8)));
}

test('kernels=fast trains in the worker on the float32 kernels: θ after 200 steps is the engine’s fast run in Node, not its reference run', async ({ page }) => {
  const errors = collectErrors(page);
  const fast = nodeTheta(`#${RUN}&kernels=fast`, STEPS);
  const reference = nodeTheta(`#${RUN}`, STEPS);
  expect(fast.kernels).toBe('fast');
  expect(reference.kernels).toBe('reference');
  // the two paths really differ after 200 steps, so closeness below says which one the page ran
  expect(worstRelative(fast.theta, reference.theta)).toBeGreaterThan(1e-8);

  await openLab(page, `/#${RUN}&kernels=fast&views=curve,formulas`);
  await expect(page.getByTestId('step')).toHaveAttribute('data-kernels', 'fast');
  await expect(page.getByTestId('kernels')).toHaveText('float32 kernels');
  await expect(page.getByTestId('formulas-kernels')).toContainText('recomputed in Float64');
  await trainTo(page, STEPS);
  const page200 = await savedTheta(page);
  expect(worstRelative(page200, fast.theta)).toBe(0);
  expect(worstRelative(page200, reference.theta)).toBeGreaterThan(1e-8);
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
