// When storage fails, the assessment still works and says what happened: blocked storage (as in
// a cross-site iframe, where reading window.localStorage throws), writes that throw (quota), and
// corrupt saved data (set aside, not lost).
import { test, expect, expectAccessible, openFresh, finishAs } from '../fixtures.js';

test('blocked storage: a notice, and the assessment still completes', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await openFresh(page);
  await expect(page.getByTestId('storage-notice')).toContainText("won't survive a reload");
  await finishAs(page, 'internal_it', (c, i) => i % c);
  await expect(page.getByTestId('readiness')).not.toBeEmpty();
  expect(page.consoleErrors).toEqual([]);
});

test('a write that throws (quota): a notice, and the assessment still completes', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('overlap:progress')) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await openFresh(page);
  await finishAs(page, 'msp', (c, i) => (i + 1) % c);
  await expect(page.getByTestId('storage-notice')).toContainText('could not be saved');
  expect(page.consoleErrors).toEqual([]);
});

test('corrupt saved data is set aside with a notice', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => localStorage.setItem('overlap:progress:v2', 'v2|section:trust|en|!!not-a-payload'));
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toContainText('set aside');
  const kept = await page.evaluate(() => localStorage.getItem('overlap:set-aside:overlap:progress:v2'));
  expect(kept).toBe('v2|section:trust|en|!!not-a-payload');
  await finishAs(page, 'leadership');
  await expect(page.getByTestId('risk')).not.toBeEmpty();
});

// A session half-finished with the first release (instrument version 1, which saved the screen
// as a number) resumes on the same section of version 2, with every answer whose question kept
// its meaning carried over, a notice saying so, and the old text kept.
test('a half-finished version 1 session resumes with its answers carried over', async ({ page }) => {
  // Internal IT, every question answered (the first golden v1 link), on the trust section (step 5).
  const old = 'v1|5|en|BGQEUEAE0AE0AAkAgCgEEBFxFxEmkAmkAEWkAEUAkACWyQ';
  await openFresh(page);
  await page.evaluate((text) => localStorage.setItem('overlap:progress:v1', text), old);
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toContainText(/\d+ of your answers were carried over and \d+ new or reworded/);
  await expect(page.locator('#ov-title')).toHaveText('Trust after mistakes');
  // "The MSP is out of its depth" replaced v1's "does not understand our systems": carried.
  await expect(page.locator('#item-tr_depth input:checked')).toHaveCount(1);
  // A new question is unanswered.
  await expect(page.locator('#item-tr_owns_up input:checked')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('overlap:set-aside:overlap:progress:v1'))).toBe(old);
  expect(await page.evaluate(() => localStorage.getItem('overlap:progress:v2'))).toMatch(/^v2\|section:trust\|en\|/);
  await expectAccessible(page, 'carried-over notice');
  expect(page.consoleErrors).toEqual([]);
});

test('progress from another instrument version is set aside with a notice', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => localStorage.setItem('overlap:progress:v0', 'v0|3|en|AAAA'));
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toContainText('older version');
  await expect(page.getByTestId('start')).toBeVisible();
});
