/**
 * Fixture pages served under real site URLs. `tests/fixtures/pages.json` maps an exact URL (without the hash) to a
 * file under `tests/fixtures/`; both browsers answer those requests from disk, so no network is needed. The same
 * pages are the demo that `npm start` opens.
 */
import fs from 'node:fs';
import path from 'node:path';

export const fixturesDir = path.resolve('tests/fixtures');

export function fixturePages(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, 'pages.json'), 'utf8')) as Record<string, string>;
}

/** Hosts that have at least one fixture page: requests to them never reach the network. */
export function fixtureHosts(): string[] {
  return [...new Set(Object.keys(fixturePages()).map((url) => new URL(url).host)), 'uncanned.test'];
}

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The fixture for a URL on a fixture host, a plain 404 for anything else on those hosts, a placeholder for images
 * elsewhere (avatars, emoji CDNs), and `undefined` (abort: there is no network) for everything else.
 */
export function respondWithFixture(url: string): FixtureResponse | undefined {
  const key = url.split('#')[0] ?? url;
  const file = fixturePages()[key];
  if (file) {
    const full = path.join(fixturesDir, file);
    return { status: 200, contentType: contentTypes[path.extname(full)] ?? 'text/plain', body: fs.readFileSync(full) };
  }
  if (new URL(url).host === 'uncanned.test') {
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: demoIndex(),
    };
  }
  const isImage = /\.(png|jpe?g|gif|svg|webp)(\?|@|$)/.test(url) || /avatar|profile_images|emoji|ggpht/.test(url);
  if (isImage) return { status: 200, contentType: 'image/svg+xml', body: placeholderImage };
  if (isFixtureHost(url)) return { status: 404, contentType: 'text/plain', body: 'Not a fixture' };
  return undefined;
}

const placeholderImage =
  '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" rx="16" fill="#c7c9d1"/></svg>';

export const isFixtureHost = (url: string): boolean => {
  try {
    return fixtureHosts().includes(new URL(url).host);
  } catch {
    return false;
  }
};

/** The demo's start page (https://uncanned.test/): links to every fixture page, served under its real URL. */
function demoIndex(): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const items = Object.keys(fixturePages())
    .map((url) => `<li><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>Uncanned test</title>
<style>body{font:16px/1.5 system-ui;max-width:720px;margin:40px auto;padding:0 16px}</style>
<h1>Uncanned demo</h1><p>Local copies of social pages, served under their real addresses. Nothing here touches the
network. Open one, then the Uncanned toolbar button.</p><ul>${items}</ul>`;
}
