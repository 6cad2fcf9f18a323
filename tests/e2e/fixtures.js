// Shared fixtures for the end-to-end specs: a page in a fresh browser context that records
// console errors and every request, an axe helper with every rule axe-core has on, and page
// objects for the assessment flow.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createRequire } from 'node:module';

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

// axe runs every rule it has, named one by one: without a list it runs only the rules on by
// default, which leaves out target-size (WCAG 2.2 AA), duplicate-id and the experimental rules.
// The list comes from the copy of axe-core that @axe-core/playwright injects into the page.
const axeCore = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core');
const NOT_APPLICABLE = new Set([
  // WCAG AAA contrast (7:1). Overlap meets AA, 4.5:1, which color-contrast checks on every
  // screen; a configured accent is accepted from 4.5:1 (README, Configuration), so 7:1 is not a
  // promise any deployment could keep.
  'color-contrast-enhanced',
]);
const RULES = axeCore.getRules().map((r) => r.ruleId).filter((id) => !NOT_APPLICABLE.has(id));

// Findings of an experimental rule that are wrong here, element by element; the rule stays on
// for everything else.
const FALSE_POSITIVES = [
  // A figure's value (the barrier point, a team's headline): bold and short, so p-as-heading
  // takes it for a heading, but its heading is the h2 just before it, which names what it is.
  { rule: 'p-as-heading', selector: '.ov-stat__value' },
];

/**
 * Fails with the list of violations if axe finds any (colour contrast included), or if any text
 * on the page is the missing-translation marker "[?]" (a key the first load does not carry).
 */
export async function expectAccessible(page, label) {
  expect(await page.locator('body').innerText(), `missing text on ${label}`).not.toContain('[?]');
  const results = await new AxeBuilder({ page }).withRules(RULES).analyze();
  const summary = [];
  for (const v of results.violations) {
    const nodes = [];
    for (const node of v.nodes) {
      const known = FALSE_POSITIVES.filter((f) => f.rule === v.id).map((f) => f.selector);
      const excused = known.length > 0 && await page.evaluate(
        ([target, selectors]) => selectors.some((s) => document.querySelector(target)?.matches(s)),
        [String(node.target[0]), known],
      );
      if (!excused) nodes.push(node);
    }
    if (nodes.length > 0) summary.push(`${v.id}: ${nodes.length} node(s): ${nodes.map((n) => n.target).join(' | ')}`);
  }
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
  // The ownership matrix: a menu per area ("choose" first, then the owners).
  const menus = await page.evaluate(() => [...document.querySelectorAll('.ov-flow .ov-menu select')].map((s) => ({ name: s.name, count: s.options.length - 1 })));
  for (const [k, m] of menus.entries()) {
    await page.locator(`select[name="${m.name}"]`).selectOption({ index: pick(m.count, groups.length + k, m.name) + 1 });
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
