// Embedding: a host page on another site frames the app. The iframe follows the content's
// height (no inner scrollbar), messages from anywhere else are ignored, storage falls back
// (cross-site frames cannot read localStorage), and the copied link points at the standalone app.
import { test, expect } from '../fixtures.js';

const HOST = 'http://localhost:4174/embed.html';

async function frameState(page) {
  const frame = page.frameLocator('iframe[data-overlap]');
  const box = await page.locator('iframe[data-overlap]').boundingBox();
  return { frame, height: Math.round(box.height) };
}

async function innerHeight(page) {
  const f = page.frames().find((x) => x.url().startsWith('http://127.0.0.1:4175'));
  return f.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
}

test('the iframe grows and shrinks with the content, with no inner scrollbar', async ({ page }) => {
  await page.goto(HOST);
  const { frame } = await frameState(page);
  await expect(frame.locator('#ov-title')).toBeVisible();
  await expect(frame.getByTestId('storage-notice')).toContainText("won't survive a reload");
  await expect.poll(async () => { const h = await innerHeight(page); return h.scroll <= h.client + 1; }).toBe(true);
  const welcome = (await frameState(page)).height;
  await frame.getByTestId('start').click();
  await frame.locator('input[name=role][value=msp]').check();
  await frame.getByTestId('next').click();
  await frame.getByTestId('next').click();
  // The trust section is taller than the welcome screen: the frame grows.
  await expect.poll(async () => (await frameState(page)).height).toBeGreaterThan(welcome + 100);
  await expect.poll(async () => { const h = await innerHeight(page); return h.scroll <= h.client + 1; }).toBe(true);
  const tall = (await frameState(page)).height;
  await frame.getByTestId('back').click();
  await frame.getByTestId('back').click();
  await expect.poll(async () => (await frameState(page)).height).toBeLessThan(tall);
});

test('height messages from the wrong origin or window are ignored', async ({ page }) => {
  await page.goto(HOST);
  const { frame } = await frameState(page);
  await expect(frame.locator('#ov-title')).toBeVisible();
  await expect.poll(async () => (await frameState(page)).height).toBeLessThan(2000);
  const before = (await frameState(page)).height;
  // The host page itself (wrong source and origin) claims a huge height.
  await page.evaluate(() => window.postMessage({ type: 'overlap:height', height: 9000 }, '*'));
  await page.waitForTimeout(300);
  expect((await frameState(page)).height).toBe(before);
});

test('inside the iframe the flow completes and the link points at the standalone app', async ({ page }) => {
  await page.goto(HOST);
  const { frame } = await frameState(page);
  await frame.getByTestId('start').click();
  await frame.locator('input[name=role][value=leadership]').check();
  await frame.getByTestId('next').click();
  while (await frame.getByTestId('review').count() === 0) {
    const names = await frame.locator('.ov-flow input[type=radio]').evaluateAll((els) => [...new Set(els.map((e) => e.name))]);
    for (const n of names) await frame.locator(`input[name="${n}"]`).first().check();
    await frame.getByTestId('next').click();
  }
  await frame.getByTestId('results').click();
  await expect(frame.getByTestId('headline')).toBeVisible();
  const link = await frame.getByTestId('share-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4175\/#r=/);
  // Copying: the Clipboard API may be refused in a frame; either way the user gets the link.
  await frame.getByTestId('copy-link').click();
  await expect(frame.getByTestId('copy-status')).not.toBeEmpty();
  await expect(frame.getByTestId('cta')).toContainText('Book a review with Northwind');
  // Print: the print stylesheet applies inside the frame too.
  await page.emulateMedia({ media: 'print' });
  await expect(frame.getByTestId('share')).toBeHidden();
});
