// The first load: the welcome screen renders, with no console errors, no request to any other
// origin, and no accessibility violations; the configuration is fetched once, with the page.
import { test, expect, expectAccessible, expectOnlyOwnOrigin, openFresh } from '../fixtures.js';

test('the welcome screen renders from the release build', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('h1')).toContainText('internal IT');
  await expect(page.getByText('never ask for your name')).toBeVisible();
  // The promise names the deployment's threshold and what the facilitator does see.
  await expect(page.locator('.ov-promise')).toContainText('at least 5 of its people answered');
  await expect(page.locator('.ov-promise')).toContainText('your email address, if you email it');
  await expect(page.getByTestId('start')).toBeEnabled();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'welcome');
  expect(page.consoleErrors).toEqual([]);
  expectOnlyOwnOrigin(page);
});

test('the promise follows the configured threshold', async ({ page }) => {
  await page.goto('http://127.0.0.1:4175/');
  await expect(page.locator('.ov-promise')).toContainText('at least 3 of its people answered');
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

test('overlap.json is fetched once, alongside the WebAssembly, and the app uses that response', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const finished = [];
  page.on('requestfinished', (r) => finished.push(r));
  await openFresh(page);
  // Chromium reports a preload nobody used a few seconds after the load event; wait past that.
  await page.waitForTimeout(4000);
  const path = (u) => new URL(u).pathname;
  expect(page.requests.filter((u) => path(u) === '/overlap.json'), 'requests for overlap.json').toHaveLength(1);
  const config = finished.find((r) => path(r.url()) === '/overlap.json');
  const wasm = finished.find((r) => path(r.url()) === '/overlap_bg.wasm');
  expect(config && wasm, 'both requests finished').toBeTruthy();
  // Requested before the WebAssembly had arrived: not a round trip after the app started.
  const wasmEnd = wasm.timing().startTime + wasm.timing().responseEnd;
  expect(config.timing().startTime).toBeLessThan(wasmEnd);
  expect(warnings.filter((w) => /preload/i.test(w)), 'unused preload warnings').toEqual([]);
  expect(page.consoleErrors).toEqual([]);
});
