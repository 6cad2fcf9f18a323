// Charts follow the colour scheme: light on dark in the dark scheme, dark on light when printed
// (whatever the screen's scheme), through the stylesheet's --ov-chart-* tokens. A shared result
// link opens the results screen directly.
import { test, expect, APP } from '../fixtures.js';
import fs from 'node:fs';

const link = fs.readFileSync(new URL('../fixtures/team-links.txt', import.meta.url), 'utf8').split('\n').find((l) => l.includes('#r='));
const fragment = link.slice(link.indexOf('#'));

/** WCAG relative luminance of a computed `rgb(r, g, b)` colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

/** The computed fill of the bars chart's background and of every text in it. */
async function barsColours(page) {
  const svg = page.locator('[data-testid=bars] svg');
  await expect(svg).toHaveCount(1);
  return svg.evaluate((el) => ({
    background: getComputedStyle(el.querySelector('rect')).fill,
    panel: getComputedStyle(el.parentElement).backgroundColor,
    texts: [...el.querySelectorAll('text')].map((t) => getComputedStyle(t).fill),
  }));
}

test('charts are light on dark in the dark scheme and dark on light in print', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(APP + fragment);
  await expect(page.getByTestId('headline')).toBeVisible();

  const dark = await barsColours(page);
  expect(luminance(dark.background), `dark background ${dark.background}`).toBeLessThan(0.05);
  expect(dark.panel).toBe(dark.background);
  // The first text is a gridline label in the ink colour: light.
  expect(luminance(dark.texts[0]), `dark text ${dark.texts[0]}`).toBeGreaterThan(0.6);
  for (const t of dark.texts) expect(contrast(t, dark.background), `dark ${t}`).toBeGreaterThanOrEqual(4.5);

  // Printing from a dark screen still gives a light chart with dark text.
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  const print = await barsColours(page);
  expect(print.background).toBe('rgb(255, 255, 255)');
  expect(print.texts[0]).toBe('rgb(0, 0, 0)');
  for (const t of print.texts) expect(contrast(t, print.background), `print ${t}`).toBeGreaterThanOrEqual(4.5);

  // The light scheme looks as plotters drew it: the colours in the SVG's own attributes.
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
  const light = await barsColours(page);
  expect(light.background).toBe('rgb(255, 255, 255)');
  expect(light.texts[0]).toBe('rgb(31, 35, 40)');
  expect(page.consoleErrors).toEqual([]);
});
