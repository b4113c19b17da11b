import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { assemble } from '../../src/engine/fast/wat';
import { trainModuleText } from '../../src/engine/fast/wat-train';
import { allViewsLoaded, collectErrors, openLab } from './lab-page';

/** Records every Content-Security-Policy violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('the built pages carry a strict policy: scripts, workers and connections from the site only, WebAssembly but no eval', async ({ request }) => {
  for (const path of ['/', '/embed.html']) {
    const html = await (await request.get(path)).text();
    // the real page, not a server's fallback to index.html
    expect(html.includes('class="embedded"')).toBe(path === '/embed.html');
    const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(m, `${path} has a CSP meta tag`).not.toBeNull();
    const content = m![1].replace(/&#39;/g, "'");
    const policy = new Map(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0], d.slice(1)]));
    // WebAssembly may compile (the fast training kernels), nothing else: no eval, no inline script
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(content).not.toContain("'unsafe-eval'"); // the keyword itself; 'wasm-unsafe-eval' allows WebAssembly only
    // no inline script could run under it, so the page must have none
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  }
});

test('under the policy the fast kernels compile and run, and eval is still refused', async ({ page }) => {
  await watchViolations(page);
  await openLab(page);
  const bytes = Array.from(assemble(trainModuleText()));
  const result = await page.evaluate(async (b) => {
    // asynchronously: a page's main thread may compile only small modules synchronously (the lab trains in a worker)
    const module = await WebAssembly.compile(new Uint8Array(b));
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { exports } = await WebAssembly.instantiate(module, { env: { memory } });
    const f = new Float32Array(memory.buffer);
    f.set([0, 1, -1, 2], 4);
    (exports.exp4_n as (p: number, n: number) => void)(16, 4);
    let evalRefused = false;
    try {
      (0, eval)('1');
    } catch {
      evalRefused = true;
    }
    return { exp: Array.from(f.slice(4, 8)), evalRefused };
  }, bytes);
  result.exp.forEach((v, k) => expect(v).toBeCloseTo(Math.exp([0, 1, -1, 2][k]), 6));
  expect(result.evalRefused).toBe(true);
  // eval's refusal is the one violation the page reports
  expect((await violations(page)).every((v) => v.startsWith('script-src'))).toBe(true);
});

test('every view, a lesson with formulas and the embed run under the policy without one violation', async ({ page }) => {
  // three pages, the first with every view: 14 s on a lightly loaded 2-core machine, 38 s on a heavily loaded one (measured)
  test.slow();
  await watchViolations(page);
  const errors = collectErrors(page);
  await openLab(page, '/#views=curve,output,unroll,flow,gates,formulas,surface,compare');
  await allViewsLoaded(page);
  expect(await violations(page)).toEqual([]);
  await page.goto('/#lesson=lstm&step=2');
  await expect(page.locator('.katex').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto('/embed.html#task=echo&lag=5&views=curve,formulas');
  await expect(page.locator('body.embedded')).toHaveCount(1);
  await expect(page.getByTestId('run-state')).not.toHaveText('starting');
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

/** No element was made from the payload, and none of its handlers ran. */
async function nothingInjected(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwn?: number }).__pwn)).toBeUndefined();
}

const PAYLOAD = '<img src=x onerror="window.__pwn=1"><svg onload="window.__pwn=2"></svg><script>window.__pwn=3</script>';

test('HTML in a link, in the text a network learns and in a CSV is shown as text, never made into elements', async ({ page }) => {
  // two pages, the first with four views: 8 s on a lightly loaded 2-core machine, 23 s on a heavily loaded one (measured)
  test.slow();
  await watchViolations(page);
  const text = `${PAYLOAD} the cat sat on the mat. ${PAYLOAD}`;
  await openLab(page, `/#task=text&text=${encodeURIComponent(text)}&views=curve,output,unroll,gates&caption=${encodeURIComponent(PAYLOAD)}`);
  await allViewsLoaded(page);
  // the text is there, as characters (the output view shows what the network was given and writes)
  await expect(page.locator('body')).toContainText('onerror');
  await nothingInjected(page);
  // a fresh load of the CSV link (a hash change on the open page would race the page rewriting its own hash)
  await page.goto('about:blank');
  await page.goto(`/#task=series&csv=${encodeURIComponent(`1\n2\n${PAYLOAD}`)}`);
  await expect(page.getByTestId('notices')).toBeVisible();
  await expect(page.getByTestId('notices')).toContainText('<img');
  await nothingInjected(page);
  expect(await violations(page)).toEqual([]);
});
