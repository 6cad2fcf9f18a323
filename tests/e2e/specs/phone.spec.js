// On a phone (360 CSS pixels wide, 640 tall): no survey screen is taller than about three phone
// screens for any role, nothing scrolls sideways (survey, report, team view, team summary link),
// chart text is at least 12 CSS pixels, and the team view passes axe in the dark theme (the
// heatmap's tags included).
import { test, expect, expectAccessible, openFresh, startAs, answerSection } from '../fixtures.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const links = fs.readFileSync(path.join(here, '../fixtures/team-links.txt'), 'utf8').trim();
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
// "About three phone screens": three screens' height and a tenth of one for rounding.
const MAX_HEIGHT = 3.1 * 640;

async function measure(page) {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    title: document.querySelector('#ov-title')?.textContent,
    step: document.querySelector('[data-testid=progress]')?.textContent,
  }));
}

for (const role of ['internal_it', 'msp', 'leadership', 'other']) {
  test(`every survey screen fits about three phone screens (${role})`, async ({ browser }) => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await openFresh(page);
    await startAs(page, role);
    let screens = 0;
    while (await page.getByTestId('review').count() === 0) {
      const m = await measure(page);
      expect(m.height, `${m.step} ${m.title}: ${m.height}px`).toBeLessThanOrEqual(MAX_HEIGHT);
      expect(m.scroll, `${m.title} scrolls sideways`).toBeLessThanOrEqual(m.client);
      await answerSection(page, (c, i) => (i * 3) % c);
      screens += 1;
    }
    // The progress counts the pages: the review says n of n.
    await expect(page.getByTestId('progress')).toContainText(`${screens} of ${screens}`);
    await context.close();
  });
}

test('on a phone the report does not scroll sideways and its charts write 12 px or more', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await openFresh(page);
  await startAs(page, 'internal_it');
  while (await page.getByTestId('review').count() === 0) await answerSection(page, (c, i) => i % c);
  await page.getByTestId('results').click();
  await expect(page.getByTestId('headline')).toBeVisible();
  const m = await measure(page);
  expect(m.scroll).toBeLessThanOrEqual(m.client);
  const fonts = await page.evaluate(() => [...document.querySelectorAll('svg.ov-chart')]
    .filter((svg) => svg.getClientRects().length > 0)
    .flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
    }));
  expect(fonts.length, 'charts with text on show').toBeGreaterThan(10);
  expect(Math.min(...fonts), 'smallest chart text, CSS px').toBeGreaterThanOrEqual(12);
  await context.close();
});

test('on a phone the team view and a team summary link do not scroll sideways; the heatmap passes axe in dark mode', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4173/#team');
  await page.getByTestId('team-links').fill(links);
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-heatmap')).toBeVisible();
  let m = await measure(page);
  expect(m.scroll, 'team view').toBeLessThanOrEqual(m.client);
  await expectAccessible(page, 'team view, phone, dark');
  const summary = await page.getByTestId('team-link').inputValue();
  await page.goto(summary);
  await expect(page.getByTestId('team-summary-banner')).toBeVisible();
  m = await measure(page);
  expect(m.scroll, 'team summary link').toBeLessThanOrEqual(m.client);
  await context.close();
});
