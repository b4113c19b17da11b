/**
 * `npm run bench:lessons`: for every step of every lesson, the seconds from opening the step in headless Chromium
 * until what the step is about shows — a Predict answered (the first choice committed, the result on screen), a
 * Try reached (its `solve` settings entered, the goal met), or else every view of the step drawn. Expects `dist/`
 * (`npm run build`). Prints a Markdown table; exits 1 if a step takes more than the budget (--budget=20 seconds).
 * `--lesson=<id>` (repeatable, or comma-separated) times only those lessons: `npm run bench:lessons -- --lesson=applications`.
 */
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { doStep } from '../e2e/lesson-steps';
import { ARGS, CHROMIUM, servePreview } from './serve';

const budget = Number(process.argv.find((a) => a.startsWith('--budget='))?.slice('--budget='.length) ?? 20);
/** the lessons to time (--lesson=<id>, repeatable or comma-separated); none given: every lesson */
const only = process.argv.filter((a) => a.startsWith('--lesson=')).flatMap((a) => a.slice('--lesson='.length).split(',')).filter((id) => id !== '');

async function main(): Promise<void> {
  const { base, stop } = await servePreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows: { lesson: string; step: number; title: string; kind: string; seconds: number | null }[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${base}#lessons`);
    const all = await page.locator('.lesson-list li').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson')!));
    const unknown = only.filter((id) => !all.includes(id));
    if (unknown.length > 0) throw new Error(`no lesson ${unknown.join(', ')} (the lessons: ${all.join(', ')})`);
    const ids = only.length > 0 ? all.filter((id) => only.includes(id)) : all;
    for (const id of ids) {
      await page.goto(`${base}#lesson=${id}`);
      const n = Number(/step 1 of (\d+)/.exec((await page.locator('.lesson-where').textContent()) ?? '')?.[1]);
      for (let k = 0; k < n; k++) {
        await page.goto(`${base}#lesson=${id}&step=${k + 1}`);
        await page.reload(); // a fresh page: each step timed from its own opening, as a student arriving by link
        const t0 = Date.now();
        const title = (await page.locator('.lesson-text h1').textContent()) ?? '';
        let kind = 'views';
        let ok = true;
        try {
          kind = await doStep(page, budget * 3000);
          // a Try done on the figure itself (the error surface's clicks and buttons) has no settings to enter: what the
          // step shows is its views, drawn
          if (kind === 'views' && (await page.getByTestId('try').count())) kind = 'try (on the figure): views';
        } catch {
          ok = false;
        }
        rows.push({ lesson: id, step: k + 1, title, kind, seconds: ok ? (Date.now() - t0) / 1000 : null });
      }
    }
  } finally {
    await browser.close();
    stop();
  }
  const out = ['| lesson | step | what | seconds |', '|---|---|---|---|', ...rows.map((r) => `| ${r.lesson} | ${r.step}. ${r.title} | ${r.kind} | ${r.seconds === null ? 'did not show' : r.seconds.toFixed(1)} |`)];
  process.stdout.write(`${out.join('\n')}\n\n${cpus().length} cores, 1-minute load average ${loadavg()[0].toFixed(1)}; budget ${budget} s.\n`);
  const over = rows.filter((r) => r.seconds === null || r.seconds > budget);
  if (over.length > 0) {
    process.stderr.write(`bench:lessons: ${over.length} step(s) over the ${budget}-s budget: ${over.map((r) => `${r.lesson} ${r.step}`).join(', ')}\n`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:lessons: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
