import { test as base } from '@playwright/test';
import { startHosts } from './serve';
import type { Hosts } from './serve';

/** Playwright's test with `hosts`: the host pages of test/e2e/hosts served on another origin for the test's duration. */
export const test = base.extend<{ hosts: Hosts }>({
  hosts: async ({ baseURL }, provide) => {
    const hosts = await startHosts(new URL(baseURL!).origin);
    await provide(hosts);
    await hosts.close();
  },
});
