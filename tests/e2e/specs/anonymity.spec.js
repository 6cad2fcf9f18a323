// Anonymous against the people who read it: one internal IT person beside five leaders (who read
// the pack and know their own answers), six MSP staff and six other staff, and beside six of
// every other role. Whatever the IT person answered (every first option, every last option,
// Don't know throughout), everything the company can see or be sent is identical: the team view's
// figures, the team CSV, the ownership register, the printed pack and the team summary link.
// Leadership, with all five answering, is shown. Fixture: `cargo run -p overlap-core --example
// team_links -- anonymity`.
import { test, expect, expectAccessible } from '../fixtures.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(fs.readFileSync(path.join(here, '../fixtures/team-anonymity.json'), 'utf8'));

/** Combines the links and returns everything the company sees, as text. */
async function whatTheCompanySees(page, links) {
  await page.goto('http://127.0.0.1:4173/#team');
  await page.getByTestId('team-links').fill(links.join('\n'));
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-report')).toBeVisible();
  // The facilitator's own count of what was pasted is the one line that counts every link.
  const figures = await page.locator('#ov-team-result').evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.ov-facilitator-only').forEach((n) => n.remove());
    return copy.innerHTML;
  });
  const read = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const csv = await read('team-csv');
  const register = await read('register-csv');
  const link = await page.getByTestId('team-link').inputValue();
  // The printed pack, as the browser prints it (window.print stubbed: headless has no dialog).
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByTestId('print-pack').click();
  await page.emulateMedia({ media: 'print' });
  const pack = await page.getByTestId('pack').innerText();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return { figures, csv, register, link, pack };
}

for (const [name, team, leaders] of [['five leaders', fixture.five_leaders, 5], ['six of every other role', fixture.six_leaders, 6]]) {
  test(`one internal IT person beside ${name}: nothing the company sees depends on their answers`, async ({ page }) => {
    const first = await whatTheCompanySees(page, [fixture.it_first, ...team]);
    // The facilitator still sees every link they pasted counted.
    await expect(page.getByTestId('team-count')).toContainText(`${team.length + 1}`);
    const roles = page.getByTestId('team-roles');
    await expect(roles.locator('tr', { hasText: 'Internal IT' })).toHaveText(/Hidden: fewer than 5 answered/);
    await expect(roles.locator('tr', { hasText: 'Internal IT' }).locator('td.ov-num')).toHaveCount(0);
    await expect(roles.locator('tr', { hasText: 'Leadership' })).toContainText('Shown as L');
    await expect(roles.locator('tr', { hasText: 'Leadership' }).locator('td.ov-num')).toHaveText(`${leaders}`);
    // Leadership answered every ownership area, so its column is filled on every row.
    const heat = page.getByTestId('team-ownership');
    const leadColumn = await heat.locator('thead th').allTextContents();
    const col = leadColumn.findIndex((t) => t.trim() === 'Leadership');
    expect(col).toBeGreaterThan(0);
    await expect(heat.locator(`tbody tr td:nth-child(${col + 1})[data-owner]`)).toHaveCount(13);
    // The team total is the shown groups' sum; the hidden person is in no figure.
    expect(first.csv.split('\n')[0]).toContain('mean_leadership');
    await expectAccessible(page, `team view, one IT person beside ${name}`);

    for (const other of [fixture.it_last, fixture.it_dont_know]) {
      const seen = await whatTheCompanySees(page, [other, ...team]);
      expect(seen.figures).toBe(first.figures);
      expect(seen.csv).toBe(first.csv);
      expect(seen.register).toBe(first.register);
      expect(seen.pack).toBe(first.pack);
      expect(seen.link).toBe(first.link);
    }
  });
}
