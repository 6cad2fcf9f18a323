// Languages: the browser's preferred language picks the first one; the switch changes every word
// without losing answers; <html lang> follows; a link made in Spanish opens in English with the
// same scores; axe is clean in Spanish too.
import { test, expect, expectAccessible, finishAs, startAs, answerSection } from '../fixtures.js';

const figures = async (page) => ({
  readiness: (await page.getByTestId('readiness').textContent()).split('·')[0].trim(),
  table: await page.getByTestId('profile-table').locator('tbody td.ov-num').allTextContents(),
});

test('a Spanish browser gets Spanish, completes, and the result reads in Spanish', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4173/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('start')).toHaveText('Comenzar la evaluación');
  await expectAccessible(page, 'welcome (es)');
  await finishAs(page, 'msp', (c, i) => (i * 3) % c);
  await expect(page.locator('#ov-title')).toHaveText('Sus resultados');
  await expect(page.getByTestId('actions')).toContainText('Se considera logrado cuando:');
  await expectAccessible(page, 'results (es)');
  await context.close();
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
  await expect(notice).toContainText('No se pudo cargar el texto en español');
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
  await expect(page.getByTestId('storage-notice')).toContainText('No se pudo cargar el texto en español');
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
