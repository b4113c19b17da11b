import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
await page.goto(process.argv[2]);
await page.waitForTimeout(5000);
for (const [i, y] of [[1, 0], [2, 1700], [3, 3400]]) {
  await page.screenshot({ path: `/tmp/phone${i}.png`, clip: { x: 0, y, width: 390, height: 1700 }, fullPage: true });
}
await browser.close();
