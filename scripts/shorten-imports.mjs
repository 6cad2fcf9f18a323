// Shortens the names by which each WebAssembly module imports its JavaScript glue functions.
//
// wasm-bindgen names every import `__wbg_<name>_<16 hex digits>`; each name is written twice, in
// the module's import section and as a key of the glue's import object, and the hex digits do not
// compress. On the first load that was about 4.5 KB of names in each file. Here each pair of files
// (`x.js`, `x_bg.wasm`) gets short names instead (`a`, `b`, ... `a0`, ...), the same in both. A
// name is renamed only when the minified glue holds it exactly once, as an object key; anything
// else is left as it was, so the worst case is a name left long, never a broken module.
// Used by minify-glue.mjs on release builds; `node scripts/shorten-imports.mjs <dir>` runs it alone.
import fs from 'node:fs';
import { leb, uleb } from './wasm-leb.mjs';
import path from 'node:path';

const utf8 = new TextEncoder(), text = new TextDecoder();

// Short names in order: a..z, A..Z, then two characters; never a JavaScript keyword.
function* shortNames() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rest = first + '0123456789';
  for (const c of first) yield c;
  for (const a of first) for (const b of rest) {
    const name = a + b;
    if (!['do', 'if', 'in'].includes(name)) yield name;
  }
}

// Rewrites the import section's field names by `rename` (old -> new); returns the new module.
function rewriteImports(wasm, rename) {
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 2) { out.push(wasm.subarray(at, end)); at = end; continue; }
    let [count, p] = leb(wasm, body);
    const section = [...uleb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = leb(wasm, p);
      const module = wasm.subarray(p, p + len); p += len;
      [len, p] = leb(wasm, p);
      const field = text.decode(wasm.subarray(p, p + len)); p += len;
      const descStart = p;
      const kind = wasm[p++];
      if (kind === 0) [, p] = leb(wasm, p);
      else throw new Error(`import kind ${kind} is not handled`);
      const name = utf8.encode(rename.get(field) ?? field);
      section.push(...uleb(module.length), ...module, ...uleb(name.length), ...name, ...wasm.subarray(descStart, p));
    }
    out.push(Uint8Array.of(2, ...uleb(section.length)), Uint8Array.from(section));
    at = end;
  }
  return Buffer.concat(out);
}

function importNames(wasm) {
  const names = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    if (id === 2) {
      let [count, p] = leb(wasm, body);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(wasm, p); p += len;
        [len, p] = leb(wasm, p);
        names.push(text.decode(wasm.subarray(p, p + len))); p += len;
        if (wasm[p++] === 0) [, p] = leb(wasm, p);
      }
    }
    at = body + size;
  }
  return names;
}

export function shorten(jsFile, wasmFile) {
  let js = fs.readFileSync(jsFile, 'utf8');
  const wasm = fs.readFileSync(wasmFile);
  const rename = new Map();
  const names = shortNames();
  for (const old of importNames(wasm)) {
    const key = new RegExp(`(?<![\\w$])${old}:`, 'g');
    const uses = js.split(old).length - 1;
    if (uses !== 1 || (js.match(key) || []).length !== 1) continue;
    let short;
    do { short = names.next().value; } while (new RegExp(`(?<![\\w$.])${short}:`).test(js));
    js = js.replace(key, `${short}:`);
    rename.set(old, short);
  }
  fs.writeFileSync(jsFile, js);
  fs.writeFileSync(wasmFile, rewriteImports(wasm, rename));
  return rename.size;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] || 'dist';
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('_bg.wasm'))) {
    const js = path.join(dir, f.replace(/_bg\.wasm$/, '.js'));
    if (fs.existsSync(js)) console.log(`[shorten-imports] ${f}: ${shorten(js, path.join(dir, f))} names`);
  }
}
