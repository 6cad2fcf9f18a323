// The setup screen: a consultant who has never seen the README goes from the folder to a branded,
// embedded assessment. They set the name, a logo, an accent (taking the offered colour when
// theirs fails the contrast rule), the embedding site and the facilitator's email; the preview
// follows; the downloaded overlap.json, deployed with the folder, brands the welcome, the results
// and the invitation; the downloaded _headers is the build's; the copied snippet embeds the app
// in a page on another site and the frame takes the content's height. Loading a file with
// mistakes fills the form and says what is wrong, with the loader's own messages.
import { test, expect, expectAccessible, finishAs } from '../fixtures.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, originOf } from '../../../scripts/deploy-headers.mjs';

const APP = 'http://127.0.0.1:4173/';
const here = path.dirname(fileURLToPath(import.meta.url));
const LOGO = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#7a1f5c"/></svg>');

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('a consultant brands a deployment with the setup screen alone, and the files it writes work', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${APP}#team`);
  await page.getByTestId('setup-link').click();
  await expect(page.getByTestId('setup')).toBeVisible();
  await expectAccessible(page, 'setup screen');

  await page.locator('#ov-set-consultancy_name').fill('Contoso Advisory');
  await page.getByTestId('setup-logo-file').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: LOGO });
  await expect(page.locator('#ov-set-logo')).toHaveValue(/^data:image\/svg\+xml;base64,/);
  // A yellow accent fails the contrast rule: the loader's reason, and the nearest that passes.
  await page.locator('#ov-set-accent').fill('#ffff00');
  await expect(page.getByTestId('problem-accent')).toContainText('WCAG AA needs 4.5:1');
  await page.getByTestId('setup-use-accent').click();
  const accent = await page.locator('#ov-set-accent').inputValue();
  expect(accent).toMatch(/^#[0-9a-f]{6}$/);
  expect(accent).not.toBe('#ffff00');
  await expect(page.getByTestId('problem-accent')).toBeEmpty();
  // A whole page address is cut to its origin, as the app does.
  await page.locator('#ov-set-allowed_parent_origins').fill('https://www.contoso.example/careers/assessment?ref=1');
  await page.locator('#ov-set-facilitator_email').fill('facilitator@contoso.example');
  await page.locator('#ov-set-team_threshold').fill('2');
  await expect(page.getByTestId('problem-team_threshold')).toContainText('must be a whole number from 3 to 50');
  await page.locator('#ov-set-team_threshold').fill('4');
  await expect(page.getByTestId('problem-team_threshold')).toBeEmpty();
  await expectAccessible(page, 'setup screen, filled in');

  // The preview follows: the name, the accent on its buttons, light and dark, phone and desktop.
  const preview = page.getByTestId('setup-preview');
  await expect(preview).toContainText('Contoso Advisory');
  await expect(preview.locator('img')).toHaveAttribute('src', /^data:image\/svg/);
  const button = preview.locator('.ov-btn--primary').first();
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  await expect(button).toHaveCSS('background-color', rgb(accent));
  await page.getByTestId('preview-dark').check();
  await expect(preview).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('preview-results').check();
  await expect(preview.locator('[data-testid="headline"]')).toBeVisible();
  await page.getByTestId('preview-desktop').check();
  await expect(preview).toHaveAttribute('data-width', 'desktop');
  expect(await page.locator('#ov-title').count(), 'one h1: the preview\'s ids are renamed').toBe(1);

  // The files.
  const json = await download(page, 'setup-download-json');
  expect(json.name).toBe('overlap.json');
  const config = JSON.parse(json.text);
  expect(config).toMatchObject({
    consultancy_name: 'Contoso Advisory',
    accent,
    allowed_parent_origins: ['https://www.contoso.example'],
    facilitator_email: 'facilitator@contoso.example',
    team_threshold: 4,
  });
  expect(config.logo).toMatch(/^data:image\/svg\+xml;base64,/);
  const headers = await download(page, 'setup-download-headers');
  expect(headers.name).toBe('_headers');
  expect(headers.text, 'the same file the build writes').toBe(headersFile([originOf('https://www.contoso.example/careers/')]));
  expect(requests.filter((u) => !u.startsWith(APP) && !u.startsWith('data:')), 'nothing leaves the browser').toEqual([]);

  // Deployed with the folder: the welcome, the results and the invitation carry the branding.
  const deployed = await browser.newContext();
  await deployed.route('**/overlap.json', (route) => route.fulfill({ contentType: 'application/json', body: json.text }));
  const visitor = await deployed.newPage();
  const warnings = [];
  visitor.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await visitor.goto(APP);
  await expect(visitor.getByTestId('brand')).toContainText('Contoso Advisory');
  await expect(visitor.getByTestId('brand').locator('img')).toHaveAttribute('src', /^data:image\/svg/);
  await expect(visitor.getByTestId('start')).toHaveCSS('background-color', rgb(accent));
  await finishAs(visitor, 'other', (c, i) => i % c);
  await expect(visitor.getByTestId('brand')).toContainText('Contoso Advisory');
  await expect(visitor.getByTestId('send-email')).toHaveAttribute('href', /^mailto:facilitator@contoso\.example/);
  await visitor.goto(`${APP}#team`);
  await expect(visitor.getByTestId('handout')).toContainText('Contoso Advisory');
  expect(warnings.filter((w) => w.includes('overlap.json')), 'the file loads without a warning').toEqual([]);
});

