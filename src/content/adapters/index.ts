/** Every built-in adapter, alphabetical by id (checked by registry.test.ts). Order never matters at run time. */
import bluesky from './bluesky';
import type { SiteAdapter } from './define-adapter';
import disqus from './disqus';
import facebook from './facebook';
import github from './github';
import hackernews from './hackernews';
import instagram from './instagram';
import linkedin from './linkedin';
import mastodon from './mastodon';
import reddit from './reddit';
import wordpress from './wordpress';
import x from './x';
import youtube from './youtube';

export const adapters: readonly SiteAdapter[] = [
  bluesky,
  disqus,
  facebook,
  github,
  hackernews,
  instagram,
  linkedin,
  mastodon,
  reddit,
  wordpress,
  x,
  youtube,
];

const hostMatches = (host: string, pattern: string) => host === pattern || host.endsWith(`.${pattern}`);

/**
 * The adapter for a page: by host name first (built-in sites), then by markup (`detect`) for sites that live on
 * any host and run only where the user granted access.
 */
export function pickAdapter(location: Location | URL, doc: Document): SiteAdapter | undefined {
  const byHost = adapters.find((adapter) => adapter.hosts.some((host) => hostMatches(location.hostname, host)));
  return byHost ?? adapters.find((adapter) => adapter.detect?.(doc));
}
