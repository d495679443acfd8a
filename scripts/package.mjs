// `npm run package`: store zips of both builds, made by `web-ext build` (no system zip needed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const { version } = JSON.parse(fs.readFileSync('manifest.json', 'utf8'));
for (const target of ['chrome', 'firefox']) {
  const filename = `uncanned-${version}-${target}.zip`;
  const args = ['build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'artifacts', '--overwrite-dest'];
  execFileSync('npx', ['web-ext', ...args, '--filename', filename], { stdio: 'inherit' });
}
