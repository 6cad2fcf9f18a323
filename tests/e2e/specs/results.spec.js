// The results screen: headline, titled charts with their tables, ownership map, red flags and
// actions; the printed PDF (1-3 pages, headline and every action in its text); the JSON export
// read back to the same scores; the CSV export.
import { test, expect, expectAccessible, openFresh, finishAs, answerAll } from '../fixtures.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const worried = (count, i) => (i % 2 === 0 ? 0 : Math.min(count - 2, 4));

test('a finished assessment shows headline, charts, ownership map and actions', async ({ page }) => {
  await openFresh(page);
  await finishAs(page, 'internal_it', worried);
  await expect(page.getByTestId('readiness')).toHaveText(/\d+\/100 · /);
  await expect(page.getByTestId('risk')).toHaveText(/Low|Guarded|Elevated|High/);
  await expect(page.getByTestId('barrier')).not.toBeEmpty();
  await expect(page.getByTestId('confidence')).toContainText('Based on');
  for (const id of ['radar', 'bars', 'phase-chart']) {
    const svg = page.getByTestId(id).locator('svg[role=img]');
    await expect(svg).toHaveCount(1);
    await expect(svg.locator('title')).not.toBeEmpty();
  }
  await expect(page.getByTestId('profile-table').locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('ownership-map').locator('tbody tr')).toHaveCount(13);
  const actions = page.getByTestId('actions').locator('li');
  expect(await actions.count()).toBeGreaterThanOrEqual(3);
  expect(await actions.count()).toBeLessThanOrEqual(5);
  await expect(actions.first()).toContainText('Done looks like:');
  await expectAccessible(page, 'results');
  expect(page.consoleErrors).toEqual([]);
});

test('the printed report is 1-3 pages with the headline and every action', async ({ page }) => {
  await openFresh(page);
  await finishAs(page, 'leadership', worried);
  const headline = [await page.getByTestId('readiness').textContent(), await page.getByTestId('risk').textContent(), await page.getByTestId('barrier').textContent()];
  const actions = await page.getByTestId('actions').locator('h3').allTextContents();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('share')).toBeHidden();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overlap-pdf-'));
  for (const format of ['A4', 'Letter']) {
    const file = path.join(dir, `report-${format}.pdf`);
    await page.pdf({ path: file, format, printBackground: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())[1]);
    expect(pages, `${format} page count`).toBeGreaterThanOrEqual(1);
    expect(pages, `${format} page count`).toBeLessThanOrEqual(3);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    for (const h of headline) expect(text).toContain(h.trim());
    for (const a of actions) expect(text).toContain(a.trim());
    expect(text).toContain('Overlap self-assessment');
    expect(text).not.toContain('instrument version');
    expect(text).not.toContain('Copy link');
  }
});

test('the JSON export reads back to the same scores; the CSV has every dimension', async ({ page }) => {
  await openFresh(page);
  await finishAs(page, 'msp', (c, i) => (i * 7) % c);
  const tableScores = await page.getByTestId('profile-table').locator('tbody td.ov-num').allTextContents();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  expect(data.format).toBe('overlap-export/1');
  // The table shows each score with its margin ("58 ± 10"); the export has both.
  expect(data.dimensions.map((d) => (d.score === null ? '–' : `${d.score} ± ${d.margin}`))).toEqual(tableScores);
  expect(Object.keys(data.answers).length).toBeGreaterThan(20);
  // The export's payload reproduces the same result when opened as a link.
  const other = await page.context().browser().newContext();
  const p2 = await other.newPage();
  await p2.goto(`http://127.0.0.1:4173/#r=${data.link_payload}`);
  await expect(p2.getByTestId('profile-table').locator('tbody td.ov-num')).toHaveText(tableScores);
  await other.close();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const lines = fs.readFileSync(await csv.path(), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('dimension,name,score,margin,band,answered,dont_know,not_applicable,shown');
  expect(lines).toHaveLength(10);
});

test('when the results module cannot load, the screen says so, keeps the answers and retries', async ({ page }) => {
  // The report lives in a second WebAssembly module, fetched on demand; block it, as a dropped
  // connection or a host that forgot the file would.
  await page.route('**/overlap-results_bg.wasm', (route) => route.abort());
  await openFresh(page);
  await page.getByTestId('start').click();
  await page.locator('input[name=role][value=msp]').check();
  await page.getByTestId('next').click();
  await answerAll(page, worried);
  await page.getByTestId('results').click();
  await expect(page.getByTestId('results-unavailable')).toBeVisible();
  await expect(page.locator('#ov-title')).toHaveText('The results could not be loaded');
  await expect(page.locator('#ov-title')).toBeFocused();
  await expectAccessible(page, 'results unavailable');
  // Nothing was lost: the saved progress is still there.
  expect(await page.evaluate(() => localStorage.getItem('overlap:progress:v2'))).toMatch(/^v2\|/);
  await page.unroute('**/overlap-results_bg.wasm');
  await page.getByTestId('results-retry').click();
  await expect(page.getByTestId('headline')).toBeVisible();
  await expect(page.locator('#ov-title')).toBeFocused();
  await expect(page.getByTestId('results')).toContainText(/Answered as/);
});
