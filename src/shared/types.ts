/** Ids of the built-in site adapters; each equals its adapter's file name in `content/adapters/`. */
export const siteIds = [
  'bluesky',
  'disqus',
  'facebook',
  'github',
  'hackernews',
  'instagram',
  'linkedin',
  'mastodon',
  'reddit',
  'wordpress',
  'x',
  'youtube',
] as const;

export type SiteId = (typeof siteIds)[number];

/** Limits on what a content script may send; the background rejects anything larger. */
export const limits = {
  maxTextLength: 20_000,
  maxIdLength: 512,
  maxBatchSize: 500,
  maxImportBytes: 64 * 1024 * 1024,
} as const;

/** A sender is identified by site + stable id; this is the one place that builds the key. */
export const senderKey = (site: string, sender: string): string => `${site}:${sender}`;
