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
/** The preview server's port: E2E_PORT lets two checkouts run their suites side by side without sharing a server. */
const port = Number(process.env.E2E_PORT ?? 4173);

// Playwright gives every launch a fresh temporary profile, so no --user-data-dir is needed.
export default defineConfig({
  testDir: '.',
  outputDir: `${root}test-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  // a bound on waiting for a state, not a wait: an embed on a host page boots a page, a worker and a run, and on a
  // machine loaded by other work that took over 8 s (it passed at once on a quiet one)
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${port}/`,
    viewport: { width: 1366, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    // the built site registers a service worker that precaches every file: only offline.spec.ts needs it, and no other
    // test should pay for the download or see a cached page
    serviceWorkers: 'block',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    cwd: root,
    url: `http://localhost:${port}`,
    // never another checkout's server: a run that reused one tested that checkout's build, and failed mid-walk when
    // its owner stopped it; a taken port is a clear error instead (E2E_PORT picks another)
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
