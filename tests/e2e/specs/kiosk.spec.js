// Kiosk mode: one tablet passed among three people. The facilitator starts it from the team view
// with a PIN; each person answers, sees their report, and hands the device on. After each of
// them no storage area, the URL or the history holds their answers (checked against the plain
// payload bytes, which libsodium recovers from the sealed links with the round's secret key),
// and Back never reaches an earlier person's screen. The facilitator ends the session with the
// PIN and leaves with three sealed links that the team view opens with the key file and not
// without it. The idle countdown runs on a fake clock; axe checks every kiosk screen.
import { test, expect, expectAccessible, startAs, answerAll } from '../fixtures.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sodium from 'libsodium-wrappers';

const here = path.dirname(fileURLToPath(import.meta.url));
const APP = 'http://127.0.0.1:4173/';
const b64url = {
  decode: (s) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'),
  encode: (b) => Buffer.from(b).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
};

/** Everything the page could leave behind: every storage area, cookies, the URL, the history. */
async function traces(page) {
  return page.evaluate(async () => {
    const all = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]));
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    return {
      local: all(localStorage),
      session: all(sessionStorage),
      cookie: document.cookie,
      databases,
      url: location.href,
      history: history.length,
      state: JSON.stringify(history.state),
    };
  });
}

/** A person's turn: start, answer as `role` with `pick`, see the report, note what it says. */
async function takeTurn(page, role, pick) {
  await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
  await startAs(page, role);
  await answerAll(page, pick);
  await page.getByTestId('results').click();
  await expect(page.getByTestId('kiosk-sealed')).toBeVisible();
  return (await page.getByTestId('headline').textContent()).trim();
}

