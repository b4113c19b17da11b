import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/** The repository root: `vite preview` serves dist/ from there, and test-results/ lives there. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Launch flags that let Debian's Chromium run headless as root (--no-sandbox); without the networking ones Chromium floods the closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Debian's Chromium, never a downloaded one (`npx playwright install` has no network here).
// Playwright gives every launch a fresh temporary profile, so no --user-data-dir is needed.
export default defineConfig({
  testDir: '.',
  outputDir: `${root}test-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 8_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: 'http://localhost:4173/',
    viewport: { width: 1366, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    cwd: root,
    url: 'http://localhost:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
