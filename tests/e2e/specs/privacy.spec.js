// Privacy and the strict CSP, asserted over a whole run: zero policy violations, no request to
// any other origin, no cookies, answers never in a query string.
import { test, expect, expectOnlyOwnOrigin, openFresh, finishAs } from '../fixtures.js';

test('a full run under the strict CSP: no violations, only our origin, no cookies, no query strings', async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('http://127.0.0.1:4173/');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.locator('#ov-title')).toBeVisible();
  await finishAs(page, 'internal_it', (c, i) => (i * 2) % c);
  await page.getByTestId('share-summary').check();
  await page.goto(await page.getByTestId('share-link').inputValue());
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  await page.goto('http://127.0.0.1:4173/#team');
  await expect(page.getByTestId('team')).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(page.consoleErrors).toEqual([]);
  expectOnlyOwnOrigin(page);
  expect(page.requests.filter((u) => new URL(u).search !== '')).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
});

test('a custom configuration brands the app; the accent is applied', async ({ page }) => {
  await page.goto('http://127.0.0.1:4175/');
  await expect(page.getByTestId('brand')).toHaveText('Northwind IT Advisory');
  const bg = await page.getByTestId('start').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(11, 92, 173)');
  expect(page.consoleErrors).toEqual([]);
});

test('a broken configuration file still shows the app, with defaults and a console warning', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto('http://127.0.0.1:4176/');
  await expect(page.getByTestId('start')).toBeVisible();
  await expect(page.getByTestId('brand')).toHaveText('Overlap · co-managed IT check');
  expect(warnings.join('\n')).toContain('overlap.json is not valid JSON');
  expect(page.consoleErrors).toEqual([]);
});