test('a tablet passed among three people keeps none of them, and the facilitator leaves with three sealed links', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  // The facilitator makes a round key and starts the kiosk from the team view.
  await page.goto(`${APP}#team`);
  await page.locator('#ov-key-label').fill('Workshop room');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('create-key').click()]);
  const keyFilePath = path.join(test.info().outputDir, 'round.txt');
  fs.mkdirSync(path.dirname(keyFilePath), { recursive: true });
  fs.copyFileSync(await download.path(), keyFilePath);
  const secret = /secret: (\S{43})/.exec(fs.readFileSync(keyFilePath, 'utf8'))[1];
  await expect(page.getByTestId('kiosk-start')).toBeVisible();
  await expectAccessible(page, 'team view with the kiosk card');
  // Nothing starts without a PIN of 4 to 8 digits and the key file kept elsewhere.
  await page.getByTestId('start-kiosk').click();
  await expect(page.locator('#ov-kiosk-start-status')).toContainText('4 to 8 digits');
  await page.locator('#ov-kiosk-pin').fill('2468');
  await page.getByTestId('start-kiosk').click();
  await expect(page.locator('#ov-kiosk-start-status')).toContainText('saved somewhere else');
  await page.locator('#ov-kiosk-key-saved').check();
  await page.getByTestId('start-kiosk').click();
  await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#kiosk');
  const start = await traces(page);
  expect(Object.keys(start.local).sort(), 'only the kiosk settings: no round key, no answers').toEqual(['overlap:kiosk']);
  expect(start.local['overlap:kiosk']).not.toContain(secret);
  expect(start.local['overlap:kiosk']).not.toContain('2468');
  await expectAccessible(page, 'kiosk welcome');

  // Three people in turn, each answering differently; after each, the device holds nothing of them.
  const people = [
    ['internal_it', (c, i) => i % c],
    ['other', (c, i) => (i * 3 + 1) % c],
    ['leadership', (c) => c - 1],
  ];
  const snapshots = [];
  const headlines = [];
  for (const [n, [role, pick]] of people.entries()) {
    headlines.push(await takeTurn(page, role, pick));
    if (n === 0) await expectAccessible(page, 'kiosk report');
    // No share panel, no files: the result leaves the device only sealed.
    await expect(page.getByTestId('share-link')).toHaveCount(0);
    await expect(page.getByTestId('export-json')).toHaveCount(0);
    await page.getByTestId('kiosk-sealed').locator('summary').click();
    await expect(page.getByTestId('kiosk-qr').locator('svg')).toBeVisible();
    snapshots.push(await traces(page));
    await page.getByTestId('kiosk-next').click();
    await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
    await expect(page.getByTestId('kiosk-count')).toContainText(`${n + 1} result`);
    snapshots.push(await traces(page));
    // Back leaves the kiosk page (no entry of the person's screens was ever added), and coming
    // forward again shows the welcome, not the person's report.
    await page.goBack();
    await page.goForward();
    await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
    await expect(page.getByTestId('headline')).toHaveCount(0);
    await expect(page.getByTestId('kiosk-count')).toContainText(`${n + 1} result`);
  }
  for (const s of snapshots) {
    expect(Object.keys(s.local).sort()).toEqual(['overlap:kiosk', 'overlap:kiosk-results']);
    expect(s.session).toEqual({});
    expect(s.cookie).toBe('');
    expect(s.databases).toEqual([]);
    expect(s.url).toBe(`${APP}#kiosk`);
    expect(s.history).toBe(start.history);
    expect(s.state).toBe('null');
  }

  // The facilitator ends the session: a wrong PIN changes nothing, the right one shows the links.
  await page.getByTestId('kiosk-end').click();
  await expect(page.getByTestId('kiosk-unlock-screen')).toBeVisible();
  await expectAccessible(page, 'kiosk unlock');
  await page.getByTestId('kiosk-unlock-input').fill('1357');
  await page.getByTestId('kiosk-unlock').click();
  await expect(page.getByTestId('kiosk-status')).toContainText('not this session');
  await page.getByTestId('kiosk-unlock-input').fill('2468');
  await page.getByTestId('kiosk-unlock').click();
  await expect(page.getByTestId('kiosk-collected')).toBeVisible();
  await expectAccessible(page, 'kiosk collected links');
  const collected = (await page.getByTestId('kiosk-links').inputValue()).trim().split('\n');
  expect(collected).toHaveLength(3);
  for (const link of collected) expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#s=[0-9a-f]{12}\.[A-Za-z0-9_-]+$/);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kiosk-download').click()]);
  expect(fs.readFileSync(await file.path(), 'utf8').trim().split('\n')).toEqual(collected);

  // The plain payloads, recovered with the secret key: none of them was ever on the device.
  await sodium.ready;
  const secretBytes = b64url.decode(secret);
  const publicBytes = sodium.crypto_scalarmult_base(secretBytes);
  const payloads = collected.map((link) => {
    const opened = sodium.crypto_box_seal_open(b64url.decode(link.split('.').pop()), publicBytes, secretBytes);
    return b64url.encode(opened.slice(1, 1 + opened[0]));
  });
  expect(new Set(payloads).size).toBe(3);
  const everything = JSON.stringify(snapshots) + JSON.stringify(await traces(page));
  for (const payload of payloads) {
    expect(everything).not.toContain(payload);
    // Not even a part of it long enough to identify an answer pattern.
    expect(everything).not.toContain(payload.slice(4, 28));
  }

  // Ending clears the device and opens the team view, which holds no key now: the links do not
  // open; with the key file they do, as three people whose headlines are the ones they saw.
  await page.getByTestId('kiosk-clear').click();
  await expect(page.getByTestId('team')).toBeVisible();
  const after = await traces(page);
  expect(Object.keys(after.local).filter((k) => k.startsWith('overlap:kiosk'))).toEqual([]);
  await page.getByTestId('team-links').fill(collected.join('\n'));
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-invalid-reasons')).toContainText('key this team view does not hold');
  await page.getByTestId('key-file').setInputFiles(keyFilePath);
  await expect(page.getByTestId('held-key')).toHaveCount(1);
  await page.getByTestId('team-analyse').click();
  await expect(page.getByTestId('team-count')).toContainText('3 results combined');
  for (const payload of payloads) {
    const reader = await context.newPage();
    await reader.goto(`${APP}#r=${payload}`);
    const headline = (await reader.getByTestId('headline').textContent()).trim();
    expect(headlines).toContain(headline);
    await reader.close();
  }
  expect(errors).toEqual([]);
});

