/**
 * One-off A/B (not part of `npm run bench`): script time per 100 comments on the 5,000-comment bench page for
 * several builds of the extension, runs interleaved so a slow spell of the machine hits all of them alike.
 * Usage: npx tsx bench/tools/compare-builds.ts <runs> <dist dir> [<dist dir> ...]
 */
import { benchComments, benchUrl, launchOnBenchPage, waitUntilJudged } from '../lib/bench-page';

const [runs = '5', ...dirs] = process.argv.slice(2);

/** ScriptDuration of the page's main thread (the page itself runs no script), per 100 comments. */
async function measure(dir: string): Promise<number> {
  const { context, page } = await launchOnBenchPage(dir);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(benchUrl);
  await waitUntilJudged(page, benchComments);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return ((metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000 * 100) / benchComments;
}

const results = new Map<string, number[]>(dirs.map((dir) => [dir, []]));
for (let run = 0; run < Number(runs); run++)
  for (const dir of dirs) results.get(dir)?.push(Number((await measure(dir)).toFixed(2)));
for (const [dir, list] of results) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`${dir}: median ${sorted[Math.floor(sorted.length / 2)]} ms, min ${sorted[0]} ms (${list.join(', ')})`);
}
