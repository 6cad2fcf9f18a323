// The team view: paste 20 links from four roles (one group of two), see the perception gaps and
// the ownership map; the small group is hidden, labelled and never counted; an invalid link is
// listed and skipped; a duplicate counts once; a file works too.
import { test, expect, expectAccessible, expectOnlyOwnOrigin } from '../fixtures.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '../fixtures/team-links.txt');
const links = fs.readFileSync(fixture, 'utf8').trim().split('\n');

test('twenty links: gaps, ownership map, hidden small group, invalid link listed', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/#team');
  await expect(page.locator('#ov-title')).toHaveText('Team view');
  const text = [...links, links[0], 'http://127.0.0.1:4173/#r=BGQEUEAE0AE0AAkAgCgEE', 'Thanks all!'].join('\n');
  await page.getByTestId('team-links').fill(text);
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-count')).toContainText('Found 22 links: 20 results combined');
  // Focus moves to the figures, so a screen reader reads them next.
  await expect(page.locator('#ov-team-result')).toBeFocused();
  await expect(page.getByTestId('team-count')).toContainText('1 repeated link counted once, and 1 that could not be read');
  await expect(page.getByTestId('team-invalid')).toContainText('incomplete');
  const roles = page.getByTestId('team-roles');
  await expect(roles.locator('tr', { hasText: 'Other staff' })).toHaveText(/Hidden: fewer than 5 answered/);
  await expect(roles.locator('tr', { hasText: 'Other staff' }).locator('td.ov-num')).toHaveCount(0);
  // Five leaders are enough to be shown: nothing needs hiding to protect the small group.
  await expect(roles.locator('tr', { hasText: 'Leadership' })).toContainText('Shown as L');
  await expect(roles.locator('tr', { hasText: 'Internal IT' })).toContainText('Shown as I');
  await expect(roles.locator('tr', { hasText: 'MSP staff' })).toContainText('Shown as M');
  await expect(page.getByTestId('team-gap-table').locator('tbody tr').first()).toContainText(/higher than/);
  await expect(page.getByTestId('team-chart').locator('svg[role=img] title')).not.toBeEmpty();
  await expect(page.getByTestId('team-ownership').locator('tbody tr')).toHaveCount(13);
  // A hidden group's figures appear nowhere: it has no column among the averages (other staff
  // are not asked who owns what, so the heatmap has no column for them at all).
  await expect(page.getByTestId('team-ownership').locator('thead th')).toHaveCount(5);
  await expect(page.getByTestId('team-distribution').locator('thead')).not.toContainText('Other staff');
  await expect(page.getByTestId('team-distribution')).toContainText('too small to show are left out');
  await expectAccessible(page, 'team view');
  expectOnlyOwnOrigin(page);
  expect(page.consoleErrors).toEqual([]);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('team-csv').click()]);
  const rows = fs.readFileSync(await csv.path(), 'utf8').trim().split('\n');
  expect(rows[0]).toBe('dimension,name,team_score_1dp,n,median_1dp,q1_1dp,q3_1dp,mean_internal_it_1dp,mean_msp_1dp,mean_leadership_1dp');
  expect(rows).toHaveLength(10);

  // The team summary link carries the figures, and nothing of the hidden groups.
  const teamLink = await page.getByTestId('team-link').inputValue();
  expect(teamLink).toMatch(/#t=[A-Za-z0-9_-]+$/);
  const medians = await page.getByTestId('team-distribution').locator('tbody tr td:nth-child(2)').allTextContents();
  const other = await page.context().browser().newContext();
  const leader = await other.newPage();
  await leader.goto(teamLink);
  await expect(leader.getByTestId('team-summary-banner')).toBeVisible();
  await expect(leader.getByTestId('team-roles').locator('tr', { hasText: 'Other staff' })).toHaveText(/Hidden: fewer than 5 answered/);
  await expect(leader.getByTestId('team-distribution').locator('tbody tr td:nth-child(2)')).toHaveText(medians);
  await expect(leader.getByTestId('team-distribution').locator('thead')).not.toContainText('Other staff');
  await expectAccessible(leader, 'team summary link');
  await other.close();
});

