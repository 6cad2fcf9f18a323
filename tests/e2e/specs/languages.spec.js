// German and French, on a 360 px phone: an internal IT person completes the assessment and reads
// the report, and the facilitator combines the team and prints the workshop pack, each with no
// English left and nothing wider than the screen (no horizontal scroll, no button or table header
// whose text overflows it). The kiosk's welcome and countdown and the setup screen are checked the
// same way. A link made in German opens in French with the same scores; axe runs every rule on
// every screen in both languages.
import { test, expect, expectAccessible, startAs, answerSection } from '../fixtures.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const links = fs.readFileSync(path.join(here, '../fixtures/team-links.txt'), 'utf8').trim();
const PHONE = { width: 360, height: 740 };

// English words no German or French sentence uses; a left-over English text has some of them.
const ENGLISH = /\b(the|and|your|you|with|this|that|which|what|from|answers?|results?|people|team view)\b/i;
const LANGUAGES = {
  de: { tag: 'de-DE', results: 'Ihre Ergebnisse', team: 'Teamansicht', combined: 'Ergebnisse zusammengeführt' },
  fr: { tag: 'fr-FR', results: 'Vos résultats', team: "Vue d'équipe", combined: 'résultats combinés' },
};

/** The page's visible text, minus the language switch (which names English in English). */
const visibleText = (page) => page.evaluate(() => {
  const clone = document.body.cloneNode(true);
  clone.querySelectorAll('select[data-testid="locale-switch"], script, style, [hidden]').forEach((e) => e.remove());
  return clone.innerText ?? clone.textContent;
});

/** Fails if anything on the page is wider than the screen or a control's text overflows it. */
async function expectFits(page, label) {
  const problems = await page.evaluate(() => {
    const out = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll('button, .ov-button, th, label, legend, h1, h2, h3, summary')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') out.push(`${el.tagName} overflows: ${el.textContent.trim().slice(0, 60)}`);
    }
    return out;
  });
  expect(problems, `too wide at 360 px: ${label}`).toEqual([]);
}

async function expectNoEnglish(page, label) {
  const text = await visibleText(page);
  const match = ENGLISH.exec(text);
  expect(match ? text.slice(Math.max(0, match.index - 80), match.index + 80) : null, `English on ${label}`).toBeNull();
}

async function check(page, label) {
  await expectNoEnglish(page, label);
  await expectFits(page, label);
  await expectAccessible(page, label);
}

/** Prints the workshop pack to a PDF and returns its text. */
async function packText(page) {
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByTestId('print-pack').click();
  await page.emulateMedia({ media: 'print' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'overlap-lang-')), 'pack.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, ' ');
}

const figures = async (page) => ({
  readiness: (await page.getByTestId('readiness').textContent()).split('·')[0].trim(),
  table: await page.getByTestId('profile-table').locator('tbody td.ov-num').allTextContents(),
});

for (const [code, lang] of Object.entries(LANGUAGES)) {
  test(`an internal IT person completes it in ${code} on a phone and reads the report, with no English and nothing too wide`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang.tag, viewport: PHONE });
    const page = await context.newPage();
    await page.goto('http://127.0.0.1:4173/');
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.getByTestId('locale-switch')).toHaveValue(code);
    await check(page, `welcome (${code})`);
    await startAs(page, 'internal_it');
    let step = 0;
    while (await page.getByTestId('review').count() === 0) {
      await check(page, `section ${step += 1} (${code})`);
      await answerSection(page, (c, i) => (i * 3 + 1) % c);
    }
    await check(page, `review (${code})`);
    await page.getByTestId('results').click();
    await expect(page.getByTestId('headline')).toBeVisible();
    await expect(page.locator('#ov-title')).toHaveText(lang.results);
    await expect(page.locator('.ov-results-host')).toHaveAttribute('lang', code);
    await check(page, `results (${code})`);
    await context.close();
  });

  test(`the team view and the printed workshop pack read in ${code} at 360 px`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang.tag, viewport: PHONE });
    const page = await context.newPage();
    await page.goto('http://127.0.0.1:4173/#team');
    await expect(page.locator('#ov-title')).toHaveText(lang.team);
    await check(page, `team view, empty (${code})`);
    await page.getByTestId('team-links').fill(links);
    await page.getByTestId('team-analyse').click();
    await expect(page.getByTestId('team-count')).toContainText(lang.combined);
    await check(page, `team view, combined (${code})`);
    const pack = await packText(page);
    const match = ENGLISH.exec(pack);
    expect(match ? pack.slice(Math.max(0, match.index - 80), match.index + 80) : null, `English in the pack (${code})`).toBeNull();
    await context.close();
  });
}

