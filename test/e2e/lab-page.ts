/** Helpers the browser tests share: reading the lab's numbers off the page the way a student reads them. */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The default lab, not playing: every run starts paused at step 0 of the seed's initial weights. */
export const PAUSED_DEFAULT = '/#play=0';

/** Console errors and uncaught exceptions of a page, collected from the moment this is called. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** "1,234" → 1234 (the page formats numbers with en-US separators). */
export function parseCount(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** The training step the status bar shows ("step 1,234" → 1234). */
export async function stepCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('step').textContent()) ?? '';
  const m = /step\s+([\d,]+)/.exec(text);
  if (!m) throw new Error(`the step counter reads ${JSON.stringify(text)}`);
  return parseCount(m[1]);
}

/** The status bar's text for step n, as the page formats it. */
export function stepText(n: number): string {
  return `step ${n.toLocaleString('en-US')}`;
}

/** The newest loss point of the training curve's text summary ("loss 0.0123 at step 1,200"), or null before the first step. */
export async function latestLoss(page: Page): Promise<{ text: string; loss: number; step: number } | null> {
  const text = (await page.getByTestId('curve-latest').textContent()) ?? '';
  const m = /loss (\S+) at step ([\d,]+)/.exec(text);
  if (!m) return null;
  return { text: m[0], loss: parseCount(m[1]), step: parseCount(m[2]) };
}

/** Opens the lab at `hash` and waits until the worker has answered (the run state is no longer "starting"). */
export async function openLab(page: Page, hash = '/#lab'): Promise<void> {
  await page.goto(hash);
  await expect(page.getByTestId('run-state')).not.toHaveText('starting');
}

/** Pauses (by the button) and waits until the worker has handled the pause and its last frame is drawn. */
export async function pauseAndSettle(page: Page): Promise<number> {
  await control(page, 'Pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  return settle(page);
}

/**
 * Waits until the worker has caught up with the page — its latest drawn frame has handled every command the page
 * sent (Frame.handled) — and is not training, so the step counter can no longer move; returns it. State, not time.
 */
export async function settle(page: Page): Promise<number> {
  await expect(page.getByTestId('step')).toHaveAttribute('data-synced', 'true');
  await expect(page.getByTestId('step')).toHaveAttribute('data-worker-playing', 'false');
  return stepCount(page);
}

/** Waits until the worker has handled every command the page sent (playing or not). */
export async function synced(page: Page): Promise<void> {
  await expect(page.getByTestId('step')).toHaveAttribute('data-synced', 'true');
}

/** Moves keyboard focus to the page itself, so lecture keys reach the lab's window listener. */
export async function focusBody(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** A button of the status bar (Play/Pause, Step, Reset): views may have buttons of the same name (an animation's Play). */
export function control(page: Page, name: 'Play' | 'Pause' | 'Step' | 'Reset') {
  return page.getByRole('group', { name: 'Playback' }).getByRole('button', { name, exact: true });
}

/** Waits until every panel has rendered its view (the teaching views load lazily), so a check sees the whole page. */
export async function allViewsLoaded(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.panel .view-empty', { hasText: 'Loading the view' })).toHaveCount(0);
  // a panel off screen shows its view the state it had when it left the screen: bring each one into view once so every
  // view has drawn the current run, then return to the top
  const panels = page.locator('section.panel');
  for (let i = 0; i < (await panels.count()); i++) {
    await panels.nth(i).scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
