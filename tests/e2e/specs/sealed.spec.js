// Sealed links: the facilitator makes a round key in the team view; the invitation carries its
// public half; a person who opens it answers and sends a sealed link; the team view holding the
// key combines it, and one without the key refuses it with its reason. No secret key appears in
// any link, file, printout or request, and an independent libsodium (the npm binding) opens the
// sealed box to the bytes of a result link that reads as the person's result.
import { test, expect, expectAccessible, startAs, answerAll } from '../fixtures.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sodium from 'libsodium-wrappers';

const here = path.dirname(fileURLToPath(import.meta.url));
const links = fs.readFileSync(path.join(here, '../fixtures/team-links.txt'), 'utf8').trim();
const APP = 'http://127.0.0.1:4173/';

const b64url = {
  decode: (s) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'),
  encode: (b) => Buffer.from(b).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
};

test('a round key seals what people send: the team view with the key opens it, one without refuses it, and libsodium agrees', async ({ browser }) => {
  // The facilitator makes a key for a round.
  const facilitator = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const requests = [];
  facilitator.on('request', (r) => requests.push(r.url()));
  await facilitator.goto(`${APP}#team`);
  await facilitator.locator('#ov-key-label').fill('Contoso');
  const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('create-key').click()]);
  const keyFile = fs.readFileSync(await download.path(), 'utf8');
  const secret = /secret: (\S{43})/.exec(keyFile)[1];
  expect(keyFile).toContain('label: Contoso');
  await expect(facilitator.getByTestId('held-key')).toHaveCount(1);
  const fingerprint = (await facilitator.getByTestId('held-key').locator('.ov-opt__hint').textContent()).trim();
  expect(fingerprint).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  const invitation = await facilitator.getByTestId('invite-address').getAttribute('href');
  expect(invitation).toMatch(/#k=[A-Za-z0-9_-]{43}$/);
  expect(invitation).not.toContain(secret);
  await expectAccessible(facilitator, 'team view with a round key');

  // A person opens the invitation on their own device, answers and sends.
  const person = await (await browser.newContext()).newPage();
  const personRequests = [];
  person.on('request', (r) => personRequests.push(r.url()));
  await person.goto(invitation);
  await expect(person.getByTestId('promise-sealed')).toBeVisible();
  expect(new URL(person.url()).hash, 'the key leaves the address bar').toBe('');
  await startAs(person, 'internal_it');
  await answerAll(person, (c, i) => (i * 2) % c);
  // A reload keeps the round key with the saved answers.
  await person.reload();
  await person.getByTestId('results').click();
  await expect(person.getByTestId('share-sealed')).toContainText(fingerprint);
  const readiness = await person.getByTestId('readiness').textContent();
  const sealed = await person.getByTestId('share-link').inputValue();
  expect(sealed).toMatch(/#s=[0-9a-f]{12}\.[A-Za-z0-9_-]+$/);
  await person.getByTestId('share-summary').check();
  const sealedSummary = await person.getByTestId('share-link').inputValue();
  expect(sealedSummary).toMatch(/#s=/);
  expect(sealedSummary).not.toBe(sealed);
  expect(sealedSummary.length, 'a sealed link\'s length does not tell its level').toBe(sealed.length);
  await expectAccessible(person, 'results with a sealed share panel');

  // libsodium opens the box with the secret key: the bytes of a plain result link.
  await sodium.ready;
  const [tag, body] = sealed.split('#s=')[1].split('.');
  expect(tag.toUpperCase()).toBe(fingerprint.replace(/-/g, ''));
  const secretBytes = b64url.decode(secret);
  const publicBytes = sodium.crypto_scalarmult_base(secretBytes);
  const opened = sodium.crypto_box_seal_open(b64url.decode(body), publicBytes, secretBytes);
  // What is sealed is a length byte, the plain link's bytes, and zeros to 64 bytes.
  expect(opened.length).toBe(64);
  const plain = `${APP}#r=${b64url.encode(opened.slice(1, 1 + opened[0]))}`;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(plain);
  await expect(reader.getByTestId('shared-banner')).toBeVisible();
  await expect(reader.getByTestId('readiness')).toHaveText(readiness);

  // Someone without the key who opens the sealed link is told what it is.
  await reader.goto(`${APP}#s=${sealed.split('#s=')[1]}`);
  await expect(reader.locator('#ov-title')).toBeVisible();
  await expect(reader.locator('main')).toContainText('This is a sealed result');

  // The team view with the key combines it with the fixture's plain links.
  await facilitator.getByTestId('team-links').fill(`${links}\n${sealed}`);
  await facilitator.getByTestId('team-analyse').click();
  await expect(facilitator.getByTestId('team-count')).toContainText('21 results combined');
  // A team view without the key refuses it, and says why.
  const other = await (await browser.newContext()).newPage();
  await other.goto(`${APP}#team`);
  await other.getByTestId('team-links').fill(`${links}\n${sealed}\n${sealed.slice(0, -6)}`);
  await other.getByTestId('team-analyse').click();
  await expect(other.getByTestId('team-count')).toContainText('20 results combined');
  await expect(other.getByTestId('team-invalid-reasons')).toContainText('key this team view does not hold');
  // With the key, a cut-off sealed link is damaged, not another round's.
  await facilitator.getByTestId('team-links').fill(`${links}\n${sealed.slice(0, -6)}`);
  await facilitator.getByTestId('team-analyse').click();
  await expect(facilitator.getByTestId('team-invalid-reasons')).toContainText('does not open');

  // No secret key anywhere it could travel: links, files, the printed pack, any request.
  const summaryLink = await facilitator.getByTestId('team-link').inputValue();
  expect(summaryLink).not.toContain(secret);
  const [csv] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('team-csv').click()]);
  expect(fs.readFileSync(await csv.path(), 'utf8')).not.toContain(secret);
  const html = await facilitator.content();
  expect(html, 'the secret is never in the page').not.toContain(secret);
  for (const url of [...requests, ...personRequests]) expect(url).not.toContain(secret);
  expect(await person.content()).not.toContain(secret);
});

test('an invitation with a malformed key is ignored with a visible note, and nothing is sealed', async ({ page }) => {
  await page.goto(`${APP}#k=not-a-real-key`);
  await expect(page.getByTestId('storage-notice')).toContainText('could not read');
  await expect(page.getByTestId('promise-sealed')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
});

test('a deployment for one client seals to the facilitator_key in overlap.json, without an invitation', async ({ page }) => {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  const shipped = JSON.parse(fs.readFileSync(path.join(here, '../../../dist/overlap.json'), 'utf8'));
  await page.route('**/overlap.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ ...shipped, facilitator_key: b64url.encode(pair.publicKey) }),
  }));
  await page.goto(APP);
  await expect(page.getByTestId('promise-sealed')).toBeVisible();
  await startAs(page, 'msp');
  await answerAll(page, (c, i) => (i + 1) % c);
  await page.getByTestId('results').click();
  await expect(page.getByTestId('share-sealed')).toBeVisible();
  const sealed = await page.getByTestId('share-link').inputValue();
  expect(sealed).toMatch(/#s=[0-9a-f]{12}\.[A-Za-z0-9_-]+$/);
  const opened = sodium.crypto_box_seal_open(b64url.decode(sealed.split('.').pop()), pair.publicKey, pair.privateKey);
  expect(opened.length).toBe(64);
  // The opened bytes, without the padding, are a result link this copy of Overlap reads.
  await page.goto(`${APP}#r=${b64url.encode(opened.slice(1, 1 + opened[0]))}`);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
});
