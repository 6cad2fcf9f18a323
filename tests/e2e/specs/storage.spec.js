// When storage fails, the assessment still works and says what happened: blocked storage (as in
// a cross-site iframe, where reading window.localStorage throws), writes that throw (quota), and
// corrupt saved data (set aside, not lost).
import { test, expect, openFresh, finishAs } from '../fixtures.js';

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
  await page.evaluate(() => localStorage.setItem('overlap:progress:v1', 'v1|4|en|!!not-a-payload'));
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toContainText('set aside');
  const kept = await page.evaluate(() => localStorage.getItem('overlap:set-aside:overlap:progress:v1'));
  expect(kept).toBe('v1|4|en|!!not-a-payload');
  await finishAs(page, 'leadership');
  await expect(page.getByTestId('risk')).not.toBeEmpty();
});

test('progress from another instrument version is set aside with a notice', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => localStorage.setItem('overlap:progress:v0', 'v0|3|en|AAAA'));
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toContainText('older version');
  await expect(page.getByTestId('start')).toBeVisible();
});
