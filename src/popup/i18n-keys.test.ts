import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

test('every literal t() key in the popup and options exists in messages.json', () => {
  const keys = new Set(Object.keys(messages));
  const missing: string[] = [];
  for (const file of [...sourceFiles('src/popup'), ...sourceFiles('src/options')]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) {
      if (!keys.has(match[1] ?? '')) missing.push(`${file}: ${match[1]}`);
    }
  }
  expect(missing).toEqual([]);
});

test('every placeholder used in a message is declared', () => {
  const bad = Object.entries(messages as Record<string, { message: string; placeholders?: object }>).filter(
    ([, entry]) =>
      [...entry.message.matchAll(/\$([A-Za-z_]+)\$/g)].some(
        ([, name]) => !Object.keys(entry.placeholders ?? {}).some((key) => key.toLowerCase() === name?.toLowerCase()),
      ),
  );
  expect(bad.map(([key]) => key)).toEqual([]);
});
