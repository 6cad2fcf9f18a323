// Autosave and resume: a reload midway returns to the same section with every answer intact;
// Start over asks first, then wipes.
import { test, expect, expectAccessible, openFresh, startAs, answerSection } from '../fixtures.js';

test('a reload resumes at the same section with answers intact', async ({ page }) => {
  await openFresh(page);
  await startAs(page, 'msp');
  await answerSection(page, () => 1);
  await answerSection(page, (c) => c - 2);
  const title = await page.locator('#ov-title').textContent();
  const progress = await page.getByTestId('progress').textContent();
  await page.locator('.ov-flow input[type=radio]').first().check();
  const checked = await page.locator('.ov-flow input[type=radio]:checked').count();
  await page.reload();
  await expect(page.locator('#ov-title')).toHaveText(title);
  await expect(page.getByTestId('progress')).toHaveText(progress);
  await expect(page.locator('.ov-flow input[type=radio]:checked')).toHaveCount(checked);
  await page.getByTestId('back').click();
  await expect(page.locator('.ov-flow input[type=radio]:checked').first()).toBeVisible();
});

test('start over asks for confirmation, then wipes saved answers', async ({ page }) => {
  await openFresh(page);
  await startAs(page, 'other');
  await answerSection(page);
  while (await page.getByTestId('review').count() === 0) await page.getByTestId('next').click();
  await page.getByTestId('start-over').click();
  // The confirmation takes the button's place and focus goes to the safe choice; keeping the
  // answers puts the button back, focused.
  await expect(page.getByRole('button', { name: 'Keep my answers' })).toBeFocused();
  await expect(page.getByTestId('start-over')).toBeHidden();
  await expectAccessible(page, 'start over confirmation');
  await page.getByRole('button', { name: 'Keep my answers' }).click();
  await expect(page.getByTestId('review')).toBeVisible();
  await expect(page.getByTestId('start-over')).toBeFocused();
  await expect(page.getByTestId('confirm-start-over')).toBeHidden();
  await page.getByTestId('start-over').click();
  await page.getByTestId('confirm-start-over').click();
  await expect(page.getByTestId('start')).toHaveText('Start the assessment');
  const saved = await page.evaluate(() => localStorage.getItem('overlap:progress:v2'));
  expect(saved).toBeNull();
  await page.reload();
  await expect(page.getByTestId('start')).toHaveText('Start the assessment');
});