test('the copied snippet embeds the app in a page on another site, and the frame takes its height', async ({ browser }) => {
  // The app on the server whose overlap.json lets http://localhost:4174 frame it.
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4175/#setup');
  await expect(page.locator('#ov-set-allowed_parent_origins')).toHaveValue('http://localhost:4174');
  await page.getByTestId('setup-copy-snippet').click();
  await expect(page.locator('#ov-setup-status')).toContainText('copied');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain('<iframe data-overlap src="http://127.0.0.1:4175/"');
  expect(snippet).toContain('<script src="http://127.0.0.1:4175/overlap-embed.js"></script>');
  // A page on the consultant's site with nothing but the snippet pasted in, served by the host
  // site's server (a page the test fulfilled itself would not count as a local site, and
  // Chromium's local-network checks would block the frame).
  const hostFile = path.join(here, '../../../examples/setup-host.test.html');
  fs.writeFileSync(hostFile, `<!doctype html><html lang="en"><head><title>Careers</title></head><body><h1>Careers</h1>${snippet}</body></html>`);
  test.info().attach('host page', { body: snippet });
  const host = await context.newPage();
  try {
    await host.goto('http://localhost:4174/setup-host.test.html');
  } finally {
    fs.rmSync(hostFile, { force: true });
  }
  const frame = host.frameLocator('iframe[data-overlap]');
  await expect(frame.getByTestId('start')).toBeVisible();
  const height = async () => Math.round((await host.locator('iframe[data-overlap]').boundingBox()).height);
  await expect.poll(height, { message: 'the frame leaves its initial 720 px for the content\'s height' }).not.toBe(720);
  const welcome = await height();
  await frame.getByTestId('start').click();
  await frame.locator('input[name=role][value=msp]').check();
  await frame.getByTestId('next').click();
  await frame.getByTestId('next').click();
  await expect.poll(height).toBeGreaterThan(welcome + 100);
});

test('loading an overlap.json with mistakes fills the form and says what is wrong', async ({ page }) => {
  await page.goto(`${APP}#setup`);
  const file = JSON.stringify({
    consultancy_name: 'Fabrikam',
    accent: 'blue',
    team_threshold: 2,
    allowed_parent_origins: ['*'],
    kiosk_idle_seconds: 5,
    colour: '#fff',
    default_locale: 42,
  });
  await page.getByTestId('setup-load').setInputFiles({ name: 'overlap.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('setup-load-status')).toContainText('unknown setting `colour` ignored');
  await expect(page.getByTestId('setup-load-status')).toContainText('`default_locale` must be a string');
  await expect(page.locator('#ov-set-consultancy_name')).toHaveValue('Fabrikam');
  await expect(page.locator('#ov-set-accent')).toHaveValue('blue');
  await expect(page.getByTestId('problem-accent')).toContainText('is not a #rrggbb colour');
  await expect(page.getByTestId('problem-team_threshold')).toContainText('from 3 to 50');
  await expect(page.getByTestId('problem-allowed_parent_origins')).toContainText('is not an http(s) origin');
  await expect(page.getByTestId('problem-kiosk_idle_seconds')).toContainText('from 30 to 600');
  // What would be written holds only what the app would use.
  const written = JSON.parse(await page.getByTestId('setup-json').textContent());
  expect(written).toEqual({ consultancy_name: 'Fabrikam' });
  // Not JSON at all: said, and the form kept.
  await page.getByTestId('setup-load').setInputFiles({ name: 'overlap.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await expect(page.getByTestId('setup-load-status')).toContainText('could not be read');
  await expect(page.locator('#ov-set-consultancy_name')).toHaveValue('Fabrikam');
  await expectAccessible(page, 'setup screen with problems');
});
