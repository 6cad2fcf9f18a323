// The small page API both engines offer, so each journey is written once.
//   goto(url) · waitFor(fn, arg, ms) · click(css) · press(key) · evaluate(fn, arg) · screenshot(file) · close()
//   and, built on those: until(what, fn, arg) · text(css) · errors (page errors seen)
// `fn` runs in the page (a function, serialised by the driver; it takes one argument).
// Keys are W3C/puppeteer names: 'Tab', 'Enter', 'Space', 'ArrowDown'.

export const WAIT_MS = Number(process.env.ENGINES_WAIT_MS || 15000);

export function pageApi(p) {
  const api = {
    ...p,
    /** Waits for `fn(arg)` to be truthy; fails naming `what` (and the page errors) if it never is. */
    async until(what, fn, arg, ms = WAIT_MS) {
      try {
        return await p.waitFor(fn, arg, ms);
      } catch (e) {
        const errs = await api.pageErrors().catch(() => []);
        throw new Error(`never true within ${ms} ms: ${what}${errs.length ? `\npage errors: ${errs.join(' | ')}` : ''}\n(${e.message.split('\n')[0]})`);
      }
    },
    text: (css) => p.evaluate((s) => document.querySelector(s)?.textContent ?? null, css),
    /** Errors the driver saw, plus those the in-page hook (installErrorHook) caught. */
    async pageErrors() {
      const inPage = await p.evaluate(() => window.__engineErrors || []);
      return [...p.errors, ...inPage];
    },
    /**
     * Records uncaught errors, unhandled rejections, CSP violations and console.error in the page from now on.
     * WebDriver classic has no console or page-error events, and the strict CSP forbids an inline
     * script, so this is added after each load, the same way in both engines.
     */
    installErrorHook: () => p.evaluate(() => {
      if (window.__engineErrors) return;
      const errs = (window.__engineErrors = []);
      window.addEventListener('error', (e) => errs.push(`error: ${e.message}`));
      window.addEventListener('unhandledrejection', (e) => errs.push(`unhandledrejection: ${e.reason}`));
      document.addEventListener('securitypolicyviolation', (e) => errs.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      const orig = console.error;
      console.error = (...a) => { errs.push(`console.error: ${a.join(' ')}`); orig.apply(console, a); };
    }),
  };
  return api;
}
