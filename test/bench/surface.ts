/**
 * `npm run bench:surface`: how long a student waits for the error surface with every view open and the
 * comparison's three runs training — the heaviest page the lab makes. Expects `dist/` (`npm run build`).
 * For --runs=N page loads (default 5): the time from navigation start to the surface canvas being drawn, and
 * from the moment the surface panel is on screen (every view loaded) to its canvas being drawn; with --load, one busy-loop process per core competes for the CPU
 * (a loaded CI machine). Prints one JSON object.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, servePreview } from './serve';

const HASH = '#views=curve,output,unroll,flow,gates,formulas,surface,compare&speed=0';
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));

/** One child process spinning forever: a core kept busy. */
function busyLoop() {
  return fork('-e', [], { execArgv: ['-e', 'for(;;){}'], stdio: 'ignore' });
}

async function main(): Promise<void> {
  if (process.argv.includes('--child')) return;
  const runs = Number(flag('runs=')?.slice('--runs='.length) ?? 5);
  const loaded = !!flag('load');
  const hogs = loaded ? cpus().map(() => busyLoop()) : [];
  const { base, stop } = await servePreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const times: { surfaceDrawnMs: number; comparisonStartedMs: number; onScreenToDrawnMs: number }[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(`${base}${HASH}`);
      // the comparison's two extra workers start as soon as the button is there: all three train while the surface is computed
      await page.getByRole('button', { name: 'Start comparison' }).click({ timeout: 30_000 });
      const started = await page.evaluate(() => performance.now());
      // what a student waits for: from the moment the panel is on screen (every view loaded, so nothing pushes it away)
      await page.waitForLoadState('networkidle');
      await page.locator('[data-view="surface"]').scrollIntoViewIfNeeded();
      const onScreen = await page.evaluate(() => performance.now());
      await page.locator('[data-view="surface"] canvas').first().waitFor({ state: 'visible', timeout: 60_000 });
      const drawn = await page.evaluate(() => performance.now());
      times.push({ surfaceDrawnMs: Math.round(drawn), comparisonStartedMs: Math.round(started), onScreenToDrawnMs: Math.round(drawn - onScreen) });
      await page.close();
    }
  } finally {
    await browser.close();
    stop();
    hogs.forEach((h) => h.kill());
  }
  const sorted = times.map((t) => t.onScreenToDrawnMs).sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({ url: HASH, busyLoops: hogs.length, cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0] * 100) / 100, runs: times, onScreenToDrawnMedianMs: sorted[Math.floor(sorted.length / 2)], onScreenToDrawnMaxMs: sorted.at(-1) }, null, 2)}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:surface: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
