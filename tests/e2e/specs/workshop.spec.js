// The workshop, from the person who sends a result to the facilitator who runs the meeting:
// "Send to the facilitator" (share sheet, email when configured, copying as the fallback); the
// invitation's QR code decodes back to the address and its handout prints on one page; the
// ownership heatmap and the register CSV leave hidden groups blank; the printed workshop pack is
// 2-8 A4 pages with the agenda, the questions, the decisions and the next round's date.
import { test, expect, expectAccessible, openFresh, finishAs } from '../fixtures.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const links = fs.readFileSync(path.join(here, '../fixtures/team-links.txt'), 'utf8').trim();
// One internal IT person beside six of every other role: internal IT is hidden.
const oneIt = fs.readFileSync(path.join(here, '../fixtures/team-one-it.txt'), 'utf8').trim();
const CUSTOM = 'http://127.0.0.1:4175/';

/** A CSV line's cells (quoted cells unquoted). */
function cells(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && quoted && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}

/** Prints what the button asks for (window.print stubbed: headless Chromium has no dialog) to an A4 PDF. */
async function printToPdf(page, testid, name) {
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByTestId(testid).click();
  await page.emulateMedia({ media: 'print' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'overlap-ws-')), `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file]).toString());
  // Raw order: a table's cells one after another, so wrapped cells still read as one text.
  const text = execFileSync('pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, ' ');
  const perPage = [];
  for (let n = 1; n <= pages; n += 1) {
    perPage.push(execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), file, '-']).toString().replace(/\s+/g, ' ').trim());
  }
  return { pages, width: Number(size[1]), height: Number(size[2]), text, perPage };
}

async function combine(page, base = 'http://127.0.0.1:4173/', text = links) {
  await page.goto(`${base}#team`);
  await page.getByTestId('team-links').fill(text);
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-count')).toContainText(`${text.split("\n").length} results combined`);
}

test('send uses the share sheet where there is one, with the link the level shows', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async function share(data) { window.__shared.push(data); },
    });
  });
  await openFresh(page);
  await finishAs(page, 'internal_it', (c, i) => (i * 5) % c);
  await expect(page.getByTestId('send-email')).toHaveCount(0);
  await page.getByTestId('send-link').click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  const [full] = await page.evaluate(() => window.__shared);
  expect(full.url).toBe(await page.getByTestId('share-link').inputValue());
  expect(full.url).toMatch(/#r=/);
  expect(full.title).toBe('My Overlap assessment result');
  expect(full.text).toContain('facilitator');
  await page.getByTestId('share-summary').check();
  await page.getByTestId('send-link').click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(2);
  const summary = await page.evaluate(() => window.__shared[1].url);
  expect(summary).toBe(await page.getByTestId('share-link').inputValue());
  expect(summary).not.toBe(full.url);
  // The person closing the share sheet is not an error: nothing is copied, nothing is said.
  await page.evaluate(() => {
    Navigator.prototype.share = async () => { throw new DOMException('closed', 'AbortError'); };
  });
  await page.getByTestId('send-link').click();
  await page.waitForTimeout(200);
  await expect(page.getByTestId('copy-status')).toHaveText('');
  await expectAccessible(page, 'results with the send button');
  expect(page.consoleErrors).toEqual([]);
});

test('without a share sheet, send copies the link and says so', async ({ page }) => {
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page);
  await finishAs(page, 'msp', (c, i) => (i * 3) % c);
  await page.getByTestId('send-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText(/no share options, so the link is copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId('share-link').inputValue());
});

test('with a configured facilitator, send is an email to them carrying the link', async ({ page }) => {
  await page.goto(CUSTOM);
  await finishAs(page, 'leadership', (c, i) => (i * 2) % c);
  await expect(page.getByTestId('send-link')).toHaveCount(0);
  const mail = page.getByTestId('send-email');
  await expect(mail).toHaveText('Send to the facilitator');
  await expect(page.locator('#ov-send-hint')).toContainText('facilitator@northwind.example');
  const read = async () => new URL(await mail.getAttribute('href'));
  const full = await read();
  expect(full.protocol).toBe('mailto:');
  expect(full.pathname).toBe('facilitator@northwind.example');
  expect(full.searchParams.get('subject')).toBe('My Overlap assessment result');
  const link = await page.getByTestId('share-link').inputValue();
  expect(full.searchParams.get('body')).toContain(`\r\n\r\n${link}\r\n\r\n`);
  // The summary level sends the summary link.
  await page.getByTestId('share-summary').check();
  const summary = await read();
  const summaryLink = await page.getByTestId('share-link').inputValue();
  expect(summaryLink).not.toBe(link);
  expect(summary.searchParams.get('body')).toContain(summaryLink);
  await expectAccessible(page, 'results with the email to the facilitator');
});

