import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The Firefox tests need the e2e build (popup hook); the Chromium tests use the release build from `npm run build`. */
export default function setup(): void {
  fs.mkdirSync('test-results', { recursive: true });
  execFileSync(process.execPath, ['scripts/build.mjs', '--e2e'], { stdio: 'inherit' });
  if (!fs.existsSync('dist/chrome/manifest.json'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
