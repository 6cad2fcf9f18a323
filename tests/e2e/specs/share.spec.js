// Share links: copy, open in a fresh browser, see the same result; an edited link explains
// itself; opening a link never touches the visitor's own progress.
import { test, expect, expectAccessible, openFresh, finishAs, startAs, answerSection } from '../fixtures.js';

async function figures(page) {
  return {
    readiness: await page.getByTestId('readiness').textContent(),
    risk: await page.getByTestId('risk').textContent(),
    barrier: await page.getByTestId('barrier').textContent(),
    table: await page.getByTestId('profile-table').locator('tbody td.ov-num').allTextContents(),
  };
}

test('copy the link, open it in a fresh browser, see the same scores', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page);
  await finishAs(page, 'internal_it', (c, i) => (i * 5) % c);
  const mine = await figures(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#r=[A-Za-z0-9_-]+$/);
  expect(link.split('#r=')[1].length).toBeLessThanOrEqual(64);
  expect(link).not.toContain('?');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('shared-banner')).toBeVisible();
  expect(await figures(other)).toEqual(mine);
  await expect(other.getByTestId('red-flags')).toBeVisible();
  await expectAccessible(other, 'shared result');
  await fresh.close();
});

test('a summary link carries scores only', async ({ page, browser }) => {
  await openFresh(page);
  await finishAs(page, 'leadership', (c, i) => (i * 3) % c);
  const mine = await figures(page);
  await page.getByTestId('share-summary').check();
  const link = await page.getByTestId('share-link').inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  expect(await figures(other)).toEqual(mine);
  await expect(other.getByTestId('summary-note')).toBeVisible();
  await expect(other.getByTestId('ownership-map')).toHaveCount(0);
  await fresh.close();
});

test('an edited or truncated link says what is wrong and offers a fresh start', async ({ page }) => {
  await openFresh(page);
  await finishAs(page, 'msp');
  const link = await page.getByTestId('share-link').inputValue();
  const payload = link.split('#r=')[1];
  const mid = Math.floor(payload.length / 2);
  const edited = payload.slice(0, mid) + (payload[mid] === 'A' ? 'B' : 'A') + payload.slice(mid + 1);
  const cases = [
    [`#r=${edited}`, 'altered', 'changed since it was made'],
    [`#r=${payload.slice(0, payload.length - 8)}`, 'truncated', 'incomplete'],
    ['#r=abc$%', 'garbled', 'characters'],
  ];
  for (const [hash, id, text] of cases) {
    await page.goto(`http://127.0.0.1:4173/${hash}`);
    await expect(page.getByTestId('link-error')).toHaveAttribute('data-error', id);
    await expect(page.getByTestId('link-error')).toContainText(text);
  }
  await expectAccessible(page, 'link error');
  await page.getByTestId('start-own').click();
  await expect(page.getByTestId('results')).toBeVisible();
  expect(page.consoleErrors).toEqual([]);
});

test('opening a link while an assessment is in progress leaves that progress intact', async ({ page, browser }) => {
  // Someone else's link.
  const ctx = await browser.newContext();
  const sender = await ctx.newPage();
  await openFresh(sender);
  await finishAs(sender, 'other');
  const link = await sender.getByTestId('share-link').inputValue();
  await ctx.close();

  await openFresh(page);
  await startAs(page, 'internal_it');
  await answerSection(page, () => 2);
  const before = await page.evaluate(() => localStorage.getItem('overlap:progress:v2'));
  const title = await page.locator('#ov-title').textContent();
  await page.goto(link);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('overlap:progress:v2'))).toBe(before);
  await page.getByTestId('start-own').click();
  await expect(page.locator('#ov-title')).toHaveText(title);
  expect(await page.evaluate(() => localStorage.getItem('overlap:progress:v2'))).toBe(before);
});
