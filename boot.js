// Boots Overlap from an external module. Trunk's own loader is an inline script, which a strict
// Content-Security-Policy (script-src 'self') blocks, so index.html loads this file instead.
import init from './overlap.js';

init({ module_or_path: new URL('./overlap_bg.wasm', import.meta.url) }).catch((error) => {
  // WebAssembly could not start (very old browser, or the file failed to load). Say so in the
  // page instead of leaving the loading text forever. Text only: nothing is parsed as HTML.
  console.error('Overlap could not start:', error);
  const host = document.getElementById('overlap') || document.body;
  const p = document.createElement('p');
  p.className = 'ov-loading';
  p.setAttribute('role', 'alert');
  p.textContent = 'The assessment could not start in this browser. Please reload, or try an up-to-date browser. · La evaluación no pudo iniciarse en este navegador. Vuelva a cargar la página o use un navegador actualizado.';
  host.replaceChildren(p);
});
