import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Three builds (see scripts/build.mjs): extension pages as ES modules, then the content script and the
// background as single classic IIFE scripts, so one background.js serves as a Chrome service worker and as a
// Firefox background script. UNCANNED_E2E=1 compiles the test-only hooks in (never in release bundles).
export default defineConfig(({ mode }) => {
  const outDir = process.env.UNCANNED_OUT_DIR ?? '../dist/build';
  const define = {
    'process.env.NODE_ENV': JSON.stringify('production'),
    __UNCANNED_E2E__: JSON.stringify(process.env.UNCANNED_E2E === '1'),
  };
  const scriptEntries: Record<string, string> = {
    content: 'content/main.ts',
    background: 'background/main.ts',
    e2e: 'e2e/open-popup.ts',
    prefetch: 'popup/prefetch.ts',
  };
  const entry = scriptEntries[mode];
  if (entry) {
    return {
      root: 'src',
      define,
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        lib: {
          entry,
          formats: ['iife'],
          name: `uncanned_${mode}`,
          fileName: () => ({ e2e: 'e2e-open-popup.js', prefetch: 'popup-prefetch.js' })[mode] ?? `${mode}.js`,
        },
      },
    };
  }
  return {
    root: 'src',
    base: './',
    define,
    publicDir: '../public',
    plugins: [preact()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false }, // no inline script: the MV3 CSP would block it
      rollupOptions: {
        input: { popup: path.resolve('src/popup/index.html'), options: path.resolve('src/options/index.html') },
      },
    },
  };
});
