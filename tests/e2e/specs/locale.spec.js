// Languages: the browser's preferred language picks the first one; the switch changes every word
// without losing answers; <html lang> follows; a link made in Spanish opens in English with the
// same scores; axe is clean in Spanish too.
import { test, expect, expectAccessible, finishAs, startAs, answerSection } from '../fixtures.js';

const figures = async (page) => ({
  readiness: (await page.getByTestId('readiness').textContent()).split('·')[0].trim(),
  table: await page.getByTestId('profile-table').locator('tbody td.ov-num').allTextContents(),
});

const fileRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('.txt')) seen.push(new URL(r.url()).pathname); });
  return seen;
};

test('a Spanish browser gets Spanish, completes, and the result reads in Spanish', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  // The results module bundles English only: to draw in Spanish it fetches both Spanish files.
  const files = fileRequests(page);
  await page.goto('http://127.0.0.1:4173/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('start')).toHaveText('Comenzar la evaluación');
  await expectAccessible(page, 'welcome (es)');
  await finishAs(page, 'msp', (c, i) => (i * 3) % c);
  await expect(page.locator('#ov-title')).toHaveText('Sus resultados');
  await expect(page.getByTestId('actions')).toContainText('Se considera logrado cuando:');
  await expect(page.locator('.ov-results-host')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('storage-notice')).toHaveCount(0);
  await expectAccessible(page, 'results (es)');
  expect(files).toContain('/overlap-es-results.txt');
  expect(files.filter((f) => f === '/overlap-es-results.txt')).toHaveLength(1);
  await context.close();
});

test('the results and team view of an English visitor never fetch a language file', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/');
  await finishAs(page, 'internal_it', (c, i) => (i * 2) % c);
  await expect(page.locator('#ov-title')).toHaveText('Your results');
  await page.goto('http://127.0.0.1:4173/#team');
  await expect(page.getByTestId('team-links')).toBeVisible();
  expect(page.requests.filter((u) => u.endsWith('.txt'))).toEqual([]);
  expect(page.consoleErrors).toEqual([]);
});

test('switching to Spanish on the results screen redraws them in Spanish, the team boxes kept', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/#team');
  await expect(page.locator('#ov-title')).toHaveText('Team view');
  await page.getByTestId('team-links').fill('kept across languages');
  await page.getByTestId('locale-switch').selectOption('es');
  await expect(page.locator('.ov-results-host')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('team-links')).toHaveValue('kept across languages');
  await expect(page.locator('#ov-title')).toHaveText('Vista de equipo');
  const files = page.requests.filter((u) => u.endsWith('.txt')).map((u) => new URL(u).pathname).sort();
  // The app fetched the survey text for itself, the results module both files for itself.
  expect(files).toEqual(['/overlap-es-results.txt', '/overlap-es.txt', '/overlap-es.txt']);
  expect(page.consoleErrors).toEqual([]);
  await expectAccessible(page, 'team view (es)');
});

// The report's Spanish text is a second file; when it cannot be had (a stale cache from another
// release, a host that forgot it) the results are drawn in English, the app says so in Spanish,
// and nothing the person answered is lost.
test('a refused Spanish results file gives English results, a notice in Spanish, and keeps the answers', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  const files = fileRequests(page);
  // A results file from another release: right header, keys this build does not have.
  await page.route('**/overlap-es-results.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'overlap-locale 1 es results\n0000abcd\tDe otra versión\n' }));
  await page.goto('http://127.0.0.1:4173/');
  await finishAs(page, 'msp', (c, i) => (i * 3) % c);
  // The report is in English, marked as such; the app around it stays in Spanish.
  await expect(page.locator('#ov-title')).toHaveText('Your results');
  await expect(page.getByTestId('actions')).toContainText('Done looks like:');
  await expect(page.locator('.ov-results-host')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('locale-switch')).toHaveValue('es');
  await expect(page.getByTestId('edit-answers')).toHaveText('Revisar mis respuestas');
  const notice = page.getByTestId('storage-notice');
  await expect(notice).toContainText('No se pudo cargar el español');
  await expectAccessible(page, 'results in English, Spanish unavailable');
  expect(files).toContain('/overlap-es-results.txt');
  // The answers are kept: saved, and there to review.
  expect(await page.evaluate(() => localStorage.getItem('overlap:progress:v2'))).toMatch(/^v2\|/);
  await page.getByTestId('edit-answers').click();
  await expect(page.getByTestId('review-complete')).toBeVisible();
  // The file is back (a network blip): a refused file is not remembered, so the next drawing
  // fetches it again and the results read in Spanish.
  await page.unroute('**/overlap-es-results.txt');
  await page.getByTestId('results').click();
  await expect(page.locator('#ov-title')).toHaveText('Sus resultados');
  await expect(page.locator('.ov-results-host')).toHaveAttribute('lang', 'es');
  expect(files.filter((f) => f === '/overlap-es-results.txt')).toHaveLength(2);
  await context.close();
});

