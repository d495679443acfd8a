import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json';
import { siteIds } from '../../shared/types';
import { adapters } from './index';

const dir = path.resolve('src/content/adapters');
const pages = JSON.parse(fs.readFileSync('tests/fixtures/pages.json', 'utf8')) as Record<string, string>;
const helperFiles = new Set(['define-adapter.ts', 'index.ts', 'readers.ts', 'test-page.ts']);
const adapterFiles = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !helperFiles.has(file));

/** Chrome match pattern → does it cover https://<host>/? */
const covers = (pattern: string, host: string) => {
  const found = /^(\*|https?):\/\/(\*\.)?([^/]+)\//.exec(pattern);
  if (!found) return false;
  const [, , wildcard, patternHost] = found;
  return host === patternHost || (wildcard !== undefined && host.endsWith(`.${patternHost}`));
};

describe('adapter registry', () => {
  it('registers every adapter file, alphabetically, one per site id', () => {
    const ids = adapters.map((adapter) => adapter.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual([...siteIds]);
    expect(adapterFiles.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual(ids);
  });

  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))(
    '%s has a test, a fixture page, a Test URLs block and stays small',
    (id, adapter) => {
      expect(fs.existsSync(path.join(dir, `${id}.test.ts`))).toBe(true);
      const source = fs.readFileSync(path.join(dir, `${id}.ts`), 'utf8');
      expect(source).toMatch(/\/\* Test URLs:/);
      expect(source.split('\n').length).toBeLessThan(60);
      const fixtures = Object.values(pages).filter((file) => file.startsWith(`pages/${id}/`));
      expect(fixtures.length).toBeGreaterThan(0);
      for (const file of fixtures) expect(fs.existsSync(path.join('tests/fixtures', file))).toBe(true);
      expect(adapter.hosts.length > 0 || adapter.detect !== undefined).toBe(true);
    },
  );

  it("manifest content_scripts cover every adapter's hosts; any-host adapters rely on optional permissions", () => {
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    for (const adapter of adapters) {
      for (const host of adapter.hosts)
        expect(
          matches.some((pattern) => covers(pattern, host)),
          host,
        ).toBe(true);
    }
    expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
    expect(matches).not.toContain('<all_urls>');
  });
});
