/**
 * First render of the built popup (dist/chrome) in real Chromium with a history of 10,000 repeat senders. The page
 * runs unmodified; only `browser.*` is replaced by an in-page fake backend that answers the popup's messages
 * (paged, ranked, searchable), so the figure is the popup's own cost: load, parse, fetch the first page, render.
 * Prints the figures and writes its section of docs/benchmarks-popup.md. Skips itself when there is no Chromium.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { measuredOn, percentile, writeDocSection } from './lib/doc-section';
import { firstRows, type Timing, watchFirstRows } from './lib/first-rows';

const senders = 10_000;
const runs = 15;
const target = 100;
const distDir = path.resolve('dist/chrome');
const origin = 'https://popup.bench';
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((file) => fs.existsSync(file));

/** Runs inside the page before any script: the fake `chrome`/`browser` the polyfill picks up. */
function installFakeBackend({ count, messages }: { count: number; messages: Record<string, { message: string }> }) {
  const hour = 3_600_000;
  const now = Date.now();
  const row = (index: number) => ({
    site: index % 3 === 0 ? 'x' : 'youtube',
    sender: `@sender${index}`,
    senderName: `Sender ${index}`,
    clusterId: `c${index}`,
    template: [
      { kind: 'text', value: 'Great video! Check out my channel ' },
      { kind: 'slot', values: [`link${index}`, `page${index}`] },
      { kind: 'text', value: ' for more tips like this' },
    ],
    sampleText: `Great video! Check out my channel link${index} for more tips like this`,
    count: count - index,
    sites: ['youtube'],
    firstSeen: now - 400 * hour,
    lastSeen: now - (index % 48) * hour,
    notCanned: false,
  });
  // Rows are made on demand: building all of them up front would bill the fake backend's work to the popup.
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => row(from + i));
  const handlers: Record<string, (input: Record<string, unknown>) => unknown> = {
    getTabSummary: () => ({ tabId: 1, site: 'youtube', status: 'active', read: 1840, canned: 212, hidden: 37 }),
    listRepeatSenders: ({ query, offset, limit }) => {
      const [start, end] = [Number(offset), Math.min(count, Number(offset) + Number(limit))];
      if (!query) return { total: count, items: range(start, end) };
      const rows = range(0, count).filter((item) =>
        item.senderName.toLowerCase().includes(String(query).toLowerCase()),
      );
      return { total: rows.length, items: rows.slice(start, end) };
    },
    listTemplates: () => ({ total: 0, items: [] }),
    listMutes: () => [],
  };
  const substitute = (text: string, subs: string[]) => text.replace(/\$(\w+)\$/g, () => subs.shift() ?? '');
  const browser = {
    runtime: {
      id: 'bench',
      getURL: (file: string) => `${location.origin}/${file}`,
      sendMessage: async ({ type, input }: { type: string; input: Record<string, unknown> }) => {
        const handler = handlers[type];
        return handler ? { ok: true, value: handler(input) } : { ok: true, value: undefined };
      },
      openOptionsPage: async () => {},
    },
    tabs: { query: async () => [{ id: 1 }] },
    permissions: { request: async () => true },
    i18n: {
      getMessage: (key: string, subs?: string[]) => substitute(messages[key]?.message ?? '', [...(subs ?? [])]),
      getUILanguage: () => 'en',
    },
  };
  Object.assign(globalThis, { chrome: { runtime: { id: 'bench' } }, browser });
}

const measureOnce = (page: Page): Promise<Timing> => firstRows(page, `${origin}/popup/index.html`);

async function main() {
  if (!chromiumPath) {
    console.log('popup bench skipped: no Chromium at /usr/lib/chromium/chromium');
    return;
  }
  if (!fs.existsSync(path.join(distDir, 'popup/index.html')))
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const messages = JSON.parse(fs.readFileSync(path.join(distDir, '_locales/en/messages.json'), 'utf8'));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 380, height: 600 } });
  await context.route(`${origin}/**`, (route) => {
    const file = path.join(distDir, new URL(route.request().url()).pathname);
    if (!file.startsWith(distDir) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
    return route.fulfill({
      body: fs.readFileSync(file),
      contentType: type[path.extname(file) as '.js'] ?? 'text/plain',
    });
  });
  // tsx (esbuild keepNames) wraps functions in __name(); define it so the serialized function runs in the page.
  const args = JSON.stringify({ count: senders, messages });
  await context.addInitScript({ content: `var __name = (f) => f; (${installFakeBackend})(${args});` });
  await context.addInitScript(watchFirstRows);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('popup error:', error.message));
  await measureOnce(page); // warm-up: compile caches, fonts
  const times: Timing[] = [];
  for (let run = 0; run < runs; run++) times.push(await measureOnce(page));
  const rows = await page.locator('[data-testid="sender-row"]').count();
  await browser.close();
  report(times, rows);
}

function report(timings: Timing[], rows: number) {
  const median = (pick: (timing: Timing) => number) => percentile(timings.map(pick), 50);
  const frame = median((timing) => timing.frame);
  const p90 = percentile(
    timings.map((timing) => timing.frame),
    90,
  );
  const verdict = frame < target ? 'under' : 'OVER';
  console.log(
    `popup first render (fake backend), ${senders.toLocaleString('en')} senders: first rows laid out at median ` +
      `${frame.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms (in the DOM at ${median((timing) => timing.rows).toFixed(1)} ms; ` +
      `${runs} runs; ${rows} rows; target < ${target} ms: ${verdict})`,
  );
  writeDocSection(
    'docs/benchmarks-popup.md',
    'fake',
    'Popup first render',
    `Measured by \`bench/popup.bench.ts\` (\`npm run bench\`) on ${measuredOn()}; Chromium (${chromiumPath}), headless.

The built popup (\`dist/chrome/popup/index.html\`, unmodified) is loaded in a 380 px viewport with \`browser.*\` replaced by an in-page fake backend holding **${senders.toLocaleString('en')} repeat senders** (ranked, paged, searchable), so the figure is the popup's own cost: load, parse, the first page request, render and layout. "Laid out" is the start of the frame after the first sender rows entered the DOM (recorded in the page by a MutationObserver and \`requestAnimationFrame\`).

| Runs | First rows laid out, median | p90 | First rows in the DOM, median | DOMContentLoaded, median | Rows | Target |
|---|---|---|---|---|---|---|
| ${runs} (after 1 warm-up) | **${frame.toFixed(1)} ms** | ${p90.toFixed(1)} ms | ${median((timing) => timing.rows).toFixed(1)} ms | ${median((timing) => timing.dcl).toFixed(1)} ms | ${rows} of ${senders.toLocaleString('en')} | < ${target} ms (${verdict}) |`,
  );
}

await main();
