// A tiny static file server for the end-to-end tests, on 127.0.0.1 only. No dependencies.
// Usage: node serve.mjs PORT DIR [--csp "policy"] [--header "Name: value"] [--override /path=FILE]...
// It serves `.wasm` as application/wasm, compresses with brotli or gzip as a real host would
// (Lighthouse and the benchmark see realistic transfer sizes), can send a Content-Security-Policy
// header (to prove the app runs under a strict policy), and answers only paths inside DIR.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [portArg, dirArg, ...rest] = process.argv.slice(2);
const port = Number(portArg);
const root = path.resolve(dirArg);
const headers = {};
const overrides = {};
// Compressed bodies, computed once per file and encoding, so timing measures the app, not us.
const compressed = new Map();
for (let i = 0; i < rest.length; i += 2) {
  if (rest[i] === '--csp') headers['Content-Security-Policy'] = rest[i + 1];
  if (rest[i] === '--override') {
    const [route, file] = rest[i + 1].split('=');
    overrides[route] = path.resolve(file);
  }
  if (rest[i] === '--header') {
    const [name, ...value] = rest[i + 1].split(':');
    headers[name.trim()] = value.join(':').trim();
  }
}
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let file = overrides[url.pathname] || path.join(root, decodeURIComponent(url.pathname));
  if (!overrides[url.pathname] && !file.startsWith(root)) { res.writeHead(403).end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  fs.readFile(file, (err, data) => {
    let body = data;
    if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
    const type = types[path.extname(file)] || 'application/octet-stream';
    const accept = String(req.headers['accept-encoding'] || '');
    const compressible = /text|javascript|json|wasm|svg/.test(type);
    let encoding = null;
    if (compressible && (accept.includes('br') || accept.includes('gzip'))) {
      encoding = accept.includes('br') ? 'br' : 'gzip';
      const key = `${file}:${encoding}:${fs.statSync(file).mtimeMs}:${body.length}`;
      if (!compressed.has(key)) {
        compressed.set(key, encoding === 'br' ? zlib.brotliCompressSync(body) : zlib.gzipSync(body, { level: 9 }));
      }
      body = compressed.get(key);
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding', ...(encoding ? { 'Content-Encoding': encoding } : {}), ...headers });
    res.end(body);
  });
}).listen(port, '127.0.0.1');
