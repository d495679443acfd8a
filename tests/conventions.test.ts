import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// House rules from STYLE.md, checked over the file tree so they cannot drift.
const sourceFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => path.join(dir, file));

const src = sourceFiles('src');
const layerOf = (file: string) => file.split(path.sep)[1] ?? '';
const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
    (match) => ({ typeOnly: Boolean(match[1]), target: match[2] ?? '' }),
  );
/** The src/ layer a relative import lands in (undefined for packages and files outside src/, such as locales). */
const resolvedLayer = (file: string, target: string) => {
  const resolved = path.relative('.', path.resolve(path.dirname(file), target));
  return target.startsWith('.') && resolved.startsWith(`src${path.sep}`) ? layerOf(resolved) : undefined;
};

/** Which layers each layer may import at runtime; `core` types are allowed everywhere. */
const allowed: Record<string, string[]> = {
  core: ['core'],
  shared: ['shared'],
  store: ['store', 'shared', 'core'],
  background: ['background', 'store', 'shared', 'core'],
  content: ['content', 'shared'],
  popup: ['popup', 'shared'],
  options: ['options', 'shared'],
  e2e: ['shared'],
};

describe('conventions', () => {
  it('keeps every source file under 300 lines', () => {
    const long = src.filter((file) => fs.readFileSync(file, 'utf8').split('\n').length > 300);
    expect(long).toEqual([]);
  });

  it('respects the dependency rules between layers', () => {
    const violations = src.flatMap((file) =>
      importsOf(file)
        .filter(({ typeOnly, target }) => {
          const layer = resolvedLayer(file, target);
          if (!layer || file.endsWith('.test.ts') || file.endsWith('.test.tsx')) return false;
          if (layer === 'core' && typeOnly) return false;
          return !(allowed[layerOf(file)] ?? []).includes(layer);
        })
        .map(({ target }) => `${file} -> ${target}`),
    );
    expect(violations).toEqual([]);
  });

  it('writes the aggregates only through writeAggregates (it versions their cached totals)', () => {
    const aggregateStores = ['senders', 'senderClusters', 'clusters'];
    const literalStores = /^\s*(?:'(\w+)'|\[\s*'\w+'(?:\s*,\s*'\w+')*\s*\])\s*,\s*$/;
    const offenders = src
      .filter((file) => !/\.test\.tsx?$|testing/.test(file) && !file.endsWith('aggregates-version.ts'))
      .flatMap((file) => {
        const code = fs.readFileSync(file, 'utf8');
        // A read-write transaction must name its stores literally, and none of them may be an aggregate store.
        const transactions = [...code.matchAll(/\.transaction\(([^;]*?)'readwrite'\)/g)]
          .filter(([, stores = '']) => {
            const names = [...stores.matchAll(/'(\w+)'/g)].map((match) => match[1] ?? '');
            return !literalStores.test(stores) || names.some((name) => aggregateStores.includes(name));
          })
          .map(([call]) => call);
        const directWrites = [...code.matchAll(/\.(?:put|add|delete|clear)\(\s*'(\w+)'/g)]
          .filter(([, store = '']) => aggregateStores.includes(store))
          .map(([call]) => call);
        return [...transactions, ...directWrites].map((call) => `${file}: ${call.slice(0, 80)}`);
      });
    expect(offenders).toEqual([]);
  });

  it.each([
    ['string-similarity', 'src/core/similarity.ts'],
    ['webextension-polyfill', 'src/shared/browser.ts'],
  ])('imports %s from one module only', (pkg, onlyFile) => {
    const importers = src.filter((file) => importsOf(file).some(({ target }) => target === pkg));
    expect(importers.filter((file) => !file.endsWith('.test.ts'))).toEqual([onlyFile]);
  });

  it('touches IndexedDB only from src/store', () => {
    const importers = src.filter((file) => importsOf(file).some(({ target }) => target === 'idb'));
    expect(importers.filter((file) => !file.startsWith(`src${path.sep}store`))).toEqual([]);
  });

  it('has no expired or undated TODOs', () => {
    const today = new Date().toISOString().slice(0, 10);
    const todos = src.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/TODO(?: \[(\d{4}-\d{2}-\d{2})\])?/g)].map((match) => ({
        file,
        date: match[1],
      })),
    );
    expect(todos.filter(({ date }) => !date || date < today)).toEqual([]);
  });

  it('never builds HTML from strings in the extension UI and content scripts', () => {
    const risky = src.filter(
      (file) =>
        !file.includes('.test.') &&
        /\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(risky).toEqual([]);
  });
});
