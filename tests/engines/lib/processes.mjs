// Child processes that never outlive the run, and the static server for the release build.
//
// Every child (the server, Xvfb, each WebKitWebDriver) leads its own process group (detached),
// so it and whatever it forks (MiniBrowser, WebKitWebProcess ...) are killed together: on a normal
// stop, on a thrown error, on SIGINT/SIGTERM/SIGHUP and on process exit. If node itself is
// SIGKILLed (a CI timeout, the OOM killer) no JavaScript runs, so children are started through
// `setpriv --pdeathsig KILL` (util-linux): the kernel kills them when node dies. Firefox gets the
// same through lib/firefox-esr-pdeathsig.sh.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const here = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const SETPRIV = fs.existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : null;
const children = new Set();

export function startChild(cmd, args, { env, name = path.basename(cmd), fd3 = false } = {}) {
  if (SETPRIV) { args = ['--pdeathsig', 'KILL', '--', cmd, ...args]; cmd = SETPRIV; }
  const child = spawn(cmd, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', ...(fd3 ? ['pipe'] : [])],
    env: { ...process.env, ...env },
  });
  child.name = name;
  // The last 64 KiB of its output, for error messages.
  const keep = (t) => (t.length > 65536 ? t.slice(-65536) : t);
  child.output = '';
  child.stdout.on('data', (d) => { child.output = keep(child.output + d); });
  child.stderr.on('data', (d) => { child.output = keep(child.output + d); });
  child.exited = new Promise((res) => child.once('exit', (code, sig) => res({ code, sig })));
  child.once('error', (e) => { child.output += `\nspawn error: ${e.message}`; });
  children.add(child);
  child.exited.then(() => children.delete(child));
  return child;
}

function killGroup(child, sig) {
  try { process.kill(-child.pid, sig); } catch { /* already gone */ }
}

/** SIGTERM to the child's whole group, SIGKILL after `graceMs`, and SIGKILL to any stragglers. */
export async function stopChild(child, graceMs = 2000) {
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, 'SIGTERM');
    let timer;
    const r = await Promise.race([child.exited, new Promise((res) => { timer = setTimeout(res, graceMs, null); })]);
    clearTimeout(timer);
    if (!r) { killGroup(child, 'SIGKILL'); await child.exited; }
  }
  killGroup(child, 'SIGKILL');
}

export async function stopAllChildren() {
  for (const c of [...children].reverse()) await stopChild(c);
}

// Synchronous clean-up steps (temp folders): they also run from 'exit'.
const cleanups = new Set();
export function addCleanup(fn) { cleanups.add(fn); return () => cleanups.delete(fn); }
function runCleanups() { for (const fn of cleanups) { try { fn(); } catch { /* best effort */ } } cleanups.clear(); }

process.once('exit', () => { for (const c of children) killGroup(c, 'SIGKILL'); runCleanups(); });
for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.once(sig, async () => { await stopAllChildren(); runCleanups(); process.exit(128 + n); });
}

/** A temporary folder named for this process, so a later run can tell it was left behind. */
export function tempDir(kind) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `overlap-${kind}-${process.pid}-`));
}

/**
 * Removes the temporary folders of earlier runs that were SIGKILLed (no JavaScript ran to remove
 * them): ours only, recognised by name, and only when the process that made them is gone.
 */
export function sweepStaleTempDirs() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = /^overlap-(?:ff|webkit|engines-\w+)-(\d+)-/.exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    try { process.kill(Number(m[1]), 0); continue; } catch (e) { if (e.code !== 'ESRCH') continue; }
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

export async function withTimeout(p, ms, what) {
  let timer;
  try {
    return await Promise.race([p, new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms); })]);
  } finally { clearTimeout(timer); }
}

export async function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

export async function waitForHttp(url, { timeoutMs = 15000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${child.name} exited early (${child.exitCode}): ${child.output}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      if (r.ok) return r;
      lastErr = new Error(`HTTP ${r.status}`);
    } catch (e) { lastErr = e; }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${url}: ${lastErr}`);
}

/**
 * Serves `dir` with tests/e2e/serve.mjs on a free port of 127.0.0.1, under the Content-Security-
 * Policy a deployment of that folder's overlap.json gets (the same function the build's _headers
 * and the Playwright servers use). Returns { url, policy, stop }.
 */
export async function serveDist(dir) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} has no index.html: build the app first, or set DIST`);
  const { csp, frameAncestors, readIfPresent } = await import('../../../scripts/deploy-headers.mjs');
  const policy = csp(frameAncestors(readIfPresent(path.join(dir, 'overlap.json'))).origins);
  const port = await freePort();
  const server = startChild(process.execPath, [here('../e2e/serve.mjs'), String(port), dir, '--csp', policy], { name: 'serve.mjs' });
  const url = `http://127.0.0.1:${port}/`;
  const res = await waitForHttp(url, { child: server });
  if (res.headers.get('content-security-policy') !== policy) throw new Error(`${url} did not send the policy`);
  return { url, policy, stop: () => stopChild(server) };
}
