/**
 * `npm run lighthouse`: Lighthouse 12.8 on the built site (`npm run build` first) in Debian's Chromium, on the
 * course home and on a lesson step, with the default mobile preset and the desktop preset. Prints performance,
 * accessibility and cumulative layout shift per page and preset as a Markdown table.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { ARGS, CHROMIUM, servePreview } from './serve';

const PAGES = [
  ['course home', ''],
  ['lesson step', '#lesson=vanishing&step=1'],
  ['lab', '#lab'],
] as const;

async function main(): Promise<void> {
  const { base, stop } = await servePreview();
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ARGS });
  const rows: string[] = ['| page | preset | performance | accessibility | CLS |', '|---|---|---|---|---|'];
  try {
    for (const [name, hash] of PAGES) {
      for (const preset of ['mobile', 'desktop'] as const) {
        const result = await lighthouse(`${base}${hash}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, preset === 'desktop' ? desktopConfig : undefined);
        const lhr = result!.lhr;
        const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN;
        rows.push(`| ${name} | ${preset} | ${lhr.categories.performance.score} | ${lhr.categories.accessibility.score} | ${cls.toFixed(3)} |`);
      }
    }
  } finally {
    chrome.kill();
    stop();
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`lighthouse: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