test('the invitation QR code decodes to the address, and its handout prints on one page', async ({ page }) => {
  await page.goto(`${CUSTOM}#team`);
  const invite = page.getByTestId('team-invite');
  await expect(invite.getByTestId('invite-address')).toHaveText(CUSTOM);
  const code = invite.getByTestId('invite-qr').locator('svg');
  await expect(code).toHaveAttribute('role', 'img');
  await expect(code.locator('title')).toHaveText(`QR code that opens ${CUSTOM}`);
  const png = PNG.sync.read(await code.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(CUSTOM);
  await expect(invite).toContainText(/about \d+ to \d+ minutes/);
  await expectAccessible(page, 'team view with the invitation');

  const handout = await printToPdf(page, 'print-handout', 'handout');
  expect(handout.pages).toBe(1);
  expect(Math.round(handout.width)).toBe(595);
  expect(handout.text).toContain('Northwind IT Advisory');
  expect(handout.text).toContain(CUSTOM);
  // The promise says what the rule delivers, and what the facilitator does learn.
  expect(handout.text).toContain('No one is asked for their name or email.');
  expect(handout.text).toContain('never passes an individual result on');
  expect(handout.text).toContain("the sender's address, if it comes by email");
  expect(handout.text).toContain('at least 3 people in that group answered it');
  expect(handout.text).toMatch(/about \d+ to \d+ minutes/);
  expect(handout.text).not.toContain('Combine the links');
});

test('heatmap, disagreements and register leave hidden groups blank; the CSV has a row per area', async ({ page }) => {
  await combine(page, undefined, oneIt);
  // Internal IT (one person) is hidden in this team: its column is there, and blank.
  const heat = page.getByTestId('team-heatmap');
  await expect(heat.locator('tbody tr')).toHaveCount(13);
  await expect(heat.locator('thead')).toContainText('Internal IT (hidden)');
  await expect(heat.locator('thead')).not.toContainText('Other staff');
  const hidden = heat.locator('td[data-hidden=true]');
  await expect(hidden).toHaveCount(13);
  for (const t of await hidden.allTextContents()) expect(t).toBe('');
  // Every coloured cell says in words what its colour means.
  for (const t of await heat.locator('td.ov-heat').allTextContents()) expect(t).toMatch(/\(\d+ of \d+\)|No single answer/);
  const disagreements = page.getByTestId('team-disagreements').locator(':scope > li');
  await expect(disagreements).toHaveCount(3);
  for (const d of await disagreements.allTextContents()) {
    expect(d).toMatch(/MSP staff|Leadership|Other staff/);
    expect(d).not.toMatch(/Internal IT \(/);
  }
  await expect(page.getByTestId('register-needed')).toContainText(/\d+ of 13 ownership areas need a decision/);
  await expectAccessible(page, 'team view with the workshop');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-csv').click()]);
  expect(download.suggestedFilename()).toBe('overlap-ownership-register.csv');
  const rows = fs.readFileSync(await download.path(), 'utf8').trim().split('\n').map(cells);
  expect(rows).toHaveLength(14);
  const head = rows[0];
  expect(head).toEqual([
    'Area',
    'Internal IT: owner named most', 'Internal IT: how many agree',
    'MSP staff: owner named most', 'MSP staff: how many agree',
    'Leadership: owner named most', 'Leadership: how many agree',
    'Decision needed', 'Why', 'Agreed owner', 'Escalation contact', 'Review date',
  ]);
  const heatAreas = await heat.locator('tbody th').allTextContents();
  expect(rows.slice(1).map((r) => r[0])).toEqual(heatAreas);
  for (const r of rows.slice(1)) {
    expect(r).toHaveLength(head.length);
    expect([r[1], r[2]]).toEqual(['', '']);
    expect(['Yes', 'No']).toContain(r[7]);
    expect(r.slice(9)).toEqual(['', '', '']);
  }

  // In Spanish, the headers are too.
  await page.getByTestId('locale-switch').selectOption('es');
  await expect(page.getByTestId('team-count')).toContainText('resultados combinados');
  const [es] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-csv').click()]);
  const esHead = cells(fs.readFileSync(await es.path(), 'utf8').split('\n')[0]);
  expect(esHead[0]).toBe('Área');
  expect(esHead).toContain('Responsable acordado');
  expect(esHead).toContain('Fecha de revisión');
  await expectAccessible(page, 'team view with the workshop in Spanish');
});

test('the printed workshop pack runs 90 minutes: page 1 briefs leadership, every item has its columns, no page nearly empty', async ({ page }) => {
  await combine(page, CUSTOM);
  const words = (days) => page.evaluate((d) => {
    const date = new Date();
    date.setDate(date.getDate() + d);
    return date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
  }, days);
  const [today, next] = [await words(0), await words(90)];
  const areas = await page.getByTestId('team-heatmap').locator('tbody th').allTextContents();
  const dims = await page.getByTestId('team-distribution').locator('tbody th').allTextContents();
  const pack = await printToPdf(page, 'print-pack', 'pack');
  expect(pack.pages).toBeGreaterThanOrEqual(4);
  expect(pack.pages).toBeLessThanOrEqual(7);
  expect(Math.round(pack.width)).toBe(595);
  // Page 1 alone briefs leadership: who prepared it and when, in words; the headline; every
  // area with its band and people; the decisions for today.
  const first = pack.perPage[0];
  expect(first).toContain('Workshop pack');
  expect(first).toContain(`Prepared by Northwind IT Advisory on ${today}.`);
  expect(first).toMatch(/Fix this first|No area is below 60/);
  expect(first).toContain('Every area at a glance');
  for (const d of dims) expect(first).toContain(d);
  expect(first).toMatch(/Critical|At risk|Workable|Strong/);
  expect(first).toContain('Decisions to take today');
  // No page is left nearly empty.
  for (const [k, text] of pack.perPage.entries()) expect(text.length, `page ${k + 1}: ${text}`).toBeGreaterThan(400);
  expect(pack.text).toContain('Agenda (90 minutes)');
  for (const slot of ['0:00–0:10', '0:20–0:45', '0:45–1:10', '1:20–1:30']) expect(pack.text).toContain(slot);
  expect(pack.text).toContain('What to say in each time box');
  expect(pack.text).toContain('Questions to discuss');
  expect(pack.text).toContain('Ownership decisions');
  for (const a of areas) expect(pack.text).toContain(a);
  // Red flags and actions have owner and due-date columns; actions say who acts.
  for (const col of ['Agreed owner', 'Escalation contact', 'Review date', 'Due date', 'Raised by', 'Who acts']) expect(pack.text).toContain(col);
  expect(pack.text).toContain(`Suggested date for the next round: ${next}`);
  // Only the pack: no form, no buttons, no hidden group's answers, no presentation controls.
  expect(pack.text).not.toContain('Combine the links');
  expect(pack.text).not.toContain('Print the workshop pack');
  expect(pack.text).not.toContain('Next page');
  expect(pack.text).not.toMatch(/Other staff \(\d/);
  // After printing, the browser's own print command prints the team view again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(await page.evaluate(() => document.documentElement.dataset.print)).toBeUndefined();
  expect(page.consoleErrors).toEqual([]);
});

test('present mode shows the pack one page at a time, moved with the keyboard, and Escape leaves it', async ({ page }) => {
  await combine(page);
  await page.getByTestId('present').click();
  await expect(page.locator('html')).toHaveAttribute('data-present', 'on');
  const current = page.locator('.ov-pack-page[data-current]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('data-page', '1');
  await expect(current).toBeFocused();
  await expect(current).toContainText('Every area at a glance');
  await expect(page.getByTestId('team-links')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-page', '2');
  await page.keyboard.press('End');
  const last = await page.locator('.ov-pack-page').count();
  await expect(current).toHaveAttribute('data-page', String(last));
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-page', String(last));
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-page', '1');
  await current.getByTestId('present-next').click();
  await expect(current).toHaveAttribute('data-page', '2');
  await expectAccessible(page, 'present mode');
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', 'on');
  await expect(page.getByTestId('present')).toBeFocused();
  await expect(page.getByTestId('team-links')).toBeVisible();
  expect(page.consoleErrors).toEqual([]);
});
