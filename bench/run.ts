/**
 * Runs every bench/*.bench.ts in sequence, each in its own Node process (with --expose-gc, through tsx) so
 * heap figures do not mix, and prints their output. A bench may skip itself; a failing bench fails the run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
const failed: string[] = [];
for (const name of files) {
  console.log(`\n## ${name}\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(dir, name)], {
    stdio: 'inherit',
    cwd: join(dir, '..'),
  });
  if (result.status !== 0) failed.push(`${name} (exit ${result.status ?? result.signal})`);
}
console.log(`\n${files.length} bench file(s) run${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
process.exitCode = failed.length > 0 ? 1 : 0;
