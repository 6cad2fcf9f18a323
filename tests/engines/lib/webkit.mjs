// WebKitGTK from Debian (webkit2gtk-driver): MiniBrowser driven by selenium-webdriver through
// WebKitWebDriver (WebDriver classic; this build has no BiDi, so puppeteer cannot drive it).
// MiniBrowser has no headless mode (`--headless` is rejected and the driver then hangs on
// POST /session), so it runs in a private Xvfb. One WebKitWebDriver serves ONE session, so every
// page gets its own driver (and so its own browser, with empty storage: `--automation` uses an
// ephemeral context) and a throw-away HOME; all of them share the Xvfb.
import fs from 'node:fs';
import path from 'node:path';
import { Builder, By, Key } from 'selenium-webdriver';
import { startChild, stopChild, waitForHttp, withTimeout, addCleanup, freePort, tempDir } from './processes.mjs';
import { pageApi } from './page.mjs';

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT };

// Xvfb picks a free display itself and writes its number to fd 3 (-displayfd): no clash with
// another job's X server, no lock-file race (xvfb-run -a has one).
async function startXvfb() {
  const child = startChild('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-noreset'], { fd3: true });
  const display = await withTimeout(new Promise((res, rej) => {
    let buf = '';
    child.stdio[3].on('data', (d) => { buf += d; if (buf.includes('\n')) res(`:${buf.trim()}`); });
    child.once('exit', (c) => rej(new Error(`Xvfb exited ${c}: ${child.output}`)));
  }), 10000, 'Xvfb display').catch(async (e) => { await stopChild(child); throw e; });
  return { child, display };
}

export async function launchWebKit() {
  const xvfb = await startXvfb();
  const sessions = new Set();
  let version = '';

  async function newSession({ width, height }) {
    const port = await freePort();
    const home = tempDir('webkit');
    const removeHome = () => fs.rmSync(home, { recursive: true, force: true });
    const dropCleanup = addCleanup(removeHome);
    const driverProc = startChild(DRIVER, [`--port=${port}`, '--host=local'], {
      env: {
        DISPLAY: xvfb.display, GDK_BACKEND: 'x11', NO_AT_BRIDGE: '1', HOME: home,
        XDG_CACHE_HOME: path.join(home, '.cache'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CONFIG_HOME: path.join(home, '.config'),
      },
    });
    const teardown = async () => { await stopChild(driverProc); removeHome(); dropCleanup(); };
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${url}/status`, { child: driverProc });
      // A browser that fails to start leaves POST /session hanging: hence the timeout.
      const d = await withTimeout(new Builder().usingServer(url).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      }).build(), 30000, 'WebKit new session');
      version = (await d.getCapabilities()).get('browserVersion');
      await d.manage().window().setRect({ width, height: height + 38 }); // MiniBrowser's toolbar: 38 px
      let done = false;
      const quit = async () => {
        if (done) return; done = true; sessions.delete(quit);
        await withTimeout(d.quit(), 10000, 'WebKit quit').catch(() => { /* the driver is killed next */ });
        await teardown();
      };
      sessions.add(quit);
      return { d, quit };
    } catch (e) {
      await teardown();
      throw new Error(`${e.message}\n${driverProc.output.slice(-2000)}`);
    }
  }

  return {
    name: 'webkit',
    display: xvfb.display,
    get version() { return version; },
    async newPage({ width = 1024, height = 768 } = {}) {
      const { d, quit } = await newSession({ width, height });
      return pageApi({
        errors: [], // no console or page-error events in WebDriver classic: see installErrorHook
        goto: (url) => d.get(url),
        // A predicate that throws (the page is navigating) counts as not yet true.
        waitFor: (fn, arg, ms) => d.wait(() => d.executeScript(fn, ...(arg === undefined ? [] : [arg])).catch(() => false), ms),
        click: async (css) => { const el = await d.wait(() => d.findElements(By.css(css)).then((l) => l[0]), 5000, `no ${css}`); await el.click(); },
        press: (key) => d.actions().sendKeys(KEYS[key] ?? key).perform(),
        evaluate: (fn, arg) => d.executeScript(fn, ...(arg === undefined ? [] : [arg])),
        screenshot: async (file) => fs.writeFileSync(file, await settledScreenshot(d), 'base64'),
        close: quit,
      });
    },
    async close() {
      for (const quit of [...sessions]) await quit();
      await stopChild(xvfb.child);
    },
  };
}

// WebKitGTK's takeScreenshot can return a frame painted before the latest DOM change (seen right
// after a load, more often under load): wait two animation frames, then shoot until two captures
// agree (at most `max` tries). The viewport only: WebDriver classic has no full-page capture.
async function settledScreenshot(d, max = 5) {
  await d.executeAsyncScript('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()))');
  let prev = await d.takeScreenshot();
  for (let i = 0; i < max; i++) {
    const next = await d.takeScreenshot();
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}
