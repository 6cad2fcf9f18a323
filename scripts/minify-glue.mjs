#!/usr/bin/env node
// Minifies the JavaScript of a release build in Trunk's staging folder (the post_build hook in
// Trunk.toml runs this). Trunk's built-in minifier cannot parse the wasm-bindgen glue
// (`export default`), which left about 35 KB of whitespace and comments in the first load;
// esbuild (pinned in scripts/minify/package-lock.json) handles modern modules. Debug builds
// (`make serve`) are left readable.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { shorten } from './shorten-imports.mjs';
import { dropClasses, dropExports } from './drop-streams.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging || process.env.TRUNK_PROFILE !== 'release') process.exit(0);

let esbuild;
try {
  const here = path.dirname(fileURLToPath(import.meta.url));
  esbuild = createRequire(path.join(here, 'minify/package.json'))('esbuild');
} catch {
  console.warn('[minify-glue] esbuild is not installed (scripts/setup installs it); the JavaScript is left as it is');
  process.exit(0);
}

const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  return e.isDirectory() ? walk(p) : [p];
});
let before = 0, after = 0;
// First the web-streams adapters nothing uses (drop-streams.mjs), from each module and its glue.
for (const wasm of walk(staging).filter((f) => f.endsWith('_bg.wasm'))) {
  const js = wasm.replace(/_bg\.wasm$/, '.js');
  if (!fs.existsSync(js)) continue;
  const removed = dropExports(wasm);
  fs.writeFileSync(js, dropClasses(fs.readFileSync(js, 'utf8')));
  console.log(`[minify-glue] ${path.basename(wasm)}: ${removed} unused stream exports dropped`);
}
for (const file of walk(staging).filter((f) => f.endsWith('.js'))) {
  const source = fs.readFileSync(file, 'utf8');
  // ES modules in, ES modules out; names at module scope are kept as they are exported.
  const { code } = esbuild.transformSync(source, { loader: 'js', format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
  fs.writeFileSync(file, code);
  before += source.length;
  after += code.length;
}
console.log(`[minify-glue] JavaScript ${before} -> ${after} bytes`);
// Short import names in each module and its glue (see shorten-imports.mjs): about 4 KB gzip off
// the first load, measured with scripts/size-report.
for (const wasm of walk(staging).filter((f) => f.endsWith('_bg.wasm'))) {
  const js = wasm.replace(/_bg\.wasm$/, '.js');
  if (fs.existsSync(js)) console.log(`[minify-glue] ${path.basename(wasm)}: ${shorten(js, wasm)} import names shortened`);
}
// The results module's stylesheet is copied as it is (Trunk minifies only the CSS it links).
for (const file of walk(staging).filter((f) => f.endsWith('overlap-results.css'))) {
  const source = fs.readFileSync(file, 'utf8');
  const { code } = esbuild.transformSync(source, { loader: 'css', minify: true, legalComments: 'none' });
  fs.writeFileSync(file, code);
  console.log(`[minify-glue] ${path.basename(file)} ${source.length} -> ${code.length} bytes`);
}
// With inject_scripts off, Trunk leaves its own `<link data-trunk rel=rust>` directives in the
// page; boot.js loads the module, so they are dead weight in the first load.
for (const file of walk(staging).filter((f) => path.basename(f) === 'index.html')) {
  const source = fs.readFileSync(file, 'utf8');
  const html = source.replace(/<link\b[^>]*\bdata-trunk\b[^>]*>/g, '');
  fs.writeFileSync(file, html);
  console.log(`[minify-glue] index.html ${source.length} -> ${html.length} bytes`);
}
