// The first load: the welcome screen renders, with no console errors, no request to any other
// origin, and no accessibility violations.
import { test, expect, expectAccessible, expectOnlyOwnOrigin, openFresh } from '../fixtures.js';

test('the welcome screen renders from the release build', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('h1')).toContainText('internal IT');
  await expect(page.getByText('never ask for your name')).toBeVisible();
  await expect(page.getByTestId('start')).toBeEnabled();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'welcome');
  expect(page.consoleErrors).toEqual([]);
  expectOnlyOwnOrigin(page);
});

test('without JavaScript the page explains itself', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4173/');
  await expect(page.locator('noscript')).toHaveCount(1);
  const html = await page.content();
  expect(html).toContain('needs JavaScript');
  await context.close();
});
