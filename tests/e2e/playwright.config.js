// Playwright configuration: Debian's Chromium (no browser download), the release build in
// ../../dist served on 127.0.0.1, one behaviour per spec file.
import { defineConfig } from '@playwright/test';

export const PORT = 4173;

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
  webServer: {
    command: `node serve.mjs ${PORT} ../../dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});
