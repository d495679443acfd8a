// Builds dist/chrome and dist/firefox from one source and one manifest.json.
// `node scripts/build.mjs --e2e` builds dist/e2e-chrome and dist/e2e-firefox with the test hooks compiled in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const e2e = process.argv.includes('--e2e');
const prefix = e2e ? 'e2e-' : '';
const buildDir = path.resolve('dist', `${prefix}build`);
const env = { ...process.env, UNCANNED_OUT_DIR: buildDir, UNCANNED_E2E: e2e ? '1' : '0' };
const vite = path.resolve('node_modules/vite/bin/vite.js');

const modes = ['production', 'content', 'background', 'prefetch', ...(e2e ? ['e2e'] : [])];
for (const mode of modes) {
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--mode', mode], { stdio: 'inherit', env });
}
checkClassicScripts(buildDir);
// Firefox's hold and wait rules (src/content/firefox-sheet.ts): a stylesheet Firefox removes with the extension.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/firefox-css.ts', path.join(buildDir, 'content.css')], {
  stdio: 'inherit',
});

const manifest = JSON.parse(fs.readFileSync('manifest.json', 'utf8'));
for (const target of ['chrome', 'firefox']) {
  const outDir = path.resolve('dist', `${prefix}${target}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.cpSync(buildDir, outDir, { recursive: true });
  if (target === 'chrome') fs.rmSync(path.join(outDir, 'content.css')); // Chromium lifts our own <style>'s rules
  const targetManifest = manifestFor(target, manifest);
  if (e2e) targetManifest.content_scripts.push({ matches: ['https://uncanned.test/*'], js: ['e2e-open-popup.js'] });
  else assertNoTestHooks(outDir);
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(targetManifest, null, 2)}\n`);
}
fs.rmSync(buildDir, { recursive: true, force: true });
console.log(`built dist/${prefix}chrome and dist/${prefix}firefox`);

/** Chrome runs `background.service_worker`; Firefox runs `background.scripts` and reads `browser_specific_settings`. */
function manifestFor(target, source) {
  const result = structuredClone(source);
  if (target === 'chrome') {
    result.background = { service_worker: source.background.service_worker };
    delete result.browser_specific_settings;
  } else {
    result.background = { scripts: source.background.scripts };
    for (const script of result.content_scripts) script.css = ['content.css'];
  }
  return result;
}

/** Content scripts and the background must be classic scripts: no import/export, no dynamic import(). */
function checkClassicScripts(dir) {
  for (const file of ['content.js', 'background.js', 'popup-prefetch.js']) {
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    new vm.Script(code, { filename: file }); // throws on import/export statements
    if (/\bimport\s*\(/.test(code)) throw new Error(`${file} contains a dynamic import()`);
  }
}

/** Release bundles must not contain the e2e hooks (they are compiled out by `__UNCANNED_E2E__`). */
function assertNoTestHooks(dir) {
  for (const file of ['content.js', 'background.js']) {
    if (fs.readFileSync(path.join(dir, file), 'utf8').includes('installE2eHooks')) {
      throw new Error(`${file} of a release build contains the e2e popup hook`);
    }
  }
  if (fs.existsSync(path.join(dir, 'e2e-open-popup.js'))) throw new Error('release build contains e2e-open-popup.js');
}
