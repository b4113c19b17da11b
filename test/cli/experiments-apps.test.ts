/** `npm run experiments -- --apps` replaces only its own section of docs/experiments.md, and adds it when missing. */
import { describe, expect, it } from 'vitest';
import { APP_PLANS, APPS_END, APPS_START, spliceApps } from '../../src/cli/experiments-apps';
import { findApp } from '../../src/apps/registry';

describe('the applications section of the experiments document', () => {
  const section = `${APPS_START}\nnew tables\n${APPS_END}\n`;

  it('is added after the tables when the document has none', () => {
    expect(spliceApps('# Title\n\ntables\n', section)).toBe(`# Title\n\ntables\n\n${section}`);
  });

  it('replaces its previous version and leaves the rest as it was', () => {
    const doc = `# Title\n\ntables\n\n${APPS_START}\nold tables\n${APPS_END}\n`;
    expect(spliceApps(doc, section)).toBe(`# Title\n\ntables\n\n${section}`);
    // splicing twice changes nothing more
    expect(spliceApps(spliceApps(doc, section), section)).toBe(spliceApps(doc, section));
  });

  it('measures application pages that exist', () => {
    for (const p of APP_PLANS) expect(findApp(p.app), p.app).toBeDefined();
  });
});
