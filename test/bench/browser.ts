/**
 * `npm run bench:browser`: how the built lab behaves in real Chromium while the default LSTM trains at full speed.
 * Expects `dist/` (run `npm run build` first). Serves it with `vite preview` on a free port, opens `#speed=0`, and
 * for `--seconds=N` (default 10) records main-thread long tasks (> 50 ms), requestAnimationFrame intervals, the time
 * from navigation start to the first committed frame (the step counter first shows ≥ 1), and the training speed the
 * status bar shows. Also sums the gzip size of the JS the page loads (the worker chunk and lazily loaded chunks apart).
 * Prints one JSON object on stdout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, DIST, servePreview } from './serve';

/** Seconds of training to observe, from --seconds=N. */
function seconds(): number {
  const flag = process.argv.find((a) => a.startsWith('--seconds='));
  const v = flag ? Number(flag.slice('--seconds='.length)) : 10;
  if (!Number.isFinite(v) || v <= 0 || v > 120) throw new Error(`--seconds must be a number in (0, 120], got ${flag}`);
  return v;
}

/** The lab's URL hash, from --hash=… (default `#speed=0`: the default lab at full speed). */
function hash(): string {
  const flag = process.argv.find((a) => a.startsWith('--hash='));
  const h = flag ? flag.slice('--hash='.length) : '#speed=0';
  return h.startsWith('#') ? h : `#${h}`;
}

/** Raw and gzip bytes (zlib level 9, as bundlers report) of the JS the page loads, and of the worker chunk apart. */
function bundleSizes(): Record<string, unknown> {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const size = (file: string) => {
    const buf = readFileSync(`${DIST}${file}`);
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const initial = referenced.filter((f) => !/worker/.test(f)).map(size);
  const allJs = readdirSync(`${DIST}assets`).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const worker = allJs.filter((f) => /worker/.test(f)).map(size);
  const other = allJs.filter((f) => !referenced.includes(f) && !/worker/.test(f)).map(size);
  return {
    initialJs: initial,
    initialJsGzipTotal: initial.reduce((s, f) => s + f.gzip, 0),
    workerJs: worker,
    lazyJs: other,
    lazyJsGzipTotal: other.reduce((s, f) => s + f.gzip, 0),
  };
}

/** The p-quantile (0…1) of sorted numbers, by linear interpolation. */
function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * Installed before the page's own scripts: long-task observer, rAF timestamps, and the first step ≥ 1 on screen.
 * A string, not a function: tsx wraps named functions in a `__name` helper that does not exist in the page.
 */
const INSTRUMENT = `
  window.__perf = { longTasks: [], raf: [], firstFrame: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  requestAnimationFrame(function tick(t) { window.__perf.raf.push(t); requestAnimationFrame(tick); });
  const watch = new MutationObserver(() => {
    const m = /step\\s+([\\d,]+)/.exec(document.querySelector('[data-testid="step"]')?.textContent ?? '');
    if (m && Number(m[1].replace(/,/g, '')) >= 1) { window.__perf.firstFrame = performance.now(); watch.disconnect(); }
  });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { subtree: true, childList: true, characterData: true }));
`;

/** What INSTRUMENT collects. */
interface PagePerf {
  longTasks: { start: number; duration: number }[];
  raf: number[];
  firstFrame: number | null;
}

async function main(): Promise<void> {
  if (!existsSync(`${DIST}index.html`)) throw new Error('dist/index.html is missing: run `npm run build` first');
  const observe = seconds();
  const loadBefore = loadavg()[0];
  const { base, stop } = await servePreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript({ content: INSTRUMENT });
    await page.goto(`${base}${hash()}`);
    await page.getByTestId('step').filter({ hasText: /step [1-9]/ }).waitFor({ timeout: 20_000 });
    const t0 = Date.now();
    const shown: number[] = [];
    const stepAt = async () => Number(((await page.getByTestId('step').textContent()) ?? '').replace(/[^\d]/g, ''));
    const step0 = await stepAt();
    while (Date.now() - t0 < observe * 1000) {
      await page.waitForTimeout(500);
      const m = /([\d,]+) steps\/s/.exec((await page.getByTestId('run-state').textContent()) ?? '');
      if (m) shown.push(Number(m[1].replace(/,/g, '')));
    }
    const step1 = await stepAt();
    const elapsed = (Date.now() - t0) / 1000;
    const perf = await page.evaluate(() => (window as unknown as { __perf: PagePerf }).__perf);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const chromiumVersion = browser.version();
    await page.close();

    // rAF intervals from the moment training was observed (the first second of page load is its own figure)
    const start = perf.firstFrame ?? 0;
    const times = perf.raf.filter((t) => t >= start);
    const intervals = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
    const long = perf.longTasks;
    const sortedShown = [...shown].sort((a, b) => a - b);
    const summary = {
      url: hash() === '#speed=0' ? '#speed=0 (default lab: LSTM 16, echo lag 10, batch 16, Adam)' : hash(),
      chromium: chromiumVersion,
      // the machine is shared: its 1-minute load average says how much else competed for its cores
      machine: { cpus: cpus().length, loadAverage1mBefore: round(loadBefore, 2), loadAverage1mAfter: round(loadavg()[0], 2) },
      observedSeconds: round(elapsed, 2),
      firstFrameMs: perf.firstFrame === null ? null : round(perf.firstFrame),
      firstContentfulPaintMs: fcp === null ? null : round(fcp),
      longTasks: {
        count: long.length,
        totalMs: round(long.reduce((s, t) => s + t.duration, 0)),
        maxMs: round(Math.max(0, ...long.map((t) => t.duration))),
        afterFirstFrame: long.filter((t) => t.start >= start).length,
        list: long.map((t) => ({ startMs: round(t.start), durationMs: round(t.duration) })),
      },
      animationFrames: {
        count: intervals.length + 1,
        medianMs: round(quantile(intervals, 0.5), 2),
        p95Ms: round(quantile(intervals, 0.95), 2),
        maxMs: round(intervals.at(-1) ?? NaN, 2),
      },
      training: {
        stepsPerSecondShownMedian: round(quantile(sortedShown, 0.5), 0),
        stepsPerSecondShownLast: shown.at(-1) ?? null,
        stepsCommittedPerSecond: round((step1 - step0) / elapsed, 0),
        stepsAtEnd: step1,
      },
      bundle: bundleSizes(),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await browser.close();
    stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:browser: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
