#!/usr/bin/env node
// Writes `_headers` into Trunk's staging folder on every build (the post_build hook in
// Trunk.toml runs this), so the deployable folder carries the response headers the app needs:
// static hosts that read `_headers` (Netlify, Cloudflare Pages) apply them as they publish it.
//
// The Content-Security-Policy is the one README documents and the end-to-end suite runs under;
// `frame-ancestors` is 'self' plus `allowed_parent_origins` from the overlap.json this build
// ships, so the sites allowed to frame the app and the sites it sends its height to cannot drift
// apart. A missing or invalid file, or an invalid origin, falls back ('self' only, or the origin
// left out) with a warning, as the app itself does with the same file.
//
// The e2e configuration imports `csp` and `frameAncestors` from here, so the tests' server sends
// exactly the policy a deployment gets. No dependencies: Node's standard library only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy for the given framing origins ('self' is always allowed). */
export function csp(origins = []) {
  return [
    "default-src 'self'",
    // WebAssembly compilation needs 'wasm-unsafe-eval'; there is no inline script to allow.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    `frame-ancestors ${["'self'", ...origins].join(' ')}`,
  ].join('; ');
}

/**
 * `scheme://host[:port]`, lower-cased, of an http(s) URL or origin; `null` otherwise. The same
 * rule as `origin_of` in core/src/config.rs (so the app and its headers accept the same
 * entries), and then stricter: only characters a CSP source may hold, so no entry can add a
 * directive or break the header line.
 */
export function originOf(value) {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const lower = s.toLowerCase();
  if (!(lower.startsWith('https://') || lower.startsWith('http://')) || lower.length <= 8) return null;
  if (/[\s"<>]/.test(s)) return null;
  const [scheme, rest] = [lower.slice(0, lower.indexOf('://')), lower.slice(lower.indexOf('://') + 3)];
  const host = rest.split(/[/?#]/)[0];
  if (!host || host.includes('@')) return null;
  const label = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
  const ok = new RegExp(`^(?:\\[[0-9a-f:.]+\\]|${label}(?:\\.${label})*)(?::\\d{1,5})?$`).test(host);
  return ok ? `${scheme}://${host}` : null;
}

/**
 * The framing origins from overlap.json's text (`null` when the file is missing), with a
 * warning for each thing set aside.
 */
export function frameAncestors(text) {
  const warnings = [];
  if (text == null) return { origins: [], warnings: ["overlap.json not found; frame-ancestors is 'self' only"] };
  let config;
  try {
    config = JSON.parse(text);
  } catch {
    return { origins: [], warnings: ["overlap.json is not valid JSON; frame-ancestors is 'self' only"] };
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    return { origins: [], warnings: ["overlap.json must hold a JSON object; frame-ancestors is 'self' only"] };
  }
  const list = config.allowed_parent_origins;
  if (list == null) return { origins: [], warnings };
  if (!Array.isArray(list)) {
    return { origins: [], warnings: ["overlap.json: allowed_parent_origins must be a list; frame-ancestors is 'self' only"] };
  }
  const origins = [];
  for (const entry of list) {
    const origin = originOf(entry);
    if (origin === null) warnings.push(`overlap.json: allowed_parent_origins: ${JSON.stringify(entry)} is not an http(s) origin; left out of frame-ancestors`);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, warnings };
}

/** The `_headers` file (Netlify / Cloudflare Pages format) for the given framing origins. */
export function headersFile(origins = []) {
  return [
    '# Written by scripts/deploy-headers.mjs on every build; edit overlap.json, not this file.',
    '/*',
    `  Content-Security-Policy: ${csp(origins)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
    '/*.wasm',
    '  Content-Type: application/wasm',
    '',
  ].join('\n');
}

/** Reads a file's text, or `null` when it does not exist. */
export function readIfPresent(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

// Run as the hook (not when imported by the tests): read the staged overlap.json, write _headers.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error('[deploy-headers] TRUNK_STAGING_DIR is not set (Trunk sets it for hooks); nothing written');
    process.exit(1);
  }
  const { origins, warnings } = frameAncestors(readIfPresent(path.join(staging, 'overlap.json')));
  for (const w of warnings) console.warn(`[deploy-headers] warning: ${w}`);
  fs.writeFileSync(path.join(staging, '_headers'), headersFile(origins));
  console.log(`[deploy-headers] _headers written; frame-ancestors ${["'self'", ...origins].join(' ')}`);
}
