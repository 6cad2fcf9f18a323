// Accessibility on every screen (axe with every rule, colour contrast included), in light and
// dark themes, the screens shown while something loads or fails to, and a 360 px wide phone
// with no horizontal scrolling.
import { test, expect, expectAccessible, openFresh, startAs, answerSection } from '../fixtures.js';

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing on any screen (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openFresh(page);
    await expectAccessible(page, 'welcome');
    await page.getByTestId('start').click();
    await expectAccessible(page, 'role');
    await page.getByTestId('next').click();
    await expect(page.locator('#ov-role-error')).not.toBeEmpty();
    await expectAccessible(page, 'role with error');
    await page.locator('input[name=role][value=leadership]').check();
    await page.getByTestId('next').click();
    let n = 0;
    while (await page.getByTestId('review').count() === 0) {
      await expectAccessible(page, `section ${n}`);
      // Leave a few unanswered so the review lists them.
      await answerSection(page, (count, i) => (i === 0 && n === 2 ? count - 1 : (i + n) % count));
      n += 1;
    }
    await expectAccessible(page, 'review');
    await page.getByTestId('results').click();
    await expect(page.getByTestId('headline')).toBeVisible();
    await expectAccessible(page, 'results');
  });
}

test('the screens before the app and before the results pass axe: loading, could not start', async ({ page }) => {
  // The page before its WebAssembly has started, then when it cannot start at all.
  let fail;
  const failing = new Promise((resolve) => { fail = resolve; });
  await page.route('**/overlap_bg.wasm', async (route) => { await failing; await route.abort(); });
  await page.goto('http://127.0.0.1:4173/', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('h1')).toContainText('Loading the assessment');
  await expectAccessible(page, 'loading the app');
  fail();
  await expect(page.getByRole('alert')).toContainText('could not start');
  await expectAccessible(page, 'the app could not start');
  await page.unroute('**/overlap_bg.wasm');

  // The team view while its module is on its way (the team view has its own module).
  let arrive;
  const arriving = new Promise((resolve) => { arrive = resolve; });
  await page.route('**/overlap-team_bg.wasm', async (route) => { await arriving; await route.continue(); });
  await page.goto('about:blank');
  await page.goto('http://127.0.0.1:4173/#team');
  await expect(page.getByTestId('results-loading')).toBeVisible();
  await expect(page.locator('h1')).toHaveCount(1);
  await expectAccessible(page, 'results waiting');
  arrive();
  await expect(page.locator('#ov-title')).toHaveText('Team view');
  await expect(page.locator('h1')).toHaveCount(1);
});

test('a 360 px phone never scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const noSideScroll = async (label) => {
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `horizontal overflow on ${label}`).toBeLessThanOrEqual(client);
  };
  await openFresh(page);
  await noSideScroll('welcome');
  await startAs(page, 'internal_it');
  while (await page.getByTestId('review').count() === 0) {
    await noSideScroll(await page.locator('#ov-title').textContent());
    await answerSection(page, (c, i) => i % c);
  }
  await page.getByTestId('results').click();
  await expect(page.getByTestId('headline')).toBeVisible();
  await noSideScroll('results');
  // The ownership matrix is cards here: its option labels are visible text.
  await context.close();
});
