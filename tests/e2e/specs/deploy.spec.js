// Deploy headers: every build writes dist/_headers (scripts/deploy-headers.mjs, a Trunk hook) for
// hosts that read it (Netlify, Cloudflare Pages). Its policy must be the one this suite runs the
// app under, its frame-ancestors must follow the shipped overlap.json, and the hook must fall
// back to 'self' (with a warning) on a missing or broken file.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { csp } from '../../../scripts/deploy-headers.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = path.join(root, 'dist');
const hook = path.join(root, 'scripts/deploy-headers.mjs');
// Written out here rather than imported, so a change to the generator that weakens the policy
// fails this test instead of changing its expectation.
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/** `_headers` as { path pattern: [header lines] }, comments and blank lines left out. */
function parseHeaders(text) {
  const rules = {};
  let current = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      expect(current, `header line before any path: ${line}`).not.toBeNull();
      rules[current].push(line.trim());
    } else {
      current = line.trim();
      rules[current] = [];
    }
  }
  return rules;
}

/** Runs the hook on a staging folder holding `config` as overlap.json (none when null). */
function runHook(config) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overlap-headers-'));
  if (config !== null) fs.writeFileSync(path.join(dir, 'overlap.json'), config);
  const run = spawnSync('node', [hook], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const rules = parseHeaders(fs.readFileSync(path.join(dir, '_headers'), 'utf8'));
  fs.rmSync(dir, { recursive: true });
  const policy = rules['/*'].find((l) => l.startsWith('Content-Security-Policy: '));
  return { policy: policy.slice('Content-Security-Policy: '.length), warnings: run.stderr };
}

test('the build wrote dist/_headers with the policy, nosniff, no-referrer and the wasm type', async ({ request }) => {
  const rules = parseHeaders(fs.readFileSync(path.join(dist, '_headers'), 'utf8'));
  const shipped = JSON.parse(fs.readFileSync(path.join(dist, 'overlap.json'), 'utf8'));
  const ancestors = ["'self'", ...(shipped.allowed_parent_origins || [])].join(' ');
  const policy = `${POLICY}; frame-ancestors ${ancestors}`;
  expect(Object.keys(rules)).toEqual(['/*', '/*.wasm']);
  expect(rules['/*']).toEqual([
    `Content-Security-Policy: ${policy}`,
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: no-referrer',
  ]);
  expect(rules['/*.wasm']).toEqual(['Content-Type: application/wasm']);
  // The e2e server for the default configuration sends exactly what a deployment gets.
  const page = await request.get('http://127.0.0.1:4173/');
  expect(page.headers()['content-security-policy']).toBe(policy);
});

test('frame-ancestors follows allowed_parent_origins; bad entries and files fall back with a warning', () => {
  const ok = runHook(JSON.stringify({ allowed_parent_origins: ['https://Consultancy.example/assessment/', 'http://localhost:4174'] }));
  expect(ok.policy).toBe(`${POLICY}; frame-ancestors 'self' https://consultancy.example http://localhost:4174`);
  expect(ok.warnings).toBe('');

  const mixed = runHook(JSON.stringify({ allowed_parent_origins: ['https://a.example', 'ftp://b.example', 'https://c.example;script-src', 42] }));
  expect(mixed.policy).toBe(`${POLICY}; frame-ancestors 'self' https://a.example`);
  expect(mixed.warnings.match(/warning:/g)).toHaveLength(3);

  for (const [config, why] of [[null, 'not found'], ['{ "allowed_parent_origins": [', 'not valid JSON'], ['[]', 'JSON object'], ['{"allowed_parent_origins": "https://a.example"}', 'must be a list']]) {
    const fallback = runHook(config);
    expect(fallback.policy, why).toBe(`${POLICY}; frame-ancestors 'self'`);
    expect(fallback.warnings, why).toContain(why);
  }
});

test('README shows the same policy for static hosts, nginx and Apache', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const example = `${POLICY}; frame-ancestors 'self' https://consultancy.example`;
  // The headers block, the nginx snippet and the Apache snippet.
  expect(readme.split(example).length - 1).toBeGreaterThanOrEqual(3);
  expect(csp(['https://consultancy.example'])).toBe(example);
});
