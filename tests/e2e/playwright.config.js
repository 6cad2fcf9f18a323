// Playwright configuration: Debian's Chromium (no browser download), the release build in
// ../../dist served on 127.0.0.1 under the strict Content-Security-Policy a host should send,
// one behaviour per spec file.
//
// Servers: 4173 the app with the default overlap.json; 4174 a host page on another *site*
// (localhost, not 127.0.0.1) that embeds the app; 4175 the app with a custom configuration;
// 4176 the app with a broken configuration file.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { csp, frameAncestors, readIfPresent } from '../../scripts/deploy-headers.mjs';

export const PORT = 4173;
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// Each server sends the policy a deployment of its overlap.json gets: the build's `_headers`
// comes from the same function (scripts/deploy-headers.mjs), and specs/deploy.spec.js checks
// that dist/_headers and what 4173 sends are equal.
const app = (port, config, extra = '') => ({
  command: `node serve.mjs ${port} ../../dist --csp "${csp(frameAncestors(readIfPresent(here(config))).origins)}" ${extra}`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: false,
});

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  webServer: [
    app(4173, '../../dist/overlap.json'),
    { command: 'node serve.mjs 4174 ../../examples', url: 'http://localhost:4174/embed.html', reuseExistingServer: false },
    app(4175, 'fixtures/config-custom.json', '--override /overlap.json=fixtures/config-custom.json'),
    app(4176, 'fixtures/config-broken.json', '--override /overlap.json=fixtures/config-broken.json'),
  ],
});