test('the idle countdown asks, continues on a key press, and starts over at zero', async ({ page }) => {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  const shipped = JSON.parse(fs.readFileSync(path.join(here, '../../../dist/overlap.json'), 'utf8'));
  await page.route('**/overlap.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ ...shipped, facilitator_key: b64url.encode(pair.publicKey), kiosk_idle_seconds: 60 }),
  }));
  await page.clock.install();
  await page.goto(`${APP}#kiosk`);
  await expect(page.getByTestId('kiosk-welcome')).toContainText('60 seconds');
  // On the welcome there is nobody's answers to drop: no countdown, however long.
  await page.clock.runFor(200_000);
  await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
  await startAs(page, 'msp');
  await page.locator('.ov-flow input[type=radio]').first().check();
  await page.clock.runFor(59_000);
  await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
  await page.clock.runFor(2_000);
  const dialog = page.getByRole('alertdialog', { name: 'Still there?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Starting over in (29|30) s/);
  await expect(page.locator('#ov-kiosk-idle-announce')).toContainText('Starting over in');
  await expect(page.getByTestId('kiosk-continue')).toBeFocused();
  await expectAccessible(page, 'kiosk idle countdown');
  // Any key continues, and the answer is still there.
  await page.keyboard.press('a');
  await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
  await expect(page.locator('.ov-flow input[type=radio]').first()).toBeChecked();
  // Left alone: the countdown, then at zero the welcome, and the answers are gone.
  await page.clock.runFor(75_000);
  await expect(dialog).toContainText(/Starting over in \d+ s/);
  await page.clock.runFor(20_000);
  await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
  await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
  await startAs(page, 'msp');
  await expect(page.locator('.ov-flow input[type=radio]:checked')).toHaveCount(0);
  // "I'm still here" works too.
  await page.clock.runFor(61_000);
  await page.getByTestId('kiosk-continue').click();
  await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
});

test('a kiosk from the deployment key ends with the key file; leaving kiosk mode finds nothing readable', async ({ browser }) => {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  const keyFile = `overlap-round-key 1\nlabel: Room\nsecret: ${b64url.encode(pair.privateKey)}\n`;
  const shipped = JSON.parse(fs.readFileSync(path.join(here, '../../../dist/overlap.json'), 'utf8'));
  const context = await browser.newContext();
  await context.route('**/overlap.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ ...shipped, facilitator_key: b64url.encode(pair.publicKey) }),
  }));
  const page = await context.newPage();
  // Someone's unfinished assessment from before the kiosk: the kiosk shows none of it and
  // leaves none of it.
  await page.goto(APP);
  await startAs(page, 'internal_it');
  await page.locator('.ov-flow input[type=radio]').first().check();
  await page.goto(`${APP}#kiosk`);
  await page.reload();
  await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
  expect(Object.keys((await traces(page)).local).filter((k) => k.startsWith('overlap:progress'))).toEqual([]);
  await takeTurn(page, 'other', (c, i) => i % c);
  // The person walks off with the tablet to the normal address: no report, no resume, no answers.
  await page.goto(APP);
  await expect(page.getByTestId('start')).toBeVisible();
  await expect(page.getByTestId('start-over')).toHaveCount(0);
  await page.goto(`${APP}#team`);
  await expect(page.getByTestId('keys-none')).toBeVisible();
  // The facilitator, back in kiosk mode, ends it with the key file (there is no PIN).
  await page.goto(`${APP}#kiosk`);
  await page.reload();
  await page.getByTestId('kiosk-end').click();
  await expect(page.getByTestId('kiosk-unlock-screen')).toContainText('key file');
  await page.getByTestId('kiosk-unlock-input').fill('1234');
  await page.getByTestId('kiosk-unlock').click();
  await expect(page.getByTestId('kiosk-status')).toContainText('not this session');
  await page.getByTestId('kiosk-unlock-file').setInputFiles({ name: 'room.txt', mimeType: 'text/plain', buffer: Buffer.from(keyFile) });
  await expect(page.getByTestId('kiosk-collected')).toBeVisible();
  const links = (await page.getByTestId('kiosk-links').inputValue()).trim().split('\n');
  expect(links).toHaveLength(1);
  const opened = sodium.crypto_box_seal_open(b64url.decode(links[0].split('.').pop()), pair.publicKey, pair.privateKey);
  expect(opened.length).toBe(64);
});

test('a device without a round key says kiosk mode is not set up', async ({ page }) => {
  await page.goto(`${APP}#kiosk`);
  await expect(page.getByTestId('kiosk-not-set-up')).toBeVisible();
  await expect(page.getByTestId('start')).toHaveCount(0);
  await expectAccessible(page, 'kiosk not set up');
});
