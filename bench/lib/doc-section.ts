/** Rewrites one bench's section of a docs page between its markers; the hand-written text around them stays. */
import fs from 'node:fs';
import os from 'node:os';

export function writeDocSection(file: string, name: string, title: string, body: string): void {
  const [start, end] = [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# ${title}\n`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const doc =
    previous.includes(start) && previous.includes(end)
      ? `${previous.slice(0, previous.indexOf(start))}${section}${previous.slice(previous.indexOf(end) + end.length)}`
      : `${previous.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, doc);
}

/** "2026-11-26, 2 × Intel …, load average 1.2": when and where a figure was measured. */
export const measuredOn = (): string =>
  `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, load average ${os.loadavg()[0]?.toFixed(1)} at the start`;

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
