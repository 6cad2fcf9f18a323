// Boots Overlap from an external module. Trunk's own loader is an inline script, which a strict
// Content-Security-Policy (script-src 'self') blocks, so index.html loads this file instead.
import init from './overlap.js';

// The on-demand modules (the report in `results`, the team view in `team`, the consultant's setup
// screen in `setup`) are WebAssembly
// modules of their own that the app imports through these two functions
// (src/adapters/modules.rs). They live here, beside the app's files, so a module is found
// relative to this script whatever page embeds the app, and the first load needs no extra
// script. A failed import is forgotten, so the next call (the screen's retry button) fetches
// again. Only the three names below are loaded: a name from anywhere else is refused.
const MODULES = ['results', 'team', 'setup'];
const loading = {};
function load(name) {
  if (!MODULES.includes(name)) return Promise.reject(new Error(`no module ${name}`));
  const file = `overlap-${name}`;
  if (!loading[name]) {
    const module = import(new URL(`./${file}.js`, import.meta.url).href).then(async (m) => {
      await m.default({ module_or_path: new URL(`./${file}_bg.wasm`, import.meta.url) });
      return m;
    });
    loading[name] = Promise.all([module, stylesheet()]).then(([m]) => m);
    loading[name].catch(() => { loading[name] = undefined; });
  }
  return loading[name];
}

// The report's and the team view's styles arrive with either module, so the first load carries
// the survey's only. The promise settles either way: a screen without its styles still works.
function stylesheet() {
  const href = new URL('./overlap-results.css', import.meta.url).href;
  let link = document.querySelector('link[data-overlap-results]');
  if (link && link.dataset.loaded) return Promise.resolve();
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.overlapResults = '';
    document.head.appendChild(link);
  }
  return new Promise((resolve) => {
    link.addEventListener('load', () => { link.dataset.loaded = '1'; resolve(); }, { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
}
globalThis.overlapModules = {
  call: (name, fn, args) => load(name).then((m) => m[fn](...args)),
  preload: (name) => { load(name).catch(() => {}); },
};

init({ module_or_path: new URL('./overlap_bg.wasm', import.meta.url) }).catch((error) => {
  // WebAssembly could not start (very old browser, or the file failed to load). Say so in the
  // page instead of leaving the loading text forever, as a screen of its own: a main landmark,
  // the failure as its heading, what to do below it. Text only: nothing is parsed as HTML.
  console.error('Overlap could not start:', error);
  const host = document.getElementById('overlap') || document.body;
  const heading = document.createElement('h1');
  heading.textContent = 'The assessment could not start in this browser.';
  // One line per language, each in its own language: reload, or use an up-to-date browser.
  const advice = document.createElement('p');
  advice.textContent = 'Please reload, or try an up-to-date browser. · No se pudo iniciar: recargue o use un navegador actualizado. · Start fehlgeschlagen: neu laden oder aktuellen Browser nutzen. · Échec du démarrage : rechargez ou utilisez un navigateur à jour.';
  const alert = document.createElement('div');
  alert.className = 'ov-loading';
  alert.setAttribute('role', 'alert');
  alert.append(heading, advice);
  const main = document.createElement('main');
  main.append(alert);
  host.replaceChildren(main);
});
