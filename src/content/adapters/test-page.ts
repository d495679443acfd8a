/** Test helper (never bundled): loads a fixture page into happy-dom's document under its real URL. */
import fs from 'node:fs';
import path from 'node:path';
import { extractItem, findItems } from '../extract';
import type { ItemData, SiteAdapter } from './define-adapter';

export const fixturesDir = path.resolve('tests/fixtures');

export function loadPage(url: string): Document {
  const pages = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'pages.json'), 'utf8')) as Record<string, string>;
  const file = pages[url];
  if (!file) throw new Error(`No fixture for ${url} in tests/fixtures/pages.json`);
  const html = fs.readFileSync(path.join(fixturesDir, file), 'utf8');
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.open();
  document.write(html);
  document.close();
  return document;
}

/** Every item the adapter finds on the page, extracted (undefined entries kept so counts stay honest). */
export function extractAll(adapter: SiteAdapter, doc: Document = document): (ItemData | undefined)[] {
  return findItems(adapter, doc).map((item) => extractItem(adapter, item));
}
