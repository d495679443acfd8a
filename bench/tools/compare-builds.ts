/**
 * One-off A/B (not part of `npm run bench`): script time per 100 comments on the 5,000-comment bench page for
 * several builds of the extension, runs interleaved so a slow spell of the machine hits all of them alike.
 * Usage: npx tsx bench/tools/compare-builds.ts <runs> <dist dir> [<dist dir> ...]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { staticPage } from '../lib/youtube-page';

const [runs = '5', ...dirs] = process.argv.slice(2);
const comments = 5000;
const body = staticPage(comments);

/** ScriptDuration of the page's main thread (the page itself runs no script), per 100 comments. */
async function measure(dir: string): Promise<number> {
  const distDir = path.resolve(dir);
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'uncanned-ab-')), {
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [`--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`, '--no-sandbox', '--disable-gpu'],
  });
  await context.route(/^https?:\/\//, (route) => route.fulfill({ contentType: 'text/html', body }));
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto('https://www.youtube.com/watch?v=Bench5000xx');
  await page.waitForFunction((count) => document.querySelectorAll('[data-uncanned]').length >= count, comments, {
    timeout: 120_000,
    polling: 200,
  });
  await page.waitForTimeout(500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return ((metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000 * 100) / comments;
}

const results = new Map<string, number[]>(dirs.map((dir) => [dir, []]));
for (let run = 0; run < Number(runs); run++)
  for (const dir of dirs) results.get(dir)?.push(Number((await measure(dir)).toFixed(2)));
for (const [dir, list] of results) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`${dir}: median ${sorted[Math.floor(sorted.length / 2)]} ms, min ${sorted[0]} ms (${list.join(', ')})`);
}
