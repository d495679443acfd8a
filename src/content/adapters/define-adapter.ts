/**
 * A site adapter describes one site's markup; the generic pipeline (`content/pipeline.ts`) does the rest. Adapters
 * never call `browser.*`, send messages or touch storage (STYLE §2).
 */
import type { SiteId } from '../../shared/types';

/** A CSS selector, or several tried in order (first match wins). `':scope'` means the item element itself. */
export type Selector = string | readonly string[];

/** Reads one value (sender id, message id, time…) from an element found by a `Field`'s selector. */
export type Reader = (element: Element, item: Element) => string | undefined;

/** Where a value lives: the first element matching `from` (inside the item, not inside a nested item). */
export interface Field {
  readonly from: Selector;
  readonly read: Reader;
}

/** What an adapter extracts from one message; the shape `classify` accepts. */
export interface ItemData {
  id: string;
  sender: string;
  senderName?: string;
  text: string;
  permalink?: string;
  time?: number;
}

export interface SiteAdapter {
  /** Equals the file name and one of `siteIds`. */
  readonly id: SiteId;
  /** Host names the manifest's `content_scripts.matches` cover (tested). Empty for any-host sites. */
  readonly hosts: readonly string[];
  /** Recognises the site by its markup on hosts the user enabled (Mastodon instances, WordPress blogs). */
  readonly detect?: (doc: Document) => boolean;
  /** Pages of a matched host that can hold messages; others are recognised but not scanned. */
  readonly isRelevantPage?: (url: URL) => boolean;
  /**
   * Markup that only shows where messages are, looser than `item` (a comment's text or permalink, its list's rows):
   * on the page while no message is read, the site's layout has changed. Absent: the page has no messages yet.
   */
  readonly canary?: string;
  /** One element per message. Nested items (replies) are separate items. */
  readonly item: Selector;
  /** The message text, within the item. */
  readonly text: Selector;
  /** The stable sender id (handle, numeric id), never only the display name (sites.md §1 rule 6). */
  readonly sender: Field;
  /** Display name, as shown. */
  readonly senderName?: Selector;
  /** A message id unique on the site; the pipeline prefixes nothing, so include the host where ids are local. */
  readonly messageId?: Field;
  /** A link to the message (`href`, resolved against the page URL). */
  readonly permalink?: Selector;
  /** An element with a machine-readable time (`datetime`, `title`, `created`…); see `readTime`. */
  readonly time?: Field;
  /**
   * Where the chip goes (appended). Defaults to right after the text element, which suits most sites: a slot in a
   * flex row (X's name row, Instagram's and Mastodon's action rows, LinkedIn's byline) squeezed the site's own items.
   */
  readonly slot?: Selector;
  /** A CSS selector matching this sender's items, for pre-hiding muted senders before they paint. */
  readonly senderSelector?: (sender: string) => string;
  /**
   * Items `senderSelector` cannot reach (a chat row names its sender in text only): while a mute is active, new
   * ones wait unpainted until they are read (a frame), so a muted sender's never shows.
   */
  readonly unhookedItems?: string;
  /** How far the site indents this item's row by markup, in px (Hacker News' spacer image), for its stub. */
  readonly stubIndent?: (item: Element) => number | undefined;
  /** UI strings that sit inside the text element and must be dropped ("See more"). */
  readonly textExclude?: string;
  /** Escape hatch for markup selectors cannot describe; overrides the fields above when it returns data. */
  readonly extract?: (item: Element) => Partial<ItemData> | undefined;
}

export const defineAdapter = (adapter: SiteAdapter): SiteAdapter => adapter;

/** Joins a selector list for `querySelectorAll` / `closest`. */
export const joinSelector = (selector: Selector): string =>
  typeof selector === 'string' ? selector : selector.join(', ');
