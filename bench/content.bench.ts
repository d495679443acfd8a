/**
 * Cost of the content script on the main thread, in real Chromium with the built extension (dist/chrome):
 * 1. a YouTube-structured page of 5,000 comments: script time per 100 comments (CDP Performance.getMetrics
 *    ScriptDuration, with the extension minus without) and the longest task (PerformanceObserver longtask);
 * 2. the same page under the CDP CPU profiler: self time of functions in the extension's content.js (the DOM calls
 *    they make are counted in them) and the longest run of consecutive samples inside content.js, i.e. our longest
 *    slice of main-thread work;
 * 3. a virtualized list of 20,000 comments scrolled end to end: JS heap after GC, before and after (content
 *    scripts share the page's V8 heap), with and without the extension.
 * Prints a table and writes docs/benchmarks-content.md. Builds dist/chrome when missing; skips without Chromium.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { staticPage, virtualPage } from './lib/youtube-page';

const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((file) => fs.existsSync(file));
const distDir = path.resolve('dist/chrome');
const comments = 5_000;
const virtualItems = 20_000;

async function launch(withExtension: boolean): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'uncanned-bench-'));
  const extension = withExtension ? [`--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [...extension, '--no-first-run', '--disable-gpu', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  await context.route(/^https?:\/\//, (route) => {
    const url = route.request().url();
    if (url.includes('v=Bench5000xx')) return route.fulfill({ contentType: 'text/html', body: staticPage(comments) });
    if (url.includes('v=Virtual20k'))
      return route.fulfill({ contentType: 'text/html', body: virtualPage(virtualItems) });
    return route.fulfill({ status: 404, body: '' });
  });
  if (withExtension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  await context.addInitScript(() => {
    const w = window as unknown as { longest: number; tasks: number[] };
    w.longest = 0;
    w.tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        w.longest = Math.max(w.longest, entry.duration);
        w.tasks.push(entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  return context;
}

/** Starts CDP performance metrics before navigation; the returned function reads one (seconds). */
async function metrics(page: Page): Promise<(name: string) => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
}

const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { tasks: number[] }).tasks.map((task) => Math.round(task)));

const heapAfterGc = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
};

/** Waits until every comment element is judged (extension) or a fixed settle time (baseline). */
async function settle(page: Page, withExtension: boolean, expected: number): Promise<void> {
  if (!withExtension) return page.waitForTimeout(1500);
  await page.waitForFunction((count) => document.querySelectorAll('[data-uncanned]').length >= count, expected, {
    timeout: 120_000,
    polling: 200,
  });
  await page.waitForTimeout(500);
}

async function staticRun(withExtension: boolean) {
  const context = await launch(withExtension);
  const page = await context.newPage();
  const read = await metrics(page);
  await page.goto('https://www.youtube.com/watch?v=Bench5000xx');
  await settle(page, withExtension, comments);
  const script = await read('ScriptDuration');
  console.log(
    `long tasks ${withExtension ? 'with' : 'without'} extension (5,000 comments): ${await longTasks(page)} ms`,
  );
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  const canned = await page.evaluate(() => document.querySelectorAll('[data-uncanned="canned"]').length);
  await context.close();
  return { script: script * 1000, longest, canned };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sums samples whose stack holds a content.js frame; a garbage-collector sample inside such a run extends it. */
function attribute(profile: CpuProfile): { ownMs: number; longestSliceMs: number } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const isOwn = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)?.callFrame.url.endsWith('/content.js')) return true;
    return false;
  };
  const samples = profile.samples ?? [];
  let own = 0;
  let run = 0;
  let longest = 0;
  for (let index = 0; index < samples.length; index++) {
    const id = samples[index] ?? 0;
    const duration = (profile.timeDeltas?.[index + 1] ?? 0) / 1000;
    if (isOwn(id)) own += duration;
    if (isOwn(id) || (run > 0 && byId.get(id)?.callFrame.functionName === '(garbage collector)')) run += duration;
    else run = 0;
    longest = Math.max(longest, run);
  }
  return { ownMs: own, longestSliceMs: longest };
}

async function profileRun() {
  const context = await launch(true);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto('https://www.youtube.com/watch?v=Bench5000xx');
  await settle(page, true, comments);
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();
  return attribute(profile as CpuProfile);
}

