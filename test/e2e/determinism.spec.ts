/**
 * Same seed, same run, everywhere: the engine's numbers must not depend on the JavaScript engine. The host's Math.exp,
 * log, tanh, pow, sin, cos differ in the last bit between Node's V8 and Chromium's (measured before detmath.ts: θ of
 * an LSTM run differed after one step); the engine now computes them itself from exactly specified arithmetic
 * (src/engine/detmath.ts). These tests train in Chromium — in the page's worker, through the app, on both kernels —
 * and compare θ from the saved run file with the engine's run in Node, byte for byte. They also run detmath's golden
 * table and the text task's sampling in the page itself (the engine bundled by esbuild), against the same values in
 * Node.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { SessionConfig } from '../../src/engine/config';
import { generateText } from '../../src/engine/generate';
import { Rng } from '../../src/engine/rng';
import { Session } from '../../src/engine/session';
import { fromHash } from '../../src/state/url';
import { GOLDEN_BINARY, GOLDEN_UNARY } from '../engine/detmath-golden';
import { collectErrors, openLab, settle, stepText } from './lab-page';

const STEPS = 200;
const ECHO = 'task=echo&lag=5&symbols=4&hidden=16&opt=adam&lr=0.01&clip=norm&clipAt=1&batch=8&play=0';
/** LSTM and GRU on echo, and an LSTM character model (softmax over the text's characters), each with Adam */
const RUNS: Record<string, string> = {
  'LSTM on echo': `${ECHO}&cell=lstm&seed=3`,
  'GRU on echo': `${ECHO}&cell=gru&seed=5`,
  'LSTM character model (text)': 'task=text&T=16&cell=lstm&hidden=16&opt=adam&lr=0.01&clip=norm&clipAt=1&batch=4&seed=7&play=0',
};

/** θ's bytes (little-endian doubles, as a saved run stores them) after `steps` in Node, and the kernels that trained it. */
function nodeTheta(hash: string, steps: number): { theta: string; kernels: string } {
  const s = new Session(fromHash(hash).config);
  s.train(steps);
  return { theta: Buffer.from(s.net.theta.buffer, s.net.theta.byteOffset, s.net.theta.byteLength).toString('base64'), kernels: s.trainer.kernels };
}

async function trainTo(page: Page, n: number): Promise<void> {
  await page.getByRole('spinbutton', { name: /^Train to step/ }).fill(String(n));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText(stepText(n), { timeout: 60_000 });
  expect(await settle(page)).toBe(n);
}

/** θ of the page's run as the saved run file holds it (base64 of the little-endian doubles), and its kernels setting. */
async function savedTheta(page: Page): Promise<{ theta: string; kernels: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save run' }).click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { snapshot: { theta: string; config: { kernels?: string } } };
  return { theta: saved.snapshot.theta, kernels: saved.snapshot.config.kernels ?? 'reference' };
}

/** How many of the doubles differ, for a readable failure (the assertion is on the bytes). */
function differing(a: string, b: string): number {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  if (x.length !== y.length) return Infinity;
  let n = 0;
  for (let i = 0; i < x.length; i += 8) if (x.readDoubleLE(i) !== y.readDoubleLE(i)) n++;
  return n;
}

for (const kernels of ['reference', 'fast'] as const) {
  for (const [name, run] of Object.entries(RUNS)) {
    test(`${name}, ${kernels} kernels: θ after ${STEPS} steps in Chromium's worker is Node's, byte for byte`, async ({ page }) => {
      test.setTimeout(120_000);
      const errors = collectErrors(page);
      const hash = kernels === 'fast' ? `${run}&kernels=fast` : run;
      const node = nodeTheta(`#${hash}`, STEPS);
      expect(node.kernels).toBe(kernels);
      await openLab(page, `/#${hash}&views=curve`);
      await expect(page.getByTestId('step')).toHaveAttribute('data-kernels', kernels);
      await trainTo(page, STEPS);
      const browser = await savedTheta(page);
      expect(browser.kernels).toBe(kernels);
      expect(differing(browser.theta, node.theta), 'doubles of θ that differ').toBe(0);
      expect(browser.theta).toBe(node.theta);
      expect(errors).toEqual([]);
    });
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The engine's detmath and a text run with sampling, bundled for a plain page (an IIFE that sets window.engine). */
async function engineBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import * as detmath from './src/engine/detmath';
        import { Session } from './src/engine/session';
        import { generateText } from './src/engine/generate';
        import { Rng } from './src/engine/rng';
        function textRun(config, steps, seed) {
          const s = new Session(config);
          s.train(steps);
          const t = s.net.theta;
          const bytes = new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
          let bin = '';
          for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
          return { theta: btoa(bin), text: generateText(s.net, s.task, 200, 0.7, new Rng(seed)), kernels: s.trainer.kernels };
        }
        window.engine = { detmath, textRun };
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  return out.outputFiles[0].text;
}

test.describe('the engine itself in the page (no worker, reference kernels)', () => {
  test('detmath returns its golden bits in Chromium', async ({ page }) => {
    await page.setContent('<!doctype html><title>detmath</title>');
    await page.addScriptTag({ content: await engineBundle() });
    const got = await page.evaluate(
      ({ unary, binary }) => {
        const d = (window as unknown as { engine: { detmath: Record<string, (...a: number[]) => number> } }).engine.detmath;
        const view = new DataView(new ArrayBuffer(8));
        const hex = (x: number) => {
          view.setFloat64(0, x);
          return view.getUint32(0).toString(16).padStart(8, '0') + view.getUint32(4).toString(16).padStart(8, '0');
        };
        return {
          unary: Object.fromEntries(Object.entries(unary).map(([f, rows]) => [f, rows.map(([x]) => [x, hex(d[f](x))])])),
          binary: Object.fromEntries(Object.entries(binary).map(([f, rows]) => [f, rows.map(([a, b]) => [a, b, hex(d[f](a, b))])])),
        };
      },
      { unary: GOLDEN_UNARY, binary: GOLDEN_BINARY },
    );
    expect(got.unary).toEqual(GOLDEN_UNARY);
    expect(got.binary).toEqual(GOLDEN_BINARY);
  });

  test('a character model trained in the page samples the same text as in Node, from the same θ', async ({ page }) => {
    test.setTimeout(120_000);
    const config: SessionConfig = fromHash(`#${RUNS['LSTM character model (text)']}`).config;
    const s = new Session(config);
    s.train(100);
    const nodeText = generateText(s.net, s.task, 200, 0.7, new Rng(11));
    const nodeTheta = Buffer.from(s.net.theta.buffer, s.net.theta.byteOffset, s.net.theta.byteLength).toString('base64');

    await page.setContent('<!doctype html><title>engine</title>');
    await page.addScriptTag({ content: await engineBundle() });
    const inPage = await page.evaluate(
      ({ cfg }) =>
        (window as unknown as { engine: { textRun: (c: unknown, n: number, seed: number) => { theta: string; text: string; kernels: string } } }).engine.textRun(
          cfg,
          100,
          11,
        ),
      { cfg: JSON.parse(JSON.stringify(config)) as unknown },
    );
    expect(inPage.kernels).toBe('reference');
    expect(differing(inPage.theta, nodeTheta), 'doubles of θ that differ').toBe(0);
    expect(inPage.theta).toBe(nodeTheta);
    expect(inPage.text).toBe(nodeText);
  });
});