test('a missing Spanish results file on a shared link gives English results and a notice in Spanish', async ({ browser }) => {
  const en = await browser.newContext({ locale: 'en-US' });
  const sender = await en.newPage();
  await sender.goto('http://127.0.0.1:4173/');
  await finishAs(sender, 'leadership', (c, i) => (i * 5) % c);
  const english = await figures(sender);
  const link = await sender.getByTestId('share-link').inputValue();
  await en.close();
  const es = await browser.newContext({ locale: 'es-ES' });
  const reader = await es.newPage();
  await reader.route('**/overlap-es-results.txt', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await reader.goto(link);
  await expect(reader.locator('#ov-title')).toHaveText('Shared result');
  await expect(reader.getByTestId('storage-notice')).toContainText('No se pudo cargar el español');
  expect(await figures(reader)).toEqual(english);
  // A shared result never writes the visitor's saved progress, even on this path.
  expect(await reader.evaluate(() => localStorage.getItem('overlap:progress:v2'))).toBeNull();
  await expectAccessible(reader, 'shared result in English, Spanish unavailable');
  await es.close();
});

test('switching language mid-way keeps every answer', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/');
  await startAs(page, 'internal_it');
  await answerSection(page, () => 1);
  await page.locator('.ov-flow input[type=radio]').first().check();
  const checkedBefore = await page.locator('.ov-flow input[type=radio]:checked').evaluateAll((els) => els.map((e) => `${e.name}=${e.value}`));
  await page.getByTestId('locale-switch').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('next')).toHaveText('Siguiente');
  const checkedAfter = await page.locator('.ov-flow input[type=radio]:checked').evaluateAll((els) => els.map((e) => `${e.name}=${e.value}`));
  expect(checkedAfter).toEqual(checkedBefore);
  // The choice is remembered with the saved progress.
  await page.reload();
  await expect(page.getByTestId('next')).toHaveText('Siguiente');
  await page.getByTestId('back').click();
  await expect(page.locator('.ov-flow input[type=radio]:checked').first()).toBeVisible();
});

test('a link made in Spanish opens in English with the same scores', async ({ browser }) => {
  const es = await browser.newContext({ locale: 'es-ES' });
  const sender = await es.newPage();
  await sender.goto('http://127.0.0.1:4173/');
  await finishAs(sender, 'leadership', (c, i) => (i * 5) % c);
  const spanish = await figures(sender);
  const link = await sender.getByTestId('share-link').inputValue();
  await es.close();
  const en = await browser.newContext({ locale: 'en-US' });
  const reader = await en.newPage();
  await reader.goto(link);
  await expect(reader.locator('#ov-title')).toHaveText('Shared result');
  expect(await figures(reader)).toEqual(spanish);
  await en.close();
});

// Spanish text is a file of its own, fetched only when Spanish is wanted: English visitors never
// download it, and when it cannot be had the page stays in English and says so in Spanish.
test('English visitors never download the Spanish text; choosing Spanish fetches it once', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/');
  await expect(page.getByTestId('start')).toHaveText('Start the assessment');
  expect(page.requests.filter((u) => u.endsWith('overlap-es.txt'))).toEqual([]);
  await page.getByTestId('locale-switch').selectOption('es');
  await expect(page.getByTestId('start')).toHaveText('Comenzar la evaluación');
  await page.getByTestId('locale-switch').selectOption('en');
  await page.getByTestId('locale-switch').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(page.requests.filter((u) => u.endsWith('overlap-es.txt'))).toHaveLength(1);
  expect(page.consoleErrors).toEqual([]);
});

test('when the Spanish text cannot be loaded, the page stays in English, says so in Spanish, and keeps answers', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/');
  await startAs(page, 'internal_it');
  await page.locator('.ov-flow input[type=radio]').first().check();
  await page.route('**/overlap-es.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'overlap-locale 1 es\n0000abcd\tCortado' }));
  await page.getByTestId('locale-switch').selectOption('es');
  const notice = page.getByTestId('storage-notice');
  await expect(notice).toContainText('No se pudo cargar el español');
  await expect(notice.locator('p')).toHaveAttribute('lang', 'es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('locale-switch')).toHaveValue('en');
  await expect(page.getByTestId('next')).toHaveText('Next');
  await expect(page.locator('.ov-flow input[type=radio]:checked')).toHaveCount(1);
  await expectAccessible(page, 'language unavailable notice');
  // The file is back (a network blip): choosing Spanish again works and clears the notice.
  await page.unroute('**/overlap-es.txt');
  await page.getByTestId('locale-switch').selectOption('es');
  await expect(page.getByTestId('next')).toHaveText('Siguiente');
  await expect(notice).toHaveCount(0);
  await expect(page.locator('.ov-flow input[type=radio]:checked')).toHaveCount(1);
});

test('a Spanish browser whose Spanish text is missing gets English and a notice in Spanish', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.route('**/overlap-es.txt', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('http://127.0.0.1:4173/');
  await expect(page.getByTestId('start')).toHaveText('Start the assessment');
  await expect(page.getByTestId('storage-notice')).toContainText('No se pudo cargar el español');
  await expect(page.getByTestId('locale-switch')).toHaveValue('en');
  await expectAccessible(page, 'welcome, Spanish unavailable');
  await context.close();
});

test('changing language from the keyboard keeps focus on the switch and relabels it', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/');
  const select = page.getByTestId('locale-switch');
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('label[for=ov-lang-select]')).toHaveText('Idioma');
  await expect(select).toBeFocused();
  await expect(select).toHaveValue('es');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('label[for=ov-lang-select]')).toHaveText('Language');
  await expect(select).toBeFocused();
});
