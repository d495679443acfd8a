import fs from 'node:fs';
import path from 'node:path';

/**
 * Where an e2e screenshot goes: `test-results/` on every run, and also the README's `docs/screenshots/` when the run
 * is asked to refresh them (`UPDATE_SCREENSHOTS=1 npm run test:e2e`), so ordinary runs never rewrite tracked files.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results';
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