async function virtualRun(withExtension: boolean) {
  const context = await launch(withExtension);
  const page = await context.newPage();
  await page.goto('https://www.youtube.com/watch?v=Virtual20k');
  await settle(page, withExtension, 10);
  const before = await heapAfterGc(page);
  const started = Date.now();
  let half = 0;
  for (let top = 0; top < virtualItems * 100; top += 4_000) {
    await page.evaluate((y) => window.scrollTo(0, y), top);
    await page.waitForTimeout(16);
    if (top === (virtualItems * 100) / 2) {
      await page.waitForTimeout(1500);
      half = await heapAfterGc(page);
    }
  }
  await page.waitForTimeout(1500);
  const after = await heapAfterGc(page);
  console.log(`long tasks ${withExtension ? 'with' : 'without'} extension (scrolling): ${await longTasks(page)} ms`);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  const processed = await page.evaluate(() => document.querySelectorAll('[data-uncanned]').length);
  await context.close();
  return { before, half, after, longest, processed, seconds: (Date.now() - started) / 1000 };
}

if (!chromiumPath) {
  console.log('skipped: no Chromium at /usr/lib/chromium/chromium or /usr/bin/chromium');
} else {
  if (!fs.existsSync(path.join(distDir, 'content.js')))
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const [bare, extension] = [await staticRun(false), await staticRun(true)];
  const profiled = await profileRun();
  const [bareVirtual, extVirtual] = [await virtualRun(false), await virtualRun(true)];
  const per100 = ((extension.script - bare.script) / comments) * 100;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const rows = [
    ['Script time per 100 comments (5,000-comment page)', `${per100.toFixed(2)} ms`, '<= 2 ms'],
    [
      'Main-thread script, whole page: without / with extension',
      `${bare.script.toFixed(0)} / ${extension.script.toFixed(0)} ms`,
      '',
    ],
    [
      'Longest task: without / with extension',
      `${bare.longest.toFixed(0)} / ${extension.longest.toFixed(0)} ms (0 = none over 50 ms)`,
      'no task over 50 ms',
    ],
    [
      'CPU profile: content.js self time / longest slice of ours',
      `${profiled.ownMs.toFixed(0)} ms / ${profiled.longestSliceMs.toFixed(1)} ms`,
      'slice <= 50 ms',
    ],
    ['Canned messages flagged on the 5,000-comment page', String(extension.canned), ''],
    [
      `JS heap after GC, virtualized ${virtualItems.toLocaleString('en')} items: before → after scroll (extension)`,
      `${mb(extVirtual.before)} → ${mb(extVirtual.half)} (10,000) → ${mb(extVirtual.after)} MB`,
      'flat',
    ],
    [
      'Same without the extension',
      `${mb(bareVirtual.before)} → ${mb(bareVirtual.half)} → ${mb(bareVirtual.after)} MB`,
      '',
    ],
    [
      'Longest task while scrolling: without / with extension',
      `${bareVirtual.longest.toFixed(0)} / ${extVirtual.longest.toFixed(0)} ms`,
      'no task over 50 ms',
    ],
  ];
  const table = ['| Measure | Result | Target |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  );
  console.log(table);
  const measured = `Measured by \`bench/content.bench.ts\` (\`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}: Debian Chromium, headless, the release build in dist/chrome, ${os.cpus().length} CPU(s). Pages are generated YouTube comment markup served under a youtube.com URL; ~4 % of comments are canned copies, so chips and classify round trips are part of the cost.\n\n${table}\n\nScript time is CDP \`Performance.getMetrics\` ScriptDuration of the page's renderer main thread (content scripts run there), with the extension minus without, divided by comments. The CPU profile (CDP \`Profiler\`, 200 µs sampling, a separate run so its overhead stays out of ScriptDuration) sums the samples whose stack holds a function of the extension's content.js (DOM calls count towards their caller); its longest slice is the longest run of consecutive such samples (GC samples inside a run extend it), i.e. the longest stretch of main-thread work our script did without yielding. Long tasks come from a \`PerformanceObserver\` of type \`longtask\` installed before the page's scripts (only tasks over 50 ms are reported); they include the browser's own parsing, style and layout of the 5.5 MB page, so compare the two columns. Heap is \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`; the content script's isolated world shares the page's V8 heap.`;
  // The table and method are regenerated between the markers; the analysis around them is written by hand.
  const file = 'docs/benchmarks-content.md';
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const doc =
    previous.includes(start) && previous.includes(end)
      ? `${previous.slice(0, previous.indexOf(start) + start.length)}\n${measured}\n${previous.slice(previous.indexOf(end))}`
      : `# Content script benchmarks\n\n${start}\n${measured}\n${end}\n`;
  fs.writeFileSync(file, doc);
}
