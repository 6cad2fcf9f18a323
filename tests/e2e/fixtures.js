// Shared fixtures for the end-to-end specs: a page in a fresh browser context that records
// console errors and every request, an axe helper with every WCAG 2.x A/AA rule on, and page
// objects for the assessment flow.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const APP = 'http://127.0.0.1:4173/';

export const test = base.extend({
  page: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.consoleErrors = [];
    page.requests = [];
    page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
    page.on('request', (r) => page.requests.push(r.url()));
    await use(page);
    await context.close();
  },
});
export { expect };

/**
 * Fails with the list of violations if axe finds any (colour contrast included), or if any text
 * on the page is the missing-translation marker "[?]" (a key the first load does not carry).
 */
export async function expectAccessible(page, label) {
  expect(await page.locator('body').innerText(), `missing text on ${label}`).not.toContain('[?]');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} node(s): ${v.nodes[0]?.target}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Only the app's own origin was contacted. */
export function expectOnlyOwnOrigin(page, origin = new URL(APP).origin) {
  const others = page.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
  expect(others, 'requests to other origins').toEqual([]);
}

export async function openFresh(page, hash = '') {
  await page.goto(APP + hash);
  await expect(page.locator('#ov-title')).toBeVisible();
}

/** Starts and picks a role, ending on the first section. */
export async function startAs(page, role) {
  await page.getByTestId('start').click();
  await page.locator(`input[name=role][value=${role}]`).check();
  await page.getByTestId('next').click();
  await expect(page.getByTestId('progress')).toBeVisible();
}

/**
 * Answers every question on the current section with the option at `pick(nOptions, index)`
 * (an index into the group's radios), then goes Next.
 */
export async function answerSection(page, pick = () => 0) {
  const groups = await page.evaluate(() => {
    const names = [...new Set([...document.querySelectorAll('.ov-flow input[type=radio]')].map((i) => i.name))];
    return names.map((n) => ({ name: n, count: document.querySelectorAll(`input[name="${CSS.escape(n)}"]`).length }));
  });
  for (const [i, g] of groups.entries()) {
    const radios = page.locator(`input[name="${g.name}"]`);
    await radios.nth(pick(g.count, i, g.name)).check();
  }
  await page.getByTestId('next').click();
}

/** Answers all sections until the review screen. */
export async function answerAll(page, pick) {
  while (await page.getByTestId('review').count() === 0) {
    await answerSection(page, pick);
  }
}

export async function finishAs(page, role, pick) {
  await startAs(page, role);
  await answerAll(page, pick);
  await page.getByTestId('results').click();
  await expect(page.getByTestId('headline')).toBeVisible();
}
