// Playwright configuration: Debian's Chromium (no browser download), the release build in
// ../../dist served on 127.0.0.1 under the strict Content-Security-Policy a host should send,
// one behaviour per spec file.
//
// Servers: 4173 the app with the default overlap.json; 4174 a host page on another *site*
// (localhost, not 127.0.0.1) that embeds the app; 4175 the app with a custom configuration;
// 4176 the app with a broken configuration file.
import { defineConfig } from '@playwright/test';

export const PORT = 4173;
const csp = (ancestors) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors ${ancestors}`;
const app = (port, extra = '') => ({
  command: `node serve.mjs ${port} ../../dist --csp "${csp("'self' http://localhost:4174")}" ${extra}`,
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
    app(4173),
    { command: 'node serve.mjs 4174 ../../examples', url: 'http://localhost:4174/embed.html', reuseExistingServer: false },
    app(4175, '--override /overlap.json=fixtures/config-custom.json'),
    app(4176, '--override /overlap.json=fixtures/config-broken.json'),
  ],
});
