// Drops the web-streams adapters that leptos brings with it and Overlap never uses.
//
// leptos 0.8 depends on server_fn, which depends on wasm-streams; wasm-streams exports three
// classes to JavaScript (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink), and
// wasm-bindgen keeps every export alive, so their code and everything it reaches sat in the first
// load although nothing calls them (Overlap has no server functions). This removes their exports
// from each module and their classes from its glue, then lets wasm-opt drop the code nothing
// reaches any more: about 1.4 KB gzip off the first load (scripts/size-report). Anything else is
// left as it is. Used by minify-glue.mjs on release builds.
import fs from 'node:fs';
import { leb, uleb } from './wasm-leb.mjs';
import { execFileSync } from 'node:child_process';

const STREAMS = /^(__wbg_)?intounderlying/;


/** Removes the streams' exports from a module; returns how many it removed. */
function stripExports(file) {
  const wasm = fs.readFileSync(file);
  const out = [wasm.subarray(0, 8)];
  let at = 8, removed = 0;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 7) { out.push(wasm.subarray(at, end)); at = end; continue; }
    let [count, p] = leb(wasm, body);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = p;
      let len;
      [len, p] = leb(wasm, p);
      const name = new TextDecoder().decode(wasm.subarray(p, p + len));
      p += len + 1;
      [, p] = leb(wasm, p);
      if (STREAMS.test(name)) removed += 1; else kept.push(wasm.subarray(start, p));
    }
    const section = [...uleb(kept.length)];
    for (const k of kept) section.push(...k);
    out.push(Uint8Array.of(7, ...uleb(section.length)), Uint8Array.from(section));
    at = end;
  }
  fs.writeFileSync(file, Buffer.concat(out));
  return removed;
}

/** The glue without the streams' classes, their finalizers and their enum (unminified glue). */
export function dropClasses(js) {
  return js
    .replace(/^export class IntoUnderlying\w+ \{[\s\S]*?^\}\n/gm, '')
    .replace(/^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype.*\n/gm, '')
    .replace(/^const IntoUnderlying\w+Finalization = [^;]*;\n/gm, '')
    .replace(/^const __wbindgen_enum_ReadableStreamType = .*\n/gm, '');
}

/** Strips a module's stream exports and drops the code only they reached. */
export function dropExports(wasmFile) {
  const removed = stripExports(wasmFile);
  if (removed > 0) execFileSync('wasm-opt', ['-Oz', wasmFile, '-o', wasmFile]);
  return removed;
}
