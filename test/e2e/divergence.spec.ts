import { expect, test } from '@playwright/test';
import { control, openLab, settle, stepText } from './lab-page';

/** A linear RNN with a recurrent matrix of 3·I, plain SGD at lr 1 and no clipping: the activations grow like 3^t and overflow. */
const EXPLODING = '/#task=adding&T=50&cell=rnn&act=linear&init=identity&rscale=3&opt=sgd&lr=1&clip=none&speed=0';

test('a diverging run pauses with a message naming the step and quantity, and Reset recovers it', async ({ page }) => {
  await openLab(page, EXPLODING);
  const alert = page.getByTestId('divergence');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText(/Training diverged at step \d+:/);
  await expect(alert).toContainText(/the \S.* infinite or NaN/);
  const text = (await alert.textContent()) ?? '';
  const step = Number(/diverged at step (\d+)/.exec(text)![1]);
  expect(step).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('run-state')).toHaveText('diverged');
  await expect(control(page, 'Play')).toBeDisabled();
  await expect(control(page, 'Step')).toBeDisabled();
  // one step number everywhere: the counter shows the step the alert names, and stays there
  const shown = await settle(page);
  expect(shown).toBe(step);
  // the alert is the one message: no raw engine error beside it
  await expect(page.getByTestId('notices').getByRole('listitem')).toHaveCount(0);

  await alert.getByRole('button', { name: 'Reset to step 0' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('step')).toHaveText(stepText(0));
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  const play = control(page, 'Play');
  await expect(play).toBeEnabled();

  // slowly, so that pausing comes before the explosion: it plays, then pauses
  await page.getByRole('combobox', { name: /Speed/ }).selectOption('1');
  await play.click();
  await expect(page.getByTestId('run-state')).toContainText('training');
  await control(page, 'Pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  await expect(page.getByTestId('divergence')).toHaveCount(0);
});
