/**
 * One-off diagnosis (not part of `npm run bench`): loads the 5,000-comment bench page with the built extension
 * under the CDP CPU profiler and prints self and inclusive time per content.js function.
 * Usage: npx tsx bench/tools/content-profile.ts [dist/chrome] [interval µs]
 */
import { benchComments, benchUrl, launchOnBenchPage, waitUntilJudged } from '../lib/bench-page';

const interval = Number(process.argv[3] ?? 100);
const { context, page } = await launchOnBenchPage(process.argv[2] ?? 'dist/chrome');
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval });
await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
await cdp.send('Profiler.start');
await page.goto(benchUrl);
await waitUntilJudged(page, benchComments);
const { profile: cpu } = (await cdp.send('Profiler.stop')) as unknown as {
  profile: {
    nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number }; children?: number[] }[];
    samples: number[];
    timeDeltas: number[];
  };
};
const metrics = (await cdp.send('Performance.getMetrics')).metrics;
console.log('ScriptDuration ms', (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
await context.close();

const parent = new Map<number, number>();
for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
const label = (id: number) => {
  const frame = byId.get(id)?.callFrame;
  return frame
    ? `${frame.functionName || '(anon)'}:${frame.lineNumber + 1}${frame.url.endsWith('content.js') ? '' : ` ${frame.url.slice(-20)}`}`
    : '?';
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let own = 0;
const byName = new Map<string, number>();
cpu.samples.forEach((id, index) => {
  const ms = (cpu.timeDeltas[index + 1] ?? 0) / 1000;
  const leaf = byId.get(id)?.callFrame.functionName ?? '?';
  if (leaf.startsWith('(')) byName.set(leaf, (byName.get(leaf) ?? 0) + ms);
  const stack: number[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at);
  if (!stack.some((at) => byId.get(at)?.callFrame.url.endsWith('/content.js'))) return;
  own += ms;
  self.set(label(id), (self.get(label(id)) ?? 0) + ms);
  for (const name of new Set(stack.map(label))) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
});
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(7)}  ${name}`);
console.log('special nodes', [...byName].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
console.log(
  `content.js samples: ${own.toFixed(1)} ms\n-- self --\n${top(self, 40).join('\n')}\n-- inclusive --\n${top(inclusive, 50).join('\n')}`,
);

// The longest runs of consecutive samples inside content.js (GC samples inside a run extend it), as the bench
// counts them, each with the functions that fill it: which unbudgeted work makes a slice long.
const isOwnSample = (id: number) => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
    if (byId.get(at)?.callFrame.url.endsWith('/content.js')) return true;
  return false;
};
const runs: { ms: number; samples: number[] }[] = [];
let current: { ms: number; samples: number[] } | undefined;
cpu.samples.forEach((id, index) => {
  const ms = (cpu.timeDeltas[index + 1] ?? 0) / 1000;
  if (isOwnSample(id) || (current && byId.get(id)?.callFrame.functionName === '(garbage collector)')) {
    current ??= { ms: 0, samples: [] };
    current.ms += ms;
    current.samples.push(id);
  } else if (current) {
    runs.push(current);
    current = undefined;
  }
});
if (current) runs.push(current);
for (const run of runs.sort((a, b) => b.ms - a.ms).slice(0, 4)) {
  const outer = new Map<string, number>();
  const within = new Map<string, number>();
  for (const id of run.samples) {
    const stack: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at);
    const first = stack.reverse().find((at) => byId.get(at)?.callFrame.url.endsWith('/content.js'));
    const name = first === undefined ? '(gc)' : label(first);
    outer.set(name, (outer.get(name) ?? 0) + 1);
    for (const at of new Set(stack.map(label))) within.set(at, (within.get(at) ?? 0) + 1);
  }
  const share = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => `${name} ${Math.round((100 * count) / run.samples.length)}%`)
      .join(', ');
  console.log(`slice ${run.ms.toFixed(1)} ms, entered by: ${share(outer, 4)}\n   within: ${share(within, 14)}`);
}
