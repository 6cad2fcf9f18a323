// Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi (CDP is gone
// from Firefox). puppeteer-core downloads nothing; the browser is /usr/bin/firefox-esr.
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { here, addCleanup, withTimeout, tempDir } from './processes.mjs';
import { pageApi } from './page.mjs';

/**
 * Launches Firefox. `pdf` names the file a window.print() writes: real printing, silently, to
 * Firefox's own "Save to PDF" printer (without `print.always_print_silent` an unstubbed
 * window.print() blocks headless Firefox, and the click that called it, for ever).
 */
export async function launchFirefox({ pdf }) {
  // Our own profile folder: puppeteer removes its temporary one only on a normal close.
  const profile = tempDir('ff');
  const rmProfile = () => fs.rmSync(profile, { recursive: true, force: true });
  const dropCleanup = addCleanup(rmProfile);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    // firefox-esr under `setpriv --pdeathsig KILL`: no Firefox survives a SIGKILLed node.
    executablePath: process.env.FIREFOX || here('lib/firefox-esr-pdeathsig.sh'),
    headless: true,
    userDataDir: profile,
    protocol: 'webDriverBiDi',
    timeout: 30000,
    extraPrefsFirefox: {
      'print.always_print_silent': true,
      'print.show_print_progress': false,
      print_printer: 'Mozilla Save to PDF',
      'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
      'print.printer_Mozilla_Save_to_PDF.print_to_filename': pdf,
    },
  }).catch((e) => { rmProfile(); dropCleanup(); throw e; });
  return {
    name: 'firefox',
    version: await browser.version(),
    /** A page in a new browser context: its own, empty storage. */
    async newPage({ width = 1024, height = 768 } = {}) {
      const ctx = await browser.createBrowserContext();
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
      await page.setViewport({ width, height });
      return pageApi({
        errors,
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        waitFor: async (fn, arg, ms) => {
          const handle = await page.waitForFunction(fn, { timeout: ms, polling: 50 }, arg);
          try { return await handle.jsonValue(); } finally { await handle.dispose(); }
        },
        click: async (css) => { const h = await page.waitForSelector(css, { timeout: 5000 }); await h.click(); await h.dispose(); },
        press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        screenshot: (file) => page.screenshot({ path: file }), // the viewport, as WebKit's
        close: () => ctx.close(),
      });
    },
    async close() {
      const proc = browser.process();
      await withTimeout(browser.close(), 10000, 'firefox close').catch(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } });
      rmProfile();
      dropCleanup();
    },
  };
}
