/** The 5,000-comment bench page in Debian Chromium with a build of the extension, for the one-off tools. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { staticPage } from './youtube-page';

export const benchComments = 5_000;
export const benchUrl = 'https://www.youtube.com/watch?v=Bench5000xx';

/** Chromium with `distDir` loaded, its service worker up, every http(s) URL answered with the bench page. */
export async function launchOnBenchPage(distDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const dir = path.resolve(distDir);
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'uncanned-tool-')), {
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu'],
  });
  const body = staticPage(benchComments);
  await context.route(/^https?:\/\//, (route) => route.fulfill({ contentType: 'text/html', body }));
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, page: await context.newPage() };
}

/** Waits until `count` message elements carry `data-uncanned`, then half a second more for the last marks. */
export async function waitUntilJudged(page: Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelectorAll('[data-uncanned]').length >= expected, count, {
    timeout: 120_000,
    polling: 200,
  });
  await page.waitForTimeout(500);
}