test('a text file of links, with a baseline round, shows what changed', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/#team');
  await page.getByTestId('team-file').setInputFiles(fixture);
  await expect(page.getByTestId('team-links')).toHaveValue(/#r=/);
  await page.locator('summary', { hasText: 'earlier round' }).click();
  await page.getByTestId('team-baseline').fill(links.slice(0, 12).join('\n'));
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-change')).toBeVisible();
  await expect(page.getByTestId('team-change').locator('tbody tr')).toHaveCount(9);
  // The boxes keep what they held across "combine" and a change of language, which redraw the
  // screen, and the figures follow the language.
  const held = await page.getByTestId('team-links').inputValue();
  expect(held).toMatch(/#r=/);
  await expect(page.getByTestId('team-baseline')).toHaveValue(links.slice(0, 12).join('\n'));
  await page.getByTestId('locale-switch').selectOption('es');
  await expect(page.getByTestId('team-count')).toContainText('resultados combinados');
  await expect(page.getByTestId('team-links')).toHaveValue(held);
  await expect(page.getByTestId('team-baseline')).toHaveValue(links.slice(0, 12).join('\n'));
  await expectAccessible(page, 'team view in Spanish');
});

test('fewer links than the threshold show nothing but the reason', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/#team');
  await page.getByTestId('team-links').fill(links.slice(0, 3).join('\n'));
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-suppressed')).toContainText('No role group has 5 results yet');
  await expect(page.getByTestId('team-gaps')).toHaveCount(0);
});

// The realistic team: one internal IT person (who fears for their job), six MSP staff,
// six other staff, six leaders. The IT group is hidden, and nothing only internal IT answers
// reaches the screen or the summary link: not its flags, not the job-security dimension.
test('a one-person internal IT group gives nothing of its own away', async ({ page }) => {
  const team = fs.readFileSync(path.join(here, '../fixtures/team-one-it.txt'), 'utf8');
  await page.goto('http://127.0.0.1:4173/#team');
  await page.getByTestId('team-links').fill(team);
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-count')).toContainText('19 results combined');
  await expect(page.getByTestId('team-roles').locator('tr', { hasText: 'Internal IT' })).toHaveText(/Hidden: fewer than 5 answered/);
  await expect(page.getByTestId('team-withheld')).toContainText('Internal IT');
  const flags = page.getByTestId('team-flags');
  await expect(flags).not.toContainText('could cost them their job');
  await expect(flags.locator('[data-flag=job_fear]')).toHaveCount(0);
  await expect(page.getByTestId('team-distribution').locator('tr', { hasText: 'Job security' }).locator('td').first()).toHaveText('–');
  await expectAccessible(page, 'team view with a hidden one-person group');
  // The summary link leadership gets says no more.
  const teamLink = await page.getByTestId('team-link').inputValue();
  const other = await page.context().browser().newContext();
  const leader = await other.newPage();
  await leader.goto(teamLink);
  await expect(leader.getByTestId('team-summary-banner')).toBeVisible();
  await expect(leader.getByTestId('team-flags')).not.toContainText('could cost them their job');
  await expect(leader.getByTestId('team-withheld')).toContainText('Internal IT');
  await other.close();
});

test('every pasted fragment is a result, a repeat or unreadable, and the counts add up', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/#team');
  const broken = Array.from({ length: 50 }, (_, k) => `note ${k}: http://127.0.0.1:4173/#r=${links[k % 3].split('#r=')[1].slice(0, 12)}`);
  await page.getByTestId('team-links').fill([...links.slice(0, 5), ...broken, links[0]].join('\n'));
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-count')).toHaveText(/^Found 56 links: 5 results combined .*, 1 repeated link counted once, and 50 that could not be read\.$/);
  await expect(page.getByTestId('team-invalid-reasons')).toContainText('(50)');
});