for (const [code, lang] of Object.entries(LANGUAGES)) {
  test(`the kiosk and the setup screen read in ${code} at 360 px`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang.tag, viewport: PHONE });
    const page = await context.newPage();
    const shipped = JSON.parse(fs.readFileSync(path.join(here, '../../../dist/overlap.json'), 'utf8'));
    await page.route('**/overlap.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ...shipped, facilitator_key: 'BQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU' }),
    }));
    await page.clock.install();
    await page.goto('http://127.0.0.1:4173/#kiosk');
    await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
    await check(page, `kiosk welcome (${code})`);
    await startAs(page, 'other');
    await page.clock.runFor(95_000);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    await check(page, `kiosk countdown (${code})`);
    await page.goto('http://127.0.0.1:4173/#setup');
    await page.reload();
    await expect(page.getByTestId('setup')).toBeVisible();
    await page.locator('#ov-set-accent').fill('#ffff00');
    await expect(page.getByTestId('problem-accent')).not.toBeEmpty();
    // The loader's own message under a field is English by design (lang="en", as on the console).
    await page.evaluate(() => document.querySelectorAll('[lang="en"]').forEach((e) => e.remove()));
    await check(page, `setup screen (${code})`);
    await context.close();
  });
}

for (const [code, lang] of Object.entries(LANGUAGES)) {
  test(`the other screens read in ${code} at 360 px: a shared result, a team summary, present mode, the kiosk's end`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang.tag, viewport: PHONE });
    const page = await context.newPage();
    const first = links.split('\n').find((l) => l.includes('#r='));
    await page.goto(first);
    await expect(page.getByTestId('headline')).toBeVisible();
    await check(page, `shared result (${code})`);
    await page.goto('http://127.0.0.1:4173/#team');
    await page.reload();
    await page.getByTestId('team-links').fill(links);
    await page.getByTestId('team-analyse').click();
    const summary = await page.getByTestId('team-link').inputValue();
    await page.getByTestId('present').click();
    await expect(page.locator('html')).toHaveAttribute('data-present', 'on');
    await check(page, `present mode (${code})`);
    await page.keyboard.press('Escape');
    await page.goto(summary);
    await expect(page.getByTestId('team-summary')).toBeVisible();
    await check(page, `team summary (${code})`);
    // The kiosk's facilitator screens, on a deployment with a round key.
    const shipped = JSON.parse(fs.readFileSync(path.join(here, '../../../dist/overlap.json'), 'utf8'));
    await page.route('**/overlap.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ...shipped, facilitator_key: 'BQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU' }),
    }));
    await page.goto('http://127.0.0.1:4173/#kiosk');
    await page.reload();
    await page.getByTestId('kiosk-end').click();
    await expect(page.getByTestId('kiosk-unlock-screen')).toBeVisible();
    await check(page, `kiosk unlock (${code})`);
    await page.getByTestId('kiosk-unlock-input').fill('1234');
    await page.getByTestId('kiosk-unlock').click();
    await expect(page.getByTestId('kiosk-status')).not.toBeEmpty();
    await check(page, `kiosk unlock, refused (${code})`);
    await context.close();
  });
}

test('a link made in German opens in French with the same scores', async ({ browser }) => {
  const de = await browser.newContext({ locale: 'de-DE' });
  const sender = await de.newPage();
  await sender.goto('http://127.0.0.1:4173/');
  await startAs(sender, 'internal_it');
  while (await sender.getByTestId('review').count() === 0) await answerSection(sender, (c, i) => (i * 2) % c);
  await sender.getByTestId('results').click();
  const german = await figures(sender);
  const link = await sender.getByTestId('share-link').inputValue();
  await de.close();
  const fr = await browser.newContext({ locale: 'fr-FR' });
  const reader = await fr.newPage();
  await reader.goto(link);
  await expect(reader.locator('.ov-results-host')).toHaveAttribute('lang', 'fr');
  // Both languages write a decimal comma, so the figures read the same character for character.
  expect(await figures(reader)).toEqual(german);
  await fr.close();
});
